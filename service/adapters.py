"""Outside processes and stores behind small Protocols, wired in create_app and pinged by /healthz.

Handlers reach them through `services()`; tests swap in fakes implementing the same Protocols (a fixed
clock, a stand-in converter, a broken mailer).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol, runtime_checkable

from flask import current_app

from service.conversion.protocol import PdfConverter
from service.documents.storage import DocumentStore
from service.mail import Mailer
from service.sealing.protocol import Sealer


@runtime_checkable
class Clock(Protocol):
    def now(self) -> datetime: ...

    def today(self) -> date: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now(UTC).date()


class FixedClock:
    """A clock that says what a test tells it."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at

    def today(self) -> date:
        return self.at.date()


@dataclass
class Services:
    clock: Clock
    store: DocumentStore
    mailer: Mailer
    converter: PdfConverter | None = None  # None: no LibreOffice started (commands and tests that never issue)
    sealer: Sealer | None = None  # None: issued PDFs are not sealed (only when create_app is told so)


def services() -> Services:
    wired: Services = current_app.extensions["tripartito"]
    return wired
