"""Demo: one withdrawn document. The June GRCM meeting's monitoring report is issued, then withdrawn with a reason
(the countries that received it are told), so the register, the portal and the audit log show a withdrawal."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from service.adapters import PdfConverter, services
from service.auth.principals import Principal
from service.documents.distribution import deliver_pending, deliver_withdrawal_notices
from service.documents.issuing import issue_document
from service.documents.withdrawal import withdraw_document
from service.extensions import db
from service.grcm.models import GrcmMeeting

REASON = ("Se emitió antes de incorporar el monitoreo regional del primer semestre; "
          "se sustituirá por una nueva versión.")
PORTAL = "http://127.0.0.1:5000/portal"


def load(year: int, *, now: datetime, converter: PdfConverter | None) -> str:
    """Needs the PDF converters (LibreOffice); without them the demo says so and goes on."""
    june = db.session.scalar(select(GrcmMeeting).where(GrcmMeeting.starts_at >= datetime(year, 6, 1))
                             .order_by(GrcmMeeting.starts_at).limit(1))
    if converter is None or june is None:
        return "no withdrawn document (the PDF converters were not available)"
    wired = services()
    issued_at = datetime(year, 4, 10, 15, tzinfo=now.tzinfo)
    report = issue_document("monitoring_report", june.id, "es", actor=Principal.system_actor("demo", party="st_crm"),
                            now=issued_at, converter=converter, store=wired.store).document
    deliver_pending(mailer=wired.mailer, store=wired.store, now=issued_at, portal_url=PORTAL, document_id=report.id)
    withdrawn_at = issued_at + timedelta(days=2)
    withdraw_document(report, REASON, actor=Principal.system_actor("demo", party="st_rrocm"), now=withdrawn_at)
    deliver_withdrawal_notices(mailer=wired.mailer, now=withdrawn_at, portal_url=PORTAL, document_id=report.id)
    return f"one withdrawn document ({report.reference} v{report.version})"
