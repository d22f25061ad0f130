"""Small facts about PDF and DOCX files: page counts, PDF/A identification, document properties."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from xml.sax.saxutils import escape

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


_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title>\
<dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator><dc:language>{language}</dc:language>\
<cp:keywords>{keywords}</cp:keywords>\
<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified></cp:coreProperties>"""


def with_properties(docx: bytes, *, title: str, subject: str, author: str, language: str, keywords: str,
                    created: datetime) -> bytes:
    """The same .docx with its core properties set; LibreOffice carries them into the PDF's metadata."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    core = _CORE.format(title=escape(title), subject=escape(subject), author=escape(author),
                        language=escape(language), keywords=escape(keywords),
                        created=created.strftime("%Y-%m-%dT%H:%M:%SZ"))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        for name in names:
            if name != "docProps/core.xml":
                target.writestr(source.getinfo(name), source.read(name))
        target.writestr("docProps/core.xml", core)
    if "docProps/core.xml" not in names:
        return docx  # a template without a core part: keep it as it is rather than half-registering one
    return out.getvalue()
