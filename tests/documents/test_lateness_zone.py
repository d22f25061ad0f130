"""R5: the monitoring report's lateness is counted on the calendar of the GRCM meeting's own time zone."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.followups_factories import grcm_meeting, instrument_on_record

# A GRCM meeting in Tegucigalpa (UTC−6) on 16 March 2027: the report is due on 16 January 2027.
MARCH = {"starts_at": "2027-03-16T09:00:00", "ends_at": "2027-03-18T17:00:00", "timezone": "America/Tegucigalpa"}


def issue_report(client, auth, grcm_id):
    return client.post("/api/v1/documents", json={"kind": "monitoring_report", "subject_id": grcm_id,
                                                  "language": "es"}, headers=auth["st_crm"])


def test_issuing_at_23_24_in_tegucigalpa_on_the_due_date_is_on_time(client, auth, clock, converter):
    instrument_on_record(client, auth)
    grcm = grcm_meeting(client, auth, **MARCH)
    clock.at = datetime(2027, 1, 17, 5, 24, tzinfo=UTC)  # already the 17th in UTC, still the 16th in Tegucigalpa
    issued = issue_report(client, auth, grcm["id"])
    assert issued.status_code == 201, issued.json
    assert issued.json["late"] is False


def test_issuing_just_after_midnight_in_tegucigalpa_after_the_due_date_is_late(client, auth, clock, converter):
    instrument_on_record(client, auth)
    grcm = grcm_meeting(client, auth, **MARCH)
    clock.at = datetime(2027, 1, 17, 6, 30, tzinfo=UTC)  # 00:30 on the 17th in Tegucigalpa
    issued = issue_report(client, auth, grcm["id"])
    assert issued.status_code == 201, issued.json
    assert issued.json["late"] is True
