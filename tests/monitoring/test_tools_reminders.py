"""Reminders (issue 17): a week and a day before an open tool's due date, by e-mail through the mailer, to each
member country with an account that has not submitted; logged, and never twice."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from service.accounts.operations import create_user
from service.audit.models import AuditEntry
from service.extensions import db
from service.monitoring.tools.models import MonitoringReminder
from service.monitoring.tools.reminders import send_reminders
from tests.conftest import ACTOR, NOW
from tests.monitoring.tools_factories import answer, make_tool


class Outbox:
    def __init__(self, failing: bool = False) -> None:
        self.sent, self.failing = [], failing

    def send(self, message) -> None:
        if self.failing:
            raise OSError("SMTP server down")
        self.sent.append(message)

    def ping(self) -> dict:
        return {"ok": True}


@pytest.fixture
def accounts(app):
    for country in ("HN", "BZ"):
        create_user(email=f"enlace@{country.lower()}.example", party=None, country=country, password="x" * 12,
                    actor=ACTOR, now=NOW)
    db.session.commit()


def at(day: int) -> datetime:
    return datetime(2026, 12, day, 13, 0, tzinfo=UTC)  # the tool is due 2026-12-15


def test_a_week_and_a_day_before_countries_that_have_not_submitted_are_reminded_once(client, auth, accounts):
    tool = make_tool(client, auth)
    answer(client, auth, tool["id"], "BZ", submit=True)
    outbox = Outbox()
    assert send_reminders(now=at(7), mailer=outbox, portal_url="https://et.test/portal") == []
    week = send_reminders(now=at(8), mailer=outbox, portal_url="https://et.test/portal")
    assert [(r.country, r.kind) for r in week] == [("HN", "week")]  # BZ submitted; others have no account
    assert outbox.sent[0]["To"] == "enlace@hn.example"
    assert f"https://et.test/portal/monitoring/{tool['id']}" in outbox.sent[0].get_content()
    assert send_reminders(now=at(9), mailer=outbox, portal_url="https://et.test/portal") == []  # never twice
    day = send_reminders(now=at(14), mailer=outbox, portal_url="https://et.test/portal")
    assert [(r.country, r.kind) for r in day] == [("HN", "day")]
    assert send_reminders(now=at(15), mailer=outbox, portal_url="https://et.test/portal") == []
    assert send_reminders(now=at(16), mailer=outbox, portal_url="https://et.test/portal") == []  # late: the dashboard
    assert len(outbox.sent) == 2
    logged = db.session.scalars(db.select(AuditEntry).where(AuditEntry.action == "monitoring_tool.reminder")
                                .order_by(AuditEntry.id)).all()  # without an order PostgreSQL may list day first
    assert [e.changes["kind"][1] for e in logged] == ["week", "day"]


def test_a_reminder_that_could_not_be_sent_is_tried_again_at_the_next_run(client, auth, accounts):
    make_tool(client, auth)
    assert send_reminders(now=at(8), mailer=Outbox(failing=True), portal_url="https://et.test/portal") == []
    assert db.session.scalar(db.select(db.func.count(MonitoringReminder.id))) == 0
    outbox = Outbox()
    sent = send_reminders(now=at(9), mailer=outbox, portal_url="https://et.test/portal")
    assert {r.country for r in sent} == {"HN", "BZ"}


def test_the_cron_command_takes_now_as_an_argument(app, client, auth, accounts):
    make_tool(client, auth)
    result = app.test_cli_runner().invoke(args=["monitoring", "remind", "--now", "2026-12-14T08:00:00+00:00"])
    assert result.exit_code == 0, result.output
    assert "2 reminder(s) sent." in result.output
    again = app.test_cli_runner().invoke(args=["monitoring", "remind", "--now", "2026-12-14T18:00:00+00:00"])
    assert "0 reminder(s) sent." in again.output
