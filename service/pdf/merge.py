"""Merge PDFs into one dossier: a bookmark per part, continuous page labels, metadata, PDF/A kept when every
part is PDF/A (pypdf drops the parts' XMP and output intent, so they are written again on the result)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, StreamObject, TextStringObject


@dataclass(frozen=True)
class Part:
    title: str
    pdf: bytes
    reference: str | None = None
    pdfa: bool = False


_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>Tripartito (pypdf)</pdf:Producer><xmp:CreateDate>{created}</xmp:CreateDate>
<xmp:ModifyDate>{created}</xmp:ModifyDate>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""


def merge(parts: list[Part], *, title: str, author: str, subject: str, language: str,
          created: datetime) -> bytes:
    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part.pdf), outline_item=part.title, import_outline=False)
    writer.set_page_label(0, len(writer.pages) - 1, style="/D", start=1)  # one run of numbers, 1 … N
    stamp = created.strftime("D:%Y%m%d%H%M%SZ")
    writer.add_metadata({"/Title": title, "/Author": author, "/Subject": subject, "/Producer": "Tripartito (pypdf)",
                         "/CreationDate": stamp, "/ModDate": stamp})
    root = writer._root_object
    root[NameObject("/Lang")] = TextStringObject(language)
    root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    if parts and all(part.pdfa for part in parts):
        _keep_pdfa(writer, parts[0].pdf, title=title, author=author, subject=subject, language=language,
                   created=created)
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _keep_pdfa(writer: PdfWriter, first_part: bytes, **meta) -> None:
    intents = PdfReader(io.BytesIO(first_part)).trailer["/Root"].get("/OutputIntents")
    if intents is None:
        return
    root = writer._root_object
    root[NameObject("/OutputIntents")] = writer._add_object(intents.get_object().clone(writer))
    stream = StreamObject()
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    stream.set_data(_XMP.format(title=escape(meta["title"]), author=escape(meta["author"]),
                                subject=escape(meta["subject"]), language=escape(meta["language"]),
                                created=meta["created"].strftime("%Y-%m-%dT%H:%M:%SZ")).encode())
    root[NameObject("/Metadata")] = writer._add_object(stream)
