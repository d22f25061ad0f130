"""Hostile files, built in memory: the issue 15 reproductions (F1–F4) and the upload rows of SPEC.md's
"Hostile inputs every upload and text field must survive"."""

from __future__ import annotations

import io
import warnings
import zipfile
import zlib

from docx import Document
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# ---------------------------------------------------------------- PDF


def pdf(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def raw_pdf(objects: dict[int, bytes], *, trailer: bytes = b"", prev_self: bool = False) -> bytes:
    """A PDF written by hand (object 1 is the catalog), for structures no library would write."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets.get(number, 0)
    prev = b" /Prev %d" % xref if prev_self else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s %s >>\nstartxref\n%d\n%%%%EOF\n" % (size, prev, trailer, xref)
    return bytes(out)


def _page_objects(content: bytes, *, extra_stream_keys: bytes = b"") -> dict[int, bytes]:
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        4: b"<< /Length %d %s >>\nstream\n" % (len(content), extra_stream_keys) + content + b"\nendstream",
    }


def pdf_absurd_length() -> bytes:
    """F2: a stream declaring /Length 99999999999 (made every later dossier a 500)."""
    objects = _page_objects(b"BT ET")
    objects[4] = b"<< /Length 99999999999 >>\nstream\nBT ET\nendstream"
    return raw_pdf(objects)


def pdf_flate_bomb(megabytes: int = 120) -> bytes:
    packer = zlib.compressobj(9)
    block = b"0 0 m " * (1024 * 1024 // 6)
    data = b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()
    return raw_pdf(_page_objects(data, extra_stream_keys=b"/Filter /FlateDecode"))


def pdf_circular_prev() -> bytes:
    return raw_pdf(_page_objects(b"BT ET"), prev_self=True)


def pdf_cyclic_page_tree() -> bytes:
    objects = _page_objects(b"BT ET")
    objects[2] = b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"
    return raw_pdf(objects)


def pdf_cyclic_outline() -> bytes:
    objects = _page_objects(b"BT ET")
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R /Outlines 5 0 R >>"
    objects[5] = b"<< /Type /Outlines /First 6 0 R /Last 6 0 R /Count 1 >>"
    objects[6] = b"<< /Title (loop) /Parent 5 0 R /Next 6 0 R /Prev 6 0 R /First 6 0 R /Last 6 0 R /Count 1 >>"
    return raw_pdf(objects)


def pdf_truncated() -> bytes:
    whole = pdf(3)
    return whole[: len(whole) // 2]


def pdf_encrypted() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("secreto")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_active(*, attachment: bool = False) -> bytes:
    """F4: page-level /AA JavaScript, a /Launch cmd.exe link and an /OpenAction script (optionally a file)."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)

    def action(kind: str, key: str, value: str) -> DictionaryObject:
        return DictionaryObject({NameObject("/S"): NameObject(kind), NameObject(key): TextStringObject(value)})

    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(
        action("/JavaScript", "/JS", "app.alert('page open')"))})
    link = DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(200), NumberObject(200)]),
        NameObject("/A"): action("/Launch", "/F", "cmd.exe")})
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(link)])
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(
        action("/JavaScript", "/JS", "app.alert('document open')"))
    if attachment:
        writer.add_attachment("invoice.exe", b"MZ" + b"\0" * 64)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# ---------------------------------------------------------------- Word


def docx(text: str = "Nota conceptual de la PPT") -> bytes:
    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_of(members: list[tuple[str, bytes]], *, base: bytes | None = None, replace: dict[str, bytes] | None = None,
           method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """`base` (a .docx) with members replaced and `members` added (duplicate names allowed)."""
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", method) as target:
        warnings.simplefilter("ignore")  # duplicate names are the point of some rows
        if base is not None:
            source = zipfile.ZipFile(io.BytesIO(base))
            for name in source.namelist():
                target.writestr(name, (replace or {}).get(name, source.read(name)))
        for name, content in members:
            target.writestr(name, content)
    return out.getvalue()


def docx_with(extra: list[tuple[str, bytes]] = (), replace: dict[str, bytes] | None = None,
              base: bytes | None = None) -> bytes:
    return zip_of(list(extra), base=base or docx(), replace=replace)


def body(xml: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
            f"<w:body>{xml}</w:body></w:document>").encode()


def rels(target: str, kind: str = "image") -> bytes:
    return (f'<?xml version="1.0"?><Relationships xmlns="{RELS_NS}"><Relationship Id="rId99" '
            f'Type="{OFFICE_REL}/{kind}" Target="{target}" TargetMode="External"/></Relationships>').encode()


def docx_expanding(megabytes: int) -> bytes:
    """F1: a small .docx whose document.xml expands to `megabytes` MiB."""
    filler = "<w:p><w:r><w:t>" + "a" * 1000 + "</w:t></w:r></w:p>"
    return docx_with(replace={"word/document.xml": body(filler * (megabytes * 1024))})


def docx_billion_laughs() -> bytes:
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                        for i in range(1, 10))
              + f']><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>'
              "</w:document>")
    return docx_with(replace={"word/document.xml": laughs.encode()})


def docx_fields(field: str) -> bytes:
    return docx_with(replace={"word/document.xml": body(
        f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> {field[:7]}</w:instrText></w:r>'
        f'<w:r><w:instrText>{field[7:]} "http://10.0.0.1/x.png" \\d </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')})


def ole_encrypted() -> bytes:
    """What Word saves for a password-protected .docx: a Compound File holding an EncryptedPackage stream."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512


def odt() -> bytes:
    return zip_of([("mimetype", b"application/vnd.oasis.opendocument.text"),
                   ("content.xml", b"<office:document-content/>")])
