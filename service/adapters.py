"""Outside processes and stores behind small interfaces, wired in create_app and pinged by /healthz.

Handlers reach them through `services()`; tests swap in fakes (a fixed clock, a stand-in converter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Protocol

from flask import current_app


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
    converter: Any = None  # service.conversion.local.PdfConverter, wired when documents are on
    store: Any = None  # service.documents.storage.DocumentStore
    mailer: Any = None  # service.mail.Mailer
    extra: dict[str, Any] = field(default_factory=dict)


def services() -> Services:
    return current_app.extensions["tripartito"]
