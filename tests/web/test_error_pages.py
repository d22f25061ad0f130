"""Pages get HTML errors; the JSON API keeps JSON errors."""

from __future__ import annotations


def test_unknown_page_is_html(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "No hay ninguna página en esta dirección." in response.get_data(as_text=True)


def test_unknown_api_path_stays_json(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.is_json
    assert response.json["code"] == 404


def test_api_errors_keep_their_json_bodies(client):
    assert client.get("/api/v1/meetings").json["code"] == 401


def test_wrong_method_on_a_page_is_html_with_allow(client):
    response = client.put("/sign-in")
    assert response.status_code in (400, 405)  # the CSRF check may answer first; either way a page
    assert response.mimetype == "text/html"


def test_pages_carry_security_headers(client):
    response = client.get("/sign-in")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
