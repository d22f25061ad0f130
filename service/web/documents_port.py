"""The pages' one door to the documents engine (service.documents): issue, list, read a PDF.

When the converters are off (the app was not started by `tripartito serve`), issuing raises a DomainError
that the pages show like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import current_app, request
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from service.adapters import services
from service.auth.principals import Principal
from service.documents.files import download_name as api_download_name
from service.documents.issuing import ISSUABLE, issue_and_distribute
from service.documents.models import Distribution, DocumentReference, IssuedDocument
from service.documents.queries import issued_documents  # noqa: F401 - the pages list documents through here
from service.documents.subjects import SUBJECT_KEYS
from service.extensions import db

KINDS = ISSUABLE


def issue(kind: str, subject_id: int, language: str, *, actor: Principal, now: datetime) -> tuple[Any, bool]:
    """(the issued document, whether a new version was made). Commits, then delivers to the countries (R8)."""
    issued = issue_and_distribute(kind, subject_id, language, actor=actor, now=now, converter=services().converter,
                                  store=services().store, mailer=services().mailer,
                                  portal_url=request.url_root + "portal", sealer=services().sealer,
                                  public_url=current_app.config["PUBLIC_URL"])
    return issued.document, issued.created


def register(*, country: str | None = None) -> list[IssuedDocument]:
    """Every issued version, newest first, with their successors (for their state) loaded in one more query.
    `country`: only what was addressed to that member country (its distribution rows)."""
    query = (select(IssuedDocument).options(selectinload(IssuedDocument.successors))
             .order_by(IssuedDocument.issued_at.desc(), IssuedDocument.id.desc()))
    if country is not None:
        query = query.where(IssuedDocument.id.in_(select(Distribution.document_id).where(
            Distribution.country == country)))
    return list(db.session.scalars(query))


@dataclass(frozen=True)
class ReferenceFacts:
    reference: str
    year: int


@dataclass(frozen=True)
class CopyFacts:
    """One copy in the register as columns only (no frozen data, no ORM object): enough to pair the copies,
    filter, count and search them (service.web.document_pairs reads it like an IssuedDocument)."""

    id: int
    kind: str
    subject_id: int
    language: str
    reference_id: int
    version: int
    title: str
    issued_at: datetime
    state: str
    reference_row: ReferenceFacts

    @property
    def reference(self) -> str:
        return self.reference_row.reference


def register_facts(*, kind: str = "", year: int | None = None) -> list[CopyFacts]:
    """Every issued copy (of `kind`, of references of `year`, when given), newest first, as CopyFacts."""
    query = (select(IssuedDocument.id, IssuedDocument.kind, IssuedDocument.subject_id, IssuedDocument.language,
                    IssuedDocument.reference_id, IssuedDocument.version, IssuedDocument.title,
                    IssuedDocument.issued_at, IssuedDocument.withdrawn_at, IssuedDocument.supersedes_id,
                    DocumentReference.reference, DocumentReference.year)
             .join(DocumentReference, DocumentReference.id == IssuedDocument.reference_id)
             .order_by(IssuedDocument.issued_at.desc(), IssuedDocument.id.desc()))
    if kind:
        query = query.where(IssuedDocument.kind == kind)
    if year:
        query = query.where(DocumentReference.year == year)
    rows = db.session.execute(query).all()
    # A newer version has the same reference (so the same kind and year): its predecessor is among these rows.
    superseded = {row.supersedes_id for row in rows if row.supersedes_id is not None}
    return [CopyFacts(id=row.id, kind=row.kind, subject_id=row.subject_id, language=row.language,
                      reference_id=row.reference_id, version=row.version, title=row.title, issued_at=row.issued_at,
                      state="withdrawn" if row.withdrawn_at is not None else
                      "superseded" if row.id in superseded else "current",
                      reference_row=ReferenceFacts(row.reference, row.year)) for row in rows]


def register_extent() -> tuple[int, list[int]]:
    """(how many rows the whole register lists: one per reference and version; its years, newest first)."""
    versions = select(IssuedDocument.reference_id, IssuedDocument.version).distinct().subquery()
    total = db.session.scalar(select(func.count()).select_from(versions)) or 0
    years = db.session.scalars(select(DocumentReference.year).where(DocumentReference.id.in_(
        select(IssuedDocument.reference_id))).distinct().order_by(DocumentReference.year.desc()))
    return total, list(years)


def copies(ids: list[int]) -> list[IssuedDocument]:
    """These copies, whole (with their successors, for their state), newest first: one page's worth."""
    return list(db.session.scalars(select(IssuedDocument).options(selectinload(IssuedDocument.successors))
                                   .where(IssuedDocument.id.in_(ids))
                                   .order_by(IssuedDocument.issued_at.desc(), IssuedDocument.id.desc())))


def subject_parts(documents: list[IssuedDocument] | list[CopyFacts]) -> dict[int, dict[str, Any]]:
    """The parts of each document's frozen data that name its subject (service.documents.subjects.SUBJECT_KEYS),
    read from the JSON in the database: a minutes' whole text is not loaded to title it."""
    keys = SUBJECT_KEYS
    found: dict[int, dict[str, Any]] = {}
    ids = [d.id for d in documents]
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):  # bound the IN list
        for row in db.session.execute(select(IssuedDocument.id, *(IssuedDocument.context[k] for k in keys))
                                      .where(IssuedDocument.id.in_(chunk))):
            found[row[0]] = {key: value for key, value in zip(keys, row[1:], strict=True) if value is not None}
    return found


def addressed_to(document: IssuedDocument, principal: Principal) -> bool:
    """Whether this reader may open the document: the parties all; a member country what was sent to it (R8)."""
    if principal.is_party or principal.country is None:
        return True
    return db.session.scalar(select(Distribution.id).where(
        Distribution.document_id == document.id, Distribution.country == principal.country).limit(1)) is not None


def get_document(document_id: int) -> IssuedDocument | None:
    return db.session.get(IssuedDocument, document_id)


def pdf_content(document: Any) -> bytes:
    return services().store.get(document.pdf_sha256)


def download_name(document: IssuedDocument) -> str:
    return api_download_name(document, "pdf")


def issued_subject_ids(kind: str) -> set[int]:
    """The subjects of this kind with a document in the register that is not withdrawn (lists' "Issued")."""
    return set(db.session.scalars(select(IssuedDocument.subject_id).where(
        IssuedDocument.kind == kind, IssuedDocument.withdrawn_at.is_(None)).distinct()))


def references_by_subject(*kinds: str) -> dict[int, list[str]]:
    """The document references issued for each subject of these kinds ("ET-CRM/2026/MIN-003"): lists search them."""
    found: dict[int, list[str]] = {}
    for subject_id, reference in db.session.execute(select(DocumentReference.subject_id, DocumentReference.reference)
                                                    .where(DocumentReference.kind.in_(kinds))
                                                    .order_by(DocumentReference.reference)):
        found.setdefault(subject_id, []).append(reference)
    return found
def subjects_with_current(kind: str) -> set[int]:
    """Subjects that have a current document of `kind`: issued, not superseded, not withdrawn.

    Columns only: every page's navigation count asks this, and the register only grows."""
    rows = db.session.execute(select(IssuedDocument.id, IssuedDocument.subject_id, IssuedDocument.supersedes_id,
                                     IssuedDocument.withdrawn_at).where(IssuedDocument.kind == kind)).all()
    superseded = {row.supersedes_id for row in rows}
    return {row.subject_id for row in rows if row.id not in superseded and row.withdrawn_at is None}


def failed_deliveries() -> list[tuple[IssuedDocument, Distribution]]:
    """Deliveries (or withdrawal notices) that did not reach a country, oldest document first."""
    query = (select(IssuedDocument, Distribution).join(Distribution, Distribution.document_id == IssuedDocument.id)
             .where(or_(Distribution.status == "failed", Distribution.withdrawal_notice == "failed"))
             .order_by(IssuedDocument.id, Distribution.country))
    return [(document, distribution) for document, distribution in db.session.execute(query)]


def received_by(country: str, limit: int = 10) -> list[tuple[IssuedDocument, Distribution]]:
    """The documents delivered to a member country (R8), newest first."""
    query = (select(IssuedDocument, Distribution).join(Distribution, Distribution.document_id == IssuedDocument.id)
             .where(Distribution.country == country, Distribution.status == "sent")
             .order_by(IssuedDocument.issued_at.desc(), IssuedDocument.id.desc()).limit(limit))
    return [(document, distribution) for document, distribution in db.session.execute(query)]
