"""GET /api/v1/schedule?year=: the year at a glance for every reader."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.factories import term_body
from tests.feeds.conftest import create_grcm, create_meeting


def test_schedule_needs_a_token_and_a_year(client, auth):
    assert client.get("/api/v1/schedule?year=2027").status_code == 401
    assert client.get("/api/v1/schedule", headers=auth["BZ"]).status_code == 422
    assert client.get("/api/v1/schedule?year=veinte", headers=auth["BZ"]).status_code == 422


def test_quarters_without_an_ordinary_meeting_are_gaps_and_cancelled_ones_do_not_count(client, auth):
    create_meeting(client, auth)  # 2027-Q1
    q3 = create_meeting(client, auth, starts_at="2027-08-10T10:00:00", ends_at="2027-08-10T12:00:00")
    client.post(f"/api/v1/meetings/{q3['id']}/cancel", headers=auth["st_crm"])
    create_meeting(client, auth, kind="extraordinary", starts_at="2027-05-10T10:00:00",
                   ends_at="2027-05-10T12:00:00", consents={"st_crm": True})
    body = client.get("/api/v1/schedule?year=2027", headers=auth["BZ"]).json
    assert body["gaps"] == ["2027-Q2", "2027-Q3", "2027-Q4"]
    assert [q["has_ordinary_meeting"] for q in body["quarters"]] == [True, False, False, False]


def test_quarter_is_counted_in_the_meetings_own_time_zone(client, auth):
    # 31 March 23:30 in Tegucigalpa is already 1 April in UTC: it still fills Q1.
    create_meeting(client, auth, starts_at="2027-03-31T23:30:00", ends_at="2027-03-31T23:50:00")
    assert client.get("/api/v1/schedule?year=2027", headers=auth["BZ"]).json["gaps"] == ["2027-Q2", "2027-Q3",
                                                                                         "2027-Q4"]


def test_pre_ppt_window_of_the_incoming_term(client, auth):
    term = client.post("/api/v1/ppt-terms", json=term_body(), headers=auth["st_crm"]).json  # PA from 2027-12-01
    body = client.get("/api/v1/schedule?year=2027", headers=auth["BZ"]).json
    assert body["pre_ppt"] == {"ppt_term_id": term["id"], "country": "PA", "term_starts_on": "2027-12-01",
                               "latest_meeting_on": "2027-10-01", "meeting_ids": [], "has_meeting": False,
                               "on_time": False, "missed": False}
    meeting = create_meeting(client, auth, kind="pre_ppt", ppt_term_id=term["id"], starts_at="2027-09-20T10:00:00",
                             ends_at="2027-09-20T12:00:00")
    window = client.get("/api/v1/schedule?year=2027", headers=auth["BZ"]).json["pre_ppt"]
    assert (window["meeting_ids"], window["has_meeting"], window["on_time"]) == ([meeting["id"]], True, True)
    assert client.get("/api/v1/schedule?year=2029", headers=auth["BZ"]).json["pre_ppt"] is None


def test_grcm_meetings_show_their_report_due_date_and_become_overdue(client, auth, clock):
    grcm = create_grcm(client, auth)  # 2027-06-15: report due 2027-04-15
    listed = client.get("/api/v1/schedule?year=2027", headers=auth["BZ"]).json["grcm_meetings"]
    assert [(g["id"], g["report_due_on"], g["overdue"]) for g in listed] == [(grcm["id"], "2027-04-15", False)]
    clock.at = datetime(2027, 4, 16, 12, tzinfo=UTC)
    listed = client.get("/api/v1/schedule?year=2027", headers=auth["BZ"]).json["grcm_meetings"]
    assert (listed[0]["overdue"], listed[0]["report_issued_on"]) == (True, None)


def test_a_grcm_meeting_early_next_year_is_listed_when_its_report_falls_due_this_year(client, auth):
    grcm = create_grcm(client, auth, starts_at="2028-02-10T09:00:00", ends_at="2028-02-11T17:00:00")
    listed = client.get("/api/v1/schedule?year=2027", headers=auth["BZ"]).json["grcm_meetings"]
    assert [(g["id"], g["report_due_on"]) for g in listed] == [(grcm["id"], "2027-12-10")]


def test_an_issued_monitoring_report_is_not_overdue_and_a_late_one_is_marked_late(client, auth, clock):
    from service.documents.models import DocumentReference, IssuedDocument, StoredFile
    from service.extensions import db

    grcm = create_grcm(client, auth)  # report due 2027-04-15
    issued_at = datetime(2027, 4, 20, 9, tzinfo=UTC)
    db.session.add(StoredFile(sha256="a" * 64, media_type="application/pdf", size=1, content=b"%",
                              created_at=issued_at))
    reference = DocumentReference(kind="monitoring_report", subject_id=grcm["id"], year=2027, number=1,
                                  reference="ET-CRM/2027/INF-001")
    db.session.add(reference)
    db.session.flush()
    db.session.add(IssuedDocument(kind="monitoring_report", subject_id=grcm["id"], language="es",
                                  reference_id=reference.id, version=1, title="Informe", pdf_sha256="a" * 64,
                                  pages=1, issued_at=issued_at, issued_by="st_crm", context={},
                                  context_sha256="0" * 64))
    db.session.commit()
    clock.at = datetime(2027, 5, 1, tzinfo=UTC)
    listed = client.get("/api/v1/schedule?year=2027", headers=auth["BZ"]).json["grcm_meetings"]
    assert (listed[0]["report_issued_on"], listed[0]["overdue"], listed[0]["late"]) == ("2027-04-20", False, True)
