"""The RFC 5545 content-line writer: escaping (3.3.11), parameters (RFC 6868), folding (3.1), durations."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from calendars import build_feed, ics, serialise
from calendars.build import vtimezone
from tests.calendars.calendar_testkit import HOST, icaljs_event, meeting, options, parse_icaljs, physical_lines, vevents


@pytest.mark.parametrize(("value", "expected"), [
    ("plain", "plain"),
    ("a,b;c\\d", "a\\,b\\;c\\\\d"),
    ("line\nbreak", "line\\nbreak"),
    ("crlf\r\nand cr\r", "crlf\\nand cr\\n"),
    ("tab\there", "tab here"),
    ("nul\x00 vt\x0b esc\x1b del\x7f c1\x85", "nul vt esc del c1"),
    ("colon: and \"quotes\"", "colon: and \"quotes\""),
])  # fmt: skip
def test_text_values_are_escaped_and_never_carry_control_characters(value, expected):
    assert ics.text(value) == expected


def test_parameter_values_use_caret_escapes_and_quotes_when_needed():
    assert ics.param("ST-CRM") == "ST-CRM"
    assert ics.param('ST "x" a:b;c,d ^') == "\"ST ^'x^' a:b;c,d ^^\""
    assert ics.param("line\r\nbreak") == "line  break"


@pytest.mark.parametrize(("delta", "expected"), [
    (timedelta(hours=6), "PT6H"), (timedelta(days=-7), "-P7D"), (timedelta(days=-1), "-P1D"),
    (timedelta(days=1, minutes=30), "P1DT30M"), (timedelta(0), "PT0S"), (timedelta(seconds=-90), "-PT1M30S"),
])  # fmt: skip
def test_durations(delta, expected):
    assert ics.duration(delta) == expected


def test_stamps():
    assert ics.utc_stamp(datetime(2025, 1, 10, 10, 30, tzinfo=UTC).astimezone()) == "20250110T103000Z"
    assert ics.local_stamp(datetime(2025, 4, 8, 9, 5, 7)) == "20250408T090507"


def test_a_line_of_75_octets_is_not_folded_and_76_is():
    assert ics.fold("X" * 75) == b"X" * 75 + b"\r\n"
    assert ics.fold("X" * 76) == b"X" * 75 + b"\r\n X\r\n"


@pytest.mark.parametrize("char", ["é", "€", "😀"])
def test_folding_never_splits_a_utf8_sequence_and_unfolds_to_the_original(char):
    for prefix in range(0, 6):
        line = "S" * prefix + char * 80
        folded = ics.fold(line)
        parts = folded[:-2].split(b"\r\n")
        assert all(len(part) <= 75 for part in parts)
        for part in parts:
            part.decode("utf-8")
        assert b"".join(part[1:] if i else part for i, part in enumerate(parts)).decode() == line


def test_random_text_round_trips_through_both_parsers_as_exactly_one_event_each():
    # Seeded so a failure reproduces; covers escapes, folding points and scripts at once.
    rng = random.Random(5545)
    alphabet = [*"aZ09 ,;:\\\"'^<>&{}", "é", "ñ", "€", "😀", "👩\u200d👩\u200d👧", "ا", "ש", "中", "\u0301", "\t", "\n"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 160))) for _ in range(40)]
    items = [meeting(id=i, title=text.replace("\n", " "), agenda=(text,)) for i, text in enumerate(texts)]
    data = serialise(build_feed(items, [], [], options()))
    assert all(len(line) <= 75 for line in physical_lines(data))
    events = {str(e["UID"]): e for e in vevents(data)}
    js = parse_icaljs(data)
    assert len(events) == js["eventCount"] == len(texts)
    for i, text in enumerate(texts):
        uid = f"meeting-{i}@{HOST}"
        # What calendars.text makes of user text: tabs become spaces, line breaks split lines, edges trimmed.
        title = text.replace("\n", " ").replace("\t", " ").strip()
        if title:
            assert str(events[uid]["SUMMARY"]) == title
            assert icaljs_event(js, uid)["summary"] == title


def test_vtimezone_blocks_are_made_once_per_zone_and_span():
    vtimezone.cache_clear()
    items = [meeting(id=1), meeting(id=2, timezone="America/New_York")]
    first = serialise(build_feed(items, [], [], options()))
    second = serialise(build_feed(items, [], [], options()))
    info = vtimezone.cache_info()
    assert (info.misses, info.hits) == (2, 2)
    assert first == second
