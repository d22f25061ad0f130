"""Issuing official documents, one pipeline for every kind: draft → fingerprint → reuse the unchanged version
or reserve the reference → make the files (render, convert, finish the PDF) → seal → record → distribute.

The one place a document is issued. Transactions are handled here on purpose: the reference number is
reserved and committed first (a reserved number is harmless), the slow conversion runs with no transaction
open, and the record and its files are then written in one transaction, so a crash at any point leaves
either everything or nothing.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from service.auth.principals import Principal
from service.common.i18n import LANGUAGES, N_
from service.conversion.protocol import PdfConverter
from service.documents.contexts.minutes import check_minutes_ready
from service.documents.distribution import deliver_pending, plan_distribution
from service.documents.dossier import dossier_draft
from service.documents.drafts import Draft, Stamp, word_draft
from service.documents.errors import ConvertersUnavailable
from service.documents.models import DocumentReference, IssuedDocument
from service.documents.storage import DocumentStore
from service.errors import Conflict, RuleViolation
from service.extensions import db
from service.mail import Mailer
from service.pdf.facts import pages_and_pdfa_problems
from service.pdf.seal import Sealed
from service.sealing.protocol import Sealer
from service.templating.kinds import get_kind, template_kind

ISSUABLE = ("minutes", "recommendations", "ppt_feedback", "monitoring_report", "work_plan", "dossier")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Issued:
    document: IssuedDocument
    created: bool  # False: the data had not changed, the existing version is returned


def fingerprint(kind: str, language: str, frozen: dict) -> str:
    """Changes when the data or the template changes: then issuing makes a new version."""
    template = get_kind(template_kind(kind)).template_path(language).read_bytes()
    digest = hashlib.sha256(json.dumps(frozen, sort_keys=True, ensure_ascii=False).encode())
    digest.update(hashlib.sha256(template).digest())
    return digest.hexdigest()


def check_request(kind: str, language: str) -> None:
    if kind not in ISSUABLE:
        raise RuleViolation(N_("Unknown document kind '%(kind)s'; use one of: %(kinds)s."), field="kind",
                            params={"kind": kind, "kinds": list(ISSUABLE)})
    if language not in LANGUAGES:
        raise RuleViolation(N_("Documents are issued in 'es' or 'en'."), field="language")


def latest_version(kind: str, subject_id: int, language: str) -> IssuedDocument | None:
    return db.session.scalar(select(IssuedDocument).where(
        IssuedDocument.kind == kind, IssuedDocument.subject_id == subject_id, IssuedDocument.language == language,
    ).order_by(IssuedDocument.version.desc()).limit(1))


def reserve_reference(kind: str, subject_id: int, year: int) -> DocumentReference:
    """The document's reference (ET-CRM/2027/MIN-003), reserved once per kind and subject and committed."""
    code = get_kind(template_kind(kind)).reference_code
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
    raise Conflict(N_("Could not reserve a reference number; try again."))


def verification_url(public_url: str, code: str) -> str:
    """The short link printed (and QR-coded) in the footer: anyone can check the document there."""
    return f"{public_url.rstrip('/')}/verify/{code}"


def issue_document(kind: str, subject_id: int, language: str, *, actor: Principal, now: datetime,
                   converter: PdfConverter, store: DocumentStore, sealer: Sealer | None = None,
                   public_url: str = "", issued_parts: Mapping[tuple[str, int], int] | None = None) -> Issued:
    """Issue one version of a document, or return the current one when nothing it is made of has changed.
    `issued_parts`: for a dossier, the ids of its parts' versions issued (or reused) a moment ago in this language,
    so they are not looked at again (the GRCM package)."""
    check_request(kind, language)
    if kind == "minutes":
        check_minutes_ready(subject_id)
    draft = _draft(kind, subject_id, language, actor=actor, now=now, converter=converter, store=store,
                   sealer=sealer, public_url=public_url, issued_parts=issued_parts)
    digest = fingerprint(kind, language, draft.frozen)
    latest = latest_version(kind, subject_id, language)
    if latest is not None and latest.context_sha256 == digest and latest.withdrawn_at is None:
        return Issued(latest, created=False)  # a withdrawn version is never handed out again: issue a new one
    reference = reserve_reference(kind, subject_id, now.year)
    version = latest.version + 1 if latest else 1
    title = get_kind(template_kind(kind)).titles[language]
    code = secrets.token_urlsafe(8)  # 11 characters: short in the footer, unguessable
    files = draft.make(Stamp(reference=reference.reference, version=version, title=title, language=language,
                             issued_at=now, verification_url=verification_url(public_url, code)))
    sealed = sealer.seal(files.pdf) if sealer is not None else None  # after the PDF/A finishing, before recording
    return Issued(record(kind=kind, subject_id=subject_id, language=language, reference=reference,
                         version=version, title=title, pdf=sealed.pdf if sealed else files.pdf, docx=files.docx,
                         frozen=draft.frozen, digest=digest, supersedes=latest, late=draft.late, actor=actor,
                         now=now, store=store, seal=sealed, verification_code=code),
                  created=True)


def _draft(kind: str, subject_id: int, language: str, *, actor: Principal, now: datetime,
           converter: PdfConverter, store: DocumentStore, sealer: Sealer | None, public_url: str,
           issued_parts: Mapping[tuple[str, int], int] | None) -> Draft:
    if kind != "dossier":
        return word_draft(kind, subject_id, language, now=now, converter=converter)

    def issue_version(part_kind: str, part_id: int) -> IssuedDocument:
        return issue_document(part_kind, part_id, language, actor=actor, now=now, converter=converter,
                              store=store, sealer=sealer, public_url=public_url).document

    return dossier_draft(subject_id, language, issue_version=issue_version, converter=converter, store=store,
                         issued_parts=issued_parts)


def record(*, kind: str, subject_id: int, language: str, reference: DocumentReference, version: int, title: str,
           pdf: bytes, docx: bytes | None, frozen: dict, digest: str, supersedes: IssuedDocument | None,
           late: bool, actor: Principal, now: datetime, store: DocumentStore, seal: Sealed | None = None,
           verification_code: str | None = None) -> IssuedDocument:
    """Write the record and its files in one transaction (the caller's commit makes both visible)."""
    pages, problems = pages_and_pdfa_problems(pdf)  # PDF/A is claimed only for what a second reading confirms
    document = IssuedDocument(
        kind=kind, subject_id=subject_id, language=language, reference_id=reference.id, version=version,
        title=title, pdf_sha256=store.put(pdf, "application/pdf", now=now),
        docx_sha256=store.put(docx, DOCX_TYPE, now=now) if docx else None, pages=pages,
        pdfa=not problems, pdfa_reason=", ".join(problems)[:500] or None, late=late, issued_at=now,
        issued_by=actor.label, context=frozen,
        context_sha256=digest, supersedes_id=supersedes.id if supersedes else None,
        sealed_by=seal.signer if seal else None, sealed_at=seal.signed_at if seal else None,
        seal_timestamped=seal.timestamped if seal else False, verification_code=verification_code,
    )
    db.session.add(document)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(N_("This document was issued by someone else at the same moment; "
                          "list its versions and issue again if needed.")) from None
    plan_distribution(document)
    return document


def issue_and_distribute(kind: str, subject_id: int, language: str, *, actor: Principal, now: datetime,
                         converter: PdfConverter | None, store: DocumentStore, mailer: Mailer,
                         portal_url: str, sealer: Sealer | None = None, public_url: str = "",
                         issued_parts: Mapping[tuple[str, int], int] | None = None) -> Issued:
    """Issue, commit, then deliver to the member countries what the commit made pending (R8)."""
    if converter is None:
        raise ConvertersUnavailable(N_("The PDF converters are not running; start the service with "
                                       "“tripartito serve” and try again."))
    issued = issue_document(kind, subject_id, language, actor=actor, now=now, converter=converter, store=store,
                            sealer=sealer, public_url=public_url, issued_parts=issued_parts)
    db.session.commit()
    if issued.created:
        deliver_pending(mailer=mailer, store=store, now=now, portal_url=portal_url, document_id=issued.document.id)
        db.session.commit()
    return issued
