"""PDFs for the seal tests: a small PDF/A-2b-identified file made with pikepdf (the real LibreOffice one is in
test_seal_libreoffice.py), and byte surgery on sealed files."""

from __future__ import annotations

import io

import pikepdf


def pdfa_like(pages: int = 1, title: str = "ET-CRM/2026/MIN-001 v1") -> bytes:
    """A PDF carrying the XMP PDF/A-2b identification and the reference in its keywords, as issued PDFs do."""
    pdf = pikepdf.new()
    for number in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
        pdf.pages[number].Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (Acta) Tj ET")
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
    pdf.docinfo["/Keywords"] = title  # after the XMP, which would otherwise be copied over the document info
    out = io.BytesIO()
    pdf.save(out, fix_metadata_version=False, compress_streams=False)
    return out.getvalue()


def pdfa_part_by_pikepdf(pdf: bytes) -> tuple[str | None, str | None]:
    with pikepdf.open(io.BytesIO(pdf)) as opened:
        meta = opened.open_metadata()
        return meta.get("pdfaid:part"), meta.get("pdfaid:conformance")


def flip_byte_inside_signed_range(sealed: bytes) -> bytes:
    """One byte of the page content changed: the signed digest no longer matches."""
    at = sealed.index(b"(Acta)") + 2
    return sealed[:at] + bytes([sealed[at] ^ 0x01]) + sealed[at + 1:]
