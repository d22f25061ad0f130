"""What subscribers see: calendar name and refresh, event text in es/en, links, organizer."""

import pytest

from calendars import build_feed, serialise
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

ZOOM = "https://zoom.us/j/123456789?pwd=abc"


def _feed(meetings=(), grcms=(), **option_changes) -> bytes:
    return serialise(build_feed(list(meetings), list(grcms), [], options(**option_changes)))


@pytest.mark.parametrize(("language", "name"), [("es", "Equipo Tripartito CRM"), ("en", "CRM Tripartite Team")])
def test_calendar_properties_name_and_refresh_the_feed(language, name):
    data = _feed([meeting()], language=language)
    cal = parse_icalendar(data)
    assert str(cal["VERSION"]) == "2.0"
    assert "METHOD" not in cal  # a subscription is not an iTIP message (see test_calendar_rfc_details)
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["PRODID"]).startswith("-//")
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) == name
    assert str(cal["X-WR-CALDESC"])
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in data
    assert b"X-PUBLISHED-TTL:PT6H\r\n" in data
    props = parse_icaljs(data)["properties"]
    assert (props["x-wr-calname"], props["refresh-interval"], props["x-published-ttl"]) == (name, "PT6H", "PT6H")


def test_calendar_name_and_refresh_interval_can_be_configured():
    data = _feed([meeting()], calendar_name="CRM, Guatemala; pruebas\\\r\nX-EVIL:1", refresh_hours=12)
    cal = parse_icalendar(data)
    # Both parsers read these names raw, so they must come out without escapes.
    assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) == "CRM, Guatemala; pruebas X-EVIL:1"
    props = parse_icaljs(data)["properties"]
    assert props["name"] == props["x-wr-calname"] == "CRM, Guatemala; pruebas X-EVIL:1"
    assert "x-evil" not in props
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in data
    assert b"X-PUBLISHED-TTL:PT12H\r\n" in data


@pytest.mark.parametrize(
    ("kind", "language", "label"),
    [
        ("ordinary", "es", "Reunión ordinaria"),
        ("pre_ppt", "es", "Reunión previa a la PPT"),
        ("extraordinary", "es", "Reunión extraordinaria"),
        ("ordinary", "en", "Ordinary meeting"),
        ("pre_ppt", "en", "Pre-PPT meeting"),
        ("extraordinary", "en", "Extraordinary meeting"),
    ],
)
def test_categories_and_description_name_the_kind(kind, language, label):
    event = vevents(_feed([meeting(kind=kind)], language=language))[0]
    assert event.categories == [label]
    assert str(event["DESCRIPTION"]).split("\n")[0] == label


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", ["Reunión ordinaria", "Modalidad: Presencial", "Lugar: Ciudad de Guatemala", "",
                "Orden del día:", "1. Apertura", "2. Informe de la PPT"]),
        ("en", ["Ordinary meeting", "Modality: In person", "Place: Ciudad de Guatemala", "",
                "Agenda:", "1. Apertura", "2. Informe de la PPT"]),
    ],
)  # fmt: skip
def test_description_lists_kind_modality_place_and_numbered_agenda(language, expected):
    data = _feed([meeting()], language=language)
    assert str(vevents(data)[0]["DESCRIPTION"]).split("\n") == expected
    assert icaljs_event(parse_icaljs(data), f"meeting-42@{HOST}")["description"].split("\n") == expected


def test_empty_agenda_items_are_skipped_and_numbering_stays_consecutive():
    event = vevents(_feed([meeting(agenda=("Uno", " \r\n ", "Dos"))]))[0]
    assert str(event["DESCRIPTION"]).split("\n")[-2:] == ["1. Uno", "2. Dos"]


def test_virtual_meeting_carries_the_link_in_url_conference_location_and_description():
    data = _feed([meeting(modality="virtual", location=None, video_url=ZOOM)], language="en")
    event = vevents(data)[0]
    assert str(event["URL"]) == ZOOM
    assert str(event["LOCATION"]) == ZOOM  # Outlook shows neither URL nor CONFERENCE
    assert f"Video conference link: {ZOOM}" in str(event["DESCRIPTION"]).split("\n")
    assert "Modality: Virtual" in str(event["DESCRIPTION"]).split("\n")
    conference_line = next(line for line in data.replace(b"\r\n ", b"").split(b"\r\n") if line.startswith(b"CONF"))
    assert conference_line.startswith(b"CONFERENCE;")
    assert b"FEATURE=VIDEO" in conference_line
    assert b"VALUE=URI" in conference_line
    assert conference_line.endswith(b":" + ZOOM.encode())
    js = icaljs_event(parse_icaljs(data), f"meeting-42@{HOST}")
    assert js["conferences"] == [{"value": ZOOM, "feature": "VIDEO"}]
    assert (js["url"], js["location"]) == (ZOOM, ZOOM)


def test_virtual_meeting_with_a_place_name_shows_both():
    event = vevents(_feed([meeting(modality="virtual", location="Sala Zoom ST-CRM", video_url=ZOOM)]))[0]
    assert str(event["LOCATION"]) == f"Sala Zoom ST-CRM · {ZOOM}"


def test_in_person_meeting_with_a_link_keeps_location_to_the_place():
    event = vevents(_feed([meeting(modality="in_person", video_url=ZOOM)]))[0]
    assert str(event["LOCATION"]) == "Ciudad de Guatemala"
    assert str(event["URL"]) == ZOOM


def test_organizer_is_the_st_crm_with_a_common_name():
    organizer = vevents(_feed([meeting()]))[0]["ORGANIZER"]
    assert str(organizer) == "mailto:st-crm@example.org"
    assert organizer.params["CN"] == "ST-CRM"


def test_grcm_meeting_is_its_own_kind_with_place():
    data = _feed(grcms=[grcm()], language="en")
    event = vevents(data)[0]
    assert str(event["UID"]) == f"grcm-7@{HOST}"
    assert str(event["SUMMARY"]) == "XXX Reunión del GRCM"
    assert event.categories == ["GRCM meeting"]
    assert (str(event["LOCATION"]), str(event["STATUS"]), int(event["SEQUENCE"])) == ("Tegucigalpa", "CONFIRMED", 1)
    assert event["DTSTART"].params["TZID"] == "America/Tegucigalpa"
