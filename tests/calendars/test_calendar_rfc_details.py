"""RFC 5545 details that strict parsers check: no METHOD in a subscription, observance onsets in the offset
they change from, no COMMENT directly in VTIMEZONE, and multi-day GRCM meetings as daily sessions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from dateutil.rrule import rrulestr

from calendars import build_feed, build_meeting_calendar, serialise
from calendars.build import vtimezone
from calendars.events import daily_sessions
from tests.calendars.calendar_testkit import (
    HOST,
    grcm,
    icaljs_event,
    meeting,
    options,
    parse_icalendar,
    parse_icaljs,
    vevents,
)


def _zone_lines(tzid: str, year: int) -> list[str]:
    return vtimezone(tzid, date(year, 1, 1), date(year + 1, 1, 1)).decode().split("\r\n")


def test_the_subscription_feed_is_not_an_itip_message():
    data = serialise(build_feed([meeting()], [], [], options()))
    assert b"METHOD:" not in data


def test_the_one_meeting_download_is_a_publish_with_its_organizer():
    cal = parse_icalendar(serialise(build_meeting_calendar(meeting(), options())))
    assert str(cal["METHOD"]) == "PUBLISH"
    assert all("ORGANIZER" in event for event in cal.walk("VEVENT"))


@pytest.mark.parametrize(("tzid", "spring"), [("America/New_York", "20250309T020000"),
                                              ("Europe/Madrid", "20250330T020000")])
def test_daylight_onset_is_the_local_time_before_the_change(tzid, spring):
    lines = _zone_lines(tzid, 2025)
    daylight = lines[lines.index("BEGIN:DAYLIGHT"):lines.index("END:DAYLIGHT")]
    assert f"DTSTART:{spring}" in daylight  # 02:00 in the offset it changes from, not 03:00
    assert all(not line.startswith("RDATE:") or line == f"RDATE:{spring}" for line in daylight)


def test_standard_onset_stays_in_the_offset_it_changes_from():
    lines = _zone_lines("Europe/Madrid", 2025)
    last_standard = lines[len(lines) - lines[::-1].index("BEGIN:STANDARD"):]
    assert "DTSTART:20251026T030000" in last_standard  # 03:00 CEST is 01:00 UTC, when Spain falls back


def test_no_comment_directly_inside_vtimezone():
    lines = _zone_lines("America/New_York", 2025)
    top_level, depth = [], 0
    for line in lines:
        depth += line.startswith("BEGIN:") - line.startswith("END:")
        if depth == 1 and not line.startswith(("BEGIN:", "END:")):
            top_level.append(line.split(":")[0])
    assert top_level == ["TZID"]


def test_a_three_day_grcm_meeting_is_three_daily_sessions():
    data = serialise(build_feed([], [grcm(starts_at=datetime(2025, 6, 10, 9), ends_at=datetime(2025, 6, 12, 17))],
                                [], options()))
    event = vevents(data)[0]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert (start.replace(tzinfo=None), end.replace(tzinfo=None)) == (datetime(2025, 6, 10, 9),
                                                                      datetime(2025, 6, 10, 17))
    days = list(rrulestr(event["RRULE"].to_ical().decode(), dtstart=start))
    assert [day.replace(tzinfo=None) for day in days] == [datetime(2025, 6, d, 9) for d in (10, 11, 12)]
    js = icaljs_event(parse_icaljs(data), f"grcm-7@{HOST}")
    assert (js["dtstart"]["value"], js["dtend"]["value"]) == ("2025-06-10T09:00:00", "2025-06-10T17:00:00")


@pytest.mark.parametrize(("starts_at", "ends_at", "sessions"), [
    (datetime(2025, 6, 10, 9), datetime(2025, 6, 10, 17), 1),   # one day
    (datetime(2025, 6, 10, 9), datetime(2025, 6, 12, 17), 3),   # Tuesday to Thursday, same hours
    (datetime(2025, 6, 10, 20), datetime(2025, 6, 11, 2), 1),   # through one night: one block
    (datetime(2025, 6, 10, 9), datetime(2025, 6, 11, 9), 1),    # a whole day and night: one block
])
def test_daily_sessions(starts_at, ends_at, sessions):
    assert daily_sessions(starts_at, ends_at) == sessions


def test_an_overnight_grcm_meeting_stays_one_block():
    data = serialise(build_feed([], [grcm(starts_at=datetime(2025, 6, 10, 20), ends_at=datetime(2025, 6, 11, 2))],
                                [], options()))
    event = vevents(data)[0]
    assert "RRULE" not in event
    assert event.decoded("DTEND").astimezone(UTC) - event.decoded("DTSTART").astimezone(UTC) == \
        datetime(2025, 6, 11, 2) - datetime(2025, 6, 10, 20)
