"""Issuing documents over HTTP: references, versions, hashes, frozen context, immutability (stand-in converter;
the real LibreOffice is exercised in test_issuing_libreoffice.py)."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

from service.documents.models import IssuedDocument, StoredFile
from service.extensions import db
from tests.content_translations.helpers import translate_all
from tests.factories import approve_by_the_three, held_meeting_with_approved_minutes, meeting_body, minutes_body


def meeting_with_minutes(client, auth, **changes) -> int:
    """A held meeting whose minutes the three parties approved (what issuing minutes needs)."""
    return held_meeting_with_approved_minutes(client, auth, **changes)


def issue(client, auth, subject_id, kind="minutes", language="es", who="st_crm"):
    return client.post("/api/v1/documents", json={"kind": kind, "subject_id": subject_id, "language": language},
                       headers=auth[who])


def test_issuing_minutes_records_reference_version_hash_and_pages(client, auth, converter):
    meeting_id = meeting_with_minutes(client, auth)
    response = issue(client, auth, meeting_id)
    assert response.status_code == 201, response.json
    body = response.json
    assert body["reference"] == "ET-CRM/2026/MIN-001"
    assert body["version"] == 1
    assert body["supersedes"] is None
    assert body["pages"] == 1
    assert body["issued_by"] == "st_crm"
    pdf = client.get(f"/api/v1/documents/{body['id']}/pdf", headers=auth["BZ"])
    assert pdf.status_code == 200
    assert pdf.mimetype == "application/pdf"
    assert hashlib.sha256(pdf.data).hexdigest() == body["sha256"]


def test_issuing_again_with_unchanged_data_returns_the_existing_version_without_converting(client, auth, converter):
    meeting_id = meeting_with_minutes(client, auth)
    first = issue(client, auth, meeting_id).json
    again = issue(client, auth, meeting_id)
    assert again.status_code == 200
    assert again.json["id"] == first["id"]
    assert converter.conversions == 1


def test_changed_data_makes_a_new_version_that_supersedes_the_old_one(client, auth, converter):
    meeting_id = meeting_with_minutes(client, auth)
    first = issue(client, auth, meeting_id).json
    etag = client.get(f"/api/v1/meetings/{meeting_id}/minutes", headers=auth["st_crm"]).headers["ETag"]
    client.put(f"/api/v1/meetings/{meeting_id}/minutes", json=minutes_body(next_meeting="Otra fecha"),
               headers={**auth["st_crm"], "If-Match": etag})
    approve_by_the_three(client, auth, meeting_id)  # the change cleared the approvals
    second = issue(client, auth, meeting_id).json
    assert second["version"] == 2
    assert second["supersedes"] == first["id"]
    assert second["reference"] == first["reference"]
    latest = client.get("/api/v1/documents?kind=minutes&latest=true", headers=auth["HN"]).json
    assert [d["id"] for d in latest] == [second["id"]]
    old = db.session.get(IssuedDocument, first["id"])
    assert old.context["next_meeting"] == "15 de marzo de 2027, virtual"  # the frozen copy did not move


def test_each_language_has_its_own_versions_under_one_reference(client, auth, converter):
    meeting_id = meeting_with_minutes(client, auth)
    spanish = issue(client, auth, meeting_id, language="es").json
    translate_all(client, auth, f"minutes:{meeting_id}")
    english = issue(client, auth, meeting_id, language="en").json
    assert english["reference"] == spanish["reference"]
    assert (english["version"], english["language"]) == (1, "en")


def test_references_count_per_kind_and_year(client, auth, converter):
    first = meeting_with_minutes(client, auth)
    second = meeting_with_minutes(client, auth, starts_at="2026-08-10T10:00:00", ends_at="2026-08-10T11:00:00")
    assert issue(client, auth, first).json["reference"].endswith("MIN-001")
    assert issue(client, auth, second).json["reference"].endswith("MIN-002")


def test_member_countries_read_pdfs_but_not_the_editable_docx_and_cannot_issue(client, auth, converter):
    meeting_id = meeting_with_minutes(client, auth)
    document = issue(client, auth, meeting_id).json
    assert issue(client, auth, meeting_id, who="BZ").status_code == 403
    assert client.get(f"/api/v1/documents/{document['id']}", headers=auth["BZ"]).status_code == 200
    assert client.get(f"/api/v1/documents/{document['id']}/docx", headers=auth["BZ"]).status_code == 403
    docx = client.get(f"/api/v1/documents/{document['id']}/docx", headers=auth["ppt"])
    assert docx.status_code == 200
    assert docx.data.startswith(b"PK")


def test_pdf_download_answers_304_to_its_etag(client, auth, converter):
    document = issue(client, auth, meeting_with_minutes(client, auth)).json
    response = client.get(f"/api/v1/documents/{document['id']}/pdf",
                          headers={**auth["BZ"], "If-None-Match": f'"{document["sha256"]}"'})
    assert response.status_code == 304


def test_minutes_not_yet_recorded_cannot_be_issued(client, auth, converter):
    meeting_id = client.post("/api/v1/meetings", json=meeting_body(), headers=auth["st_crm"]).json["id"]
    response = issue(client, auth, meeting_id)
    assert response.status_code == 422
    assert "subject_id" in response.json["errors"]["json"]
    assert db.session.scalar(select(func.count(IssuedDocument.id))) == 0


def test_unknown_subject_or_kind_or_language_is_refused_and_nothing_is_written(client, auth, converter):
    assert issue(client, auth, 999).status_code == 404
    assert issue(client, auth, 1, kind="poem").status_code == 422
    assert issue(client, auth, 1, language="fr").status_code == 422
    assert client.post("/api/v1/documents", json={"kind": "minutes", "subject_id": "1"},
                       headers=auth["st_crm"]).status_code == 422
    assert db.session.scalar(select(func.count(StoredFile.sha256))) == 0


def test_without_converters_issuing_is_503_with_retry_after(client, auth, app):
    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, None
    try:
        response = issue(client, auth, meeting_with_minutes(client, auth))
    finally:
        services.converter = saved
    assert response.status_code == 503
    assert response.headers["Retry-After"]


def test_busy_converters_answer_503_with_retry_after_and_nothing_is_issued(client, auth, app):
    from service.conversion.protocol import ConverterBusy
    from tests.fakes import CountingConverter

    class Busy(CountingConverter):
        def convert(self, docx, **kwargs):
            raise ConverterBusy("queue full", retry_after=7)

    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, Busy()
    try:
        response = issue(client, auth, meeting_with_minutes(client, auth))
    finally:
        services.converter = saved
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "7"
    assert db.session.scalar(select(func.count(IssuedDocument.id))) == 0
