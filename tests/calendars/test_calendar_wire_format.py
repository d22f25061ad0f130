"""RFC 5545 framing: CRLF line ends and lines folded at 75 octets without splitting characters."""

from calendars import build_feed, serialise
from tests.calendars.calendar_testkit import deadline, grcm, meeting, options, parse_icalendar, physical_lines

LONG = "Reunión extraordinaria sobre protección consular 😀🎉 " * 8 + "اجتماع " * 20


def _feed() -> bytes:
    item = meeting(title=LONG, location=LONG, agenda=(LONG, LONG), video_url="https://zoom.us/j/1?pwd=" + "a" * 200)
    return serialise(build_feed([item], [grcm()], [deadline()], options()))


def test_every_line_ends_with_crlf_and_has_no_bare_cr_or_lf():
    data = _feed()
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")


def test_lines_are_folded_at_75_octets_without_splitting_utf8_sequences():
    data = _feed()
    lines = physical_lines(data)
    assert any(line.startswith(b" ") for line in lines), "long text should have been folded"
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # a split multi-byte character would raise here


def test_folded_text_unfolds_to_the_original():
    event = next(e for e in parse_icalendar(_feed()).walk("VEVENT") if str(e["UID"]).startswith("meeting-"))
    summary = str(event["SUMMARY"])
    assert summary == LONG.strip()


def test_output_is_utf8_and_starts_with_the_calendar():
    data = _feed()
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert "Reunión".encode() in data
