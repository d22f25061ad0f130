"""Dates, times, numbers and amounts as official documents show them, per language (Babel).

Spanish uses the Latin American number conventions of the CRM region (``12,345.50``) and long dates
("28 de noviembre de 2026"); English uses day-month-year ("28 November 2026") so that both versions of a
document read the same way.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_date as _babel_date
from babel.dates import get_month_names, get_timezone_location
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



def format_date_range(first: date, last: date | None, language: str) -> str:
    """16 al 18 de junio de 2026 / 16–18 June 2026; the shared month and year are written once."""
    if isinstance(first, datetime):
        first = first.date()
    if isinstance(last, datetime):
        last = last.date()
    if last is None or last == first:
        return format_date(first, language)
    if last < first:
        raise ValueError(f"A date range cannot end ({last}) before it starts ({first}).")
    months = get_month_names("wide", locale=_locale(language))
    if language == "es":
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day} al {last.day} de {months[last.month]} de {last.year}"
        if first.year == last.year:
            return f"{first.day} de {months[first.month]} al {format_date(last, language)}"
        return f"{format_date(first, language)} al {format_date(last, language)}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}\u2013{last.day} {months[last.month]} {last.year}"
    if first.year == last.year:
        return f"{first.day} {months[first.month]} \u2013 {format_date(last, language)}"
    return f"{format_date(first, language)} \u2013 {format_date(last, language)}"


# Monitoring periods are stored as codes: 2026 (the year), 2026-S1 (a half), 2026-Q3 (a quarter).
_PERIOD = re.compile(r"^(?P<year>\d{4})(?:-(?P<unit>[SQT])(?P<n>[1-4]))?$")  # T: Spanish "trimestre"
_ORDINALS = {"es": ("primer", "segundo", "tercer", "cuarto"), "en": ("first", "second", "third", "fourth")}


def format_period(code: str, language: str) -> str:
    """primer semestre de 2026 / first half of 2026; tercer trimestre de 2026 / third quarter of 2026.

    A code this does not know (typed by hand) is shown as it is rather than guessed at.
    """
    found = _PERIOD.match(code.strip())
    _locale(language)
    if not found:
        return code
    year, unit, n = found["year"], found["unit"], int(found["n"] or 0)
    if unit is None:
        return year
    if unit == "S" and n > 2:
        return code
    ordinal = _ORDINALS[language][n - 1]
    if language == "es":
        return f"{ordinal} {'semestre' if unit == 'S' else 'trimestre'} de {year}"
    return f"{ordinal} {'half' if unit == 'S' else 'quarter'} of {year}"
