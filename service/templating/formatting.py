"""Dates, times, numbers and amounts as official documents show them, per language (Babel).

Spanish uses the Latin American number conventions of the CRM region (``12,345.50``) and long dates
("28 de noviembre de 2026"); English uses day-month-year ("28 November 2026") so that both versions of a
document read the same way.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_date as _babel_date
from babel.dates import get_timezone_location
from babel.numbers import format_decimal

_LOCALE = {"es": "es_419", "en": "en"}
_DATE_PATTERN = {"es": "d 'de' MMMM 'de' y", "en": "d MMMM y"}


def _locale(language: str) -> str:
    try:
        return _LOCALE[language]
    except KeyError:
        raise ValueError(f"Unsupported document language {language!r}: use 'es' or 'en'.") from None


def format_date(value: date, language: str) -> str:
    """28 de noviembre de 2026 / 28 November 2026."""
    if isinstance(value, datetime):
        value = value.date()
    return _babel_date(value, _DATE_PATTERN[language], locale=_locale(language))


def format_time(value: datetime) -> str:
    """24-hour clock in both languages: the CRM works across many time zones and 24 h is unambiguous."""
    return value.strftime("%H:%M")


def format_utc_offset(offset: timedelta) -> str:
    """UTC−06:00 (with a real minus sign, as printed documents use)."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


def format_zone(local: datetime, tz_name: str, language: str) -> str:
    """hora de Honduras, UTC−06:00 / Honduras Time, UTC−06:00 (offset of that day, DST included)."""
    tz = ZoneInfo(tz_name)
    aware = local.replace(tzinfo=tz)
    offset = aware.utcoffset() or timedelta(0)
    if tz_name in {"UTC", "Etc/UTC"}:
        return format_utc_offset(offset)
    # plain "es": Babel's es_419 data names every zone "hora de verano de …", even without DST
    return f"{get_timezone_location(tz, locale=language)}, {format_utc_offset(offset)}"


def format_time_range(starts_at: datetime, ends_at: datetime, tz_name: str, language: str) -> str:
    """10:00–12:00 (hora de Honduras, UTC−06:00); the end date is shown when it is another day."""
    end = format_time(ends_at)
    if ends_at.date() != starts_at.date():
        end = f"{format_date(ends_at, language)} {end}"
    return f"{format_time(starts_at)}–{end} ({format_zone(starts_at, tz_name, language)})"


def format_datetime(value: datetime, language: str) -> str:
    """28 de noviembre de 2026, 10:00 (a wall time; callers add the zone where it matters)."""
    return f"{format_date(value, language)}, {format_time(value)}"


def format_number(value: int | float | Decimal, language: str, *, decimals: int | None = None) -> str:
    """12,345.5; with ``decimals`` a fixed number of decimal places (12,345.50)."""
    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale(language))

