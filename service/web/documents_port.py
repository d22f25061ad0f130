"""The pages' one door to the documents engine (service.documents): issue, list, read a PDF.

Guarded so the pages still work (with a clear message) when the engine is absent or its converters are off.
"""

from __future__ import annotations

import importlib.util
from datetime import datetime
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from service.adapters import services
from service.auth.principals import Principal
from service.errors import DomainError
from service.extensions import db

KINDS = ("minutes", "recommendations", "ppt_feedback", "monitoring_report", "work_plan", "dossier")


class DocumentsUnavailable(DomainError):
    status = 503


def engine_available() -> bool:
    return importlib.util.find_spec("service.documents.issuing") is not None


def _store() -> Any:
    store = services().store
    if store is None:  # not wired in create_app yet: the engine's own default store
        from service.documents.storage import DatabaseDocumentStore

        store = DatabaseDocumentStore()
    return store


def issue(kind: str, subject_id: int, language: str, *, actor: Principal, now: datetime) -> tuple[Any, bool]:
    """(the issued document, whether a new version was made). Commits, then delivers to the countries (R8)."""
    if not engine_available():
        raise DocumentsUnavailable(_("The documents engine is not installed on this server."))
    from flask import request

    from service.documents.issuing import issue_and_distribute

    converter = services().converter
    if converter is None:
        raise DocumentsUnavailable(_("The PDF converters are not running; start the service with "
                                     "“tripartito serve” and try again."))
    issued = issue_and_distribute(kind, subject_id, language, actor=actor, now=now, converter=converter,
                                  store=_store(), mailer=services().mailer, portal_url=request.url_root + "portal")
    return issued.document, issued.created


def issued_documents(*, kind: str | None = None, subject_id: int | None = None,
                     latest_only: bool = False) -> list[Any]:
    """Issued documents, newest first; `latest_only` drops versions a newer one supersedes."""
    if not engine_available():
        return []
    from service.documents.models import IssuedDocument

    query = select(IssuedDocument).order_by(IssuedDocument.issued_at.desc(), IssuedDocument.id.desc())
    if kind is not None:
        query = query.where(IssuedDocument.kind == kind)
    if subject_id is not None:
        query = query.where(IssuedDocument.subject_id == subject_id)
    documents = list(db.session.scalars(query))
    if latest_only:
        superseded = {d.supersedes_id for d in documents}
        documents = [d for d in documents if d.id not in superseded]
    return documents


def get_document(document_id: int) -> Any | None:
    if not engine_available():
        return None
    from service.documents.models import IssuedDocument

    return db.session.get(IssuedDocument, document_id)


def pdf_content(document: Any) -> bytes:
    return _store().get(document.pdf_sha256)


def download_name(document: Any) -> str:
    return f"{document.reference.replace('/', '_')}_v{document.version}_{document.language}.pdf"
