"""Meeting forms: parsed by the API's schema, saved by the same operation; problems shown next to the field."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from service.extensions import db
from service.meetings.models import Meeting
from service.meetings.operations import create_meeting, update_meeting
from tests.conftest import ACTOR, NOW
from tests.web.conftest import post_form

MEETING_FORM = {
    "kind": "ordinary", "title": "Primera reunión ordinaria", "starts_at": "2027-02-10T10:00",
    "ends_at": "2027-02-10T12:00", "timezone": "America/Tegucigalpa", "modality": "virtual",
    "video_url": "https://meet.example.org/et-1", "agenda": "Aprobación de la agenda\r\nPlan de trabajo\r\n",
}


def field_block(page: str, field_id: str) -> str:
    """The markup of one field: its <div class="field"> (or its <fieldset>), label, input and messages."""
    at = page.index(f'id="{field_id}"')
    div, fieldset = page.rfind('<div class="field', 0, at), page.rfind("<fieldset", 0, at + 1)
    if fieldset > div:
        return page[fieldset:page.index("</fieldset>", at)]
    return page[div:page.index("</div>", at)]


def meeting_count() -> int:
    return db.session.scalar(select(func.count(Meeting.id)))


def test_a_meeting_created_through_the_form_is_stored_like_through_the_api(as_user):
    client = as_user("st_crm")
    response = post_form(client, "/meetings/new", MEETING_FORM)
    assert response.status_code == 302, response.get_data(as_text=True)
    meeting = db.session.scalars(select(Meeting)).one()
    assert meeting.title == "Primera reunión ordinaria"
    assert meeting.agenda == ["Aprobación de la agenda", "Plan de trabajo"]
    assert meeting.consents == {"st_crm": None, "st_rrocm": None, "ppt": None}
    assert meeting.location is None
    assert "Primera reunión ordinaria" in client.get("/meetings").get_data(as_text=True)


def test_in_person_with_only_the_own_consent_is_saved_as_proposed(as_user):
    client = as_user("st_crm")
    form = {**MEETING_FORM, "modality": "in_person", "location": "San José", "consent_own": "on"}
    response = post_form(client, "/meetings/new", form, token_from="/meetings/new")
    assert response.status_code == 302, response.get_data(as_text=True)
    meeting = db.session.scalars(select(Meeting)).one()
    assert meeting.status == "proposed"
    assert meeting.consents == {"st_crm": True, "st_rrocm": None, "ppt": None}


def test_the_new_meeting_form_offers_only_the_own_partys_consent(as_user):
    page = as_user("st_rrocm").get("/meetings/new").get_data(as_text=True)
    assert "ST-RROCM consents" in page or "ST-RROCM da su consentimiento" in page
    assert 'name="consent_st_crm"' not in page
    assert 'name="consent_ppt"' not in page


def test_in_person_without_a_location_is_shown_next_to_the_location_keeping_the_input(as_user):
    client = as_user("st_crm")
    form = {**MEETING_FORM, "modality": "in_person", "location": "", "title": "Con <sede> & \"anexo\""}
    response = post_form(client, "/meetings/new", form, token_from="/meetings/new")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'value="Con &lt;sede&gt; &amp; &#34;anexo&#34;"' in page  # kept, escaped
    assert "presencial" in field_block(page, "location")
    assert meeting_count() == 0


def test_rule_violation_in_english_when_the_page_is_english(as_user):
    client = as_user("st_crm")
    client.get("/meetings/new?lang=en")
    assert post_form(client, "/meetings/new", MEETING_FORM).status_code == 302
    page = post_form(client, "/meetings/new", {**MEETING_FORM, "starts_at": "2027-03-01T10:00",
                                               "ends_at": "2027-03-01T11:00"}).get_data(as_text=True)
    assert "Ordinary meetings are quarterly" in field_block(page, "starts_at")


def test_schema_errors_appear_next_to_their_fields(as_user):
    client = as_user("st_crm")
    form = {**MEETING_FORM, "title": "   ", "starts_at": "mañana", "video_url": "javascript:alert(1)"}
    response = post_form(client, "/meetings/new", form)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Este campo es obligatorio." in field_block(page, "title")
    assert "fecha y hora" in field_block(page, "starts_at")
    assert "dirección web" in field_block(page, "video_url")
    assert 'value="mañana"' in page
    assert 'aria-invalid="true"' in page
    assert "error-summary" in page


def test_r3_second_ordinary_meeting_in_a_quarter_is_shown_on_starts_at(as_user):
    client = as_user("st_crm")
    assert post_form(client, "/meetings/new", MEETING_FORM).status_code == 302
    response = post_form(client, "/meetings/new", {**MEETING_FORM, "starts_at": "2027-03-01T10:00",
                                                  "ends_at": "2027-03-01T11:00"})
    assert response.status_code == 422
    block = field_block(response.get_data(as_text=True), "starts_at")
    assert "Las reuniones ordinarias son trimestrales" in block
    assert "R3" not in block


def _stored(**changes) -> Meeting:
    data = {"kind": "ordinary", "title": "Reunión", "starts_at": NOW.replace(tzinfo=None, year=2027, month=2),
            "ends_at": NOW.replace(tzinfo=None, year=2027, month=2, hour=13), "timezone": "America/Tegucigalpa",
            "modality": "virtual", **changes}
    meeting = create_meeting(data, actor=ACTOR, now=NOW)
    db.session.commit()
    return meeting


def test_edit_with_the_current_version_saves(as_user):
    meeting = _stored()
    client = as_user("st_rrocm")
    page = client.get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
    etag = re.search(r'name="etag" value="([^"]+)"', page).group(1)
    assert etag == f"&#34;meeting-{meeting.id}-v0&#34;"
    form = {**MEETING_FORM, "title": "Reunión reprogramada", "starts_at": "2027-02-11T10:00",
            "ends_at": "2027-02-11T12:00", "etag": f'"meeting-{meeting.id}-v0"'}
    response = post_form(client, f"/meetings/{meeting.id}/edit", form)
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.refresh(meeting)
    assert meeting.title == "Reunión reprogramada"
    assert meeting.sequence == 1


def test_a_stale_edit_says_someone_else_changed_it_and_keeps_the_input(as_user):
    meeting = _stored()
    client = as_user("st_crm")
    update_meeting(meeting, {"title": "Cambiada por otra persona"}, actor=ACTOR, now=NOW)  # someone else, meanwhile
    db.session.commit()
    form = {**MEETING_FORM, "title": "Mi cambio", "etag": f'"meeting-{meeting.id}-v0"'}
    response = post_form(client, f"/meetings/{meeting.id}/edit", form)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Otra persona cambió este registro" in page
    assert 'value="Mi cambio"' in page
    db.session.refresh(meeting)
    assert meeting.title == "Cambiada por otra persona"


def test_an_edit_without_a_version_is_not_applied(as_user):
    meeting = _stored()
    client = as_user("st_crm")
    response = post_form(client, f"/meetings/{meeting.id}/edit", {**MEETING_FORM, "title": "Sin versión"},
                         token_from="/meetings")
    assert response.status_code == 409
    db.session.refresh(meeting)
    assert meeting.title == "Reunión"


def test_cancel_a_meeting_after_a_confirmation_page(as_user):
    meeting = _stored()
    client = as_user("ppt")
    edit = client.get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
    assert f'href="/meetings/{meeting.id}/cancel"' in edit  # a link to the confirmation, not a button that cancels
    confirm = client.get(f"/meetings/{meeting.id}/cancel")
    assert confirm.status_code == 200
    assert 'id="confirm"' in confirm.get_data(as_text=True)
    db.session.refresh(meeting)
    assert meeting.status == "scheduled"  # asking is not cancelling
    response = post_form(client, f"/meetings/{meeting.id}/cancel", {"etag": f'"meeting-{meeting.id}-v0"'},
                         token_from=f"/meetings/{meeting.id}/cancel")
    assert response.status_code == 302
    db.session.refresh(meeting)
    assert meeting.status == "cancelled"


def test_unknown_meeting_is_an_html_404(as_user):
    response = as_user("st_crm").get("/meetings/999/edit")
    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_each_signed_in_party_consents_with_its_own_button(as_user):
    meeting = _stored(kind="extraordinary")
    assert meeting.status == "proposed"
    for party in ("st_crm", "st_rrocm", "ppt"):
        client = as_user(party)
        page = client.get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
        assert 'id="consent-yes"' in page
        response = post_form(client, f"/meetings/{meeting.id}/consent", {"consent": "yes"},
                             token_from=f"/meetings/{meeting.id}/edit")
        assert response.status_code == 302
    db.session.refresh(meeting)
    assert meeting.status == "scheduled"
    assert [(r.party, r.consent, r.by) for r in meeting.consent_records] == [
        ("st_crm", True, "st_crm@example.org"), ("st_rrocm", True, "st_rrocm@example.org"),
        ("ppt", True, "ppt@example.org")]


def test_a_refusal_through_the_page_is_recorded_and_shown(as_user):
    meeting = _stored(kind="extraordinary")
    client = as_user("st_rrocm")
    post_form(client, f"/meetings/{meeting.id}/consent", {"consent": "no"}, token_from=f"/meetings/{meeting.id}/edit")
    db.session.refresh(meeting)
    assert meeting.consents["st_rrocm"] is False
    page = client.get(f"/meetings/{meeting.id}/edit").get_data(as_text=True)
    panel = page[page.index('id="consent-panel"'):]
    assert "Oficial st_rrocm (ST-RROCM)" in panel  # the person by name and party, not their address
    assert "st_rrocm@example.org" not in panel


def test_a_form_refused_because_the_record_changed_meanwhile_answers_409_and_any_other_refusal_422():
    from service.web.forms import FieldErrors

    stale, invalid = FieldErrors(), FieldErrors()
    stale.add("_stale", "changed meanwhile")
    invalid.add("title", "required")
    assert (stale.status, invalid.status) == (409, 422)
