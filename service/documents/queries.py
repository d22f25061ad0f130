"""Reading the register of issued documents (the API and the pages list them the same way)."""

from __future__ import annotations

from sqlalchemy import select

from service.documents.models import IssuedDocument
from service.extensions import db


def issued_documents(*, kind: str | None = None, subject_id: int | None = None, language: str | None = None,
                     latest_only: bool = False) -> list[IssuedDocument]:
    """Issued documents, newest first; `latest_only` drops versions that a newer one supersedes."""
    query = select(IssuedDocument).order_by(IssuedDocument.issued_at.desc(), IssuedDocument.id.desc())
    for column, value in (("kind", kind), ("subject_id", subject_id), ("language", language)):
        if value is not None:
            query = query.where(getattr(IssuedDocument, column) == value)
    documents = list(db.session.scalars(query))
    if latest_only:
        superseded = {d.supersedes_id for d in documents}
        documents = [d for d in documents if d.id not in superseded]
    return documents


def documents_issued_for(kinds: tuple[str, ...], subject_ids: list[int] | None = None) -> list[IssuedDocument]:
    """Every issued version (withdrawn ones too: their PDFs stay in the register) of these kinds and subjects."""
    query = select(IssuedDocument).where(IssuedDocument.kind.in_(kinds)).order_by(IssuedDocument.id)
    if subject_ids is not None:
        query = query.where(IssuedDocument.subject_id.in_(subject_ids))
    return list(db.session.scalars(query))
