"""Who answered, as the pages name them (issue 14): the person's name and party, not an e-mail address.

Consents, minutes approvals and endorsements keep who acted as one string (service.meetings.operations.actor_name):
the account's e-mail, "<party> (token <id>)" for an API token, or a party or system label. The API returns that
string as it is; the pages turn it into a name here, looking accounts up when the page is drawn (a renamed
account shows its new name; rows written before this change need no migration).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from flask import g
from flask_babel import gettext as _
from sqlalchemy import select

from service.accounts.models import UserAccount
from service.extensions import db
from service.web.labels import PARTIES

_TOKEN = re.compile(r"(?P<label>\S+) \(token (?P<id>\d+)\)")


@dataclass(frozen=True)
class Answerer:
    name: str | None  # the person: their account's name (its e-mail if it has none); None when no person acted
    party: str | None  # the party code they answered for
    token: int | None = None  # the API token they answered through


def answerer(by: str | None, party: str | None, names: Mapping[str, str]) -> Answerer:
    """Read a stored `by`; `names` gives accounts' names by lower-cased e-mail. Pure."""
    if not by:
        return Answerer(None, party)
    token = _TOKEN.fullmatch(by)
    if token:
        return Answerer(None, party or token["label"], int(token["id"]))
    if "@" in by:
        return Answerer(names.get(by.casefold()) or by, party)
    return Answerer(None, party or by)  # a party code, or the system acting for the party


def account_names() -> dict[str, str]:
    """Every named account by e-mail, read once per request: the team's accounts are a few dozen."""
    if "account_names" not in g:
        g.account_names = {email.casefold(): name for email, name in db.session.execute(
            select(UserAccount.email, UserAccount.name).where(UserAccount.name.is_not(None))) if name}
    return g.account_names


def answered_by(by: str | None, party: str | None = None) -> str:
    """"Ana Pérez (ST-CRM)", "ST-RROCM, through API token 3", "PPT": for consents, approvals, endorsements."""
    who = answerer(by, party, account_names())
    party_name = str(PARTIES.get(who.party, who.party)) if who.party else ""
    if who.name:
        return f"{who.name} ({party_name})" if party_name else who.name
    if who.token is not None:
        return _("%(party)s, through API token %(id)s", party=party_name, id=who.token)
    return party_name
