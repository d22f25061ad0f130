"""Local wall times with an IANA zone: validation and exact conversion to UTC.

Meetings are entered as the wall time people see in the invitation ("10:00 in Tegucigalpa"); we keep that,
plus the UTC instant, and refuse times a DST change makes non-existent or ambiguous instead of guessing.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from service.common.i18n import N_
from service.errors import RuleViolation


@lru_cache(maxsize=1)
def known_timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def zone(name: str, *, field: str = "timezone") -> ZoneInfo:
    """The ZoneInfo for an IANA name; anything not in the tz database (or a path) is a 422."""
    if not isinstance(name, str) or name not in known_timezones():
        raise RuleViolation(N_("Unknown time zone %(zone)r: use a name such as America/Tegucigalpa."),
                            params={"zone": name}, field=field)
    return ZoneInfo(name)


def to_utc(local: datetime, tz_name: str, *, field: str = "starts_at") -> datetime:
    """Convert a naive local wall time to an aware UTC datetime, exactly.

    Raises RuleViolation when the wall time does not exist (spring forward gap) or exists twice
    (fall back overlap): the user must say which instant they mean.
    """
    if local.tzinfo is not None:
        raise RuleViolation(N_("Give the local time without an offset; the time zone goes in 'timezone'."),
                            field=field)
    tz = zone(tz_name)
    first = local.replace(tzinfo=tz, fold=0)
    second = local.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        as_utc = first.astimezone(UTC)
        if as_utc.astimezone(tz).replace(tzinfo=None) != local:
            raise RuleViolation(
                N_("%(when)s does not exist in %(zone)s: the clocks skip that hour "
                   "because of daylight saving time. Choose another time."),
                params={"when": f"{local:%Y-%m-%d %H:%M}", "zone": tz_name}, field=field,
            )
        raise RuleViolation(
            N_("%(when)s happens twice in %(zone)s because the clocks go back "
               "(daylight saving time ends). Choose a time outside that hour."),
            params={"when": f"{local:%Y-%m-%d %H:%M}", "zone": tz_name}, field=field,
        )
    return first.astimezone(UTC)


def quarter_of(day: date) -> tuple[int, int]:
    """(year, quarter 1–4) of a calendar date."""
    return day.year, (day.month - 1) // 3 + 1


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}-Q{quarter}"
