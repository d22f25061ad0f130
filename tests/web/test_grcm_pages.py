"""GRCM meeting pages: wall times in an IANA zone; unknown zones and DST gaps next to their fields; R5 due date."""

from __future__ import annotations

import html
from datetime import datetime

from sqlalchemy import select

from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.grcm.operations import update_grcm_meeting
from tests.conftest import ACTOR, NOW
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in, stored_grcm
from tests.web.test_meeting_forms import field_block

FORM = {"title": "GRCM Ciudad de Guatemala", "starts_at": "2027-06-10T09:00", "ends_at": "2027-06-11T17:00",
        "timezone": "America/Guatemala", "location": "Ciudad de Guatemala"}


def test_a_grcm_meeting_created_through_the_form_shows_its_report_due_date(as_user):
    client = as_user("st_crm")
    assert 'href="/grcm-meetings/new"' in client.get("/grcm-meetings").get_data(as_text=True)
    response = post_form(client, "/grcm-meetings/new", FORM)
    assert response.status_code == 302, response.get_data(as_text=True)
    grcm = db.session.scalars(select(GrcmMeeting)).one()
    assert (grcm.title, grcm.starts_at, grcm.timezone, grcm.location) == (
        FORM["title"], datetime(2027, 6, 10, 9), "America/Guatemala", "Ciudad de Guatemala")
    assert grcm.starts_at_utc.replace(tzinfo=None) == datetime(2027, 6, 10, 15)
    listed = client.get("/grcm-meetings").get_data(as_text=True)
    assert "Se guardó la reunión del GRCM «GRCM Ciudad de Guatemala»." in listed
    assert "10 de abril de 2027" in listed  # R5: two calendar months before
    assert f'href="/grcm-meetings/{grcm.id}/edit"' in listed


def test_an_unknown_time_zone_is_shown_next_to_it_with_the_input_kept(as_user):
    client = as_user("st_rrocm")
    response = post_form(client, "/grcm-meetings/new", {**FORM, "title": "GRCM <Belice> & \"otro\"",
                                                         "timezone": "America/Atlantis"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Zona horaria desconocida 'America/Atlantis'" in html.unescape(field_block(page, "timezone"))
    assert 'value="America/Atlantis"' in page
    assert 'value="GRCM &lt;Belice&gt; &amp; &#34;otro&#34;"' in page
    assert 'value="2027-06-10T09:00"' in page
    assert db.session.scalars(select(GrcmMeeting)).all() == []


def test_a_time_the_clocks_skip_and_an_end_before_the_start(as_user):
    client = as_user("st_crm")
    gap = {**FORM, "starts_at": "2027-03-14T02:30", "ends_at": "2027-03-14T05:00", "timezone": "America/New_York"}
    page = post_form(client, "/grcm-meetings/new", gap).get_data(as_text=True)
    assert "2027-03-14 02:30 no existe en America/New_York" in field_block(page, "starts_at")
    backwards = {**FORM, "ends_at": "2027-06-10T08:00"}
    response = post_form(client, "/grcm-meetings/new", backwards)
    assert response.status_code == 422
    assert "La reunión del GRCM debe terminar después de empezar." in field_block(
        response.get_data(as_text=True), "ends_at")
    missing = post_form(client, "/grcm-meetings/new", {**FORM, "title": " "}).get_data(as_text=True)
    assert "Este campo es obligatorio." in field_block(missing, "title")
    assert db.session.scalars(select(GrcmMeeting)).all() == []


def test_the_form_in_english(as_user):
    client = as_user("st_crm")
    client.get("/grcm-meetings/new?lang=en")
    page = post_form(client, "/grcm-meetings/new", {**FORM, "timezone": "Mars/Olympus"}).get_data(as_text=True)
    block = html.unescape(field_block(page, "timezone"))
    assert "Unknown time zone 'Mars/Olympus': use a name such as America/Tegucigalpa." in block
    assert "New GRCM meeting" in page
    assert "Save GRCM meeting" in page


def test_edit_shows_the_due_date_and_a_stale_edit_says_someone_else_changed_it(as_user):
    grcm = stored_grcm()
    client = as_user("st_crm")
    path = f"/grcm-meetings/{grcm.id}/edit"
    page = client.get(path).get_data(as_text=True)
    assert 'value="2026-06-10T09:00"' in page
    assert "10 de abril de 2026" in page
    etag = etag_in(page)
    update_grcm_meeting(grcm, {"title": "Cambiado por otra persona"}, actor=ACTOR, now=NOW)
    db.session.commit()
    edited = {**FORM, "title": "Mi cambio", "timezone": "America/Panama", "etag": etag}
    response = post_form(client, path, edited)
    assert response.status_code == 409
    shown = response.get_data(as_text=True)
    assert "Otra persona cambió este registro" in shown
    assert 'value="Mi cambio"' in shown
    db.session.refresh(grcm)
    assert grcm.title == "Cambiado por otra persona"
    response = post_form(client, path, {**edited, "location": "", "etag": etag_in(client.get(path).get_data(
        as_text=True))})
    assert response.status_code == 302
    db.session.refresh(grcm)
    assert (grcm.title, grcm.starts_at, grcm.location) == ("Mi cambio", datetime(2027, 6, 10, 9), None)


def test_country_users_get_403(as_user):
    grcm = stored_grcm()
    client = as_user("BZ")
    for path in ("/grcm-meetings/new", f"/grcm-meetings/{grcm.id}/edit"):
        assert client.get(path).status_code == 403, path
        assert post_form(client, path, FORM, token_from="/portal").status_code == 403, path
    db.session.refresh(grcm)
    assert grcm.title == "GRCM Ciudad de Panamá"
