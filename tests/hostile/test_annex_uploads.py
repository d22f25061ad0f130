"""Hostile annex uploads (the PPT's concept note, PUT /api/v1/ppt-terms/{id}/concept-note), one row per input:
the status and message, nothing kept, the worker's memory bounded, and the next upload works."""

from __future__ import annotations

import re

import pytest

from service.conversion.protocol import ConversionTimeout
from tests.factories import term_body
from tests.hostile import files
from tests.hostile.conftest import kept

# (row, file, status, words the message must contain)
REFUSED = [
    # issue 15
    ("F2 stream declaring /Length 99999999999", files.pdf_absurd_length, 422, "declares 99999999999 bytes"),
    ("F3 garbage document.xml", lambda: files.docx_with(replace={"word/document.xml": b"garbage \x00\xff"}), 422,
     "not well-formed"),
    ("F3 billion-laughs DOCTYPE", files.docx_billion_laughs, 422, "DOCTYPE"),
    ("F3 non-Word XML as document.xml", lambda: files.docx_with(replace={"word/document.xml": b"<html><p>x</p>"
                                                                                                b"</html>"}),
     422, "not a Word document"),
    ("F4 10,000-page PDF", lambda: files.pdf(10_000), 422, "10000 pages"),
    ("F4 PDF with an attached file", lambda: files.pdf_active(attachment=True), 422, "attach"),
    # SPEC.md: hostile uploads
    ("larger than the limit", lambda: b"%PDF-" + b"0" * (15 * 1024 * 1024 + 1), 413, "limit"),
    ("EXE named .pdf", lambda: b"MZ\x90\x00\x03" + b"\0" * 200, 415, "PDF or a Word"),
    ("HTML named .pdf", lambda: b"<!doctype html><script>alert(1)</script>", 415, "PDF or a Word"),
    ("plain ZIP named .pdf", lambda: files.zip_of([("readme.txt", b"hello")]), 422, "not a Word"),
    ("ODT", files.odt, 422, "not a Word"),
    ("RTF with an INCLUDEPICTURE field", lambda: rb"{\rtf1{\field{\*\fldinst INCLUDEPICTURE http://x/y.png}}}", 415,
     "PDF or a Word"),
    ("old binary .doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024, 415, ".doc"),
    ("password-protected Word file", files.ole_encrypted, 422, "password"),
    ("zip-encrypted member", lambda: _flag_encrypted(files.docx()), 422, "encrypted"),
    ("DOCX zip bomb (ratio ~1000)", lambda: files.docx_with([("word/media/bomb.bin", b"\0" * (20 << 20))]), 422,
     "compressed suspiciously"),
    ("DOCX expanding past the member limit", lambda: files.docx_expanding(40), 422, "expands to more than 30"),
    ("member ../../etc/cron.d/x", lambda: files.docx_with([("../../etc/cron.d/x", b"* * * * * root id")]), 422,
     "../../etc/cron.d/x"),
    ("absolute member name", lambda: files.docx_with([("/etc/passwd", b"root")]), 422, "/etc/passwd"),
    ("duplicate member name", lambda: files.docx_with([("word/document.xml", files.body(""))]), 422, "repeated"),
    ("50,000 member names", lambda: files.zip_of([(f"m/{i}", b"") for i in range(50_000)], base=files.docx()),
     422, "50017 parts"),
    ("macro-enabled (vbaProject.bin)", lambda: files.docx_with([("word/vbaProject.bin", b"\0" * 100)]), 422,
     "macros"),
    ("external image link", lambda: files.docx_with(replace={
        "word/_rels/document.xml.rels": files.rels("http://10.0.0.1/track.png")}), 422, "external"),
    ("linked OLE object", lambda: files.docx_with(replace={
        "word/_rels/document.xml.rels": files.rels("file:///etc/passwd", "oleObject")}), 422, "external"),
    ("remote attached template", lambda: files.docx_with([
        ("word/_rels/settings.xml.rels", files.rels("http://10.0.0.1/t.dotm", "attachedTemplate"))]), 422,
     "external"),
    ("INCLUDEPICTURE field split across runs", lambda: files.docx_fields("INCLUDEPICTURE"), 422, "INCLUDEPICTURE"),
    ("INCLUDETEXT field", lambda: files.docx_fields("INCLUDETEXT"), 422, "INCLUDETEXT"),
    ("PDF with a password", files.pdf_encrypted, 422, "password"),
    ("PDF Flate bomb", files.pdf_flate_bomb, 422, "more data than we accept"),
    ("truncated PDF", files.pdf_truncated, 422, "damaged"),
    ("PDF with a cyclic page tree", files.pdf_cyclic_page_tree, 422, "damaged"),
]

# Files a reader can repair: accepted, but only as the normalised PDF/A.
ACCEPTED = [
    ("PDF whose xref /Prev points to itself", files.pdf_circular_prev),
    ("PDF with a cyclic outline", files.pdf_cyclic_outline),
]


def _flag_encrypted(docx: bytes) -> bytes:
    """Set the 'encrypted' bit of the first member in both headers (Word's own encryption is an OLE file)."""
    data = bytearray(docx)
    data[6] |= 1
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 1
    return bytes(data)


@pytest.fixture
def term_id(client, auth) -> int:
    return client.post("/api/v1/ppt-terms", json=term_body(), headers=auth["st_crm"]).json["id"]


def upload(client, auth, term_id, content):
    return client.put(f"/api/v1/ppt-terms/{term_id}/concept-note", data=content, headers={
        **auth["ppt"], "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="nota.pdf"'})


@pytest.mark.parametrize(("row", "make", "status", "words"), REFUSED, ids=[r[0] for r in REFUSED])
def test_hostile_annex_is_refused_keeps_nothing_and_the_next_upload_works(
        client, auth, term_id, converter, peak_memory, row, make, status, words):
    content = make()
    with peak_memory() as memory:
        response = upload(client, auth, term_id, content)
    assert response.status_code == status, response.json
    assert words in response.json["message"]
    assert kept() == (0, 0)
    assert memory.growth_mib < 100, f"the worker grew {memory.growth_mib:.0f} MiB"
    assert upload(client, auth, term_id, files.pdf(2)).status_code == 201


@pytest.mark.parametrize(("row", "make"), ACCEPTED, ids=[r[0] for r in ACCEPTED])
def test_repairable_pdf_is_accepted_as_its_normalised_pdfa(client, auth, term_id, row, make):
    response = upload(client, auth, term_id, make())
    assert response.status_code == 201, response.json
    assert response.json["pages"] == 1
    assert kept() == (1, 2)  # the original and the PDF/A made from it


def test_f4_active_content_is_removed_from_the_pdf_the_dossier_merges(client, auth, term_id, app):
    from service.documents.annexes import current_concept_note

    hostile = files.pdf_active()
    assert re.search(rb"/JavaScript|/Launch|/AA", hostile)
    response = upload(client, auth, term_id, hostile)
    assert response.status_code == 201, response.json
    normalised = app.extensions["tripartito"].store.get(current_concept_note(term_id).pdf_sha256)
    assert not re.search(rb"/(JavaScript|JS|Launch|AA|OpenAction)\b", normalised)
    assert re.search(rb"pdfaid:part=.2", normalised)  # Ghostscript's PDF/A-2b


def test_f3_a_word_annex_that_cannot_be_converted_within_the_limit_is_422_and_keeps_nothing(
        client, auth, term_id, converter, monkeypatch):
    def too_slow(docx, *, pdfa=True, timeout=None):
        raise ConversionTimeout(f"longer than {timeout} s")

    monkeypatch.setattr(converter, "convert", too_slow)
    response = upload(client, auth, term_id, files.docx("texto " * 10_000))
    assert response.status_code == 422
    assert "could not be converted to PDF within 30 seconds" in response.json["message"]
    assert kept() == (0, 0)
