"""User text can never add properties or events, and otherwise round-trips."""

import re

import pytest

from calendars import build_feed, serialise
from tests.calendars.calendar_testkit import HOST, icaljs_event, meeting, options, parse_icaljs, physical_lines, vevents

UID = f"meeting-42@{HOST}"
# (title as typed, SUMMARY both parsers must read back): line breaks become spaces,
# other control characters disappear, everything else survives.
HOSTILE_TITLES = [
    ("Uno\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nEND:VEVENT", "Uno BEGIN:VEVENT UID:evil@x END:VEVENT"),
    ("\r\nBEGIN:VEVENT", "BEGIN:VEVENT"),
    ("Fin\nEND:VCALENDAR\nX-INJECTED:1", "Fin END:VCALENDAR X-INJECTED:1"),
    ("Solo CR\rDESCRIPTION:falsa", "Solo CR DESCRIPTION:falsa"),
    ("NUL\x00dentro", "NULdentro"),
    ("tabulador\x0bvertical", "tabulador vertical"),
    ("salto\x0cde página y \x1b[31mANSI", "salto de página y [31mANSI"),
    ("separador\u2028de línea", "separador de línea"),
    ("sustituto \ud800 suelto", "sustituto  suelto"),
    ("Emoji 😀🎉 y acentos áéíóú ñ Ñ ü", "Emoji 😀🎉 y acentos áéíóú ñ Ñ ü"),
    ("RTL: اجتماع اللجنة الثلاثية / שלום", "RTL: اجتماع اللجنة الثلاثية / שלום"),
    ("punto;coma,coma\\barra:dos puntos", "punto;coma,coma\\barra:dos puntos"),
]
_PROPERTY_LINE = re.compile(rb"[A-Z][A-Z0-9-]*[;:]")


def _feed(item) -> bytes:
    return serialise(build_feed([item], [], [], options()))


def _assert_structure_intact(data: bytes) -> None:
    lines = physical_lines(data)
    assert sum(line == b"BEGIN:VEVENT" for line in lines) == 1
    assert sum(line == b"END:VCALENDAR" for line in lines) == 1
    for line in lines:
        # Each physical line is a property (or a fold continuation): nothing raw slipped in.
        assert line.startswith(b" ") or _PROPERTY_LINE.match(line), line
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line), line


@pytest.mark.parametrize(("title", "expected"), HOSTILE_TITLES)
def test_hostile_title_yields_exactly_one_event_and_round_trips(title, expected):
    data = _feed(meeting(title=title))
    _assert_structure_intact(data)
    events = vevents(data)
    assert len(events) == 1
    assert str(events[0]["UID"]) == UID
    assert str(events[0]["SUMMARY"]) == expected
    assert "X-INJECTED" not in events[0]
    js = parse_icaljs(data)
    assert js["eventCount"] == 1
    assert icaljs_event(js, UID)["summary"] == expected
    assert "x-injected" not in js["properties"]


@pytest.mark.parametrize(("text", "expected"), HOSTILE_TITLES)
def test_hostile_location_and_agenda_stay_inside_their_properties(text, expected):
    data = _feed(meeting(location=text, agenda=(text, "Segundo punto")))
    _assert_structure_intact(data)
    event = vevents(data)[0]
    assert str(event["LOCATION"]) == expected
    description = str(event["DESCRIPTION"]).split("\n")
    assert f"1. {expected}" in description
    assert "2. Segundo punto" in description
    js = icaljs_event(parse_icaljs(data), UID)
    assert js["location"] == expected
    assert js["description"] == str(event["DESCRIPTION"])


def test_title_with_only_control_characters_falls_back_to_the_kind():
    assert str(vevents(_feed(meeting(title="\r\n\x00\x0b")))[0]["SUMMARY"]) == "Reunión ordinaria"


@pytest.mark.parametrize(
    "url",
    [
        "https://zoom.us/j/1\r\nX-EVIL:1",
        "https://zoom.us/j/1\x00",
        "javascript:alert(1)",
        "https://zoom.us/j/1 otra cosa",
    ],
)
def test_invalid_stored_video_url_is_left_out_instead_of_breaking_the_feed(url):
    # Input validation rejects these; rows stored before it existed must not cost the whole feed.
    data = _feed(meeting(modality="virtual", location=None, video_url=url))
    _assert_structure_intact(data)
    event = vevents(data)[0]
    assert "URL" not in event
    assert "CONFERENCE" not in event
    assert "LOCATION" not in event
    assert b"EVIL" not in data
    assert b"javascript" not in data


def test_hostile_organizer_name_stays_a_parameter():
    data = serialise(build_feed([meeting()], [], [], options(organizer_name='ST-CRM "x"\r\nX-EVIL:1;a=b:c')))
    _assert_structure_intact(data)
    organizer = vevents(data)[0]["ORGANIZER"]
    assert str(organizer) == "mailto:st-crm@example.org"
    assert organizer.params["CN"] == 'ST-CRM "x" X-EVIL:1;a=b:c'
