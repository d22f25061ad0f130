"""Reminders by e-mail to member countries that have not submitted a monitoring tool's answers: a week and a
day before its due date (issue 17). Run daily by cron (`tripartito monitoring remind`); "now" is an argument.

Never twice: a reminder is claimed in monitoring_reminders (unique per tool, country and kind) and committed
before the message goes out; if sending fails the claim is withdrawn, so the next run tries again. Each one sent
is told in the audit log under its tool.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from service.audit.operations import record
from service.audit.rules import Subject
from service.auth.principals import Principal
from service.documents.distribution import SENDER, recipients
from service.extensions import db
from service.mail import Mailer
from service.monitoring.tools.models import MonitoringReminder, MonitoringTool
from service.monitoring.tools.rules import ResponseState, ToolState, reminder_due
from service.reference.models import Country

log = logging.getLogger(__name__)
REMINDERS = Principal.system_actor("reminders")
_WHEN = {"week": ("en una semana", "in a week"), "day": ("mañana", "tomorrow")}


@dataclass(frozen=True)
class Reminder:
    tool_id: int
    country: str
    kind: str
    recipients: tuple[str, ...]


def reminder_message(tool: MonitoringTool, country: Country, kind: str, to: list[str],
                     portal_url: str) -> EmailMessage:
    instrument = tool.instrument
    soon_es, soon_en = _WHEN[kind]
    message = EmailMessage()
    message["Subject"] = (f"[ET-CRM] Recordatorio / Reminder: {instrument.title_es} ({tool.period}) — "
                          f"{tool.due_on.isoformat()}")
    message["From"] = formataddr(SENDER)
    message["To"] = ", ".join(to)
    message["Message-ID"] = make_msgid(domain="tripartito.localhost")
    message.set_content(
        f"{country.name_es}:\n\n"
        f"El cuestionario de monitoreo «{instrument.title_es}» ({tool.period}) vence {soon_es}, el "
        f"{tool.due_on.isoformat()}, y sus respuestas aún no han sido enviadas. Puede completarlas y enviarlas en "
        f"el portal: {portal_url}/monitoring/{tool.id}\n\n"
        f"{country.name_en}:\n\n"
        f"The monitoring questionnaire “{instrument.title_en or instrument.title_es}” ({tool.period}) is due "
        f"{soon_en}, on {tool.due_on.isoformat()}, and your answers have not been submitted yet. You can complete "
        f"and submit them in the portal: {portal_url}/monitoring/{tool.id}\n\n"
        "Equipo Tripartito de la CRM\n")
    return message


def _claim(tool: MonitoringTool, code: str, kind: str, to: list[str], now: datetime) -> MonitoringReminder | None:
    claim = MonitoringReminder(tool_id=tool.id, country=code, kind=kind, sent_at=now, recipients=to)
    db.session.add(claim)
    try:
        db.session.commit()
    except IntegrityError:  # another run claimed it meanwhile
        db.session.rollback()
        return None
    return claim


def send_reminders(*, now: datetime, mailer: Mailer, portal_url: str) -> list[Reminder]:
    """Mail every reminder due on `now`'s day that was not sent before; returns those sent."""
    today, sent = now.date(), []
    tools = db.session.scalars(select(MonitoringTool).where(MonitoringTool.state == ToolState.OPEN)
                               .order_by(MonitoringTool.due_on, MonitoringTool.id)).all()
    members = db.session.scalars(select(Country).where(Country.is_member).order_by(Country.code)).all()
    for tool in tools:
        kind = reminder_due(tool.due_on, today)
        if kind is None:
            continue
        done = {r.country for r in tool.responses if r.state == ResponseState.SUBMITTED}
        already = set(db.session.scalars(select(MonitoringReminder.country).where(
            MonitoringReminder.tool_id == tool.id, MonitoringReminder.kind == kind.value)))
        for country in members:
            to = recipients(country.code)
            if country.code in done or country.code in already or not to:
                continue  # no account yet: nobody to remind; a later run reminds them once they have one
            claim = _claim(tool, country.code, kind.value, to, now)
            if claim is None:
                continue
            try:
                mailer.send(reminder_message(tool, country, kind.value, to, portal_url))
            except Exception:
                log.exception("reminder for tool %s to %s not sent; the next run tries again", tool.id, country.code)
                db.session.delete(claim)
                db.session.commit()
                continue
            record(db.session, REMINDERS, now, "monitoring_tool.reminder", Subject("monitoring_tool", tool.id),
                   {"country": [None, country.code], "kind": [None, kind.value], "recipients": [None, to]})
            db.session.commit()
            log.info("reminded %s (%s) of tool %s due %s", country.code, kind.value, tool.id, tool.due_on)
            sent.append(Reminder(tool.id, country.code, kind.value, tuple(to)))
    return sent
