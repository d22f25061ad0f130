"""Pure checks over an uploaded file's bytes, run before any parser sees it.

Size; the type decided by magic bytes (never by the name or the declared Content-Type); encrypted files refused
with their own message; for a Word file, a zip pre-check (entry count, per-member and total uncompressed size,
compression ratio, member names, every member inflated within its declared size and CRC), then macros, DTDs
(billion laughs), external links and fields that fetch (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from service.common.i18n import N_
from service.errors import DomainError, RuleViolation

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MiB = 1024 * 1024

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: old .doc, or an encrypted Office file
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_PDF_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")
_PDF_LENGTH = re.compile(rb"/Length\s+(\d{1,40})(?!\s+\d+\s+R)")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_INSTR = re.compile(rb"<(?:\w+:)?instrText\b[^>]*>([^<]*)<|\b(?:\w+:)?instr=\"([^\"]*)\"")
_FETCHING_FIELD = re.compile(rb"INCLUDEPICTURE|INCLUDETEXT|\bLINK\b|\bDDE(?:AUTO)?\b|\bIMPORT\b", re.IGNORECASE)
_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_SMALL_PART = 1 * MiB  # [Content_Types].xml and .rels parts: parsed here, so kept small


class TooLarge(DomainError):
    status = 413


class UnsupportedType(DomainError):
    status = 415


class UploadRefused(RuleViolation):
    """The file is of an accepted type but unsafe, damaged or beyond a limit; `problem` says which."""

    def __init__(self, problem: str, message: str, **params: object) -> None:
        super().__init__(message, field="file", params=params)
        self.problem = problem


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_entries: int = 1000
    max_member: int = 30 * MiB
    max_total: int = 60 * MiB
    max_ratio: int = 100
    ratio_from: int = 256 * 1024  # small parts may compress well; a bomb is big


ANNEX_LIMITS = Limits(max_bytes=15 * MiB)
TEMPLATE_LIMITS = Limits(max_bytes=5 * MiB, max_member=10 * MiB, max_total=30 * MiB)
XML_LIMITS = Limits(max_bytes=2 * MiB)  # a translator's XLIFF file: text only


def check(content: bytes, *, accept: frozenset[str], limits: Limits, wrong_type: str) -> str:
    """The media type of `content` if it passes the gate; raises TooLarge, UnsupportedType or UploadRefused."""
    if len(content) > limits.max_bytes:
        raise TooLarge(N_("The file is %(size)s KiB; the limit is %(limit)s KiB."),
                       params={"size": len(content) // 1024, "limit": limits.max_bytes // 1024}, field="file")
    if not content:
        raise UploadRefused("empty", N_("The file is empty."))
    if content.startswith(_OLE2):
        if _ENCRYPTED_PACKAGE in content:
            raise UploadRefused("encrypted", N_("The Word file is encrypted or password-protected; upload an "
                                                "unprotected copy."))
        raise UnsupportedType(N_("Old Word (.doc) files are not accepted; save it as .docx."), field="file")
    if content.startswith(b"%PDF-") and PDF in accept:
        check_pdf_bytes(content)
        return PDF
    if content.startswith(b"PK\x03\x04") and DOCX in accept:
        check_docx_zip(content, limits)
        return DOCX
    raise UnsupportedType(wrong_type, field="file")


def check_xml(content: bytes, *, limits: Limits = XML_LIMITS) -> None:
    """An uploaded XML file (XLIFF): within the size limit, not empty, no DTD or entities (XXE, billion laughs)."""
    if len(content) > limits.max_bytes:
        raise TooLarge(N_("The file is %(size)s KiB; the limit is %(limit)s KiB."),
                       params={"size": len(content) // 1024, "limit": limits.max_bytes // 1024}, field="file")
    if not content.strip():
        raise UploadRefused("empty", N_("The file is empty."))
    if _DTD.search(content):
        raise UploadRefused("dtd", N_("The file declares a DTD or entities; it needs neither."))


def check_pdf_bytes(content: bytes) -> None:
    """What the bytes alone say: encryption, and stream lengths larger than the file itself."""
    if _PDF_ENCRYPT.search(content):
        raise UploadRefused("encrypted", N_("The PDF is encrypted or password-protected; upload an unprotected "
                                            "copy."))
    for match in _PDF_LENGTH.finditer(content):
        if int(match.group(1)) > len(content):
            raise UploadRefused("damaged", N_("The PDF is damaged: a stream declares %(length)s bytes in a file "
                                              "of %(size)s."), length=int(match.group(1)), size=len(content))


def check_docx_zip(content: bytes, limits: Limits) -> None:
    """Refuse zip bombs, odd member names, macros, DTDs and external links before any XML is parsed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise UploadRefused("damaged", N_("The Word file is damaged (not a valid .docx archive).")) from None
    if len(entries) > limits.max_entries:
        raise UploadRefused("zip-entries", N_("The Word file has %(parts)s parts; at most %(limit)s are "
                                              "accepted."), parts=len(entries), limit=limits.max_entries)
    _check_names([e.filename for e in entries])
    _check_sizes(entries, limits)
    names = {e.filename for e in entries}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise UploadRefused("not-docx", N_("The file is a zip archive but not a Word (.docx) document."))
    for entry in entries:
        _check_member(entry.filename, _inflate(archive, entry))


def _check_names(names: list[str]) -> None:
    seen: set[str] = set()
    for name in names:
        folded = name.casefold()
        if (not name or name.startswith("/") or "\\" in name or "\x00" in name or re.match(r"[A-Za-z]:", name)
                or ".." in name.split("/") or folded in seen):
            raise UploadRefused("zip-names", N_("The Word file has a part named %(name)r (absolute, outside the "
                                                "archive or repeated); it is not a valid .docx."), name=name[:80])
        seen.add(folded)


def _check_sizes(entries: list[zipfile.ZipInfo], limits: Limits) -> None:
    total = 0
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise UploadRefused("encrypted", N_("The Word file is encrypted; upload an unprotected copy."))
        total += entry.file_size
        if entry.file_size > limits.max_member or total > limits.max_total:
            raise UploadRefused("zip-size", N_("The Word file expands to more than %(limit)s MiB; that is more "
                                               "than we accept."),
                                limit=(limits.max_member if entry.file_size > limits.max_member
                                       else limits.max_total) // MiB)
        if entry.file_size > limits.ratio_from and (
                not entry.compress_size or entry.file_size / entry.compress_size > limits.max_ratio):
            raise UploadRefused("zip-ratio", N_("The Word file is compressed suspiciously much (a zip bomb?)."))


def _inflate(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes | None:
    """The member's bytes if it is XML (to be scanned), else None; either way it is inflated within its declared
    size and its CRC checked, so a header that lies about the size is caught here, not by a parser later."""
    keep = entry.filename.endswith((".xml", ".rels"))
    chunks, size = [], 0
    try:
        with archive.open(entry) as member:
            while chunk := member.read(MiB):
                size += len(chunk)
                if size > entry.file_size:
                    break
                if keep:
                    chunks.append(chunk)
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError, RuntimeError):
        raise UploadRefused("damaged", N_("The Word file is damaged (part %(name)r does not unpack)."),
                            name=entry.filename[:80]) from None
    if size != entry.file_size:
        raise UploadRefused("damaged", N_("The Word file is damaged (part %(name)r does not unpack)."),
                            name=entry.filename[:80])
    return b"".join(chunks) if keep else None


def _check_member(name: str, data: bytes | None) -> None:
    lower = name.lower()
    if lower.endswith(_MACRO_PARTS) or lower.startswith("word/activex/"):
        raise UploadRefused("macros", N_("The Word file contains macros; save it as a plain .docx."))
    if data is None:
        return
    text = data.replace(b"\x00", b"") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data
    if _DTD.search(text):
        raise UploadRefused("dtd", N_("The Word file declares a DOCTYPE or entities (part %(name)r); Word never "
                                      "does: it is not accepted."), name=name[:80])
    if name == "[Content_Types].xml" and (b"macroEnabled" in text or b"vbaProject" in text):
        raise UploadRefused("macros", N_("The Word file contains macros; save it as a plain .docx."))
    if name.endswith(".rels") or name == "[Content_Types].xml":
        if len(text) > _SMALL_PART:
            raise UploadRefused("damaged", N_("The Word file is damaged (part %(name)r is too large)."),
                                name=name[:80])
        if name.endswith(".rels") and _external_resources(text):
            raise UploadRefused("external", N_("The Word file links to external content (images, templates or "
                                               "files outside it); embed them or remove the links."))
    instructions = b"".join(a or b for a, b in _INSTR.findall(text))
    if _FETCHING_FIELD.search(instructions):
        raise UploadRefused("external", N_("The Word file has a field that fetches external content "
                                           "(INCLUDEPICTURE, INCLUDETEXT, LINK or DDE); remove it."))


def _external_resources(rels: bytes) -> list[str]:
    """External targets other than plain hyperlinks (those are fine: nothing fetches them on conversion)."""
    try:
        root = etree.fromstring(rels, parser=_SAFE_XML)
    except etree.XMLSyntaxError:
        raise UploadRefused("damaged", N_("The Word file is damaged (unreadable relationships).")) from None
    return [rel.get("Target", "") for rel in root
            if (rel.get("TargetMode") or "").lower() == "external" and not rel.get("Type", "").endswith("/hyperlink")]
