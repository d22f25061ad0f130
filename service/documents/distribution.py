"""R8 (and R5): issued minutes, monitoring reports, recommendations and dossiers go to every member country.

Issuing records one distribution per member country in the same transaction as the document (an outbox);
delivery happens after the commit, so nobody is told about a document that was not stored. A failed delivery
stays visible and `tripartito distribute` retries it. A country whose accounts came later (or a member added
later) receives the current documents then; a withdrawn document's notice goes to the countries that received it.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from sqlalchemy import select

from service.accounts.models import UserAccount
from service.documents.models import Distribution, IssuedDocument
from service.extensions import db
from service.reference.operations import member_country_codes

DISTRIBUTED_KINDS = ("minutes", "monitoring_report", "recommendations", "dossier")
SENDER = ("Equipo Tripartito CRM", "no-reply@tripartito.localhost")


def plan_distribution(document: IssuedDocument) -> list[Distribution]:
    """One pending distribution per member country, for the kinds shared with every member country."""
    if document.kind not in DISTRIBUTED_KINDS:
        return []
    planned = [Distribution(document_id=document.id, country=code, status="pending")
               for code in member_country_codes()]
    db.session.add_all(planned)
    db.session.flush()
    return planned


def recipients(country: str) -> list[str]:
    return list(db.session.scalars(select(UserAccount.email).where(
        UserAccount.country == country, UserAccount.disabled_at.is_(None)).order_by(UserAccount.email)))


def _envelope(document: IssuedDocument, to: list[str], subject_prefix: str = "") -> EmailMessage:
    """Sender, recipients, subject and the document's identification line, the same for every message."""
    message = EmailMessage()
    message["Subject"] = f"[ET-CRM] {subject_prefix}{document.title} — {document.reference} v{document.version}"
    message["From"] = formataddr(SENDER)
    message["To"] = ", ".join(to)
    message["Message-ID"] = make_msgid(domain="tripartito.localhost")
    return message


def _identification(document: IssuedDocument) -> str:
    return f"{document.title}\n{document.reference}, versión / version {document.version} ({document.language})\n\n"


def message_for(document: IssuedDocument, to: list[str], pdf: bytes, portal_url: str) -> EmailMessage:
    message = _envelope(document, to)
    message.set_content(
        _identification(document) +
        "El Equipo Tripartito comparte este documento con todos los Países Miembros de la CRM.\n"
        "The Tripartite Team shares this document with every Member Country of the RCM.\n\n"
        f"Portal: {portal_url}\nSHA-256: {document.pdf_sha256}\n")
    name = f"{document.reference.replace('/', '_')}_v{document.version}_{document.language}.pdf"
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=name)
    return message


def plan_catch_up(country: str | None = None) -> int:
    """Pending distributions for what a country has not received yet: current documents (not superseded, not
    withdrawn) it has no row for, or whose delivery found nobody to send to. Returns how many were planned."""
    codes = [country] if country else member_country_codes()
    documents = [d for d in db.session.scalars(select(IssuedDocument).where(
        IssuedDocument.kind.in_(DISTRIBUTED_KINDS), IssuedDocument.withdrawn_at.is_(None))
        .order_by(IssuedDocument.id)) if d.state == "current"]
    planned = 0
    for document in documents:
        rows = {r.country: r for r in db.session.scalars(select(Distribution).where(
            Distribution.document_id == document.id))}
        for code in codes:
            row = rows.get(code)
            if row is None:
                db.session.add(Distribution(document_id=document.id, country=code, status="pending"))
                planned += 1
            elif row.status == "no_recipient" and recipients(code):
                row.status = "pending"
                planned += 1
    db.session.flush()
    return planned


def withdrawal_message(document: IssuedDocument, to: list[str], portal_url: str) -> EmailMessage:
    message = _envelope(document, to, "RETIRADO / WITHDRAWN: ")
    message.set_content(
        _identification(document) +
        "El Equipo Tripartito retira este documento; no lo utilice más.\n"
        "The Tripartite Team withdraws this document; please do not use it any more.\n\n"
        f"Motivo / Reason: {document.withdrawal_reason}\n"
        f"Fecha / Date: {document.withdrawn_at.isoformat() if document.withdrawn_at else ''}\n"
        f"Portal: {portal_url}\nSHA-256: {document.pdf_sha256}\n")
    return message


def deliver_withdrawal_notices(*, mailer, now: datetime, portal_url: str, document_id: int | None = None) -> int:
    """Send the pending (or failed) withdrawal notices; returns how many were attempted. The caller commits."""
    query = select(Distribution).where(Distribution.withdrawal_notice.in_(("pending", "failed")))
    if document_id is not None:
        query = query.where(Distribution.document_id == document_id)
    attempted = 0
    for distribution in db.session.scalars(query.order_by(Distribution.id)).all():
        document = db.session.get(IssuedDocument, distribution.document_id)
        to = recipients(distribution.country) or list(distribution.recipients or [])
        distribution.withdrawal_notified_at = now
        if not to:
            distribution.withdrawal_notice = "no_recipient"
            continue
        attempted += 1
        try:
            mailer.send(withdrawal_message(document, to, portal_url))
            distribution.withdrawal_notice = "sent"
        except (OSError, ValueError) as error:
            distribution.withdrawal_notice, distribution.error = "failed", str(error)[:500]
    db.session.flush()
    return attempted


def deliver_pending(*, mailer, store, now: datetime, portal_url: str, document_id: int | None = None) -> int:
    """Send what is pending (or failed); returns how many deliveries were attempted. The caller commits."""
    query = select(Distribution).where(Distribution.status.in_(("pending", "failed")))
    if document_id is not None:
        query = query.where(Distribution.document_id == document_id)
    attempted = 0
    for distribution in db.session.scalars(query.order_by(Distribution.id)).all():
        document = db.session.get(IssuedDocument, distribution.document_id)
        if document.withdrawn_at is not None:  # never deliver what was taken back meanwhile
            distribution.status, distribution.error = "cancelled", "withdrawn before delivery"
            continue
        to = recipients(distribution.country)
        distribution.recipients = to
        distribution.attempted_at = now
        if not to:
            distribution.status, distribution.error = "no_recipient", None
            continue
        attempted += 1
        try:
            mailer.send(message_for(document, to, store.get(document.pdf_sha256), portal_url))
            distribution.status, distribution.error = "sent", None
        except (OSError, ValueError) as error:  # SMTP and file errors: keep it for a retry, say why
            distribution.status, distribution.error = "failed", str(error)[:500]
    db.session.flush()
    return attempted
