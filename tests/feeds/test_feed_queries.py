"""Rows → calendar values, and the cheap fingerprint that lets a 304 skip building."""

from __future__ import annotations

from datetime import UTC, timedelta

from service.extensions import db
from service.feeds.queries import feed_fingerprint, feed_items
from service.meetings.models import Meeting
from tests.feeds.conftest import create_grcm, create_meeting


def test_rows_become_calendar_values_with_aware_utc_stamps_on_every_engine(client, auth):
    create_meeting(client, auth)
    create_grcm(client, auth)
    db.session.expire_all()
    meetings, grcms, deadlines = feed_items("es")
    assert meetings[0].created_at.tzinfo is not None
    assert meetings[0].created_at.utcoffset() == timedelta(0)
    assert meetings[0].last_modified.utcoffset() == timedelta(0)
    assert meetings[0].agenda == ("Aprobación de la agenda", "Plan de trabajo")
    assert meetings[0].starts_at.tzinfo is None  # local wall time; the zone travels beside it
    assert (grcms[0].sequence, grcms[0].last_modified.tzinfo is not None) == (0, True)
    assert [(d.key, d.on.isoformat(), d.sequence) for d in deadlines] == [
        (f"report-due-grcm-{grcms[0].id}", "2027-04-15", 0)]


def test_fingerprint_moves_on_insert_edit_and_delete_and_stays_otherwise(client, auth, clock):
    def fingerprint():
        return feed_fingerprint(clock.now(), 365)

    empty, no_change = fingerprint()
    assert (empty, no_change) == fingerprint()
    assert no_change is None
    meeting = create_meeting(client, auth)
    inserted, last_modified = fingerprint()
    assert inserted != empty
    assert last_modified == clock.now()
    assert fingerprint()[0] == inserted
    clock.at += timedelta(seconds=1)
    client.post(f"/api/v1/meetings/{meeting['id']}/cancel", headers=auth["st_crm"])
    cancelled = fingerprint()[0]
    assert cancelled != inserted
    db.session.delete(db.session.get(Meeting, meeting["id"]))
    db.session.commit()
    assert fingerprint()[0] not in (inserted, cancelled)


def test_fingerprint_notices_a_cancelled_meeting_leaving_with_time_alone(client, auth, clock):
    meeting = create_meeting(client, auth)  # ends 2027-02-10 18:00 UTC
    client.post(f"/api/v1/meetings/{meeting['id']}/cancel", headers=auth["st_crm"])
    ended = db.session.get(Meeting, meeting["id"]).ends_at_utc.astimezone(UTC)
    kept = feed_fingerprint(ended + timedelta(days=10), 10)
    dropped = feed_fingerprint(ended + timedelta(days=10, seconds=1), 10)
    assert kept[0] != dropped[0]
    assert dropped[1] == ended + timedelta(days=10)
