"""Times carry a TZID with a VTIMEZONE, and stay exact across daylight-saving changes."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from calendars import build_feed, build_meeting_calendar, serialise
from tests.calendars.calendar_testkit import HOST, icaljs_event, meeting, options, parse_icalendar, parse_icaljs

NEW_YORK = "America/New_York"
# (id, local start, local end): around the 2025 switches (9 March, 2 November), one
# meeting spanning the November night itself, and one in 2030 far from the first.
DST_MEETINGS = [
    (1, datetime(2025, 3, 7, 9, 0), datetime(2025, 3, 7, 11, 0)),  # EST, before the spring switch
    (2, datetime(2025, 3, 10, 9, 0), datetime(2025, 3, 10, 11, 0)),  # EDT, just after it
    (3, datetime(2025, 10, 31, 9, 0), datetime(2025, 10, 31, 11, 0)),  # EDT, before the autumn switch
    (4, datetime(2025, 11, 1, 22, 0), datetime(2025, 11, 2, 3, 0)),  # spans the switch: EDT start, EST end
    (5, datetime(2025, 11, 3, 9, 0), datetime(2025, 11, 3, 11, 0)),  # EST, after it
    (6, datetime(2030, 3, 11, 9, 0), datetime(2030, 3, 11, 11, 0)),  # EDT five years on
]


def _utc(local: datetime, zone: str) -> datetime:
    return local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)


@pytest.fixture(scope="module")
def dst_feed() -> bytes:
    meetings = [meeting(id=i, timezone=NEW_YORK, starts_at=s, ends_at=e) for i, s, e in DST_MEETINGS]
    return serialise(build_feed(meetings, [], [], options()))


def test_every_tzid_has_a_vtimezone():
    meetings = [
        meeting(id=1, timezone="America/New_York"),
        meeting(id=2, timezone="America/Mexico_City"),
        meeting(id=3, timezone="America/Santo_Domingo"),
    ]
    data = serialise(build_feed(meetings, [], [], options()))
    cal = parse_icalendar(data)
    used = {str(e[p].params["TZID"]) for e in cal.walk("VEVENT") for p in ("DTSTART", "DTEND")}
    assert used == {"America/New_York", "America/Mexico_City", "America/Santo_Domingo"}
    assert {tz.tz_name for tz in cal.timezones} == used
    assert cal.get_missing_tzids() == set()
    assert set(parse_icaljs(data)["timezones"]) == used


@pytest.mark.parametrize(("meeting_id", "start", "end"), DST_MEETINGS)
def test_local_times_are_exact_across_dst_in_icalendar(dst_feed, meeting_id, start, end):
    event = next(e for e in parse_icalendar(dst_feed).walk("VEVENT") if e["UID"] == f"meeting-{meeting_id}@{HOST}")
    assert event["DTSTART"].params["TZID"] == NEW_YORK
    assert event.decoded("DTSTART").replace(tzinfo=None) == start  # wall time as entered
    assert event.decoded("DTSTART").astimezone(UTC) == _utc(start, NEW_YORK)
    assert event.decoded("DTEND").astimezone(UTC) == _utc(end, NEW_YORK)


@pytest.mark.parametrize(("meeting_id", "start", "end"), DST_MEETINGS)
def test_local_times_are_exact_across_dst_in_icaljs(dst_feed, meeting_id, start, end):
    # ical.js has no zone database: it can only get these right from our VTIMEZONE.
    event = icaljs_event(parse_icaljs(dst_feed), f"meeting-{meeting_id}@{HOST}")
    for key, local in (("dtstart", start), ("dtend", end)):
        assert event[key]["tzid"] == NEW_YORK
        assert event[key]["zone"] == NEW_YORK, "ical.js did not resolve the TZID from the VTIMEZONE"
        assert event[key]["value"] == local.isoformat()
        assert datetime.fromisoformat(event[key]["utc"]) == _utc(local, NEW_YORK)


def test_zone_that_dropped_dst_uses_current_rules_in_icaljs():
    # Mexico abolished DST in 2022: an April meeting in Mexico City is UTC-6, not UTC-5.
    local = datetime(2025, 4, 15, 10, 0)
    data = serialise(
        build_meeting_calendar(
            meeting(timezone="America/Mexico_City", starts_at=local, ends_at=datetime(2025, 4, 15, 12)),
            options(),
        )
    )
    event = icaljs_event(parse_icaljs(data), f"meeting-42@{HOST}")
    assert datetime.fromisoformat(event["dtstart"]["utc"]) == datetime(2025, 4, 15, 16, 0, tzinfo=UTC)


def test_x_wr_timezone_only_when_the_whole_calendar_uses_one_zone():
    single = parse_icalendar(serialise(build_feed([meeting(id=1), meeting(id=2)], [], [], options())))
    assert str(single["X-WR-TIMEZONE"]) == "America/Guatemala"
    mixed = [meeting(id=1), meeting(id=2, timezone=NEW_YORK)]
    assert "X-WR-TIMEZONE" not in parse_icalendar(serialise(build_feed(mixed, [], [], options())))


def test_vtimezone_lists_one_transition_per_rdate_line(dst_feed):
    # ical.js reads only the first value of "RDATE:a,b,c": every transition needs its own line.
    rdate_lines = [line for line in dst_feed.split(b"\r\n") if line.startswith(b"RDATE")]
    assert rdate_lines
    assert all(b"," not in line for line in rdate_lines)
