"""`tripartito monitoring remind`: the daily run that mails due-date reminders for the monitoring tools."""

from __future__ import annotations

from datetime import datetime

import click
from flask import current_app
from flask.cli import with_appcontext

from service.adapters import services


@click.group("monitoring")
def monitoring_group() -> None:
    """Monitoring tools (issue 17)."""


@monitoring_group.command("remind")
@click.option("--now", "at", type=click.DateTime(["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z"]), default=None,
              help="The moment to act as (ISO 8601 with offset); default: the clock. For catching up by hand.")
@with_appcontext
def remind_command(at: datetime | None) -> None:
    """Mail the reminders due today (a week and a day before each open tool's due date) to the member
    countries that have not submitted; never twice. Meant for a daily cron job."""
    from service.monitoring.tools.reminders import send_reminders

    wired = services()
    portal = current_app.config["PUBLIC_URL"].rstrip("/") + "/portal"
    sent = send_reminders(now=at or wired.clock.now(), mailer=wired.mailer, portal_url=portal)
    for reminder in sent:
        click.echo(f"tool {reminder.tool_id}: {reminder.country} ({reminder.kind}) -> {', '.join(reminder.recipients)}")
    click.echo(f"{len(sent)} reminder(s) sent.")
