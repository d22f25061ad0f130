"""Cancelled meetings stay in the feed (so clients remove them) until the keep period ends."""

from datetime import UTC, datetime, timedelta

import pytest

from calendars import build_feed, build_meeting_calendar, serialise
from tests.calendars.calendar_testkit import HOST, icaljs_event, meeting, options, parse_icaljs, vevents

UID = f"meeting-42@{HOST}"
# The default meeting ends 2025-04-08 12:00 in Guatemala (UTC-6), i.e. 18:00 UTC.
ENDED = datetime(2025, 4, 8, 18, 0, tzinfo=UTC)


def _feed(item, **option_changes) -> bytes:
    return serialise(build_feed([item], [], [], options(**option_changes)))


@pytest.mark.parametrize(("language", "prefix"), [("es", "Cancelada: "), ("en", "Cancelled: ")])
def test_cancelled_meeting_stays_with_status_cancelled_and_marked_summary(language, prefix):
    data = _feed(meeting(status="cancelled", sequence=4), language=language)
    event = vevents(data)[0]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == prefix + "Reunión ordinaria del segundo trimestre"
    assert str(event["TRANSP"]) == "TRANSPARENT"  # no longer blocks anyone's time
    js = icaljs_event(parse_icaljs(data), UID)
    assert (js["status"], js["sequence"]) == ("CANCELLED", 4)
    assert js["summary"].startswith(prefix)


def test_scheduled_and_held_meetings_are_confirmed():
    for status in ("scheduled", "held"):
        event = vevents(_feed(meeting(status=status)))[0]
        assert (str(event["STATUS"]), str(event["TRANSP"])) == ("CONFIRMED", "OPAQUE")


def test_cancelled_meeting_is_kept_until_the_end_of_the_keep_period():
    cancelled = meeting(status="cancelled")
    last_day = ENDED + timedelta(days=30)
    assert len(vevents(_feed(cancelled, keep_cancelled_days=30, now=last_day))) == 1


def test_cancelled_meeting_is_dropped_after_the_keep_period():
    cancelled = meeting(status="cancelled")
    after = ENDED + timedelta(days=30, seconds=1)
    data = _feed(cancelled, keep_cancelled_days=30, now=after)
    assert vevents(data) == []
    assert parse_icaljs(data)["eventCount"] == 0


def test_default_keep_period_is_a_year():
    cancelled = meeting(status="cancelled")
    assert len(vevents(_feed(cancelled, now=ENDED + timedelta(days=365)))) == 1
    assert vevents(_feed(cancelled, now=ENDED + timedelta(days=366))) == []


def test_old_past_meetings_that_were_held_are_never_dropped():
    held = meeting(status="held")
    assert len(vevents(_feed(held, keep_cancelled_days=0, now=ENDED + timedelta(days=3650)))) == 1


def test_one_off_download_includes_a_long_cancelled_meeting():
    cancelled = meeting(status="cancelled")
    data = serialise(build_meeting_calendar(cancelled, options(now=ENDED + timedelta(days=3650))))
    assert str(vevents(data)[0]["STATUS"]) == "CANCELLED"


def test_cancelled_description_says_so_for_clients_that_ignore_status():
    event = vevents(_feed(meeting(status="cancelled"), language="en"))[0]
    assert str(event["DESCRIPTION"]).startswith("This meeting has been cancelled.\n")


def test_a_cancelled_grcm_meeting_is_sent_cancelled_so_clients_take_it_off():
    from tests.calendars.calendar_testkit import grcm

    data = serialise(build_feed([], [grcm(cancelled=True)], [], options()))
    event = vevents(data)[0]
    assert (str(event["STATUS"]), str(event["TRANSP"])) == ("CANCELLED", "TRANSPARENT")
    assert str(event["SUMMARY"]).startswith("Cancelada: ")
    confirmed = vevents(serialise(build_feed([], [grcm()], [], options())))[0]
    assert str(confirmed["STATUS"]) == "CONFIRMED"
