"""The public /verify page: upload a PDF and read the verdict in the page's language; open a QR code's link;
the portal shows each document's verification link."""

from __future__ import annotations

import re

from service.documents.models import IssuedDocument
from service.extensions import db
from tests.sealing.test_verify_api import issued_pdf


def csrf_token(client, path="/verify") -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True)).group(1)


def upload(client, pdf: bytes, lang="en"):
    import io

    token = csrf_token(client, f"/verify?lang={lang}")
    return client.post("/verify", data={"csrf_token": token, "file": (io.BytesIO(pdf), "copy.pdf")},
                       content_type="multipart/form-data")


def test_the_page_is_public_and_offers_the_upload(client):
    response = client.get("/verify?lang=en")

    assert response.status_code == 200
    assert 'type="file"' in response.get_data(as_text=True)


def test_uploading_the_issued_pdf_says_authentic(client, auth, converter):
    body, pdf = issued_pdf(client, auth)

    page = upload(client, pdf).get_data(as_text=True)

    assert "Authentic" in page
    assert body["reference"] in page


def test_uploading_an_altered_pdf_says_not_authentic_with_the_reason_in_spanish(client, auth, converter):
    _, pdf = issued_pdf(client, auth)
    at = pdf.index(b"595")  # the page width, inside the sealed bytes

    page = upload(client, pdf[:at] + b"6" + pdf[at + 1:], lang="es").get_data(as_text=True)

    assert "No auténtico" in page
    assert "alterado" in page


def test_the_qr_link_shows_the_register_entry_and_the_portal_lists_it(client, auth, converter):
    body, _ = issued_pdf(client, auth)
    code = db.session.get(IssuedDocument, body["id"]).verification_code

    page = client.get(f"/verify/{code}?lang=en").get_data(as_text=True)

    assert body["reference"] in page
    assert "current version" in page
    assert client.get("/verify/not-a-code").status_code == 404


def test_the_qr_link_of_a_withdrawn_document_says_when_and_why(client, auth, converter):
    from tests.documents.test_withdrawal import REASON, issued_report

    document = issued_report(client, auth)
    client.post(f"/api/v1/documents/{document['id']}/withdraw", json=REASON, headers=auth["st_rrocm"])
    code = db.session.get(IssuedDocument, document["id"]).verification_code

    page = client.get(f"/verify/{code}?lang=es").get_data(as_text=True)

    assert "Este documento fue retirado." in page
    assert REASON["reason"] in page
