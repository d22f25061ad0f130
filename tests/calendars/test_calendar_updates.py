"""Edits keep the UID and bump SEQUENCE, so clients update the event instead of duplicating it."""

from dataclasses import replace
from datetime import UTC, datetime

from calendars import build_feed, build_meeting_calendar, serialise
from tests.calendars.calendar_testkit import HOST, grcm, icaljs_event, meeting, options, parse_icaljs, vevents


def _feed(*meetings):
    return serialise(build_feed(list(meetings), [], [], options()))


def test_edit_keeps_uid_and_increases_sequence_in_both_parsers():
    before = meeting(sequence=2)
    after = replace(
        before,
        title="Reunión ordinaria (nueva hora)",
        starts_at=datetime(2025, 4, 8, 14, 0),
        ends_at=datetime(2025, 4, 8, 16, 0),
        sequence=3,
        last_modified=datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
    )
    uid = f"meeting-42@{HOST}"

    old, new = vevents(_feed(before))[0], vevents(_feed(after))[0]
    assert str(old["UID"]) == str(new["UID"]) == uid
    assert int(new["SEQUENCE"]) > int(old["SEQUENCE"])

    old_js = icaljs_event(parse_icaljs(_feed(before)), uid)
    new_js = icaljs_event(parse_icaljs(_feed(after)), uid)
    assert (old_js["sequence"], new_js["sequence"]) == (2, 3)
    assert new_js["summary"] == "Reunión ordinaria (nueva hora)"


def test_stamps_come_from_the_last_change_not_the_clock():
    event = vevents(_feed(meeting(last_modified=datetime(2025, 3, 1, 9, 0, 5, tzinfo=UTC))))[0]
    assert event.decoded("DTSTAMP") == datetime(2025, 3, 1, 9, 0, 5, tzinfo=UTC)
    assert event.decoded("LAST-MODIFIED") == datetime(2025, 3, 1, 9, 0, 5, tzinfo=UTC)
    assert event.decoded("CREATED") == datetime(2025, 1, 10, 15, 30, tzinfo=UTC)


def test_uids_are_namespaced_per_kind_of_item():
    data = serialise(build_feed([meeting(id=7)], [grcm(id=7)], [], options()))
    assert sorted(str(e["UID"]) for e in vevents(data)) == [f"grcm-7@{HOST}", f"meeting-7@{HOST}"]


def test_one_off_download_has_the_same_uid_and_sequence_as_the_feed():
    item = meeting(sequence=5)
    single = vevents(serialise(build_meeting_calendar(item, options())))[0]
    in_feed = vevents(_feed(item))[0]
    assert (str(single["UID"]), int(single["SEQUENCE"])) == (str(in_feed["UID"]), 5)


def test_one_off_download_does_not_name_a_calendar():
    # Apple Calendar offers to create a new calendar when an import carries a name.
    data = serialise(build_meeting_calendar(meeting(), options()))
    assert b"X-WR-CALNAME" not in data
    assert b"\r\nNAME:" not in data
    assert b"METHOD:PUBLISH\r\n" in data
