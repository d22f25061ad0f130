"""A Word file's core properties (title, subject, author, language): LibreOffice carries them into the PDF."""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title>\
<dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator><dc:language>{language}</dc:language>\
<cp:keywords>{keywords}</cp:keywords>\
<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified></cp:coreProperties>"""


def core_properties_part(*, title: str, subject: str, author: str, language: str, keywords: str,
                         created: datetime) -> dict[str, bytes]:
    """The core properties part for `replace_parts`: LibreOffice carries them into the PDF's metadata."""
    core = _CORE.format(title=escape(title), subject=escape(subject), author=escape(author),
                        language=escape(language), keywords=escape(keywords),
                        created=created.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return {"docProps/core.xml": core.encode()}

