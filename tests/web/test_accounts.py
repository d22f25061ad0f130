"""Accounts: argon2 hashes, one party or one member country, and `tripartito user create`."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service.accounts.models import UserAccount
from service.accounts.operations import authenticate, create_user
from service.errors import RuleViolation
from service.extensions import db
from tests.conftest import ACTOR, NOW


def test_passwords_are_stored_as_argon2id_hashes(app):
    user = create_user(email="Ana@Example.org", party="st_crm", country=None, password="una clave larga",
                       actor=ACTOR, now=NOW)
    assert user.email == "ana@example.org"
    assert user.password_hash.startswith("$argon2id$")
    assert "una clave larga" not in user.password_hash
    assert authenticate("ANA@example.org", "una clave larga", now=NOW) is user
    assert authenticate("ana@example.org", "otra clave larga", now=NOW) is None


@pytest.mark.parametrize(("changes", "field"), [
    ({"party": "st_crm", "country": "BZ"}, "party"),
    ({"party": None, "country": None}, "party"),
    ({"party": None, "country": "AR"}, "country"),  # an observer, not a member
    ({"party": "osc"}, "party"),
    ({"party": "ppt", "country": None}, "country"),  # a PPT account names its country
    ({"party": "ppt", "country": "AR"}, "country"),
    ({"email": "not-an-address"}, "email"),
    ({"password": "short"}, "password"),
])
def test_invalid_accounts_are_refused_naming_the_field(app, changes, field):
    values = {"email": "x@example.org", "party": "st_crm", "country": None, "password": "una clave larga"}
    with pytest.raises(RuleViolation) as raised:
        create_user(**(values | changes), actor=ACTOR, now=NOW)
    assert raised.value.field == field


def test_one_account_per_address(app):
    create_user(email="x@example.org", party="ppt", country="PA", password="una clave larga",
                       actor=ACTOR, now=NOW)
    with pytest.raises(RuleViolation):
        create_user(email="X@example.org", party=None, country="HN", password="una clave larga",
                       actor=ACTOR, now=NOW)


def test_cli_user_create_reads_the_password_from_stdin(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["user", "create", "--email", "pa@example.org", "--country", "pa",
                                 "--name", "Enlace Panamá", "--password-stdin"], input="clave de Panamá 1\n")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(UserAccount).where(UserAccount.email == "pa@example.org"))
    assert (user.country, user.party, user.name) == ("PA", None, "Enlace Panamá")
    assert authenticate("pa@example.org", "clave de Panamá 1", now=NOW) is not None
    listed = runner.invoke(args=["user", "list"])
    assert "pa@example.org" in listed.output
    assert "$argon2" not in listed.output


def test_cli_user_create_refuses_a_bad_holder(app):
    result = app.test_cli_runner().invoke(args=["user", "create", "--email", "z@example.org", "--party", "st_crm",
                                                "--country", "HN", "--password-stdin"], input="una clave larga\n")
    assert result.exit_code != 0
    assert "exactly one party or one member country" in result.output
    alone = app.test_cli_runner().invoke(args=["user", "create", "--email", "y@example.org", "--party", "ppt",
                                               "--password-stdin"], input="una clave larga\n")
    assert alone.exit_code != 0
    assert "--party ppt --country PA" in alone.output
