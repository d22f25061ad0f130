"""PPT term pages: member countries only, terms never overlap (shown next to the dates), the pre-PPT deadline (R6)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from service.extensions import db
from service.ppt.models import PptTerm
from service.ppt.operations import update_term
from tests.conftest import ACTOR, NOW
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in, stored_term
from tests.web.test_meeting_forms import field_block

FORM = {"country": "MX", "starts_on": "2028-07-01", "ends_on": "2029-06-30"}


def terms() -> list[tuple[str, date, date]]:
    db.session.expire_all()  # the pages saved through their own sessions
    return [(t.country, t.starts_on, t.ends_on) for t in db.session.scalars(select(PptTerm).order_by(PptTerm.id))]


def test_a_term_created_through_the_form_shows_its_pre_ppt_deadline(as_user):
    client = as_user("ppt")
    listed = client.get("/ppt-feedback").get_data(as_text=True)
    assert 'href="/ppt-terms/new"' in listed
    form = client.get("/ppt-terms/new").get_data(as_text=True)
    assert '<option value="MX">MX · México</option>' in form
    assert 'value="AR"' not in form  # an observer, not a member country
    response = post_form(client, "/ppt-terms/new", FORM)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert terms() == [("MX", date(2028, 7, 1), date(2029, 6, 30))]
    listed = client.get("/ppt-feedback").get_data(as_text=True)
    assert "Se guardó el período de la PPT de MX." in listed
    assert "Fecha límite para la reunión previa a la PPT (dos meses antes del período)" in listed
    assert "1 de mayo de 2028" in listed  # two calendar months before the term starts
    term = db.session.scalars(select(PptTerm)).one()
    assert f'href="/ppt-terms/{term.id}/edit"' in listed


def test_an_overlapping_term_is_shown_next_to_its_start_with_the_input_kept(as_user):
    stored_term()  # PA, 2027-07-01 – 2028-06-30
    client = as_user("st_crm")
    response = post_form(client, "/ppt-terms/new", {**FORM, "starts_on": "2028-01-01"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert ("Los períodos de la PPT no pueden superponerse: PA ejerce la PPT del 1 de julio de 2027 al 30 de junio de "
            "2028."
            in field_block(page, "starts_on"))
    assert '<option value="MX" selected>' in page
    assert 'value="2028-01-01"' in page
    assert 'value="2029-06-30"' in page
    assert [t[0] for t in terms()] == ["PA"]


def test_a_term_ending_before_it_starts_and_a_missing_country(as_user):
    client = as_user("st_crm")
    page = post_form(client, "/ppt-terms/new", {**FORM, "ends_on": "2028-06-30"}).get_data(as_text=True)
    assert "Un período de la PPT debe terminar el mismo día en que empieza o después." in field_block(page, "ends_on")
    page = post_form(client, "/ppt-terms/new", {**FORM, "country": ""}).get_data(as_text=True)
    assert "Este campo es obligatorio." in field_block(page, "country")
    assert terms() == []


def test_the_form_in_english(as_user):
    stored_term()
    client = as_user("st_rrocm")
    client.get("/ppt-terms/new?lang=en")
    response = post_form(client, "/ppt-terms/new", {**FORM, "starts_on": "2028-06-30"})
    page = response.get_data(as_text=True)
    assert "PPT terms cannot overlap: PA holds the PPT from July 1, 2027 to June 30, 2028." in field_block(
        page, "starts_on")
    assert "New PPT term" in page
    assert "MX · Mexico" in page
    assert "May 1, 2027" in client.get("/ppt-feedback").get_data(as_text=True)


def test_edit_shows_the_deadline_and_a_stale_edit_says_someone_else_changed_it(as_user):
    term = stored_term()
    client = as_user("st_crm")
    path = f"/ppt-terms/{term.id}/edit"
    page = client.get(path).get_data(as_text=True)
    assert '<option value="PA" selected>' in page
    assert 'value="2027-07-01"' in page
    assert "1 de mayo de 2027" in page
    etag = etag_in(page)
    update_term(term, {"ends_on": date(2028, 5, 31)}, actor=ACTOR, now=NOW)
    db.session.commit()
    edited = {"country": "PA", "starts_on": "2027-08-01", "ends_on": "2028-07-31", "etag": etag}
    response = post_form(client, path, edited)
    assert response.status_code == 409
    assert "Otra persona cambió este registro" in response.get_data(as_text=True)
    assert terms() == [("PA", date(2027, 7, 1), date(2028, 5, 31))]
    response = post_form(client, path, {**edited, "etag": etag_in(client.get(path).get_data(as_text=True))})
    assert response.status_code == 302
    assert terms() == [("PA", date(2027, 8, 1), date(2028, 7, 31))]


def test_country_users_get_403(as_user):
    term = stored_term()
    client = as_user("HN")
    for path in ("/ppt-terms/new", f"/ppt-terms/{term.id}/edit"):
        assert client.get(path).status_code == 403, path
        assert post_form(client, path, FORM, token_from="/portal").status_code == 403, path
    assert [t[0] for t in terms()] == ["PA"]
