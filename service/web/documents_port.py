"""The pages' one door to the documents engine (service.documents): issue, list, read a PDF.

When the converters are off (the app was not started by `tripartito serve`), issuing raises a DomainError
that the pages show like any other.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import request
from sqlalchemy import or_, select

from service.adapters import services
from service.auth.principals import Principal
from service.documents.files import download_name as api_download_name
from service.documents.issuing import ISSUABLE, issue_and_distribute
from service.documents.models import Distribution, IssuedDocument
from service.documents.queries import issued_documents  # noqa: F401 - the pages list documents through here
from service.extensions import db

KINDS = ISSUABLE


def issue(kind: str, subject_id: int, language: str, *, actor: Principal, now: datetime) -> tuple[Any, bool]:
    """(the issued document, whether a new version was made). Commits, then delivers to the countries (R8)."""
    issued = issue_and_distribute(kind, subject_id, language, actor=actor, now=now, converter=services().converter,
                                  store=services().store, mailer=services().mailer,
                                  portal_url=request.url_root + "portal")
    return issued.document, issued.created


def get_document(document_id: int) -> IssuedDocument | None:
    return db.session.get(IssuedDocument, document_id)


def pdf_content(document: Any) -> bytes:
    return services().store.get(document.pdf_sha256)


def download_name(document: IssuedDocument) -> str:
    return api_download_name(document, "pdf")


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
