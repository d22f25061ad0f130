"""gzip for feeds and the JSON API when the client accepts it; never for pages; validators still work."""

from __future__ import annotations

import gzip

from tests.feeds.conftest import create_grcm, create_meeting, patch

GZIP = {"Accept-Encoding": "gzip, deflate"}


def test_feed_is_gzipped_for_a_client_that_accepts_it_and_says_it_varies(client, auth, feed_url):
    for month in (1, 4, 7, 10):  # one ordinary meeting per quarter (R3)
        create_meeting(client, auth, starts_at=f"2027-{month:02d}-10T10:00:00", ends_at=f"2027-{month:02d}-10T12:00:00")
    create_grcm(client, auth)
    plain, packed = client.get(feed_url), client.get(feed_url, headers=GZIP)
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) * 3 < len(plain.data)
    assert "Accept-Encoding" in plain.headers["Vary"]
    assert "Accept-Encoding" in packed.headers["Vary"]
    # Different bytes, same stored state: the compressed answer carries the weak form of the same tag.
    assert packed.headers["ETag"] == "W/" + plain.headers["ETag"]


def test_gzip_output_is_the_same_bytes_every_time(client, auth, feed_url):
    create_meeting(client, auth)
    create_grcm(client, auth)
    assert client.get(feed_url, headers=GZIP).data == client.get(feed_url, headers=GZIP).data


def test_either_form_of_the_etag_gets_a_304(client, auth, feed_url):
    create_meeting(client, auth)
    create_grcm(client, auth)
    packed = client.get(feed_url, headers=GZIP)
    for tag in (packed.headers["ETag"], packed.headers["ETag"].removeprefix("W/")):
        again = client.get(feed_url, headers={**GZIP, "If-None-Match": tag})
        assert again.status_code == 304
        assert again.data == b""
        assert "Accept-Encoding" in again.headers["Vary"]


def test_a_client_refusing_gzip_gets_plain_bytes(client, auth, feed_url):
    create_meeting(client, auth)
    create_grcm(client, auth)
    response = client.get(feed_url, headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "Content-Encoding" not in response.headers
    assert response.data.startswith(b"BEGIN:VCALENDAR")


def test_json_api_is_gzipped_and_its_weak_etag_still_satisfies_if_match(client, auth):
    meeting = create_meeting(client, auth, agenda=[f"Punto {n}: informe de avance" for n in range(40)])
    path = f"/api/v1/meetings/{meeting['id']}"
    read = client.get(path, headers={**auth["st_crm"], **GZIP})
    assert read.headers["Content-Encoding"] == "gzip"
    assert read.headers["ETag"].startswith('W/"')
    assert patch(client, auth, path, read.headers["ETag"], {"title": "Reprogramada"}).json["title"] == "Reprogramada"


def test_small_json_answers_are_left_alone(client, auth):
    response = client.get("/api/v1/feeds", headers={**auth["st_crm"], **GZIP})
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers


def test_pages_are_never_compressed(client):
    # Pages carry a CSRF token next to what people type: compressing them would invite BREACH.
    response = client.get("/sign-in", headers=GZIP)
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
