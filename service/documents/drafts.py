"""What the issuing pipeline asks of a kind: a ``Draft`` — the data that identifies a version (frozen, then
fingerprinted) and how to make its files once the reference and version are known — and the Word kinds' draft.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from service.content_translations.operations import context_in
from service.conversion.protocol import PdfConverter
from service.documents.contexts import issuing_day
from service.grcm.rules import is_late
from service.templating.render import render_docx
from service.templating.stamping import stamp_docx

AUTHOR = "Equipo Tripartito CRM · RROCM · PPT"


@dataclass(frozen=True)
class Stamp:
    """What issuing adds to a draft: the reference, the version, the title and the moment."""

    reference: str
    version: int
    title: str
    language: str
    issued_at: datetime
    verification_url: str = ""  # printed with its QR code in the footer, before sealing

    def footer_link(self) -> dict[str, str]:
        """The header's verification link, or nothing (a stamp made outside issuing, e.g. by a benchmark)."""
        return {"verification_url": self.verification_url} if self.verification_url else {}


@dataclass(frozen=True)
class Files:
    pdf: bytes
    docx: bytes | None  # None: no Word file behind the PDF (the merged dossier)


@dataclass(frozen=True)
class Draft:
    frozen: dict[str, Any]  # JSON: kept with the document, and (with the template) what identifies a version
    late: bool
    make: Callable[[Stamp], Files]  # slow (renders and converts): called only for a new version


def jsonable(value: Any) -> Any:
    """The frozen copy of a context: JSON with ISO dates and decimal strings."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def word_draft(kind: str, subject_id: int, language: str, *, now: datetime, converter: PdfConverter) -> Draft:
    """A kind with a Word template: its context from the database, rendered and converted to PDF/A."""
    today = issuing_day(kind, subject_id, now)
    # In the language the texts were typed in, or with their final translations (422 listing those missing).
    context = context_in(kind, subject_id, language, today)

    def make(stamp: Stamp) -> Files:
        header = {**context.get("header", {}), "reference": stamp.reference, "issued_on": today,
                  "language": language, "version": stamp.version, "title": stamp.title,
                  **stamp.footer_link()}
        docx = render_docx(kind, language, {**context, "header": header})
        docx = stamp_docx(docx, verification_url=stamp.verification_url, title=f"{stamp.title} — {stamp.reference}",
                          subject=_subject(context, stamp.title), author=AUTHOR, language=language,
                          keywords=f"{stamp.reference} v{stamp.version}", created=stamp.issued_at)
        return Files(pdf=converter.convert(docx, pdfa=True), docx=docx)

    return Draft(frozen=jsonable(context), late=_is_late(context, today), make=make)


def _subject(context: dict[str, Any], fallback: str) -> str:
    for key in ("meeting", "grcm", "term"):
        part = context.get(key)
        if isinstance(part, dict) and part.get("title"):
            return str(part["title"])
    return fallback


def _is_late(context: dict[str, Any], today: date) -> bool:
    """Only documents with a due date (the monitoring report, R5) can be late; `today` is the issuing day where
    the due date counts (`issuing_day`)."""
    due = context.get("due_on")
    return isinstance(due, date) and is_late(due, today)
