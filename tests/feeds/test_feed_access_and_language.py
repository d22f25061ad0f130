"""Who gets a feed (a valid, unrevoked feed secret; nothing else) and in which language."""

from __future__ import annotations

import pytest

from tests.calendars.calendar_testkit import parse_icalendar, parse_icaljs, vevents
from tests.feeds.conftest import create_grcm, create_meeting


def test_revoked_feed_token_gets_a_plain_404(client, auth, feed_url):
    assert client.get(feed_url).status_code == 200
    token_id = client.get("/api/v1/feeds", headers=auth["st_crm"]).json[0]["id"]
    assert client.post(f"/api/v1/feeds/{token_id}/revoke", headers=auth["st_crm"]).status_code == 200
    response = client.get(feed_url)
    assert response.status_code == 404
    assert response.mimetype == "text/plain"
    assert response.get_data(as_text=True).strip() == "Not Found"


@pytest.mark.parametrize("secret", ["tpf_unknown", "nothing-like-a-token", "tpf_" + "A" * 43])
def test_unknown_feed_token_gets_the_same_404(client, feed_secret, secret):
    response = client.get(f"/calendars/{secret}/tripartito.ics")
    assert (response.status_code, response.get_data(as_text=True).strip()) == (404, "Not Found")


def test_an_api_token_does_not_open_a_feed(client, auth):
    api_secret = auth["BZ"]["Authorization"].removeprefix("Bearer ")
    assert client.get(f"/calendars/{api_secret}/tripartito.ics").status_code == 404


def test_a_feed_token_does_not_open_the_api(client, feed_secret):
    assert client.get("/api/v1/meetings", headers={"Authorization": f"Bearer {feed_secret}"}).status_code == 401


def test_feed_is_spanish_by_default_and_english_with_lang_en(client, auth, feed_url):
    create_meeting(client, auth)
    create_grcm(client, auth)
    spanish, english = client.get(feed_url), client.get(feed_url + "?lang=en")
    assert spanish.headers["ETag"] != english.headers["ETag"]
    es, en = parse_icalendar(spanish.data), parse_icalendar(english.data)
    assert (str(es["X-WR-CALNAME"]), str(en["X-WR-CALNAME"])) == ("Equipo Tripartito CRM", "CRM Tripartite Team")
    en_summaries = {str(e["SUMMARY"]) for e in vevents(english.data)}
    assert "Deadline: monitoring report for XXXI Reunión del GRCM" in en_summaries
    assert "Fecha límite: informe de monitoreo para XXXI Reunión del GRCM" in {
        str(e["SUMMARY"]) for e in vevents(spanish.data)}
    categories = {c for e in parse_icaljs(english.data)["events"] for c in e["categories"]}
    assert {"Ordinary meeting", "GRCM meeting", "Deadline"} <= categories


def test_an_unknown_language_is_a_400(client, feed_url):
    assert client.get(feed_url + "?lang=fr").status_code == 400


def test_grcm_meeting_and_its_report_deadline_follow_its_edits(client, auth, feed_url):
    grcm = create_grcm(client, auth)
    path = f"/api/v1/grcm-meetings/{grcm['id']}"
    etag = client.get(path, headers=auth["st_crm"]).headers["ETag"]
    client.patch(path, json={"starts_at": "2027-07-06T09:00:00", "ends_at": "2027-07-08T17:00:00"},
                 headers={**auth["st_crm"], "If-Match": etag})
    events = {str(e["UID"]): e for e in vevents(client.get(feed_url).data)}
    meeting, deadline = events[f"grcm-{grcm['id']}@tripartito.test"], \
        events[f"deadline-report-due-grcm-{grcm['id']}@tripartito.test"]
    assert (int(meeting["SEQUENCE"]), int(deadline["SEQUENCE"])) == (1, 1)  # version 2 → SEQUENCE 1
    assert deadline.decoded("DTSTART").isoformat() == "2027-05-06"  # R5: two months before


def test_pre_ppt_deadline_follows_its_term_and_moves_last_modified(client, auth, feed_url, clock):
    from datetime import timedelta

    from werkzeug.http import parse_date

    term = client.post("/api/v1/ppt-terms", json={"country": "PA", "starts_on": "2027-12-01",
                                                  "ends_on": "2028-11-30"}, headers=auth["st_crm"]).json
    before = client.get(feed_url)
    deadline_uid = f"deadline-pre-ppt-latest-term-{term['id']}@tripartito.test"
    first = {str(e["UID"]): e for e in vevents(before.data)}[deadline_uid]
    assert first.decoded("DTSTART").isoformat() == "2027-10-01"  # R6
    assert str(first["SUMMARY"]) == "Fecha límite para la reunión previa a la PPT de Panamá (2027–2028)"
    clock.at += timedelta(hours=1)
    path = f"/api/v1/ppt-terms/{term['id']}"
    etag = client.get(path, headers=auth["st_crm"]).headers["ETag"]
    client.patch(path, json={"starts_on": "2028-01-01", "ends_on": "2028-12-31"},
                 headers={**auth["st_crm"], "If-Match": etag})
    after = client.get(feed_url, headers={"If-Modified-Since": before.headers["Last-Modified"]})
    assert after.status_code == 200
    assert parse_date(after.headers["Last-Modified"]) == clock.at.replace(microsecond=0)
    moved = {str(e["UID"]): e for e in vevents(after.data)}[deadline_uid]
    assert (moved.decoded("DTSTART").isoformat(), int(moved["SEQUENCE"])) == ("2027-11-01", 1)
