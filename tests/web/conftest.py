"""Web pages through Flask's test client: accounts, sign-in and the CSRF token of each form."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from flask.testing import FlaskClient

from service.accounts.operations import create_user
from service.extensions import db
from tests.conftest import ACTOR, NOW

PASSWORD = "correct horse battery"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client: FlaskClient, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    found = _TOKEN.search(page.get_data(as_text=True))
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_in(client: FlaskClient, email: str, password: str = PASSWORD):
    token = csrf_token(client, "/sign-in")
    return client.post("/sign-in", data={"email": email, "password": password, "csrf_token": token})


class PageClient(FlaskClient):
    """Each request in a fresh application context, as in production (the `app` fixture keeps one pushed,
    which Flask would otherwise reuse, sharing `g`, and so Flask-WTF's per-request token cache, across requests)."""

    def open(self, *args, **kwargs):  # type: ignore[override]
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing() -> Iterator[None]:
    """argon2 at its production cost takes a noticeable time per hash; these tests hash a lot."""
    from argon2 import PasswordHasher

    from service.accounts import operations

    saved = operations._hasher
    operations._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    operations._hasher = saved


@pytest.fixture
def client(app) -> FlaskClient:
    return PageClient(app, app.response_class, use_cookies=True)


@pytest.fixture
def users(app) -> dict[str, str]:
    """An account per party and for two member countries; returns their e-mail addresses."""
    emails = {}
    for party in ("st_crm", "st_rrocm", "ppt"):
        emails[party] = create_user(email=f"{party}@example.org", party=party,
                                    country="PA" if party == "ppt" else None,  # a PPT officer names the country
                                    password=PASSWORD, actor=ACTOR, now=NOW, name=f"Oficial {party}").email
    for country in ("BZ", "HN"):
        emails[country] = create_user(email=f"{country.lower()}@example.org", party=None, country=country,
                                      password=PASSWORD, actor=ACTOR, now=NOW).email
    db.session.commit()
    return emails


@pytest.fixture
def as_user(client: FlaskClient, users: dict[str, str]) -> Callable[[str], FlaskClient]:
    """Sign the test client in as one of `users` (by key) and return it."""
    def signed_in(who: str) -> FlaskClient:
        response = sign_in(client, users[who])
        assert response.status_code == 302, response.get_data(as_text=True)
        return client

    return signed_in


def post_form(client: FlaskClient, path: str, data: dict, *, token_from: str | None = None):
    """POST like a browser: with the CSRF token of the page the form is on."""
    return client.post(path, data={**data, "csrf_token": csrf_token(client, token_from or path)})
