"""R8 (and R5): issued minutes, monitoring reports, recommendations and dossiers go to every member country.

Issuing records one distribution per member country in the same transaction as the document (an outbox);
delivery happens after the commit, so nobody is told about a document that was not stored. A failed delivery
stays visible and `tripartito distribute` retries it.
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


def message_for(document: IssuedDocument, to: list[str], pdf: bytes, portal_url: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"[ET-CRM] {document.title} — {document.reference} v{document.version}"
    message["From"] = formataddr(SENDER)
    message["To"] = ", ".join(to)
    message["Message-ID"] = make_msgid(domain="tripartito.localhost")
    message.set_content(
        f"{document.title}\n{document.reference}, versión / version {document.version} ({document.language})\n\n"
        "El Equipo Tripartito comparte este documento con todos los Países Miembros de la CRM.\n"
        "The Tripartite Team shares this document with every Member Country of the RCM.\n\n"
        f"Portal: {portal_url}\nSHA-256: {document.pdf_sha256}\n")
    name = f"{document.reference.replace('/', '_')}_v{document.version}_{document.language}.pdf"
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=name)
    return message


def deliver_pending(*, mailer, store, now: datetime, portal_url: str, document_id: int | None = None) -> int:
    """Send what is pending (or failed); returns how many deliveries were attempted. The caller commits."""
    query = select(Distribution).where(Distribution.status.in_(("pending", "failed")))
    if document_id is not None:
        query = query.where(Distribution.document_id == document_id)
    attempted = 0
    for distribution in db.session.scalars(query.order_by(Distribution.id)).all():
        document = db.session.get(IssuedDocument, distribution.document_id)
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
