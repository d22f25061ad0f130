"""The minutes form: repeatable rows that also work without JavaScript; saved through save_minutes."""

from __future__ import annotations

import re

from service.extensions import db
from service.meetings.operations import save_minutes
from tests.conftest import ACTOR, NOW
from tests.web.conftest import post_form
from tests.web.test_meeting_forms import _stored, field_block


def rows_of(page: str, group: str) -> list[int]:
    return sorted({int(i) for i in re.findall(rf'name="{group}-(\d+)-', page)})


def minutes_form(meeting_id: int, **extra) -> dict:
    form = {
        "etag": "", "language": "es", "next_meeting": "En marzo",
        "attendees-0-name": "María José", "attendees-0-party": "st_crm", "attendees-0-role": "Coordinadora",
        "attendees-1-name": "John Smith", "attendees-1-country": "BZ",
        "attendees-2-name": "", "attendees-2-party": "", "attendees-2-country": "", "attendees-2-role": "",
        "agenda_items-0-title": "Plan de trabajo", "agenda_items-0-discussion": "Se revisó.\r\nSegunda línea.",
        "agenda_items-1-title": "", "agenda_items-1-discussion": "",
    }
    for i, (text, who, due) in enumerate([("Circular el borrador", "st_crm", "2026-12-15"),
                                          ("Recopilar aportes", "st_rrocm", "2026-11-01"),
                                          ("Enviar la nota", "HN", "")]):
        form |= {f"agreements-{i}-text": text, f"agreements-{i}-responsible": who, f"agreements-{i}-due_on": due,
                 f"agreements-{i}-status": "pending"}
    form |= {"agreements-7-text": "", "agreements-7-responsible": "", "agreements-7-due_on": "",
             "agreements-7-status": "pending"}  # a blank row JavaScript added: not data
    return form | extra


def test_the_empty_form_offers_blank_rows_and_a_template_for_javascript(as_user):
    meeting = _stored()
    page = as_user("st_crm").get(f"/meetings/{meeting.id}/minutes").get_data(as_text=True)
    for group in ("attendees", "agenda_items", "agreements"):
        assert rows_of(page, group) == [0, 1, 2]
        assert f'name="add" value="{group}"' in page
        assert f'data-row-template="{group}"' in page
        assert f'name="{group}-__i__-' in page
    assert 'for="agreements-1-due_on"' in page  # every field has its label


def test_add_a_row_without_javascript_shows_the_form_again_with_one_more_and_saves_nothing(as_user):
    meeting = _stored()
    client = as_user("st_crm")
    response = post_form(client, f"/meetings/{meeting.id}/minutes", minutes_form(meeting.id, add="agreements"))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert rows_of(page, "agreements") == [0, 1, 2, 3, 4]
    assert 'value="Recopilar aportes"' in page or "Recopilar aportes</textarea>" in page
    db.session.refresh(meeting)
    assert meeting.minutes is None


def test_remove_a_row_without_javascript(as_user):
    meeting = _stored()
    client = as_user("st_crm")
    response = post_form(client, f"/meetings/{meeting.id}/minutes", minutes_form(meeting.id, remove="agreements-0"))
    page = response.get_data(as_text=True)
    assert "Circular el borrador" not in page
    assert "Recopilar aportes" in page


def test_minutes_with_three_agreements_are_saved_and_blank_rows_ignored(as_user):
    meeting = _stored()
    client = as_user("st_crm")
    response = post_form(client, f"/meetings/{meeting.id}/minutes", minutes_form(meeting.id))
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.refresh(meeting)
    minutes = meeting.minutes
    assert [a.text for a in minutes.agreements] == ["Circular el borrador", "Recopilar aportes", "Enviar la nota"]
    assert [a.responsible for a in minutes.agreements] == ["st_crm", "st_rrocm", "HN"]
    assert minutes.attendees == [
        {"name": "María José", "party": "st_crm", "country": None, "role": "Coordinadora"},
        {"name": "John Smith", "party": None, "country": "BZ", "role": None}]
    assert minutes.agenda_items == [{"title": "Plan de trabajo", "discussion": "Se revisó.\nSegunda línea."}]
    page = client.get(f"/meetings/{meeting.id}/minutes").get_data(as_text=True)
    assert rows_of(page, "agreements") == [0, 1, 2, 3]  # the stored three plus a blank one
    assert f'value="&#34;minutes-{meeting.id}-v1&#34;"' in page


def test_a_row_error_appears_next_to_that_field_with_the_input_kept(as_user):
    meeting = _stored()
    client = as_user("st_crm")
    form = minutes_form(meeting.id, **{"agreements-1-due_on": "31/02/2027", "attendees-1-party": "ppt"})
    response = post_form(client, f"/meetings/{meeting.id}/minutes", form)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "fecha" in field_block(page, "agreements-1-due_on")
    assert 'value="31/02/2027"' in page
    assert "no ambos" in field_block(page, "attendees-1-party")
    db.session.refresh(meeting)
    assert meeting.minutes is None


def test_an_unknown_country_from_the_operation_is_shown_on_its_row(as_user):
    meeting = _stored()
    client = as_user("st_crm")
    response = post_form(client, f"/meetings/{meeting.id}/minutes", minutes_form(meeting.id, **{
        "agreements-2-responsible": "ZZ"}))
    assert response.status_code == 422
    assert "ZZ" in field_block(response.get_data(as_text=True), "agreements-2-responsible")


def test_stale_minutes_are_not_overwritten(as_user):
    meeting = _stored()
    client = as_user("st_crm")
    etag = f'"minutes-{meeting.id}-v1"'
    save_minutes(meeting, {"attendees": [], "agenda_items": [], "agreements": []}, actor=ACTOR, now=NOW)
    db.session.commit()
    save_minutes(meeting, {"attendees": [], "agenda_items": [], "agreements": [], "next_meeting": "otra"},
                 actor=ACTOR, now=NOW)
    db.session.commit()
    response = post_form(client, f"/meetings/{meeting.id}/minutes", minutes_form(meeting.id, etag=etag))
    assert response.status_code == 409
    assert "Otra persona cambió este registro" in response.get_data(as_text=True)
    assert "Circular el borrador" in response.get_data(as_text=True)
    db.session.refresh(meeting)
    assert meeting.minutes.next_meeting == "otra"
