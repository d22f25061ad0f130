"""Issued PDFs are sealed by the demo authority, and POST /api/v1/verify (no token) tells anyone holding one
whether it is authentic, current, and who sealed it when; altered, unknown or broken files say why not."""

from __future__ import annotations

import hashlib

from tests.documents.test_issuing_api import issue, meeting_with_minutes
from tests.documents.test_withdrawal import REASON, issued_report
from tests.sealing.pdfs import pdfa_like


def issued_pdf(client, auth) -> tuple[dict, bytes]:
    meeting_id = meeting_with_minutes(client, auth)
    body = issue(client, auth, meeting_id).json
    return body, client.get(f"/api/v1/documents/{body['id']}/pdf", headers=auth["BZ"]).data


def verify(client, pdf: bytes):
    return client.post("/api/v1/verify", data=pdf, headers={"Content-Type": "application/pdf"})


def test_issued_pdf_is_sealed_and_the_register_records_signer_time_and_hash(client, auth, converter):
    body, pdf = issued_pdf(client, auth)

    assert body["seal"]["signer"].count("DEMO") >= 1
    assert body["seal"]["sha256"] == hashlib.sha256(pdf).hexdigest() == body["sha256"]
    assert body["seal"]["signed_at"] is not None
    assert body["verification_url"].startswith("http://127.0.0.1:5000/verify/")


def test_the_issued_pdf_verifies_as_authentic_and_current_without_a_token(client, auth, converter):
    body, pdf = issued_pdf(client, auth)

    response = verify(client, pdf)

    assert response.status_code == 200, response.json
    answer = response.json
    assert answer["authentic"] is True
    assert answer["problems"] == []
    assert (answer["reference"], answer["kind"], answer["language"], answer["version"]) == (
        body["reference"], "minutes", "es", 1)
    assert answer["state"] == "current"
    assert answer["superseded_by"] is None
    assert answer["signature"]["valid"] is True
    assert "DEMO" in answer["signature"]["signer"]
    assert answer["signature"]["timestamped"] is False  # no TSA configured in the tests' app


def test_one_flipped_byte_makes_it_not_authentic_with_the_reason(client, auth, converter):
    _body, pdf = issued_pdf(client, auth)
    at = pdf.index(b"595")  # the page width, inside the sealed bytes: the file still parses
    altered = pdf[:at] + b"6" + pdf[at + 1:]

    answer = verify(client, altered).json

    assert answer["authentic"] is False
    assert answer["signature"]["valid"] is False
    assert [p["code"] for p in answer["problems"]] == ["altered"]
    assert "altered" in answer["problems"][0]["message"]


def test_an_older_version_is_authentic_but_superseded_and_names_the_newer_one(client, auth, converter):
    first = issued_report(client, auth)
    old_pdf = client.get(f"/api/v1/documents/{first['id']}/pdf", headers=auth["BZ"]).data
    client.post("/api/v1/crm-events", json={"title": "Taller", "kind": "workshop", "starts_on": "2026-03-10"},
                headers=auth["st_crm"])  # the report's data changed: issuing again makes version 2
    newer = client.post("/api/v1/documents", json={"kind": "monitoring_report", "subject_id": first["subject_id"],
                                                   "language": "es"}, headers=auth["st_crm"])
    assert newer.status_code == 201, newer.json

    answer = verify(client, old_pdf).json

    assert answer["authentic"] is True
    assert answer["state"] == "superseded"
    assert answer["superseded_by"]["version"] == 2
    assert answer["superseded_by"]["reference"] == first["reference"]


def test_a_withdrawn_document_is_authentic_and_says_withdrawn(client, auth, converter):
    document = issued_report(client, auth)
    pdf = client.get(f"/api/v1/documents/{document['id']}/pdf", headers=auth["BZ"]).data
    withdrawn = client.post(f"/api/v1/documents/{document['id']}/withdraw", json=REASON, headers=auth["st_rrocm"])
    assert withdrawn.status_code == 200, withdrawn.json

    answer = verify(client, pdf).json

    assert answer["authentic"] is True  # it is the file the team issued; the state says it no longer stands
    assert answer["state"] == "withdrawn"
    assert answer["superseded_by"] is None


def test_a_pdf_without_a_seal_is_not_authentic(client, auth):
    answer = verify(client, pdfa_like()).json

    assert answer["authentic"] is False
    assert [p["code"] for p in answer["problems"]] == ["not-signed"]
    assert answer["reference"] is None  # the reference it carries is not in this register


def test_what_is_not_a_pdf_is_refused_naming_the_file(client):
    response = verify(client, b"PK\x03\x04 not a pdf at all")

    assert response.status_code in (415, 422)
    assert "file" in str(response.json)


def test_an_oversized_body_is_refused_before_reading_it(client):
    response = verify(client, b"%PDF-1.7\n" + b"0" * (16 * 1024 * 1024))

    assert response.status_code == 413


def test_a_damaged_pdf_is_an_answer_not_a_server_error(client):
    answer = verify(client, b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer <<>>\n%%EOF")

    assert answer.status_code == 200
    assert answer.json["authentic"] is False
    assert answer.json["problems"][0]["code"] in ("unreadable", "not-signed")


def test_a_pdf_with_more_pages_than_any_issued_document_is_not_read_further(client, monkeypatch):
    from service.sealing import verification

    monkeypatch.setattr(verification, "MAX_PAGES", 2)
    answer = verify(client, pdfa_like(pages=3))

    assert answer.status_code == 200
    assert answer.json["authentic"] is False
    assert [p["code"] for p in answer.json["problems"]] == ["too-many-pages"]
