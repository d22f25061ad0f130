"""`tripartito maintenance purge`: the daily run that deletes what the service keeps only for a while."""

from __future__ import annotations

from datetime import datetime

import click
from flask.cli import with_appcontext

from service.adapters import services


@click.group("maintenance")
def maintenance_group() -> None:
    """Housekeeping for cron."""


@maintenance_group.command("purge")
@click.option("--now", "at", type=click.DateTime(["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z"]), default=None,
              help="The moment to act as (ISO 8601 with offset); default: the clock.")
@with_appcontext
def purge_command(at: datetime | None) -> None:
    """Delete the one-time form tokens used more than 30 days ago (Back + resubmit protection needs them only
    while the form's CSRF token is valid). Meant for a daily cron job on one host; harmless on several."""
    from service.extensions import db
    from service.form_submissions.operations import KEPT_FOR, purge_used

    purged = purge_used(now=at or services().clock.now())
    db.session.commit()
    click.echo(f"{purged} form token(s) used more than {KEPT_FOR.days} days ago deleted.")
