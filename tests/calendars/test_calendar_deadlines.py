"""Deadlines are all-day, non-blocking events with reminders, named in the feed's language."""

from datetime import date, datetime

import pytest

from calendars import build_feed, serialise
from tests.calendars.calendar_testkit import HOST, deadline, icaljs_event, options, parse_icaljs, vevents


def _feed(*deadlines, language="es") -> bytes:
    return serialise(build_feed([], [], list(deadlines), options(language=language)))


def test_deadline_is_an_all_day_event_ending_the_next_day():
    data = _feed(deadline(on=date(2025, 4, 10)))
    event = vevents(data)[0]
    assert event.decoded("DTSTART") == date(2025, 4, 10)
    assert event.decoded("DTEND") == date(2025, 4, 11)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert b"DTSTART;VALUE=DATE:20250410\r\n" in data
    js = icaljs_event(parse_icaljs(data), f"deadline-report-due-grcm-7@{HOST}")
    assert (js["dtstart"]["isDate"], js["dtstart"]["value"], js["dtend"]["value"]) == (
        True,
        "2025-04-10",
        "2025-04-11",
    )


def test_deadline_has_display_alarms_at_nine_in_the_morning_a_week_and_a_day_before():
    data = _feed(deadline())
    event = vevents(data)[0]
    alarms = event.walk("VALARM")
    # Relative to the all-day start (00:00 local on 2025-04-10): 09:00 on 2025-04-03 and on 2025-04-09.
    start = datetime.combine(event.decoded("DTSTART"), datetime.min.time())
    assert [start + a.decoded("TRIGGER") for a in alarms] == [datetime(2025, 4, 3, 9), datetime(2025, 4, 9, 9)]
    assert {str(a["ACTION"]) for a in alarms} == {"DISPLAY"}
    js = icaljs_event(parse_icaljs(data), f"deadline-report-due-grcm-7@{HOST}")
    assert [(a["action"], a["trigger"]) for a in js["alarms"]] == [("DISPLAY", "-P6DT15H"), ("DISPLAY", "-PT15H")]
    assert all(a["description"] for a in js["alarms"])  # DISPLAY alarms require a DESCRIPTION


def test_deadline_does_not_block_time():
    assert str(vevents(_feed(deadline()))[0]["TRANSP"]) == "TRANSPARENT"


@pytest.mark.parametrize(
    ("kind", "language", "summary"),
    [
        ("monitoring_report_due", "es", "Fecha límite: informe de monitoreo para XXX GRCM"),
        ("monitoring_report_due", "en", "Deadline: monitoring report for XXX GRCM"),
        ("pre_ppt_meeting_latest", "es", "Fecha límite para la reunión previa a la PPT de XXX GRCM"),
        ("pre_ppt_meeting_latest", "en", "Latest date for the pre-PPT meeting of XXX GRCM"),
    ],
)
def test_deadline_names_are_localised(kind, language, summary):
    event = vevents(_feed(deadline(kind=kind, related_title="XXX GRCM"), language=language))[0]
    assert str(event["SUMMARY"]) == summary
    assert event.categories == (["Fecha límite"] if language == "es" else ["Deadline"])


def test_deadline_uid_is_built_from_its_stable_key():
    data = _feed(deadline(key="pre-ppt-latest-term-3", kind="pre_ppt_meeting_latest", sequence=2))
    event = vevents(data)[0]
    assert (str(event["UID"]), int(event["SEQUENCE"])) == (f"deadline-pre-ppt-latest-term-3@{HOST}", 2)
