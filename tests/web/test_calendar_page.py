"""The calendar subscription page: a personal feed address shown once, with https, webcal and Google links."""

from __future__ import annotations

import html
import re

from tests.web.conftest import post_form


def addresses(page: str) -> dict[str, str]:
    return {
        "https": html.unescape(re.search(r'id="feed-url" value="([^"]+)"', page).group(1)),
        "webcal": html.unescape(re.search(r'href="(webcal://[^"]+)"', page).group(1)),
        "google": html.unescape(re.search(r'href="(https://calendar\.google\.com/[^"]+)"', page).group(1)),
    }


def new_address(client) -> dict[str, str]:
    """Ask for a new address (POST), then read the page it redirects to (GET): post/redirect/get."""
    response = post_form(client, "/portal/calendar", {})
    assert response.status_code == 303 or response.status_code == 302, response.status_code
    return addresses(client.get(response.headers["Location"]).get_data(as_text=True))


def test_instructions_for_outlook_google_and_apple(as_user):
    page = as_user("BZ").get("/portal/calendar").get_data(as_text=True)
    for client_name in ("Outlook", "Google", "Apple"):
        assert f"<h3>{client_name}" in page
    assert "Obtener mi dirección de calendario" in page


def test_a_country_gets_a_working_feed_address_and_a_new_one_replaces_it(as_user):
    client = as_user("HN")
    first = new_address(client)
    assert re.fullmatch(r"http://localhost/calendars/tpf_[\w-]+/tripartito\.ics", first["https"])
    assert first["webcal"] == first["https"].replace("http://", "webcal://")
    assert first["google"].startswith("https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Flocalhost")
    feed = client.get(first["https"].removeprefix("http://localhost"))
    assert feed.status_code == 200
    assert feed.mimetype == "text/calendar"
    second = new_address(client)
    assert second["https"] != first["https"]
    assert client.get(first["https"].removeprefix("http://localhost")).status_code == 404
    assert client.get(second["https"].removeprefix("http://localhost")).status_code == 200


def test_english_pages_give_english_feeds(as_user):
    client = as_user("BZ")
    client.get("/portal/calendar?lang=en")
    links = new_address(client)
    assert links["https"].endswith("/tripartito.ics?lang=en")
    assert links["webcal"].endswith("/tripartito.ics?lang=en")
    assert links["google"].endswith("tripartito.ics%3Flang%3Den")


def test_reloading_the_calendar_page_never_replaces_the_address(as_user):
    client = as_user("HN")
    first = new_address(client)
    reloaded = client.get("/portal/calendar").get_data(as_text=True)
    assert 'id="feed-url"' not in reloaded  # shown once; the page now says when it was made
    assert "28 de noviembre de 2026" in reloaded
    assert client.get(first["https"].removeprefix("http://localhost")).status_code == 200


def test_replacing_an_existing_address_asks_first_and_says_what_stops_working(as_user):
    client = as_user("HN")
    first = new_address(client)
    page = client.get("/portal/calendar").get_data(as_text=True)
    assert 'href="/portal/calendar/new-address"' in page
    assert 'action="/portal/calendar"' not in page  # no one-click replacement next to the address
    confirm = client.get("/portal/calendar/new-address").get_data(as_text=True)
    assert "deja de recibir" in confirm or "stops receiving" in confirm
    assert client.get(first["https"].removeprefix("http://localhost")).status_code == 200
    second = new_address(client)
    assert client.get(first["https"].removeprefix("http://localhost")).status_code == 404
    assert client.get(second["https"].removeprefix("http://localhost")).status_code == 200
