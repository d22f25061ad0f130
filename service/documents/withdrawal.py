"""Withdrawing an issued document: it stays in the register with its PDF, marked withdrawn with when, why and
who, and every country that received it gets a notice (through the distribution outbox and the mailer)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
from service.common.i18n import N_
from service.documents.models import Distribution, IssuedDocument
from service.errors import Conflict, RuleViolation
from service.extensions import db

_WITHDRAWAL = ("withdrawn_at", "withdrawal_reason", "withdrawn_by")


def withdraw_document(document: IssuedDocument, reason: str, *, actor: Principal, now: datetime) -> IssuedDocument:
    """The one way a document is withdrawn. Flushes; the caller commits, then sends the notices."""
    if document.withdrawn_at is not None:
        raise Conflict(N_("The document was already withdrawn on %(date)s."),
                       params={"date": document.withdrawn_at.date().isoformat()}, field="state")
    if not (reason or "").strip():
        raise RuleViolation(N_("Say why the document is withdrawn."), field="reason")
    before = snapshot(document, _WITHDRAWAL)
    document.withdrawn_at, document.withdrawal_reason, document.withdrawn_by = now, reason.strip(), actor.label
    # Countries that received the document are told; the others never saw it and get nothing more.
    for distribution in db.session.scalars(select(Distribution).where(Distribution.document_id == document.id)):
        if distribution.status == "sent":
            distribution.withdrawal_notice = "pending"
        elif distribution.status in ("pending", "failed", "no_recipient"):
            distribution.status, distribution.error = "cancelled", "withdrawn before delivery"
    db.session.flush()
    record(db.session, actor, now, "document.withdraw", Subject("document", document.id),
           diff(before, snapshot(document, _WITHDRAWAL)))
    return document
