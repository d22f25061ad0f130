"""The subscription feed over HTTP: media type, validators, 304s that build nothing, and fresh bytes after changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from werkzeug.http import http_date, parse_date

from service.feeds import publish
from tests.calendars.calendar_testkit import icaljs_event, parse_icalendar, parse_icaljs, vevents
from tests.feeds.conftest import create_grcm, create_meeting, patch

HOST = "tripartito.test"


def _forbid_building(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("the calendar was built for a conditional request")

    monkeypatch.setattr(publish, "build_feed", fail)
    monkeypatch.setattr(publish, "feed_items", fail)


def test_feed_is_text_calendar_with_etag_last_modified_and_cache_control(client, auth, feed_url):
    create_meeting(client, auth)
    response = client.get(feed_url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["ETag"].startswith('"')
    assert len(response.headers["ETag"]) > 10
    assert parse_date(response.headers["Last-Modified"]) is not None
    assert "private" in response.headers["Cache-Control"]
    assert response.data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert len(vevents(response.data)) == 1


def test_matching_if_none_match_gets_304_without_building_the_calendar(client, auth, feed_url, monkeypatch):
    create_meeting(client, auth)
    first = client.get(feed_url)
    _forbid_building(monkeypatch)
    again = client.get(feed_url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]


def test_if_modified_since_the_last_change_gets_304_without_building(client, auth, feed_url, monkeypatch):
    create_meeting(client, auth)
    last_modified = client.get(feed_url).headers["Last-Modified"]
    _forbid_building(monkeypatch)
    assert client.get(feed_url, headers={"If-Modified-Since": last_modified}).status_code == 304


def test_if_modified_since_before_the_last_change_gets_the_feed(client, auth, feed_url):
    create_meeting(client, auth)
    earlier = parse_date(client.get(feed_url).headers["Last-Modified"]) - timedelta(seconds=1)
    assert client.get(feed_url, headers={"If-Modified-Since": http_date(earlier)}).status_code == 200


def test_a_stale_etag_wins_over_a_recent_if_modified_since(client, auth, feed_url):
    create_meeting(client, auth)
    last_modified = client.get(feed_url).headers["Last-Modified"]
    response = client.get(feed_url, headers={"If-None-Match": '"old"', "If-Modified-Since": last_modified})
    assert response.status_code == 200


def test_unchanged_feed_is_served_from_the_cache_without_rebuilding(client, auth, feed_url, monkeypatch):
    create_meeting(client, auth)
    first = client.get(feed_url)
    _forbid_building(monkeypatch)
    second = client.get(feed_url)
    assert (second.status_code, second.data) == (200, first.data)


def test_edit_keeps_the_uid_and_increases_sequence_in_both_parsers(client, auth, feed_url, clock):
    meeting = create_meeting(client, auth)
    before = client.get(feed_url)
    clock.at += timedelta(minutes=5)
    path = f"/api/v1/meetings/{meeting['id']}"
    patch(client, auth, path, client.get(path, headers=auth["st_crm"]).headers["ETag"],
          {"title": "Primera reunión ordinaria (nueva hora)", "starts_at": "2027-02-10T14:00:00",
           "ends_at": "2027-02-10T16:00:00"})
    after = client.get(feed_url, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    assert parse_date(after.headers["Last-Modified"]) > parse_date(before.headers["Last-Modified"])

    uid = f"meeting-{meeting['id']}@{HOST}"
    old, new = vevents(before.data)[0], vevents(after.data)[0]
    assert str(old["UID"]) == str(new["UID"]) == uid
    assert (int(old["SEQUENCE"]), int(new["SEQUENCE"])) == (0, 1)
    old_js, new_js = icaljs_event(parse_icaljs(before.data), uid), icaljs_event(parse_icaljs(after.data), uid)
    assert (old_js["sequence"], new_js["sequence"]) == (0, 1)
    assert new_js["summary"] == "Primera reunión ordinaria (nueva hora)"
    assert new_js["dtstart"]["value"] == "2027-02-10T14:00:00"


def test_cancelled_meeting_stays_in_the_feed_with_status_cancelled(client, auth, feed_url):
    meeting = create_meeting(client, auth)
    assert client.post(f"/api/v1/meetings/{meeting['id']}/cancel", headers=auth["st_crm"]).status_code == 200
    data = client.get(feed_url).data
    event = vevents(data)[0]
    assert (str(event["STATUS"]), int(event["SEQUENCE"])) == ("CANCELLED", 1)
    assert str(event["SUMMARY"]).startswith("Cancelada: ")
    assert icaljs_event(parse_icaljs(data), f"meeting-{meeting['id']}@{HOST}")["status"] == "CANCELLED"


def test_cancelled_meeting_leaves_after_the_keep_period_and_the_validators_move(client, auth, feed_url, clock, app):
    meeting = create_meeting(client, auth)  # ends 2027-02-10 18:00 UTC
    client.post(f"/api/v1/meetings/{meeting['id']}/cancel", headers=auth["st_crm"])
    app.config["FEED_KEEP_CANCELLED_DAYS"] = 30
    clock.at = clock.at.replace(year=2027, month=3, day=12)  # 30 days after the end, and a bit
    kept = client.get(feed_url)
    assert len(vevents(kept.data)) == 1
    clock.at += timedelta(days=1)
    dropped = client.get(feed_url, headers={"If-None-Match": kept.headers["ETag"],
                                            "If-Modified-Since": kept.headers["Last-Modified"]})
    assert dropped.status_code == 200
    assert vevents(dropped.data) == []
    assert parse_date(dropped.headers["Last-Modified"]) > parse_date(kept.headers["Last-Modified"])


def test_every_tzid_in_the_feed_has_a_vtimezone(client, auth, feed_url):
    create_meeting(client, auth, timezone="America/New_York")
    create_meeting(client, auth, kind="extraordinary", timezone="America/Mexico_City",
                   consents={"st_crm": True})
    create_grcm(client, auth)
    data = client.get(feed_url).data
    parsed = parse_icalendar(data)
    used = {str(e[p].params["TZID"]) for e in parsed.walk("VEVENT") if "TZID" in e["DTSTART"].params
            for p in ("DTSTART", "DTEND")}
    assert used == {"America/New_York", "America/Mexico_City", "America/Panama"}
    assert {tz.tz_name for tz in parsed.timezones} == used
    assert set(parse_icaljs(data)["timezones"]) == used


@pytest.mark.parametrize(("starts_at", "utc_start"), [
    ("2027-03-12T09:00:00", "2027-03-12T14:00:00.000Z"),  # EST, before the 14 March switch
    ("2027-03-15T09:00:00", "2027-03-15T13:00:00.000Z"),  # EDT, just after it
    ("2027-11-05T09:00:00", "2027-11-05T13:00:00.000Z"),  # EDT, before the 7 November switch
    ("2027-11-08T09:00:00", "2027-11-08T14:00:00.000Z"),  # EST, after it
])  # fmt: skip
def test_new_york_meetings_in_march_and_november_keep_exact_local_times(client, auth, feed_url, starts_at,
                                                                        utc_start):
    meeting = create_meeting(client, auth, kind="extraordinary", timezone="America/New_York", starts_at=starts_at,
                             ends_at=starts_at.replace("T09", "T11"),
                             consents={"st_crm": True})
    data = client.get(feed_url).data
    event = vevents(data)[0]
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.decoded("DTSTART").replace(tzinfo=None).isoformat() == starts_at
    js = icaljs_event(parse_icaljs(data), f"meeting-{meeting['id']}@{HOST}")
    assert (js["dtstart"]["zone"], js["dtstart"]["value"], js["dtstart"]["utc"]) == (
        "America/New_York", starts_at, utc_start)
