"""`tripartito feed …`: calendar feed tokens (the secret in a subscription URL)."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from service.adapters import services
from service.auth.principals import COMMAND_LINE
from service.extensions import db


@click.group("feed")
def feed_group() -> None:
    """Calendar feed tokens for parties and member countries (read-only subscription URLs)."""


@feed_group.command("create")
@click.option("--party", type=click.Choice(["st_crm", "st_rrocm", "ppt"]))
@click.option("--country", help="Member country, ISO 3166 alpha-2 (e.g. BZ).")
@click.option("--label", help="What the feed is for, to recognise it later.")
@with_appcontext
def feed_create(party: str | None, country: str | None, label: str | None) -> None:
    """Print a new feed token once, as the last line (subscribe links on stderr). Only its hash is stored."""
    from service.errors import DomainError
    from service.feeds.links import subscribe_links
    from service.feeds.operations import create_feed_token

    try:
        token, secret = create_feed_token(party=party, country=country, label=label, actor=COMMAND_LINE,
                                          now=services().clock.now())
    except DomainError as error:
        raise click.UsageError(error.message) from None
    db.session.commit()
    links = subscribe_links(secret)
    click.echo(f"Feed token {token.id} for {token.holder} (shown once; store it now). Subscribe with:",
               err=True)
    for name, url in links.items():
        click.echo(f"  {name}: {url}", err=True)
    click.echo(secret)


@feed_group.command("revoke")
@click.argument("token_id", type=int)
@with_appcontext
def feed_revoke(token_id: int) -> None:
    """Revoke a feed token by its number: its URL answers 404 from now on."""
    from service.errors import DomainError
    from service.feeds.operations import revoke_feed_token

    try:
        revoke_feed_token(token_id, actor=COMMAND_LINE, now=services().clock.now())
    except DomainError as error:
        raise click.UsageError(error.message) from None
    db.session.commit()
    click.echo(f"Feed token {token_id} revoked.")


@feed_group.command("list")
@with_appcontext
def feed_list() -> None:
    """List feed tokens (never their secrets)."""
    from service.feeds.operations import list_feed_tokens

    for token in list_feed_tokens():
        state = f"revoked {token.revoked_at:%Y-%m-%d}" if token.revoked_at else "active"
        click.echo(f"{token.id}\t{token.holder}\t{state}\t{token.label or ''}")
