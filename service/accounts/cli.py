"""`tripartito user …`: accounts for people who sign in to the web pages."""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext

from service.adapters import services
from service.auth.principals import COMMAND_LINE
from service.extensions import db


@click.group("user")
def user_group() -> None:
    """Web accounts for secretariat officers (a party) and member-country officials (a country)."""


@user_group.command("create")
@click.option("--email", required=True)
@click.option("--party", type=click.Choice(["st_crm", "st_rrocm", "ppt"]))
@click.option("--country", help="Member country, ISO 3166 alpha-2 (e.g. BZ); with --party ppt, the PPT's country.")
@click.option("--name", help="The person's name, as pages show it.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
@with_appcontext
def user_create(email: str, party: str | None, country: str | None, name: str | None,
                password_stdin: bool) -> None:
    """Create an account; the password is asked for (or read from stdin) and only its argon2 hash is kept."""
    from service.accounts.operations import create_user
    from service.errors import DomainError

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = create_user(email=email, party=party, country=country, name=name, password=password,
                           actor=COMMAND_LINE, now=services().clock.now())
    except DomainError as error:
        raise click.UsageError(error.message) from None
    db.session.commit()
    holder = f"ppt {user.ppt_country}" if user.ppt_country else (user.party or user.country)
    click.echo(f"Account {user.id} created for {user.email} ({holder}).")
    if user.country:
        _catch_up(user.country)


def _catch_up(country: str) -> None:
    """A country's first account receives every current document issued before it existed (R8)."""
    from flask import current_app

    from service.documents.distribution import deliver_pending, plan_catch_up

    wired = services()
    if plan_catch_up(country):
        attempted = deliver_pending(mailer=wired.mailer, store=wired.store, now=wired.clock.now(),
                                    portal_url=current_app.config["PUBLIC_URL"].rstrip("/") + "/portal")
        db.session.commit()
        click.echo(f"{attempted} documents issued before were delivered to {country}.")


@user_group.command("disable")
@click.option("--email", required=True)
@with_appcontext
def user_disable(email: str) -> None:
    """Disable an account: it can no longer sign in, and its open sessions end."""
    from service.accounts.operations import disable_user
    from service.errors import DomainError

    try:
        disable_user(email, actor=COMMAND_LINE, now=services().clock.now())
    except DomainError as error:
        raise click.UsageError(error.message) from None
    db.session.commit()
    click.echo(f"Account {email} disabled.")


@user_group.command("list")
@with_appcontext
def user_list() -> None:
    """List accounts (never their password hashes)."""
    from sqlalchemy import select

    from service.accounts.models import UserAccount

    for user in db.session.scalars(select(UserAccount).order_by(UserAccount.id)):
        state = f"disabled {user.disabled_at:%Y-%m-%d}" if user.disabled_at else "active"
        click.echo(f"{user.id}\t{user.email}\t{user.party or user.country}\t{state}\t{user.name or ''}")
