"""GET /api/v1/meetings/{id}/calendar.ics: a one-off download for any reader, with the feed's UID and SEQUENCE."""

from __future__ import annotations

from tests.calendars.calendar_testkit import parse_icaljs, vevents
from tests.feeds.conftest import create_meeting


def test_download_needs_a_token(client, auth):
    meeting = create_meeting(client, auth)
    assert client.get(f"/api/v1/meetings/{meeting['id']}/calendar.ics").status_code == 401


def test_member_country_downloads_the_meeting_as_an_attachment(client, auth):
    meeting = create_meeting(client, auth)
    response = client.get(f"/api/v1/meetings/{meeting['id']}/calendar.ics", headers=auth["BZ"])
    assert response.status_code == 200
    # It is an iTIP PUBLISH (METHOD:PUBLISH, ORGANIZER on its event), so the media type says so (RFC 6047).
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8; method=PUBLISH"
    assert b"\r\nMETHOD:PUBLISH\r\n" in response.data
    assert b"\r\nORGANIZER;" in response.data
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert ".ics" in response.headers["Content-Disposition"]
    event = vevents(response.data)[0]
    assert (str(event["UID"]), int(event["SEQUENCE"])) == (f"meeting-{meeting['id']}@tripartito.test", 0)
    assert b"X-WR-CALNAME" not in response.data  # Apple would offer to create a new calendar
    assert parse_icaljs(response.data)["eventCount"] == 1


def test_download_matches_the_feed_after_a_cancellation(client, auth, feed_url):
    meeting = create_meeting(client, auth)
    client.post(f"/api/v1/meetings/{meeting['id']}/cancel", headers=auth["st_crm"])
    single = vevents(client.get(f"/api/v1/meetings/{meeting['id']}/calendar.ics?lang=en", headers=auth["HN"]).data)
    in_feed = vevents(client.get(feed_url).data)
    assert (str(single[0]["STATUS"]), int(single[0]["SEQUENCE"])) == ("CANCELLED", 1)
    assert str(single[0]["SUMMARY"]).startswith("Cancelled: ")
    assert str(single[0]["UID"]) == str(in_feed[0]["UID"])


def test_download_of_an_unknown_meeting_is_404(client, auth):
    assert client.get("/api/v1/meetings/999/calendar.ics", headers=auth["BZ"]).status_code == 404
