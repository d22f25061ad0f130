"""Local wall times with IANA zones: exact conversion, and refusal of what a DST change makes unclear."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from service.common.localtime import quarter_of, to_utc, zone
from service.errors import RuleViolation


@pytest.mark.parametrize("name", ["America/Ottawa", "../../etc/passwd", "", "UTC/../../x", "Mars/Olympus"])
def test_unknown_time_zones_are_refused(name):
    with pytest.raises(RuleViolation) as excinfo:
        zone(name)
    assert excinfo.value.field == "timezone"


def test_local_time_converts_to_utc_exactly():
    assert to_utc(datetime(2027, 3, 10, 10, 0), "America/Tegucigalpa") == datetime(2027, 3, 10, 16, 0, tzinfo=UTC)


def test_time_skipped_by_spring_forward_is_refused():
    with pytest.raises(RuleViolation) as excinfo:
        to_utc(datetime(2027, 3, 14, 2, 30), "America/New_York")
    assert "does not exist" in excinfo.value.message


def test_time_repeated_by_fall_back_is_refused():
    with pytest.raises(RuleViolation) as excinfo:
        to_utc(datetime(2027, 11, 7, 1, 30), "America/New_York")
    assert "happens twice" in excinfo.value.message


def test_times_on_either_side_of_a_dst_change_keep_their_wall_clock():
    assert to_utc(datetime(2027, 3, 15, 10), "America/New_York") == datetime(2027, 3, 15, 14, tzinfo=UTC)
    assert to_utc(datetime(2027, 11, 8, 10), "America/New_York") == datetime(2027, 11, 8, 15, tzinfo=UTC)


def test_quarters_follow_calendar_months():
    assert [quarter_of(datetime(2027, m, 1).date())[1] for m in (1, 3, 4, 6, 7, 9, 10, 12)] == [1, 1, 2, 2, 3, 3, 4, 4]
