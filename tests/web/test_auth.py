"""Sign-in, sign-out, the session cookie, and who may open which page."""

from __future__ import annotations

import pytest
from flask import Flask

from service.accounts.operations import disable_user
from service.extensions import db
from service.web import _session_cookie
from tests.conftest import ACTOR, NOW
from tests.web.conftest import PASSWORD, csrf_token, sign_in

SECRETARIAT_PAGES = ["/dashboard", "/meetings", "/meetings/new", "/documents"]


@pytest.mark.parametrize("path", [*SECRETARIAT_PAGES, "/portal", "/portal/calendar"])
def test_pages_need_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=" + path)


def test_sign_in_goes_to_the_page_asked_for_and_sign_out_ends_the_session(client, users):
    token = csrf_token(client, "/sign-in")
    response = client.post("/sign-in?next=/meetings", data={"email": "ST_CRM@example.org ", "password": PASSWORD,
                                                             "csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"] == "/meetings"
    assert client.get("/meetings").status_code == 200
    response = client.post("/sign-out", data={"csrf_token": csrf_token(client, "/meetings")})
    assert response.status_code == 302
    assert client.get("/meetings").status_code == 302


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(client, users):
    response = sign_in(client, users["st_crm"], "wrong password")
    assert response.status_code == 401
    unknown = sign_in(client, "nobody@example.org", "wrong password")
    assert unknown.status_code == 401
    message = "La dirección de correo o la contraseña no son correctas."
    assert message in response.get_data(as_text=True)
    assert message in unknown.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 302


def test_no_open_redirect_after_sign_in(client, users):
    token = csrf_token(client, "/sign-in")
    response = client.post("/sign-in?next=https://evil.example/x", data={
        "email": users["st_crm"], "password": PASSWORD, "csrf_token": token})
    assert response.headers["Location"] == "/dashboard"


def test_session_cookie_is_httponly_and_samesite_lax(client, users):
    response = sign_in(client, users["st_crm"])
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


@pytest.mark.parametrize(("testing", "insecure", "secure"), [(False, False, True), (True, False, False),
                                                             (False, True, False)])
def test_session_cookie_is_secure_unless_testing_or_insecure_cookies(testing, insecure, secure):
    app = Flask(__name__)
    app.config.update(TESTING=testing, INSECURE_COOKIES=insecure)
    _session_cookie(app)
    assert app.config["SESSION_COOKIE_SECURE"] is secure


@pytest.mark.parametrize("path", [p for p in SECRETARIAT_PAGES if p != "/dashboard"])  # theirs: test_record_pages
def test_country_users_cannot_open_secretariat_pages(as_user, path):
    client = as_user("BZ")
    response = client.get(path)
    assert response.status_code == 403
    assert response.mimetype == "text/html"
    assert "<h1>" in response.get_data(as_text=True)


def test_country_users_cannot_post_secretariat_forms(as_user):
    client = as_user("HN")
    token = csrf_token(client, "/portal")
    response = client.post("/meetings/new", data={"csrf_token": token, "title": "x"})
    assert response.status_code == 403


def test_country_users_land_on_the_portal(client, users):
    response = sign_in(client, users["BZ"])
    assert response.headers["Location"] == "/portal"
    assert client.get("/").headers["Location"] == "/portal"
    assert client.get("/portal").status_code == 200


def test_party_users_land_on_the_dashboard(as_user):
    client = as_user("ppt")
    assert client.get("/").headers["Location"] == "/dashboard"
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Oficial ppt" in page


def test_a_disabled_account_loses_its_session_and_cannot_sign_in(client, as_user, users):
    as_user("st_rrocm")
    disable_user(users["st_rrocm"], actor=ACTOR, now=NOW)
    db.session.commit()
    assert client.get("/dashboard").status_code == 302
    assert sign_in(client, users["st_rrocm"]).status_code == 401
