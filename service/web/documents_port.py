"""The pages' one door to the documents engine (service.documents): issue, list, read a PDF.

When the converters are off (the app was not started by `tripartito serve`), issuing raises a DomainError
that the pages show like any other.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import current_app, request

from service.adapters import services
from service.auth.principals import Principal
from service.documents.files import download_name as api_download_name
from service.documents.issuing import ISSUABLE, issue_and_distribute
from service.documents.models import IssuedDocument
from service.documents.queries import issued_documents  # noqa: F401 - the pages list documents through here
from service.extensions import db

KINDS = ISSUABLE


def issue(kind: str, subject_id: int, language: str, *, actor: Principal, now: datetime) -> tuple[Any, bool]:
    """(the issued document, whether a new version was made). Commits, then delivers to the countries (R8)."""
    issued = issue_and_distribute(kind, subject_id, language, actor=actor, now=now, converter=services().converter,
                                  store=services().store, mailer=services().mailer,
                                  portal_url=request.url_root + "portal", sealer=services().sealer,
                                  public_url=current_app.config["PUBLIC_URL"])
    return issued.document, issued.created


def get_document(document_id: int) -> IssuedDocument | None:
    return db.session.get(IssuedDocument, document_id)


def pdf_content(document: Any) -> bytes:
    return services().store.get(document.pdf_sha256)


def download_name(document: IssuedDocument) -> str:
    return api_download_name(document, "pdf")
