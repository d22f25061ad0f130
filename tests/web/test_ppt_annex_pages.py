"""The incoming PPT's page (issue 11): its work plan uploaded beside its concept note (same gate; the concept
note says the language it is written in), and the feedback tied to the pre-PPT meeting where it is discussed."""

from __future__ import annotations

import io
from datetime import date, datetime

from sqlalchemy import select

from service.documents.annexes import PPT_WORK_PLAN, current_annex, current_concept_note
from service.extensions import db
from service.meetings.operations import create_meeting
from service.ppt.feedback_models import PptFeedback
from tests.conftest import ACTOR, NOW
from tests.web.conftest import csrf_token, post_form
from tests.web.followup_helpers import stored_term
from tests.web.test_feedback_pages import FORM, small_pdf
from tests.web.test_meeting_forms import field_block


def send(client, term_id: int, what: str, content: bytes, name: str, **fields):
    path = f"/ppt-terms/{term_id}/feedback"
    return client.post(f"/ppt-terms/{term_id}/{what}", content_type="multipart/form-data",
                       data={"csrf_token": csrf_token(client, path), "file": (io.BytesIO(content), name), **fields})


def test_the_incoming_ppts_work_plan_is_uploaded_beside_its_concept_note(as_user):
    term = stored_term()
    client = as_user("st_crm")
    page = client.get(f"/ppt-terms/{term.id}/feedback").get_data(as_text=True)
    assert f'action="/ppt-terms/{term.id}/work-plan"' in page
    assert "Todavía no se ha subido el plan de trabajo." in page
    pdf = small_pdf()
    response = send(client, term.id, "work-plan", pdf, "Plan de trabajo PA.pdf")
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith("#ppt-work-plan")
    assert current_annex(PPT_WORK_PLAN, term.id).original_name == "Plan de trabajo PA.pdf"
    assert current_concept_note(term.id) is None  # the other annex is untouched
    page = client.get(f"/ppt-terms/{term.id}/feedback").get_data(as_text=True)
    assert f'href="/ppt-terms/{term.id}/work-plan">Plan de trabajo PA.pdf</a>' in page
    assert client.get(f"/ppt-terms/{term.id}/work-plan").data == pdf


def test_a_work_plan_that_is_no_pdf_is_refused_next_to_its_own_file_field(as_user):
    term = stored_term()
    response = send(as_user("st_crm"), term.id, "work-plan", b"just text", "plan.txt")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "plan de trabajo" in field_block(page, "ppt-work-plan-file")
    assert "field-errors" not in field_block(page, "concept-note-file")


def test_the_concept_note_records_the_language_it_is_written_in(as_user):
    term = stored_term()
    client = as_user("st_crm")
    assert 'id="concept-note-language"' in client.get(f"/ppt-terms/{term.id}/feedback").get_data(as_text=True)
    assert send(client, term.id, "concept-note", small_pdf(), "note.pdf", language="en").status_code == 302
    assert current_concept_note(term.id).language == "en"


def test_the_feedback_names_the_pre_ppt_meeting_where_it_is_discussed(as_user):
    term = stored_term(starts_on=date(2027, 7, 1))
    meeting = create_meeting({"kind": "pre_ppt", "title": "Reunión pre-PPT", "starts_at": datetime(2027, 4, 20, 10),
                              "ends_at": datetime(2027, 4, 20, 12), "timezone": "America/Panama",
                              "modality": "virtual", "ppt_term_id": term.id}, actor=ACTOR, now=NOW)
    db.session.commit()
    client = as_user("st_crm")
    path = f"/ppt-terms/{term.id}/feedback"
    page = client.get(path).get_data(as_text=True)
    assert f'<option value="{meeting.id}"' in field_block(page, "meeting_id")
    response = post_form(client, path, {**FORM, "meeting_id": str(meeting.id)})
    assert response.status_code == 302, response.get_data(as_text=True)
    feedback = db.session.scalars(select(PptFeedback)).one()
    assert feedback.meeting_id == meeting.id
    assert feedback.meeting_on == date(2027, 4, 20)
    page = client.get(path).get_data(as_text=True)
    assert f'<option value="{meeting.id}" selected' in page
