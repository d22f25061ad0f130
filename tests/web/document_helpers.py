"""Issued documents written straight into the register (no rendering): for the lists' and the portal's tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from service.documents.models import Distribution, DocumentReference, IssuedDocument, StoredFile
from service.extensions import db

ISSUED_AT = datetime(2026, 2, 20, 15, tzinfo=UTC)
MINUTES_CONTEXT = {"meeting": {"kind": "ordinary", "title": "Reunión ordinaria del primer trimestre",
                               "starts_at": "2026-02-12T10:00:00", "timezone": "America/Panama"}}
KIND_CODES = {"minutes": "MIN", "monitoring_report": "INF", "recommendations": "REC", "work_plan": "PT",
              "ppt_feedback": "RET", "dossier": "EXP"}


def _reference(kind: str, subject_id: int) -> DocumentReference:
    found = db.session.scalar(select(DocumentReference).where(DocumentReference.kind == kind,
                                                              DocumentReference.subject_id == subject_id))
    if found is not None:
        return found
    number = 1 + len(db.session.scalars(select(DocumentReference).where(DocumentReference.kind == kind)).all())
    reference = DocumentReference(kind=kind, subject_id=subject_id, year=2026, number=number,
                                  reference=f"ET-CRM/2026/{KIND_CODES[kind]}-{number:03d}")
    db.session.add(reference)
    db.session.flush()
    return reference


def issued(kind: str = "minutes", subject_id: int = 1, language: str = "es", *, version: int = 1,
           context: dict[str, Any] | None = None, issued_at: datetime = ISSUED_AT,
           withdrawn: str | None = None) -> IssuedDocument:
    """A document in the register; a version above 1 supersedes the same language's previous one."""
    sha = f"{kind}-{subject_id}-{language}-{version}".encode().hex()[:64].ljust(64, "0")
    db.session.add(StoredFile(sha256=sha, media_type="application/pdf", size=1, content=b"%", created_at=issued_at))
    previous = db.session.scalar(select(IssuedDocument).where(
        IssuedDocument.kind == kind, IssuedDocument.subject_id == subject_id,
        IssuedDocument.language == language, IssuedDocument.version == version - 1))
    document = IssuedDocument(
        kind=kind, subject_id=subject_id, language=language, reference_id=_reference(kind, subject_id).id,
        version=version, title="Minuta de reunión del Equipo Tripartito", pdf_sha256=sha, pages=3,
        issued_at=issued_at, issued_by="st_crm", context=MINUTES_CONTEXT if context is None else context,
        context_sha256="0" * 64, supersedes_id=previous.id if previous else None,
        withdrawn_at=issued_at if withdrawn else None, withdrawal_reason=withdrawn,
        withdrawn_by="st_crm" if withdrawn else None)
    db.session.add(document)
    db.session.flush()
    return document


def distributed(document: IssuedDocument, **statuses: str) -> None:
    """Distribution rows: `BZ="failed"`; every other member country `sent`."""
    from service.reference.operations import member_country_codes

    for code in member_country_codes():
        status = statuses.get(code, "sent")
        db.session.add(Distribution(document_id=document.id, country=code, status=status, recipients=[],
                                    error="smtp" if status == "failed" else None))
    db.session.flush()
