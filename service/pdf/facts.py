"""Small facts about a PDF file: its page count and the PDF/A part it declares."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

_PDFA_PART = re.compile(rb"pdfaid:part(?:>|=[\"'])\s*(\d)")  # Ghostscript writes part='2'


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdfa_part(pdf: bytes) -> int | None:
    """The PDF/A part (2 for PDF/A-2b) declared in the XMP metadata, or None."""
    reader = PdfReader(io.BytesIO(pdf))
    metadata = reader.trailer["/Root"].get("/Metadata")
    if metadata is None:
        return None
    found = _PDFA_PART.search(metadata.get_object().get_data())
    return int(found.group(1)) if found else None
