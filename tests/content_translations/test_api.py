"""GET/PUT /api/v1/translations and issuing in the other language (stand-in converter)."""

from __future__ import annotations

from sqlalchemy import select

from service.audit.models import AuditEntry
from service.content_translations.models import ContentTranslation
from service.documents.models import IssuedDocument
from service.extensions import db
from tests.content_translations.helpers import translate_all
from tests.factories import approve_by_the_three, held_meeting_with_approved_minutes, minutes_body

URL = "/api/v1/translations"


def meeting_with_minutes(client, auth, **changes) -> int:
    """A held meeting whose minutes the three parties approved (so they can be issued once translated)."""
    meeting_id = held_meeting_with_approved_minutes(client, auth)
    if changes:
        edit_minutes(client, auth, meeting_id, **changes)
        approve_by_the_three(client, auth, meeting_id)
    return meeting_id


def edit_minutes(client, auth, meeting_id, **changes):
    etag = client.get(f"/api/v1/meetings/{meeting_id}/minutes", headers=auth["st_crm"]).headers["ETag"]
    response = client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(**changes),
                          headers={**auth["st_crm"], "If-Match": etag})
    assert response.status_code == 200, response.json


def get(client, auth, subject, language="en", who="st_crm"):
    return client.get(URL, query_string={"subject": subject, "language": language}, headers=auth[who])


def put(client, auth, subject, items, language="en", who="st_crm"):
    return client.put(URL, query_string={"subject": subject, "language": language}, json={"items": items},
                      headers=auth[who])


def issue(client, auth, meeting_id, language="en"):
    return client.post("/api/v1/documents", json={"kind": "minutes", "subject_id": meeting_id,
                                                  "language": language}, headers=auth["st_crm"])


def test_every_typed_text_of_the_minutes_is_listed_missing_until_translated(client, auth):
    meeting_id = meeting_with_minutes(client, auth)
    body = get(client, auth, f"minutes:{meeting_id}").json
    assert body["original_language"] == "es"
    by_key = {i["key"]: i for i in body["items"]}
    assert by_key["agenda.1.title"] == {"key": "agenda.1.title", "source": "Plan de trabajo", "target": None,
                                        "state": "missing", "stale": False}
    assert {"meeting.title", "agreement.3.text", "next_meeting", "attendee.1.role"} <= set(by_key)
    assert {i["state"] for i in body["items"]} == {"missing"}


def test_a_party_saves_drafts_and_finals_and_the_change_is_audited(client, auth, clock):
    meeting_id = meeting_with_minutes(client, auth)
    saved = put(client, auth, f"minutes:{meeting_id}", [
        {"key": "agenda.1.title", "target": "Work plan", "state": "final"},
        {"key": "agreement.1.text", "target": "Circulate the draft", "state": "draft"}], who="st_rrocm")
    assert saved.status_code == 200, saved.json
    by_key = {i["key"]: i for i in get(client, auth, f"minutes:{meeting_id}").json["items"]}
    assert (by_key["agenda.1.title"]["target"], by_key["agenda.1.title"]["state"]) == ("Work plan", "final")
    assert by_key["agreement.1.text"]["state"] == "draft"
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "translations.save")).one()
    assert (entry.subject_type, entry.subject_id, entry.actor_party) == ("meeting", meeting_id, "st_rrocm")
    assert entry.changes["en:agenda.1.title"] == [[None, "missing"], ["Work plan", "final"]]


def test_member_countries_cannot_edit_translations(client, auth):
    meeting_id = meeting_with_minutes(client, auth)
    response = put(client, auth, f"minutes:{meeting_id}",
                   [{"key": "agenda.1.title", "target": "Work plan", "state": "final"}], who="BZ")
    assert response.status_code == 403
    assert db.session.scalar(select(ContentTranslation)) is None


def test_an_unknown_subject_kind_or_the_original_language_is_refused_naming_the_field(client, auth):
    meeting_id = meeting_with_minutes(client, auth)
    unknown = get(client, auth, f"meeting:{meeting_id}")
    assert unknown.status_code == 422
    assert "subject" in unknown.json["errors"]["json"]
    original = get(client, auth, f"minutes:{meeting_id}", language="es")
    assert original.status_code == 422
    assert "language" in original.json["errors"]["json"]
    assert get(client, auth, "minutes:999999").status_code == 404


def test_a_bad_edit_saves_nothing(client, auth):
    meeting_id = meeting_with_minutes(client, auth)
    response = put(client, auth, f"minutes:{meeting_id}", [
        {"key": "agenda.1.title", "target": "Work plan", "state": "final"},
        {"key": "agenda.9.title", "target": "Nothing", "state": "final"}])
    assert response.status_code == 422
    assert "agenda.9.title" in response.json["message"]
    assert db.session.scalar(select(ContentTranslation)) is None


def test_when_the_source_changes_the_translation_becomes_a_stale_draft(client, auth):
    meeting_id = meeting_with_minutes(client, auth)
    put(client, auth, f"minutes:{meeting_id}", [{"key": "agenda.1.title", "target": "Work plan", "state": "final"}])
    edit_minutes(client, auth, meeting_id, agenda_items=[{"title": "Plan de trabajo 2027"}])
    item = next(i for i in get(client, auth, f"minutes:{meeting_id}").json["items"] if i["key"] == "agenda.1.title")
    assert (item["source"], item["target"], item["state"], item["stale"]) == \
        ("Plan de trabajo 2027", "Work plan", "draft", True)


def test_saving_with_the_source_the_editor_saw_is_refused_if_it_changed_since(client, auth):
    meeting_id = meeting_with_minutes(client, auth)
    edit_minutes(client, auth, meeting_id, next_meeting="Otra fecha")
    response = put(client, auth, f"minutes:{meeting_id}", [
        {"key": "next_meeting", "target": "15 March 2027", "state": "final", "source": "15 de marzo de 2027, virtual"}])
    assert response.status_code == 409
    assert response.json["changed"] == ["next_meeting"]


def test_issuing_in_english_without_final_translations_is_refused_listing_the_texts(client, auth, converter):
    meeting_id = meeting_with_minutes(client, auth)
    put(client, auth, f"minutes:{meeting_id}", [{"key": "agenda.1.title", "target": "Work plan", "state": "draft"}])
    response = issue(client, auth, meeting_id)
    assert response.status_code == 422
    assert "agenda.1.title" in response.json["untranslated"]
    assert "meeting.title" in response.json["untranslated"]
    assert converter.conversions == 0
    assert db.session.scalar(select(IssuedDocument)) is None
    assert issue(client, auth, meeting_id, language="es").status_code == 201  # the original needs none


def test_issuing_in_english_uses_the_translations_and_a_stale_one_blocks_it_again(client, auth, converter):
    meeting_id = meeting_with_minutes(client, auth)
    targets = translate_all(client, auth, f"minutes:{meeting_id}")
    issued = issue(client, auth, meeting_id)
    assert issued.status_code == 201, issued.json
    frozen = db.session.get(IssuedDocument, issued.json["id"]).context
    assert frozen["agenda_items"][0]["title"] == targets["agenda.1.title"] == "[en] Plan de trabajo"
    assert frozen["agreements"][0]["text"] == "[en] Circular el borrador"
    assert frozen["meeting"]["title"] == targets["meeting.title"]
    edit_minutes(client, auth, meeting_id, next_meeting="Otra fecha")
    approve_by_the_three(client, auth, meeting_id)  # an edit clears the approvals
    again = issue(client, auth, meeting_id)
    assert again.status_code == 422
    assert again.json["untranslated"] == ["next_meeting"]


def test_minutes_typed_in_english_are_translated_into_spanish(client, auth, converter):
    meeting_id = meeting_with_minutes(client, auth, language="en")
    assert get(client, auth, f"minutes:{meeting_id}").status_code == 422  # English is their original
    assert issue(client, auth, meeting_id, language="en").status_code == 201
    assert issue(client, auth, meeting_id, language="es").status_code == 422
    translate_all(client, auth, f"minutes:{meeting_id}", language="es")
    assert issue(client, auth, meeting_id, language="es").status_code == 201
