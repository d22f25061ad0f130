"""The translators' round trip: XLIFF 2.0 exported, edited outside the service (here with lxml, as a CAT tool
would), posted back, and used when issuing in English; changed sources and hostile files are refused."""

from __future__ import annotations

from lxml import etree
from sqlalchemy import select

from service.content_translations.models import ContentTranslation
from service.documents.models import IssuedDocument
from service.extensions import db
from tests.content_translations.test_api import edit_minutes, issue, meeting_with_minutes

URL = "/api/v1/translations.xlf"
NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}


def export(client, auth, subject, language="en"):
    response = client.get(URL, query_string={"subject": subject, "language": language}, headers=auth["st_crm"])
    assert response.status_code == 200, response.data
    return response


def translate_file(content: bytes, targets: dict[str, str] | None = None) -> bytes:
    """What a translator's tool does: a <target> in every segment, the segment marked final."""
    root = etree.fromstring(content)
    for unit in root.iterfind(".//x:unit", NS):
        segment = unit.find("x:segment", NS)
        source = segment.find("x:source", NS).text
        target = segment.find("x:target", NS)
        if target is None:
            target = etree.SubElement(segment, f"{{{NS['x']}}}target")
        target.text = (targets or {}).get(unit.get("id"), f"EN {source}")
        segment.set("state", "final")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def post(client, auth, content: bytes, who="st_crm"):
    return client.post(URL, data=content, headers={**auth[who], "Content-Type": "application/xliff+xml"})


def test_the_export_is_xliff_2_with_one_unit_per_text_naming_subject_and_languages(client, auth):
    meeting_id = meeting_with_minutes(client, auth)
    response = export(client, auth, f"minutes:{meeting_id}")
    assert response.mimetype == "application/xliff+xml"
    root = etree.fromstring(response.data)
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "es", "en")
    assert root.find("x:file", NS).get("original") == f"minutes:{meeting_id}"
    units = {u.get("id"): u.find("x:segment/x:source", NS).text for u in root.iterfind(".//x:unit", NS)}
    keys = [i["key"] for i in client.get("/api/v1/translations", headers=auth["st_crm"], query_string={
        "subject": f"minutes:{meeting_id}", "language": "en"}).json["items"]]
    assert list(units) == keys
    assert units["agenda.1.discussion"] == "Se revisó el avance.\nSegunda línea."


def test_a_file_translated_outside_the_service_is_imported_and_used_when_issuing_in_english(client, auth, converter):
    meeting_id = meeting_with_minutes(client, auth)
    returned = translate_file(export(client, auth, f"minutes:{meeting_id}").data,
                              {"agenda.1.title": "Work plan", "agreement.1.text": "Circulate the draft"})
    imported = post(client, auth, returned)
    assert imported.status_code == 200, imported.json
    assert {i["state"] for i in imported.json["items"]} == {"final"}
    issued = issue(client, auth, meeting_id)
    assert issued.status_code == 201, issued.json
    frozen = db.session.get(IssuedDocument, issued.json["id"]).context
    assert frozen["agenda_items"][0] == {"title": "Work plan", "discussion": "EN Se revisó el avance.\nSegunda línea."}
    assert frozen["agreements"][0]["text"] == "Circulate the draft"


def test_a_file_whose_sources_changed_since_export_is_refused_whole_listing_them(client, auth):
    meeting_id = meeting_with_minutes(client, auth)
    returned = translate_file(export(client, auth, f"minutes:{meeting_id}").data)
    edit_minutes(client, auth, meeting_id, next_meeting="Otra fecha",
                 agenda_items=[{"title": "Plan de trabajo 2027"}])
    response = post(client, auth, returned)
    assert response.status_code == 409
    assert set(response.json["changed"]) == {"next_meeting", "agenda.1.title", "agenda.1.discussion"}
    assert db.session.scalar(select(ContentTranslation)) is None


def test_member_countries_cannot_import(client, auth):
    meeting_id = meeting_with_minutes(client, auth)
    returned = translate_file(export(client, auth, f"minutes:{meeting_id}").data)
    assert post(client, auth, returned, who="HN").status_code == 403


def test_hostile_or_broken_files_are_refused_with_4xx_and_nothing_saved(client, auth):
    meeting_id = meeting_with_minutes(client, auth)
    good = translate_file(export(client, auth, f"minutes:{meeting_id}").data)
    xxe = good.replace(b"?>", b'?><!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
    xxe = xxe.replace(b"EN Plan de trabajo", b"&x;")
    laughs = good.replace(b"?>", b'?><!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1)
    cases = {
        "xxe": (xxe, 422), "billion laughs": (laughs, 422), "truncated": (good[: len(good) // 2], 422),
        "empty": (b"", 422), "not xml": (b"%PDF-1.7 hello", 422),
        "xliff 1.2": (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file/></xliff>', 422),
        "other subject": (good.replace(f'original="minutes:{meeting_id}"'.encode(), b'original="meeting:1"'), 422),
        "unknown unit": (good.replace(b'id="agenda.1.title"', b'id="agenda.7.title"'), 409),
        "too big": (b"<x>" + b" " * (3 * 1024 * 1024) + b"</x>", 413),
    }
    for name, (content, status) in cases.items():
        response = post(client, auth, content)
        assert response.status_code == status, (name, response.status_code, response.data[:300])
        assert "message" in response.json, name
    assert db.session.scalar(select(ContentTranslation)) is None
