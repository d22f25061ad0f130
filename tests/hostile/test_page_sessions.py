"""Hostile use of the pages' sessions and forms (issue 15 F6, F7, F8): forms from another origin, huge form
values, copied cookies, password guessing. Each row: its status, nothing kept, the next request works."""

from __future__ import annotations

import logging

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from service.accounts.models import SignInFailure, SignInSession
from service.accounts.rules import FAILURES_PER_ACCOUNT, FAILURES_PER_ADDRESS
from service.extensions import db
from service.meetings.models import Meeting
from tests.hostile.conftest import kept_rows
from tests.web.conftest import PASSWORD, PageClient, csrf_token, sign_in
from tests.web.test_meeting_forms import MEETING_FORM


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize(("headers", "status"), [
    ({"Origin": "https://evil.example"}, 400),
    ({"Origin": "null"}, 400),
    ({"Referer": "https://evil.example/page.html"}, 400),
    ({"Origin": "http://localhost:5000"}, 400),  # another port is another origin
    ({"Origin": "http://localhost"}, 302),  # the test client's own origin
    ({"Referer": "http://localhost/meetings/new"}, 302),
    ({}, 302),  # no browser: the CSRF token alone decides
])  # fmt: skip
def test_f6_a_form_with_a_valid_token_is_accepted_only_from_this_origin(as_user, headers, status):
    client = as_user("st_crm")
    token = csrf_token(client, "/meetings/new")
    response = client.post("/meetings/new", data={**MEETING_FORM, "csrf_token": token}, headers=headers)
    assert response.status_code == status
    assert _count(Meeting) == (1 if status == 302 else 0)
    assert client.get("/meetings/new").status_code == 200  # the next request works


def test_f6_sign_in_from_another_origin_is_refused(client, users):
    token = csrf_token(client, "/sign-in")
    response = client.post("/sign-in", data={"email": users["st_crm"], "password": PASSWORD, "csrf_token": token},
                           headers={"Origin": "https://evil.example"})
    assert response.status_code == 400
    assert _count(SignInSession) == 0


def test_f7_a_15_mb_form_value_is_413_and_not_echoed(client, users):
    before = kept_rows()
    token = csrf_token(client, "/sign-in")
    response = client.post("/sign-in", data={"email": "a" * 15_000_000, "password": "x", "csrf_token": token})
    assert response.status_code == 413
    assert len(response.data) < 20_000
    assert kept_rows() == before
    assert sign_in(client, users["st_crm"]).status_code == 302


def test_f7_a_form_value_longer_than_any_field_is_413_even_in_a_small_form(as_user, app):
    client = as_user("st_crm")
    token = csrf_token(client, "/meetings/new")
    response = client.post("/meetings/new", data={**MEETING_FORM, "title": "x" * 40_000, "csrf_token": token})
    assert response.status_code == 413
    assert b"xxxxxxxxxx" not in response.data
    assert _count(Meeting) == 0


def test_f8_a_cookie_copied_before_sign_out_stops_working_after_it(app, as_user):
    client = as_user("st_crm")
    assert client.get("/meetings/new").status_code == 200
    cookie = client.get_cookie("session")
    thief = PageClient(app, app.response_class, use_cookies=True)
    thief.set_cookie(cookie.key, cookie.value, domain=cookie.domain)
    assert thief.get("/meetings/new").status_code == 200  # the copy works while the session is open

    token = csrf_token(client, "/meetings/new")
    assert client.post("/sign-out", data={"csrf_token": token}).status_code == 302
    assert _count(SignInSession) == 0

    answer = thief.get("/meetings/new")
    assert answer.status_code == 302
    assert "/sign-in" in answer.headers["Location"]


def test_f8_disabling_an_account_ends_its_open_sessions(as_user, users):
    from service.accounts.operations import disable_user
    from tests.conftest import ACTOR, NOW

    client = as_user("st_crm")
    disable_user(users["st_crm"], actor=ACTOR, now=NOW)
    db.session.commit()
    assert _count(SignInSession) == 0
    assert client.get("/meetings/new").status_code == 302


def _wrong(client: FlaskClient, email: str, **headers: str):
    token = csrf_token(client, "/sign-in")
    return client.post("/sign-in", data={"email": email, "password": "wrong password!", "csrf_token": token},
                       headers=headers)


def test_f8_wrong_passwords_for_one_account_are_throttled_with_retry_after_and_logged(client, users, caplog):
    for _ in range(FAILURES_PER_ACCOUNT):
        assert _wrong(client, users["st_crm"]).status_code == 401
    with caplog.at_level(logging.WARNING, logger="service.accounts.sessions"):
        throttled = _wrong(client, users["st_crm"])
    assert throttled.status_code == 429
    assert 1 <= int(throttled.headers["Retry-After"]) <= 15 * 60
    assert "throttled" in caplog.text
    # even the right password waits: the guesser cannot tell it from a wrong one
    assert sign_in(client, users["st_crm"]).status_code == 429
    assert _count(SignInSession) == 0
    # another account from elsewhere is not affected
    other = sign_in(client, users["st_rrocm"])
    assert other.status_code == 302


def test_f8_the_throttle_lifts_after_the_window(client, users, clock):
    from datetime import timedelta

    for _ in range(FAILURES_PER_ACCOUNT):
        _wrong(client, users["st_crm"])
    assert sign_in(client, users["st_crm"]).status_code == 429
    clock.at += timedelta(minutes=16)
    assert sign_in(client, users["st_crm"]).status_code == 302
    assert _count(SignInFailure) == 0  # a success clears the account's failures


def test_f8_one_address_guessing_many_accounts_is_throttled(client, users):
    for number in range(FAILURES_PER_ADDRESS):
        assert _wrong(client, f"nobody{number}@example.org").status_code == 401
    throttled = _wrong(client, "someone-else@example.org")
    assert throttled.status_code == 429
    assert "Retry-After" in throttled.headers
