"""Subscribe links: the plain URL, webcal:// and Google's add-by-URL, from the request or PUBLIC_URL."""

from __future__ import annotations

from urllib.parse import unquote

from service.feeds.links import subscribe_links


def test_links_from_an_explicit_base():
    links = subscribe_links("tpf_abc-_9", base="https://tripartito.crmsv.org/")
    assert links == {
        "url": "https://tripartito.crmsv.org/calendars/tpf_abc-_9/tripartito.ics",
        "webcal": "webcal://tripartito.crmsv.org/calendars/tpf_abc-_9/tripartito.ics",
        "google": "https://calendar.google.com/calendar/r?cid="
                  "webcal%3A%2F%2Ftripartito.crmsv.org%2Fcalendars%2Ftpf_abc-_9%2Ftripartito.ics",
    }
    assert unquote(links["google"].split("cid=")[1]) == links["webcal"]


def test_outside_a_request_links_use_public_url(app):
    app.config["PUBLIC_URL"] = "https://calendario.example.org/tripartito"
    links = subscribe_links("tpf_x")
    assert links["url"] == "https://calendario.example.org/tripartito/calendars/tpf_x/tripartito.ics"
    assert links["webcal"] == "webcal://calendario.example.org/tripartito/calendars/tpf_x/tripartito.ics"


def test_inside_a_request_links_use_the_address_the_client_used(app):
    with app.test_request_context("/api/v1/feeds", base_url="https://et.example.net:8443/"):
        assert subscribe_links("tpf_x")["url"] == "https://et.example.net:8443/calendars/tpf_x/tripartito.ics"
