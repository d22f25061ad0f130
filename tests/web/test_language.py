"""Spanish by default; ?lang= (remembered), then the session, then Accept-Language; dates per language."""

from __future__ import annotations

from tests.web.test_meeting_forms import _stored


def test_spanish_is_the_default(client):
    page = client.get("/sign-in").get_data(as_text=True)
    assert '<html lang="es">' in page
    assert "Iniciar sesión" in page


def test_accept_language_picks_english(client):
    page = client.get("/sign-in", headers={"Accept-Language": "en-CA,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Sign in" in page


def test_the_lang_switch_is_remembered_and_beats_accept_language(client):
    client.get("/sign-in?lang=en")
    assert '<html lang="en">' in client.get("/sign-in", headers={"Accept-Language": "es"}).get_data(as_text=True)
    client.get("/sign-in?lang=es")
    assert '<html lang="es">' in client.get("/sign-in", headers={"Accept-Language": "en"}).get_data(as_text=True)


def test_every_page_links_to_the_other_language_keeping_its_query(as_user):
    client = as_user("st_crm")
    page = client.get("/meetings?x=1").get_data(as_text=True)
    assert 'href="/meetings?x=1&amp;lang=en"' in page


def test_the_language_survives_sign_in(client, users):
    from tests.web.conftest import sign_in

    client.get("/sign-in?lang=en")
    sign_in(client, users["st_crm"])
    assert '<html lang="en">' in client.get("/dashboard").get_data(as_text=True)


def test_dates_are_formatted_in_the_page_language(as_user):
    _stored()  # 28 February 2027
    client = as_user("st_crm")
    assert "28 feb 2027" in client.get("/meetings?lang=es").get_data(as_text=True)
    assert "Feb 28, 2027" in client.get("/meetings?lang=en").get_data(as_text=True)
