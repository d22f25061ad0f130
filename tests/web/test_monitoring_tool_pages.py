"""The portal's monitoring questionnaires (issue 17): a country user answers its own, saves a draft, submits,
and sees the parties' request for clarification; every field has its label, bad answers are named."""

from __future__ import annotations

import re
from datetime import date

from service.extensions import db
from service.monitoring.operations import create_instrument
from service.monitoring.tools.models import MonitoringResponse
from service.monitoring.tools.operations import create_tool, move_tool, request_clarification
from tests.conftest import ACTOR, NOW
from tests.monitoring.tools_factories import QUESTIONS
from tests.web.conftest import csrf_token, post_form

FILLED = {"answers.status": "in_progress", "answers.officials_trained": "12.5", "answers.focal_point": "true",
          "answers.notes": "Protocolo en revisión", "comment": ""}


def open_tool(questions: list[dict] = QUESTIONS) -> int:
    instrument = create_instrument({"title_es": "Guía regional", "title_en": "Regional guide", "kind": "guide"},
                                   actor=ACTOR, now=NOW)
    tool = create_tool({"instrument_id": instrument.id, "period": "2026", "opens_on": date(2026, 11, 1),
                        "due_on": date(2026, 12, 15), "questions": questions}, actor=ACTOR, now=NOW)
    move_tool(tool, "open", actor=ACTOR, now=NOW)
    db.session.commit()
    return tool.id


def stored(country: str) -> MonitoringResponse | None:
    db.session.expire_all()
    return db.session.scalar(db.select(MonitoringResponse).where(MonitoringResponse.country == country))


def test_a_country_saves_a_draft_then_submits_through_the_portal(as_user):
    tool_id = open_tool()
    client = as_user("HN")
    listing = client.get("/portal/monitoring").get_data(as_text=True)
    assert "Guía regional" in listing
    page = client.get(f"/portal/monitoring/{tool_id}").get_data(as_text=True)
    for question in QUESTIONS:
        assert f'<label for="answers-{question["key"]}">' in page
    saved = post_form(client, f"/portal/monitoring/{tool_id}", {**FILLED, "action": "save"})
    assert saved.status_code == 302, saved.get_data(as_text=True)
    assert (stored("HN").state, stored("HN").answers["officials_trained"]) == ("draft", "12.5")
    submitted = post_form(client, f"/portal/monitoring/{tool_id}", {**FILLED, "action": "submit"})
    assert submitted.status_code == 302
    assert stored("HN").state == "submitted"
    after = client.get(f"/portal/monitoring/{tool_id}").get_data(as_text=True)
    assert "<form method=\"post\" class=\"form\"" not in after  # submitted: read only
    assert "12.5" in after


def test_the_questionnaire_and_the_submitted_answers_show_the_unit_in_the_countrys_language(as_user):
    tool_id = open_tool([{**q, "unit_en": "people"} if q["type"] == "number" else q for q in QUESTIONS])
    client = as_user("HN")
    english = client.get(f"/portal/monitoring/{tool_id}?lang=en").get_data(as_text=True)
    assert "Officials trained (people)" in english
    spanish = client.get(f"/portal/monitoring/{tool_id}?lang=es").get_data(as_text=True)
    assert "Funcionarios capacitados (personas)" in spanish
    assert post_form(client, f"/portal/monitoring/{tool_id}", {**FILLED, "action": "submit"}).status_code == 302
    assert "12.5 personas" in client.get(f"/portal/monitoring/{tool_id}").get_data(as_text=True)
    assert "12.5 people" in client.get(f"/portal/monitoring/{tool_id}?lang=en").get_data(as_text=True)


def test_a_wrong_answer_is_named_next_to_its_field_and_nothing_is_saved(as_user):
    tool_id = open_tool()
    client = as_user("BZ")
    response = post_form(client, f"/portal/monitoring/{tool_id}", {**FILLED, "answers.officials_trained": "doce",
                                                                   "action": "save"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'href="#answers-officials_trained"' in page
    assert 'value="doce"' in page
    assert stored("BZ") is None


def test_the_parties_question_shows_on_the_portal_and_the_country_answers_again(as_user):
    tool_id = open_tool()
    client = as_user("HN")
    post_form(client, f"/portal/monitoring/{tool_id}", {**FILLED, "action": "submit"})
    tool = db.session.get(MonitoringResponse, stored("HN").id).tool
    request_clarification(tool, "HN", "¿Incluye personal consular?", actor=ACTOR, now=NOW)
    db.session.commit()
    page = client.get(f"/portal/monitoring/{tool_id}").get_data(as_text=True)
    assert "¿Incluye personal consular?" in page
    again = post_form(client, f"/portal/monitoring/{tool_id}", {**FILLED, "answers.officials_trained": "14",
                                                                "action": "submit"})
    assert again.status_code == 302
    assert (stored("HN").state, stored("HN").answers["officials_trained"]) == ("submitted", "14")


def test_the_secretariat_reads_the_questionnaire_but_cannot_answer_for_a_country(as_user):
    tool_id = open_tool()
    client = as_user("st_crm")
    assert client.get(f"/portal/monitoring/{tool_id}").status_code == 200
    assert post_form(client, f"/portal/monitoring/{tool_id}", {**FILLED, "action": "save"}).status_code == 403


def test_the_dashboard_shows_who_answered_who_is_late_and_what_waits_for_clarification(as_user, clock):
    from datetime import UTC, datetime

    tool_id = open_tool()
    client = as_user("HN")
    post_form(client, f"/portal/monitoring/{tool_id}", {**FILLED, "action": "submit"})
    tool = db.session.get(MonitoringResponse, stored("HN").id).tool
    request_clarification(tool, "HN", "¿Incluye personal consular?", actor=ACTOR, now=NOW)
    db.session.commit()
    clock.at = datetime(2026, 12, 16, 12, tzinfo=UTC)  # the day after the due date
    client.get("/sign-out")
    page = as_user("st_crm").get("/dashboard").get_data(as_text=True)
    assert "Monitoring questionnaires" in page or "Cuestionarios de monitoreo" in page
    section = page.split('id="questionnaires-title"')[1].split("</section>")[0]
    assert "0 of 11" in section or "0 de 11" in section
    assert "Honduras" in section.split("clarification:" if "clarification:" in section else "aclaración:")[1]
    assert "Belice" in section or "Belize" in section  # late


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def upload(client, tool_id: int, content: bytes, name: str):
    from io import BytesIO
    token = csrf_token(client, f"/portal/monitoring/{tool_id}")
    return client.post(f"/portal/monitoring/{tool_id}/evidence", content_type="multipart/form-data",
                       data={"csrf_token": token, "file": (BytesIO(content), name)})


def test_a_country_uploads_evidence_with_its_answers_and_the_parties_open_it(as_user):
    tool_id = open_tool()
    client = as_user("HN")
    page = client.get(f"/portal/monitoring/{tool_id}").get_data(as_text=True)
    assert '<label for="evidence-file">' in page
    assert 'enctype="multipart/form-data"' in page
    uploaded = upload(client, tool_id, PDF, "protocolo.pdf")
    assert uploaded.status_code == 302, uploaded.get_data(as_text=True)
    page = client.get(f"/portal/monitoring/{tool_id}").get_data(as_text=True)
    assert "protocolo.pdf" in page
    link = re.search(r'href="(/portal/monitoring/\d+/evidence/\d+)"', page).group(1)
    assert client.get(link).data == PDF
    assert stored("HN").state == "draft"  # the upload saves the draft; the answers are still to come
    client.post("/sign-out", data={"csrf_token": csrf_token(client, "/portal/monitoring")})
    party = as_user("st_crm")
    tool_page = party.get(f"/monitoring/tools/{tool_id}").get_data(as_text=True)
    party_link = re.search(r'href="(/monitoring/tools/\d+/responses/HN/evidence/\d+)"', tool_page).group(1)
    assert party.get(party_link).data == PDF


def test_a_file_the_upload_gate_refuses_is_named_next_to_the_file_field(as_user):
    tool_id = open_tool()
    client = as_user("BZ")
    refused = upload(client, tool_id, b"MZ\x90\x00 not a pdf", "informe.pdf")
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert 'id="evidence-file-error"' in page or 'class="field-errors"' in page
    assert 'aria-invalid="true"' in page
    assert stored("BZ") is None  # nothing half-written
    empty = upload(client, tool_id, b"", "")
    assert empty.status_code == 422


def test_another_country_cannot_open_a_countrys_evidence(as_user):
    tool_id = open_tool()
    honduras = as_user("HN")
    upload(honduras, tool_id, PDF, "protocolo.pdf")
    link = re.search(r'href="(/portal/monitoring/\d+/evidence/\d+)"',
                     honduras.get(f"/portal/monitoring/{tool_id}").get_data(as_text=True)).group(1)
    honduras.post("/sign-out", data={"csrf_token": csrf_token(honduras, "/portal/monitoring")})
    belize = as_user("BZ")
    assert belize.get(link).status_code == 404
