"""The `tripartito` commands that are not an area's own: init, demo, tokens, serve; and their registration
on the app (create_app calls ``register_commands``). Each command is a few lines around an operation."""

from __future__ import annotations

import os
import sys

import click
from flask import Flask, current_app
from flask.cli import ScriptInfo, with_appcontext

from service.adapters import services
from service.auth.principals import COMMAND_LINE
from service.extensions import db


def register_commands(app: Flask) -> None:
    from service.accounts.cli import user_group
    from service.documents.cli import (
        distribute_command,
        issue_command,
        package_command,
        render_command,
        templates_group,
    )
    from service.feeds.cli import feed_group
    from service.form_submissions.cli import maintenance_group
    from service.installation_cli import converters_group
    from service.monitoring.cli import monitoring_group

    for command in (init_command, demo_command, token_group, serve_command, user_group, issue_command,
                    render_command, templates_group, feed_group, distribute_command, converters_group,
                    monitoring_group, package_command, maintenance_group):
        app.cli.add_command(command)


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Create or migrate the database, load reference data, seed the templates folder and prepare the
    converters' Python (idempotent)."""
    from flask_migrate import upgrade

    from service.installation_cli import init_report
    from service.reference.operations import load_reference_data

    # Each area has its own migration branch off the foundation, so apply every head.
    upgrade(directory=current_app.extensions["migrate"].directory, revision="heads")
    added = load_reference_data()
    db.session.commit()
    click.echo(f"Database ready at {db.engine.url.render_as_string(hide_password=True)}; "
               f"{added} reference rows added.")
    click.echo(f"Templates in {current_app.config['TEMPLATES_DIR']}.")
    click.echo(_seal_report())
    click.echo(init_report(current_app))


def _seal_report() -> str:
    """What seals the issued PDFs; the demo authority was created with the app when nothing is configured."""
    sealer = services().sealer
    if sealer is None:
        return "Issued PDFs are not sealed."
    facts = sealer.ping()
    if facts.get("demo"):
        return (f"Issued PDFs are sealed by the DEMO authority in {current_app.config['DATA_DIR']}/seal "
                f"({facts['signer']}); set TRIPARTITO_SIGNING_KEY to use a real one (see the README).")
    return f"Issued PDFs are sealed by {facts['signer']} ({facts.get('source')})."


@click.command("demo")
@click.option("--year", type=int, default=None, help="Year the demo centres on (default: this year).")
@with_appcontext
def demo_command(year: int | None) -> None:
    """Load a realistic demo year (skipped if the database already has meetings)."""
    from service.demo import load_demo

    clock = services().clock
    converter = _demo_converter()
    try:
        summary = load_demo(year or clock.today().year, now=clock.now(), converter=converter)
    finally:
        if converter is not None:
            converter.stop()
    db.session.commit()
    click.echo(summary)


def _demo_converter():
    """One local LibreOffice for the demo's issued (and withdrawn) document; None where LibreOffice is missing."""
    import shutil
    from pathlib import Path

    if services().converter is not None or not (shutil.which("soffice") or shutil.which("libreoffice")):
        return None
    from service.conversion.local import LocalConverterPool
    from service.installation_cli import locate_for_command

    try:
        pool = LocalConverterPool(size=1, workdir=Path(current_app.config["DATA_DIR"]) / "converters-demo",
                                  uno_python=str(locate_for_command(current_app)))
        pool.start()
    except Exception as error:  # the demo goes on without an issued document, and says why
        click.echo(f"PDF converters not started ({error}); the demo issues no document.", err=True)
        return None
    return pool


@click.group("token")
def token_group() -> None:
    """API tokens for parties (read and write) and member countries (read)."""


@token_group.command("create")
@click.option("--party", type=click.Choice(["st_crm", "st_rrocm", "ppt"]))
@click.option("--country", help="Member country, ISO 3166 alpha-2 (e.g. BZ); with --party ppt, the PPT's country.")
@click.option("--label", help="What the token is for, to recognise it later.")
@with_appcontext
def token_create(party: str | None, country: str | None, label: str | None) -> None:
    """Print a new API token once, as the last line. Only its hash is stored."""
    from service.auth.tokens import create_api_token
    from service.errors import DomainError

    try:
        token, secret = create_api_token(party=party, country=country, label=label, actor=COMMAND_LINE,
                                         now=services().clock.now())
    except DomainError as error:
        raise click.UsageError(error.message) from None
    db.session.commit()
    click.echo(f"Token {token.id} for {party or country.upper()} (shown once; store it now):", err=True)
    click.echo(secret)


@token_group.command("revoke")
@click.argument("token_id", type=int)
@with_appcontext
def token_revoke(token_id: int) -> None:
    """Revoke an API token by its number."""
    from service.auth.tokens import revoke_api_token
    from service.errors import DomainError

    try:
        revoke_api_token(token_id, actor=COMMAND_LINE, now=services().clock.now())
    except DomainError as error:
        raise click.UsageError(error.message) from None
    db.session.commit()
    click.echo(f"Token {token_id} revoked.")


@token_group.command("list")
@with_appcontext
def token_list() -> None:
    """List API tokens (never their secrets)."""
    from sqlalchemy import select

    from service.auth.models import ApiToken

    for token in db.session.scalars(select(ApiToken).order_by(ApiToken.id)):
        state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
        click.echo(f"{token.id}\t{token.party or token.country}\t{state}\t{token.label or ''}")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
def serve_command(host: str, port: int, threads: int) -> None:
    """Run the service with gunicorn (one process, several threads, the converter pool inside)."""
    from service.installation_cli import locate_for_command, uses_local_converters
    from service.wsgi_server import run

    script_info = click.get_current_context().ensure_object(ScriptInfo)
    app = script_info.load_app()
    if uses_local_converters(app):
        locate_for_command(app)  # fail now, naming the fix, not in a gunicorn worker that keeps rebooting
    os.environ.setdefault("TRIPARTITO_START_CONVERTERS", "1")
    # The worker builds its own app with the factory this command line uses (the converters start in it).
    app_factory = script_info.create_app
    if app_factory is None:
        raise click.ClickException("serve needs the app factory of the tripartito command")
    sys.exit(run(app_factory, host=host, port=port, threads=threads))
