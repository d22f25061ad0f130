"""Checks on uploaded annexes (the PPT's concept note): PDF or DOCX decided by magic bytes, size limits,
DOCX zip inspected before anything parses it, PDFs read in a limited child process."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from service.common.i18n import N_
from service.documents.pdf_probe import ProbeFailed, probe
from service.errors import DomainError, RuleViolation

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

MAX_UPLOAD_BYTES = 15 * 1024 * 1024
MAX_ZIP_ENTRIES = 1000
MAX_ZIP_TOTAL = 60 * 1024 * 1024
MAX_ZIP_ENTRY = 30 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


PROBE_PROBLEMS = {
    "encrypted": N_("The PDF is encrypted or password-protected; upload an unprotected copy."),
    "damaged": N_("The PDF is damaged and cannot be read."),
    "unreadable": N_("The PDF could not be read; it may be damaged."),
}


class TooLarge(DomainError):
    status = 413


class UnsupportedType(DomainError):
    status = 415


@dataclass(frozen=True)
class CheckedUpload:
    media_type: str
    pages: int | None


def check_upload(content: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> CheckedUpload:
    if len(content) > max_bytes:
        raise TooLarge(N_("The file is %(size)s KiB; the limit is %(limit)s KiB."),
                       params={"size": len(content) // 1024, "limit": max_bytes // 1024}, field="file")
    if not content:
        raise RuleViolation(N_("The file is empty."), field="file")
    if content.startswith(b"%PDF-"):
        try:
            return CheckedUpload(PDF, probe(content)["pages"])
        except ProbeFailed as error:
            raise RuleViolation(PROBE_PROBLEMS.get(error.problem, PROBE_PROBLEMS["unreadable"]), field="file") from None
    if content.startswith(b"PK\x03\x04"):
        check_docx_zip(content)
        return CheckedUpload(DOCX, None)
    raise UnsupportedType(N_("Upload the concept note as a PDF or a Word (.docx) file."), field="file")


def check_docx_zip(content: bytes) -> None:
    """Refuse zip bombs, macros and external links before any XML of the file is parsed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise RuleViolation(N_("The Word file is damaged (not a valid .docx archive)."), field="file") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise RuleViolation(N_("The Word file has %(parts)s parts; at most %(limit)s are accepted."),
                            params={"parts": len(entries), "limit": MAX_ZIP_ENTRIES}, field="file")
    total = 0
    for entry in entries:
        total += entry.file_size
        if entry.file_size > MAX_ZIP_ENTRY or total > MAX_ZIP_TOTAL:
            raise RuleViolation(N_("The Word file expands to more than we accept."), field="file")
        if entry.compress_size and entry.file_size / entry.compress_size > MAX_COMPRESSION_RATIO:
            raise RuleViolation(N_("The Word file is compressed suspiciously much (a zip bomb?)."), field="file")
        if entry.flag_bits & 0x1:
            raise RuleViolation(N_("The Word file is encrypted; upload an unprotected copy."), field="file")
    names = {e.filename for e in entries}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise RuleViolation(N_("The file is a zip archive but not a Word (.docx) document."), field="file")
    content_types = archive.read("[Content_Types].xml")
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in content_types:
        raise RuleViolation(N_("The Word file contains macros; save it as a plain .docx."), field="file")
    for name in names:
        if name.endswith(".rels") and _external_resources(archive.read(name)):
            raise RuleViolation(N_("The Word file links to external content (images, templates or files outside "
                                   "it); embed them or remove the links."), field="file")


def _external_resources(rels: bytes) -> list[str]:
    """External targets other than plain hyperlinks (those are fine: nothing fetches them on conversion)."""
    try:
        root = etree.fromstring(rels, parser=_SAFE_XML)
    except etree.XMLSyntaxError:
        raise RuleViolation(N_("The Word file is damaged (unreadable relationships)."), field="file") from None
    return [rel.get("Target", "") for rel in root
            if (rel.get("TargetMode") or "").lower() == "external" and not rel.get("Type", "").endswith("/hyperlink")]
