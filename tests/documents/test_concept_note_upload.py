"""Uploading the incoming PPT's concept note: PDF or DOCX by their bytes, everything else refused clearly."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from pypdf import PdfWriter
from sqlalchemy import func, select

from service.documents.models import StoredFile, Upload
from service.extensions import db
from service.uploads.gate import ANNEX_LIMITS
from tests.factories import term_body


def pdf_bytes(pages: int = 2, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(text: str = "Nota conceptual de la PPT de Panamá") -> bytes:
    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rewrite_docx(extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            target.writestr(name, (replace or {}).get(name, source.read(name)))
        for name, content in extra.items():
            target.writestr(name, content)
    return out.getvalue()


@pytest.fixture
def term_id(client, auth) -> int:
    return client.post("/api/v1/ppt-terms", json=term_body(), headers=auth["st_crm"]).json["id"]


def upload(client, auth, term_id, content, content_type="application/octet-stream", name="nota.pdf"):
    return client.put(f"/api/v1/ppt-terms/{term_id}/concept-note", data=content, headers={
        **auth["ppt"], "Content-Type": content_type, "Content-Disposition": f'attachment; filename="{name}"'})


def nothing_stored() -> bool:
    return not db.session.scalar(select(func.count(Upload.id))) and not db.session.scalar(
        select(func.count(StoredFile.sha256)))


def test_pdf_upload_is_stored_with_its_original_name_and_page_count(client, auth, term_id):
    response = upload(client, auth, term_id, pdf_bytes(3), name="../../Nota conceptual PPT Panamá.pdf")
    assert response.status_code == 201, response.json
    assert response.json["media_type"] == "application/pdf"
    assert response.json["pages"] == 3
    assert response.json["original_name"] == "Nota conceptual PPT Panamá.pdf"
    file = client.get(f"/api/v1/ppt-terms/{term_id}/concept-note/file", headers=auth["BZ"])
    assert file.data == pdf_bytes(3)


def test_docx_upload_as_a_multipart_form_is_accepted(client, auth, term_id, converter):
    response = client.put(f"/api/v1/ppt-terms/{term_id}/concept-note", headers=auth["st_rrocm"],
                          data={"file": (io.BytesIO(docx_bytes()), "nota.docx")},
                          content_type="multipart/form-data")
    assert response.status_code == 201, response.json
    assert response.json["media_type"].endswith("wordprocessingml.document")
    assert converter.conversions == 1  # converted at upload, so issuing never meets an annex it cannot use


def test_docx_upload_without_converters_is_503_with_retry_after_and_keeps_nothing(client, auth, term_id):
    response = upload(client, auth, term_id, docx_bytes(), name="nota.docx")
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    assert nothing_stored()


def test_a_new_upload_replaces_the_current_concept_note(client, auth, term_id):
    upload(client, auth, term_id, pdf_bytes(1))
    second = upload(client, auth, term_id, pdf_bytes(4)).json
    assert client.get(f"/api/v1/ppt-terms/{term_id}/concept-note", headers=auth["ppt"]).json["id"] == second["id"]


def test_type_comes_from_the_bytes_not_the_declared_content_type(client, auth, term_id):
    response = upload(client, auth, term_id, b"MZ\x90\x00 not a document", content_type="application/pdf")
    assert response.status_code == 415
    assert nothing_stored()


@pytest.mark.parametrize(("content", "message"), [
    (pdf_bytes(1, password="secreto"), "encrypted"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "damaged"),
    (rewrite_docx({"word/vbaProject.bin": b"\x00" * 100}), "macros"),
    (rewrite_docx({}, {"word/_rels/document.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                       b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId99" Type="http://schemas'
                       b'.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///etc/passwd" '
                       b'TargetMode="External"/></Relationships>'}), "external"),
    (rewrite_docx({"word/media/bomb.bin": b"\x00" * (20 * 1024 * 1024)}), "compressed"),
    (b"PK\x03\x04 not really a zip", "damaged"),
])
def test_unsafe_or_broken_files_are_422_with_a_message_and_nothing_is_stored(client, auth, term_id, content, message):
    response = upload(client, auth, term_id, content)
    assert response.status_code == 422, response.json
    assert message in response.json["message"]
    assert "file" in response.json["errors"]["json"]
    assert nothing_stored()


def test_file_over_the_upload_limit_is_413(client, auth, term_id):
    response = upload(client, auth, term_id, b"%PDF-" + b"0" * ANNEX_LIMITS.max_bytes)
    assert response.status_code == 413
    assert nothing_stored()


def test_member_country_cannot_upload(client, auth, term_id):
    response = client.put(f"/api/v1/ppt-terms/{term_id}/concept-note", data=pdf_bytes(),
                          headers={**auth["HN"], "Content-Type": "application/pdf"})
    assert response.status_code == 403


def test_upload_for_an_unknown_term_is_404(client, auth):
    assert upload(client, auth, 999, pdf_bytes()).status_code == 404
