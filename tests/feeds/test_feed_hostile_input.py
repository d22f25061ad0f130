"""Text from users cannot break the feed: what the calendar cannot carry is a 422 at input; the rest
round-trips, one VEVENT per meeting."""

from __future__ import annotations

import pytest

from tests.calendars.calendar_testkit import icaljs_event, parse_icaljs, physical_lines, vevents
from tests.factories import meeting_body
from tests.feeds.conftest import GRCM_BODY, create_meeting


def _post(client, auth, **changes):
    return client.post("/api/v1/meetings", json=meeting_body(**changes), headers=auth["st_crm"])


@pytest.mark.parametrize("title", [
    "Uno\r\nBEGIN:VEVENT\r\nUID:evil@x\r\nEND:VEVENT",
    "\r\nBEGIN:VEVENT",
    "Fin\nEND:VCALENDAR",
    "tabulador\x0bvertical",
    "NUL\x00dentro",
    "escape \x1b[31m",
])  # fmt: skip
def test_titles_with_line_breaks_or_control_characters_are_refused_at_input(client, auth, title):
    response = _post(client, auth, title=title)
    assert response.status_code == 422
    assert "title" in response.json["errors"]["json"]


@pytest.mark.parametrize("location", ["Sala 1\r\nX-EVIL:1", "Sala\x0b2"])
def test_places_with_control_characters_are_refused_for_meetings_and_grcm_meetings(client, auth, location):
    meeting = _post(client, auth, modality="virtual", location=location)
    assert (meeting.status_code, list(meeting.json["errors"]["json"])) == (422, ["location"])
    grcm = client.post("/api/v1/grcm-meetings", json={**GRCM_BODY, "location": location}, headers=auth["st_crm"])
    assert (grcm.status_code, list(grcm.json["errors"]["json"])) == (422, ["location"])


@pytest.mark.parametrize("url", [
    "javascript:alert(1)",
    "https://zoom.us/j/1 otra cosa",
    "https://zoom.us/j/1\r\nX-EVIL:1",
    "https://reuniones.example.org/reunión",  # not percent-encoded
    'https://example.org/"><b>',
    "https://example.org/" + "a" * 2100,
    "ftp://example.org/reunion",
])  # fmt: skip
def test_video_links_a_calendar_cannot_carry_are_a_422_naming_video_url(client, auth, url):
    response = _post(client, auth, video_url=url)
    assert response.status_code == 422
    assert list(response.json["errors"]["json"]) == ["video_url"]


def test_a_good_video_link_with_query_and_fragment_is_kept_as_typed(client, auth, feed_url):
    url = "https://zoom.us/j/123456789?pwd=a,b;c&x=%C3%B1#sala"
    created = create_meeting(client, auth, video_url=url)
    assert created["video_url"] == url
    event = vevents(client.get(feed_url).data)[0]
    assert str(event["URL"]) == url


TEXTS = [
    "Emoji 😀🎉 y acentos áéíóú ñ Ñ ü",
    "RTL: اجتماع اللجنة الثلاثية / שלום",
    "punto;coma,coma\\barra:dos puntos \"comillas\"",
    "BEGIN:VEVENT END:VCALENDAR X-INJECTED:1",
]


def test_unusual_but_valid_titles_yield_exactly_one_vevent_each_and_round_trip(client, auth, feed_url):
    quarters = ["2027-02-10", "2027-05-10", "2027-08-10", "2027-11-10"]
    ids = {}
    for text, day in zip(TEXTS, quarters, strict=True):
        meeting = create_meeting(client, auth, title=text, location=text, agenda=[text],
                                 starts_at=f"{day}T10:00:00", ends_at=f"{day}T12:00:00")
        ids[meeting["id"]] = text
    data = client.get(feed_url).data
    assert sum(line == b"BEGIN:VEVENT" for line in physical_lines(data)) == len(TEXTS)
    assert len(vevents(data)) == len(TEXTS)
    js = parse_icaljs(data)
    assert js["eventCount"] == len(TEXTS)
    assert "x-injected" not in js["properties"]
    events = {str(e["UID"]): e for e in vevents(data)}
    for meeting_id, text in ids.items():
        uid = f"meeting-{meeting_id}@tripartito.test"
        assert str(events[uid]["SUMMARY"]) == text
        assert icaljs_event(js, uid)["summary"] == text
        assert icaljs_event(js, uid)["location"].startswith(text)
        assert f"1. {text}" in icaljs_event(js, uid)["description"].split("\n")
