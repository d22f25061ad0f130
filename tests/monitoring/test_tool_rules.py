"""Monitoring tools as plain rules: answers by question type, the states of tools and responses, who may
answer or read, where a country stands, when a reminder is due. No Flask, no database."""

from __future__ import annotations

from datetime import date

import pytest

from service.auth.principals import Principal
from service.errors import Conflict, NotPermitted, RuleViolation
from service.monitoring.tools.rules import (
    Question,
    ReminderKind,
    Standing,
    check_answer,
    check_answers,
    check_may_answer,
    check_may_read,
    check_questions,
    check_tool_editable,
    reminder_due,
    response_transition,
    standing,
    tool_transition,
)

STATUS, NUMBER, YES_NO, TEXT = (Question("s", "status"), Question("n", "number", "%"), Question("b", "boolean"),
                                Question("t", "text"))


@pytest.mark.parametrize(("question", "given", "stored"), [
    (STATUS, "implemented", "implemented"), (STATUS, "not_applicable", "not_applicable"),
    (NUMBER, 12, "12"), (NUMBER, 12.5, "12.5"), (NUMBER, "0.10", "0.10"),
    (YES_NO, False, False), (TEXT, "  Hecho  ", "Hecho"), (TEXT, "", None), (STATUS, None, None),
])
def test_answers_are_stored_as_their_question_type(question, given, stored):
    assert check_answer(question, given) == stored


@pytest.mark.parametrize(("question", "given"), [
    (STATUS, "done"), (STATUS, 1), (STATUS, {"a": 1}), (STATUS, ["implemented"]),
    (NUMBER, "doce"), (NUMBER, [1]), (NUMBER, True), (NUMBER, "NaN"), (NUMBER, "1e30"),
    (YES_NO, "yes"), (YES_NO, 1), (TEXT, 5), (TEXT, "a\x00b"), (TEXT, "\ud800"),
])
def test_an_answer_of_the_wrong_type_is_refused_naming_its_key(question, given):
    with pytest.raises(RuleViolation) as refused:
        check_answer(question, given)
    assert refused.value.field == f"answers.{question.key}"


def test_answers_to_unknown_questions_are_refused_and_cleared_answers_left_out():
    with pytest.raises(RuleViolation) as refused:
        check_answers([STATUS], {"s": "implemented", "zz": 1})
    assert "zz" in refused.value.message
    assert check_answers([STATUS, TEXT], {"s": "implemented", "t": None}) == {"s": "implemented"}


@pytest.mark.parametrize("questions", [
    [], [{"key": "A b", "type": "text"}], [{"key": "a", "type": "text"}, {"key": "a", "type": "status"}],
    [{"key": "a", "type": "text", "unit": "kg"}],
])
def test_questionnaires_need_unique_readable_keys_and_units_only_on_numbers(questions):
    with pytest.raises(RuleViolation):
        check_questions(questions)


def test_an_english_unit_is_allowed_only_on_number_questions_and_the_refusal_names_it():
    check_questions([{"key": "n", "type": "number", "unit": "personas", "unit_en": "people"},
                     {"key": "m", "type": "number", "unit": "%", "unit_en": None},
                     {"key": "s", "type": "status", "unit_en": ""}])
    with pytest.raises(RuleViolation) as refused:
        check_questions([{"key": "n", "type": "number", "unit": "personas"},
                         {"key": "s", "type": "status", "unit_en": "people"}])
    assert refused.value.field == "questions.1.unit_en"


def test_a_tool_goes_draft_open_closed_and_nothing_else():
    assert tool_transition("draft", "open") == "open"
    assert tool_transition("open", "closed") == "closed"
    for state, to in (("draft", "closed"), ("closed", "open"), ("open", "draft"), ("open", "open")):
        with pytest.raises(Conflict):
            tool_transition(state, to)


def test_a_closed_tool_is_frozen_and_questions_change_only_before_any_answer():
    check_tool_editable("open", questions_changed=True, responses=0)
    check_tool_editable("open", questions_changed=False, responses=3)
    with pytest.raises(Conflict):
        check_tool_editable("open", questions_changed=True, responses=1)
    with pytest.raises(Conflict):
        check_tool_editable("closed", questions_changed=False, responses=0)


def test_responses_go_draft_submitted_clarification_submitted_while_the_tool_is_open():
    state = response_transition(None, "save", tool_state="open")
    assert state == "draft"
    state = response_transition(state, "submit", tool_state="open")
    assert state == "submitted"
    with pytest.raises(Conflict):
        response_transition(state, "save", tool_state="open")
    state = response_transition(state, "request_clarification", tool_state="open")
    assert state == "clarification_requested"
    assert response_transition(state, "save", tool_state="open") == "clarification_requested"
    assert response_transition(state, "submit", tool_state="open") == "submitted"
    with pytest.raises(Conflict):
        response_transition("draft", "request_clarification", tool_state="open")
    for tool_state in ("draft", "closed"):
        with pytest.raises(Conflict):
            response_transition("draft", "save", tool_state=tool_state)


def test_only_the_country_itself_answers_and_the_parties_read_every_response():
    honduras, belize, party = Principal(country="HN"), Principal(country="BZ"), Principal(party="st_crm")
    check_may_answer(honduras, "HN")
    check_may_read(honduras, "HN")
    check_may_read(party, "BZ")
    with pytest.raises(NotPermitted) as refused:
        check_may_answer(belize, "HN")
    assert "HN" in refused.value.message
    with pytest.raises(NotPermitted):
        check_may_read(belize, "HN")
    with pytest.raises(NotPermitted):
        check_may_answer(party, "HN")


def test_a_country_stands_waiting_late_submitted_or_submitted_late():
    due = date(2026, 12, 15)
    assert standing(None, due_on=due, submitted_on=None, today=date(2026, 12, 15)) == Standing.WAITING
    assert standing("draft", due_on=due, submitted_on=None, today=date(2026, 12, 16)) == Standing.LATE
    assert standing("submitted", due_on=due, submitted_on=date(2026, 12, 1), today=date(2027, 1, 1)) == (
        Standing.SUBMITTED)
    assert standing("submitted", due_on=due, submitted_on=date(2026, 12, 20), today=date(2027, 1, 1)) == (
        Standing.SUBMITTED_LATE)
    assert standing("clarification_requested", due_on=due, submitted_on=date(2026, 12, 1),
                    today=date(2027, 1, 1)) == Standing.CLARIFICATION_REQUESTED


@pytest.mark.parametrize(("today", "kind"), [
    (date(2026, 12, 7), None), (date(2026, 12, 8), ReminderKind.WEEK), (date(2026, 12, 13), ReminderKind.WEEK),
    (date(2026, 12, 14), ReminderKind.DAY), (date(2026, 12, 15), ReminderKind.DAY), (date(2026, 12, 16), None),
])
def test_reminders_are_due_a_week_and_a_day_before_the_due_date(today, kind):
    assert reminder_due(date(2026, 12, 15), today) == kind
