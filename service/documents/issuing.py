"""Issuing official documents: render → convert → record, with references, versions and hashes.

The one place a document is issued. Transactions are handled here on purpose: the reference number is
reserved and committed first (a reserved number is harmless), the slow conversion runs with no transaction
open, and the record and its files are then written in one transaction, so a crash at any point leaves
either everything or nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from service.auth.principals import Principal
from service.common.i18n import N_
from service.documents.contexts import build_context
from service.documents.distribution import deliver_pending, plan_distribution
from service.documents.kinds import get_kind
from service.documents.models import DocumentReference, IssuedDocument
from service.pdf.facts import page_count, pdfa_part, with_properties
from service.documents.render import render_docx
from service.errors import Conflict, DomainError, RuleViolation
from service.extensions import db
from service.grcm.rules import is_late

ISSUABLE = ("minutes", "recommendations", "ppt_feedback", "monitoring_report", "work_plan", "dossier")
AUTHOR = "Equipo Tripartito CRM · RROCM · PPT"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Issued:
    document: IssuedDocument
    created: bool  # False: the data had not changed, the existing version is returned


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


def fingerprint(kind: str, language: str, frozen: dict) -> str:
    """Changes when the data or the template changes: then issuing makes a new version."""
    template = get_kind("dossier_cover" if kind == "dossier" else kind).template_path(language).read_bytes()
    digest = hashlib.sha256(json.dumps(frozen, sort_keys=True, ensure_ascii=False).encode())
    digest.update(hashlib.sha256(template).digest())
    return digest.hexdigest()


def check_request(kind: str, language: str) -> None:
    if kind not in ISSUABLE:
        raise RuleViolation(f"Unknown document kind {kind!r}; use one of: {', '.join(ISSUABLE)}.", field="kind")
    if language not in ("es", "en"):
        raise RuleViolation("Documents are issued in 'es' or 'en'.", field="language")


def latest_version(kind: str, subject_id: int, language: str) -> IssuedDocument | None:
    return db.session.scalar(select(IssuedDocument).where(
        IssuedDocument.kind == kind, IssuedDocument.subject_id == subject_id, IssuedDocument.language == language,
    ).order_by(IssuedDocument.version.desc()).limit(1))


def reserve_reference(kind: str, subject_id: int, year: int) -> DocumentReference:
    """The document's reference (ET-CRM/2027/MIN-003), reserved once per kind and subject and committed."""
    code = get_kind("dossier_cover" if kind == "dossier" else kind).reference_code
    for _ in range(5):
        found = db.session.scalar(select(DocumentReference).where(DocumentReference.kind == kind,
                                                                  DocumentReference.subject_id == subject_id))
        if found:
            return found
        number = 1 + (db.session.scalar(select(func.max(DocumentReference.number)).where(
            DocumentReference.kind == kind, DocumentReference.year == year)) or 0)
        row = DocumentReference(kind=kind, subject_id=subject_id, year=year, number=number,
                                reference=f"ET-CRM/{year}/{code}-{number:03d}")
        db.session.add(row)
        try:
            db.session.commit()
            return row
        except IntegrityError:
            db.session.rollback()  # another request took this number or this subject: look again
    raise Conflict("Could not reserve a reference number; try again.")


def issue_document(kind: str, subject_id: int, language: str, *, actor: Principal, now: datetime,
                   converter: Any, store: Any) -> Issued:
    check_request(kind, language)
    if kind == "dossier":
        from service.documents.dossier import issue_dossier

        return issue_dossier(subject_id, language, actor=actor, now=now, converter=converter, store=store)
    context = build_context(kind, subject_id, language, now.date())
    frozen = jsonable(context)
    digest = fingerprint(kind, language, frozen)
    latest = latest_version(kind, subject_id, language)
    if latest is not None and latest.context_sha256 == digest:
        return Issued(latest, created=False)
    reference = reserve_reference(kind, subject_id, now.year)
    version = latest.version + 1 if latest else 1
    title = get_kind(kind).titles[language]
    header = {**context.get("header", {}), "reference": reference.reference, "issued_on": now.date(),
              "language": language, "version": version, "title": title}
    docx = render_docx(kind, language, {**context, "header": header})
    docx = with_properties(docx, title=f"{title} — {reference.reference}", subject=_subject(context, title),
                           author=AUTHOR, language=language, keywords=f"{reference.reference} v{version}",
                           created=now)
    pdf = converter.convert(docx, pdfa=True)
    return Issued(record(kind=kind, subject_id=subject_id, language=language, reference=reference,
                         version=version, title=title, pdf=pdf, docx=docx, frozen=frozen, digest=digest,
                         supersedes=latest, late=_is_late(context, now), actor=actor, now=now, store=store),
                  created=True)


def record(*, kind: str, subject_id: int, language: str, reference: DocumentReference, version: int, title: str,
           pdf: bytes, docx: bytes | None, frozen: dict, digest: str, supersedes: IssuedDocument | None,
           late: bool, actor: Principal, now: datetime, store: Any) -> IssuedDocument:
    """Write the record and its files in one transaction (the caller's commit makes both visible)."""
    document = IssuedDocument(
        kind=kind, subject_id=subject_id, language=language, reference_id=reference.id, version=version,
        title=title, pdf_sha256=store.put(pdf, "application/pdf", now=now),
        docx_sha256=store.put(docx, DOCX_TYPE, now=now) if docx else None, pages=page_count(pdf),
        pdfa=pdfa_part(pdf) == 2, late=late, issued_at=now, issued_by=actor.label, context=frozen,
        context_sha256=digest, supersedes_id=supersedes.id if supersedes else None,
    )
    db.session.add(document)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise Conflict("This document was issued by someone else at the same moment; "
                       "list its versions and issue again if needed.") from None
    plan_distribution(document)
    return document


class ConvertersUnavailable(DomainError):
    """No PDF converter is wired (the app was not started by `tripartito serve`): try again later."""

    status = 503
    retry_after = 10


def issue_and_distribute(kind: str, subject_id: int, language: str, *, actor: Principal, now: datetime,
                         converter: Any, store: Any, mailer: Any, portal_url: str) -> Issued:
    """Issue, commit, then deliver to the member countries what the commit made pending (R8)."""
    if converter is None:
        raise ConvertersUnavailable(N_("The PDF converters are not running; start the service with "
                                       "“tripartito serve” and try again."))
    issued = issue_document(kind, subject_id, language, actor=actor, now=now, converter=converter, store=store)
    db.session.commit()
    if issued.created:
        deliver_pending(mailer=mailer, store=store, now=now, portal_url=portal_url, document_id=issued.document.id)
        db.session.commit()
    return issued


def _subject(context: dict, fallback: str) -> str:
    for key in ("meeting", "grcm", "term"):
        part = context.get(key)
        if isinstance(part, dict) and part.get("title"):
            return str(part["title"])
    return fallback


def _is_late(context: dict, now: datetime) -> bool:
    """Only documents with a due date (the monitoring report, R5) can be late."""
    due = context.get("due_on")
    return isinstance(due, date) and is_late(due, now.date())
