"""A realistic demo year in Spanish: `tripartito demo`. Each area adds its part in a module of its own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from service.adapters import PdfConverter, services
from service.extensions import db
from service.meetings.models import Meeting


def load_demo(year: int, *, now: datetime, converter: PdfConverter | None = None) -> str:
    """Load the demo year once; a database that already has meetings is left alone. With a converter, the demo
    also issues (and withdraws) a document, and its concept note is normalised as an upload is."""
    if db.session.scalar(select(func.count(Meeting.id))):
        return "The database already has meetings; demo data not loaded again."
    from service.demo import annexes, core, followups, monitoring_tools, translations, withdrawal

    parts = [core.load(year, now=now)]
    parts.append(followups.load(year, now=now))
    parts.append(monitoring_tools.load(year, now=now))
    converter = converter or services().converter
    parts.append(annexes.load(year, now=now, converter=converter))
    parts.append(translations.load(year, now=now))
    parts.append(withdrawal.load(year, now=now, converter=converter))
    return "Demo loaded: " + "; ".join(parts) + "."
