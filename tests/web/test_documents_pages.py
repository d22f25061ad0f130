"""Issuing minutes from the pages, the list of versions, the portal and the PDF download."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from service.auth.principals import Principal
from service.extensions import db
from service.meetings.operations import save_minutes, update_meeting
from service.meetings.tripartite import approve_minutes
from tests.conftest import ACTOR, NOW
from tests.content_translations.helpers import translate_stored
from tests.factories import minutes_body
from tests.web.conftest import post_form
from tests.web.test_meeting_forms import _stored


@pytest.fixture
def meeting_with_minutes(app):
    from schemas.meetings import MinutesSchema

    meeting = _stored(starts_at=datetime(2026, 11, 10, 10), ends_at=datetime(2026, 11, 10, 12))  # over by NOW
    update_meeting(meeting, {"status": "held"}, actor=ACTOR, now=NOW)
    save_minutes(meeting, MinutesSchema().load(minutes_body()), actor=ACTOR, now=NOW)
    for party in ("st_crm", "st_rrocm", "ppt"):  # minutes are issued once the three parties approved them
        approve_minutes(meeting, meeting.minutes.version, actor=Principal(party=party, ppt_country="PA"), now=NOW)
    db.session.commit()
    return meeting


def issue(client, meeting_id: int, language: str):
    return post_form(client, f"/meetings/{meeting_id}/documents", {"language": language},
                     token_from=f"/meetings/{meeting_id}/minutes")


def test_issue_minutes_in_both_languages_and_list_the_versions(as_user, converter, meeting_with_minutes):
    translate_stored("minutes", meeting_with_minutes.id)
    client = as_user("st_crm")
    for language in ("es", "en"):
        response = issue(client, meeting_with_minutes.id, language)
        assert response.status_code == 302
    page = client.get(f"/meetings/{meeting_with_minutes.id}/minutes").get_data(as_text=True)
    assert "Emitido ET-CRM/2026/MIN-001, versión 1 (EN)" in page
    listing = client.get("/documents").get_data(as_text=True)
    assert listing.count("ET-CRM/2026/MIN-001") >= 2
    assert "English" in listing
    assert "Español" in listing
    # Issuing again with no change makes no new version, and says so.
    issue(client, meeting_with_minutes.id, "es")
    assert "no hizo falta una nueva versión" in client.get(f"/meetings/{meeting_with_minutes.id}/minutes").get_data(
        as_text=True)
    assert converter.conversions == 2


def test_member_countries_find_and_download_the_issued_pdf(client, as_user, converter, meeting_with_minutes, users):
    issue(as_user("st_crm"), meeting_with_minutes.id, "es")
    client.post("/sign-out", data={"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', client.get(
        "/dashboard").get_data(as_text=True)).group(1)})
    country = as_user("HN")
    portal = country.get("/portal").get_data(as_text=True)
    assert "Actas" in portal
    assert "ET-CRM/2026/MIN-001" in portal
    link = re.search(r'href="(/documents/\d+\.pdf\?download=1)"', portal).group(1)
    pdf = country.get(link)
    assert pdf.status_code == 200
    assert pdf.mimetype == "application/pdf"
    assert pdf.data.startswith(b"%PDF")
    assert "attachment" in pdf.headers["Content-Disposition"]


def test_member_countries_cannot_issue(as_user, converter, meeting_with_minutes):
    client = as_user("BZ")
    response = post_form(client, f"/meetings/{meeting_with_minutes.id}/documents", {"language": "es"},
                         token_from="/portal")
    assert response.status_code == 403
    assert converter.conversions == 0


def test_without_converters_the_page_says_so(app, as_user, meeting_with_minutes):
    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, None
    try:
        client = as_user("st_crm")
        issue(client, meeting_with_minutes.id, "es")
        page = client.get(f"/meetings/{meeting_with_minutes.id}/minutes").get_data(as_text=True)
    finally:
        services.converter = saved
    assert "convertidores" in page


def test_unknown_document_is_404(as_user):
    assert as_user("BZ").get("/documents/12345.pdf").status_code == 404
