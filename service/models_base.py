"""Shared column types for the ORM models."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import DateTime, String, TypeDecorator
from sqlalchemy.orm import Mapped, mapped_column, validates


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes on every engine (SQLite forgets the zone; we put it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def first_version_zero(current: int | None) -> int:
    """version_id_generator for counters that start at 0, like an iCalendar SEQUENCE."""
    return 0 if current is None else current + 1


ORIGINAL_LANGUAGES = ("es", "en")


class TypedInLanguage:
    """Mixin of records whose texts people type into documents: the language they were typed in (es | en).
    Documents in the other language show their translations (service.content_translations); not given (None),
    it is Spanish, the team's working language."""

    original_language: Mapped[str] = mapped_column(String(2), default="es", server_default="es")

    @validates("original_language")
    def _spanish_unless_said(self, _key: str, value: str | None) -> str:
        return value or "es"
