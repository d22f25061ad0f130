"""The parties' pages for the monitoring tools (issue 17): define a questionnaire with its questions in both
languages, edit it while no member country has answered, open and close it through the confirmation page, see
every country's response state and reopen a submitted response with a question."""

from __future__ import annotations

import html
import re
from datetime import date

from service.auth.principals import Principal
from service.extensions import db
from service.monitoring.operations import create_instrument
from service.monitoring.tools.models import MonitoringResponse, MonitoringTool
from service.monitoring.tools.operations import create_tool, move_tool, save_response, submit_response
from tests.conftest import ACTOR, NOW
from tests.monitoring.tools_factories import ANSWERS, QUESTIONS
from tests.web.conftest import post_form

FORM = {"period": "2026", "opens_on": "2026-11-01", "due_on": "2026-12-15",
        "questions-0-key": "status", "questions-0-text_es": "¿En qué estado está?",
        "questions-0-text_en": "What is its state?", "questions-0-type": "status",
        "questions-1-key": "trained", "questions-1-text_es": "Funcionarios capacitados",
        "questions-1-text_en": "Officials trained", "questions-1-type": "number", "questions-1-unit": "personas",
        "questions-1-unit_en": "people", "questions-1-indicator": "Capacitación consular"}


def instrument_id() -> int:
    instrument = create_instrument({"title_es": "Guía regional", "title_en": "Regional guide", "kind": "guide"},
                                   actor=ACTOR, now=NOW)
    db.session.commit()
    return instrument.id


def a_tool(*, open_it: bool = False) -> MonitoringTool:
    tool = create_tool({"instrument_id": instrument_id(), "period": "2026", "opens_on": date(2026, 11, 1),
                        "due_on": date(2026, 12, 15), "questions": QUESTIONS}, actor=ACTOR, now=NOW)
    if open_it:
        move_tool(tool, "open", actor=ACTOR, now=NOW)
    db.session.commit()
    return tool


def etag(client, path: str) -> str:
    """The version the edit form was shown with (its hidden field), as a browser sends it back."""
    page = client.get(path).get_data(as_text=True)
    return html.unescape(re.search(r'name="etag" value="([^"]+)"', page).group(1))


def fresh(tool_id: int) -> MonitoringTool:
    db.session.expire_all()
    return db.session.get(MonitoringTool, tool_id)


def test_a_party_defines_a_tool_with_its_questions_in_both_languages(as_user):
    client = as_user("st_crm")
    page = client.get("/monitoring/tools/new").get_data(as_text=True)
    for field in ("questions-0-key", "questions-0-text_es", "questions-0-text_en", "questions-0-type",
                  "questions-0-unit", "questions-0-unit_en", "questions-0-indicator", "instrument_id", "opens_on",
                  "due_on"):
        assert f'<label for="{field}"' in page
    response = post_form(client, "/monitoring/tools/new", {**FORM, "instrument_id": str(instrument_id())})
    assert response.status_code == 302, response.get_data(as_text=True)
    tool = db.session.scalar(db.select(MonitoringTool))
    assert (tool.state, tool.period, [q.key for q in tool.questions]) == ("draft", "2026", ["status", "trained"])
    assert (tool.questions[1].text_en, tool.questions[1].unit, tool.questions[1].unit_en,
            tool.questions[1].indicator) == ("Officials trained", "personas", "people", "Capacitación consular")
    assert tool.questions[0].unit_en is None  # an empty field is no unit
    listing = client.get("/monitoring/tools").get_data(as_text=True)
    assert "Guía regional" in listing


def test_the_tool_page_shows_a_number_questions_unit_in_the_pages_language(as_user):
    response = post_form(as_user("st_crm"), "/monitoring/tools/new", {**FORM, "instrument_id": str(instrument_id())})
    client = as_user("st_rrocm")
    page = client.get(response.headers["Location"] + "?lang=es").get_data(as_text=True)
    assert "(personas)" in page
    assert "(people)" not in page
    page = client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert "(people)" in page
    assert "(personas)" not in page
    edit = client.get(response.headers["Location"] + "/edit").get_data(as_text=True)
    assert re.search(r'name="questions-1-unit_en"[^>]*value="people"|value="people"[^>]*name="questions-1-unit_en"',
                     edit)


def test_an_english_unit_on_a_status_question_is_named_next_to_its_field(as_user):
    response = post_form(as_user("st_crm"), "/monitoring/tools/new", {**FORM, "instrument_id": str(instrument_id()),
                                                                      "questions-0-unit_en": "people"})
    assert response.status_code == 422
    assert 'id="questions-0-unit_en-error"' in response.get_data(as_text=True)
    assert db.session.scalar(db.select(MonitoringTool)) is None


def test_a_missing_english_question_is_named_next_to_its_field_and_nothing_is_saved(as_user):
    client = as_user("st_crm")
    response = post_form(client, "/monitoring/tools/new", {**FORM, "instrument_id": str(instrument_id()),
                                                           "questions-1-text_en": ""})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="questions-1-text_en-error"' in page
    assert 'value="Funcionarios capacitados"' in page or "Funcionarios capacitados</textarea>" in page
    assert db.session.scalar(db.select(MonitoringTool)) is None


def test_questions_change_while_no_country_answered_then_only_the_dates(as_user):
    tool = a_tool(open_it=True)
    client = as_user("st_rrocm")
    page = client.get(f"/monitoring/tools/{tool.id}/edit").get_data(as_text=True)
    assert 'value="officials_trained"' in page
    form = {"period": "2026", "opens_on": "2026-11-01", "due_on": "2026-12-20",
            **{f"questions-{i}-{k}": v for i, q in enumerate(QUESTIONS)
               for k, v in {"key": q["key"], "text_es": q["text"]["es"], "text_en": q["text"]["en"],
                            "type": q["type"], "unit": q.get("unit") or "", "unit_en": q.get("unit_en") or "",
                            "indicator": q.get("indicator") or ""}.items()}}
    edit = f"/monitoring/tools/{tool.id}/edit"
    changed = post_form(client, edit, {**form, "questions-3-text_en": "Remarks", "etag": etag(client, edit)})
    assert changed.status_code == 302, changed.get_data(as_text=True)
    assert (fresh(tool.id).questionnaire_version, fresh(tool.id).questions[3].text_en) == (2, "Remarks")
    save_response(fresh(tool.id), "HN", ANSWERS, None, actor=Principal(party=None, country="HN"), now=NOW)
    db.session.commit()
    refused = post_form(client, edit, {**form, "questions-3-text_en": "Other", "etag": etag(client, edit)})
    assert refused.status_code in (409, 422)
    assert fresh(tool.id).questions[3].text_en == "Remarks"
    dates = post_form(client, edit, {**form, "questions-3-text_en": "Remarks", "due_on": "2026-12-22",
                                     "etag": etag(client, edit)})
    assert dates.status_code == 302, dates.get_data(as_text=True)
    assert fresh(tool.id).due_on == date(2026, 12, 22)


def test_opening_and_closing_go_through_the_confirmation_page(as_user):
    tool = a_tool()
    client = as_user("st_crm")
    confirm = client.get(f"/monitoring/tools/{tool.id}/open").get_data(as_text=True)
    assert '<ul class="consequences">' in confirm  # what opening does, before the one button
    assert 'id="confirm"' in confirm
    assert client.get(f"/monitoring/tools/{tool.id}/open").status_code == 200
    assert fresh(tool.id).state == "draft"  # GET never writes
    opening = f"/monitoring/tools/{tool.id}/open"
    assert post_form(client, opening, {"etag": etag(client, opening)}).status_code == 302
    assert fresh(tool.id).state == "open"
    again = client.get(f"/monitoring/tools/{tool.id}/open").get_data(as_text=True)
    assert 'class="notice warning"' in again
    assert 'id="confirm"' not in again
    closing = f"/monitoring/tools/{tool.id}/close"
    assert post_form(client, closing, {"etag": etag(client, closing)}).status_code == 302
    assert fresh(tool.id).state == "closed"
    page = client.get(f"/monitoring/tools/{tool.id}").get_data(as_text=True)
    assert f"/monitoring/tools/{tool.id}/edit" not in page


def test_the_tool_page_shows_each_country_and_a_submitted_response_can_be_reopened_with_a_question(as_user):
    tool = a_tool(open_it=True)
    honduras = Principal(party=None, country="HN")
    save_response(tool, "HN", ANSWERS, None, actor=honduras, now=NOW)
    submit_response(tool, "HN", actor=honduras, now=NOW)
    db.session.commit()
    client = as_user("ppt")
    page = client.get(f"/monitoring/tools/{tool.id}").get_data(as_text=True)
    assert "Honduras" in page
    assert "Belice" in page or "Belize" in page  # every member country, answered or not
    url = f"/monitoring/tools/{tool.id}/responses/HN/clarification"
    assert url in page
    confirm = client.get(url).get_data(as_text=True)
    assert '<label for="reason">' in confirm
    assert 'name="reason"' in confirm
    empty = post_form(client, url, {"reason": "  "})
    assert empty.status_code == 422
    assert post_form(client, url, {"reason": "¿Incluye personal consular?"}).status_code == 302
    db.session.expire_all()
    response = db.session.scalar(db.select(MonitoringResponse).where(MonitoringResponse.country == "HN"))
    assert (response.state, response.clarification_question) == ("clarification_requested",
                                                                 "¿Incluye personal consular?")


def test_a_member_country_cannot_use_the_parties_pages(as_user):
    tool = a_tool(open_it=True)
    client = as_user("HN")
    assert client.get("/monitoring/tools").status_code in (302, 403)
    closing = post_form(client, f"/monitoring/tools/{tool.id}/close", {}, token_from="/portal/monitoring")
    assert closing.status_code in (302, 403)
    assert fresh(tool.id).state == "open"
