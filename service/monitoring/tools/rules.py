"""Monitoring tools (issue 17) as plain rules: question types and answers, the states of a tool and of a
country's response, who may read or write a response, where each country stands, and when reminders are due.

No Flask, no ORM: the operations pass plain values (states, dates, the actor) and store what these return.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from schemas.fields import text_problem
from service.auth.principals import Principal
from service.common.i18n import N_
from service.errors import Conflict, NotPermitted, RuleViolation


class ToolState(StrEnum):
    DRAFT = "draft"  # the parties are writing the questions
    OPEN = "open"  # member countries answer
    CLOSED = "closed"  # frozen: nothing changes any more


class QuestionType(StrEnum):
    STATUS = "status"  # implementation status, one of ImplementationStatus
    NUMBER = "number"  # a decimal, in the question's unit
    BOOLEAN = "boolean"  # yes / no
    TEXT = "text"


class ImplementationStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"
    NOT_APPLICABLE = "not_applicable"


class ResponseState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CLARIFICATION_REQUESTED = "clarification_requested"  # reopened by the parties with a question


class ResponseAction(StrEnum):
    SAVE = "save"  # the country saves answers
    SUBMIT = "submit"  # the country submits them
    REQUEST_CLARIFICATION = "request_clarification"  # the parties reopen a submitted response


class Standing(StrEnum):
    """Where a country stands on a tool, as the dashboard and the portal show it."""

    SUBMITTED = "submitted"
    SUBMITTED_LATE = "submitted_late"
    WAITING = "waiting"  # not submitted, due date not passed
    LATE = "late"  # not submitted, due date passed
    CLARIFICATION_REQUESTED = "clarification_requested"


KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
MAX_QUESTIONS = 60
MAX_TEXT_ANSWER = 5000
MAX_NUMBER = Decimal("1e15")


@dataclass(frozen=True)
class Question:
    key: str
    type: str
    unit: str | None = None


def check_questions(questions: list[Mapping[str, Any]]) -> None:
    """At least one question, at most MAX_QUESTIONS, keys unique and readable, a unit (Spanish, and its English
    `unit_en`) only on numbers."""
    if not questions:
        raise RuleViolation(N_("A monitoring tool needs at least one question."), field="questions")
    if len(questions) > MAX_QUESTIONS:
        raise RuleViolation(N_("A monitoring tool has at most %(max)s questions."), params={"max": MAX_QUESTIONS},
                            field="questions")
    seen: set[str] = set()
    for index, question in enumerate(questions):
        key = question["key"]
        if not KEY.fullmatch(key):
            raise RuleViolation(N_("Question %(index)s: a key is lower-case letters, digits and _ (at most 40), "
                                   "starting with a letter; %(key)r is not."),
                                params={"index": index, "key": key}, field=f"questions.{index}.key")
        if key in seen:
            raise RuleViolation(N_("Question %(index)s: the key %(key)r is used twice."),
                                params={"index": index, "key": key}, field=f"questions.{index}.key")
        seen.add(key)
        for name in ("unit", "unit_en"):
            if question.get(name) and question["type"] != QuestionType.NUMBER:
                raise RuleViolation(N_("Question %(index)s: only number questions have a unit."),
                                    params={"index": index}, field=f"questions.{index}.{name}")


def check_dates(opens_on: date, due_on: date) -> None:
    if due_on < opens_on:
        raise RuleViolation(N_("The due date (%(due_on)s) comes before the opening date (%(opens_on)s)."),
                            params={"due_on": due_on, "opens_on": opens_on}, field="due_on")


def check_tool_editable(state: str, *, questions_changed: bool, responses: int) -> None:
    """A closed tool is frozen; its questions change only while no country has answered."""
    if state == ToolState.CLOSED:
        raise Conflict(N_("The monitoring tool is closed; nothing in it changes any more."), field="state")
    if questions_changed and responses:
        raise Conflict(N_("%(count)s member countries have answered; the questions cannot change any more."),
                       params={"count": responses}, field="questions")


_TOOL_MOVES = {(ToolState.DRAFT, ToolState.OPEN), (ToolState.OPEN, ToolState.CLOSED)}


def tool_transition(state: str, to: str) -> ToolState:
    """draft → open → closed, nothing else."""
    if (state, to) not in _TOOL_MOVES:
        raise Conflict(N_("A monitoring tool goes draft → open → closed; it is %(state)s, not ready to be %(to)s."),
                       params={"state": state, "to": to}, field="state")
    return ToolState(to)


def check_answer(question: Question, value: Any) -> Any:
    """The answer as stored (the question's official type), or a RuleViolation on `answers.<key>`.
    None clears an answer in a draft. Numbers are kept as decimal text: a JSON column would round a float."""
    field = f"answers.{question.key}"
    if value is None:
        return None
    if question.type == QuestionType.STATUS:
        if not isinstance(value, str) or value not in {s.value for s in ImplementationStatus}:
            raise RuleViolation(N_("%(key)s: an implementation status is one of %(choices)s."),
                                params={"key": question.key, "choices": [s.value for s in ImplementationStatus]},
                                field=field)
        return value
    if question.type == QuestionType.NUMBER:
        try:
            number = Decimal(str(value)) if isinstance(value, int | float | str) and not isinstance(value, bool) \
                else None
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or abs(number) >= MAX_NUMBER:
            raise RuleViolation(N_("%(key)s: write a number (like 12 or 12.5)."), params={"key": question.key},
                                field=field)
        return str(number)
    if question.type == QuestionType.BOOLEAN:
        if not isinstance(value, bool):
            raise RuleViolation(N_("%(key)s: answer true (yes) or false (no)."), params={"key": question.key},
                                field=field)
        return value
    if not isinstance(value, str) or len(value) > MAX_TEXT_ANSWER:
        raise RuleViolation(N_("%(key)s: write text of at most %(max)s characters."),
                            params={"key": question.key, "max": MAX_TEXT_ANSWER}, field=field)
    problem = text_problem(value, multiline=True)
    if problem:  # the answer travels into the report (Word, PDF): the characters it cannot carry are refused
        raise RuleViolation(N_("%(key)s: %(problem)s"), params={"key": question.key, "problem": problem},
                            field=field)
    return value.replace("\r\n", "\n").strip() or None


def check_answers(questions: Iterable[Question], answers: Mapping[str, Any]) -> dict[str, Any]:
    """Every answer checked against its question; unknown keys are refused, cleared answers left out."""
    by_key = {q.key: q for q in questions}
    unknown = sorted(set(answers) - set(by_key))
    if unknown:
        raise RuleViolation(N_("No question with the key(s) %(keys)s; the questions are %(choices)s."),
                            params={"keys": unknown, "choices": list(by_key)}, field="answers")
    checked = {key: check_answer(by_key[key], value) for key, value in answers.items()}
    return {key: value for key, value in checked.items() if value is not None}


def missing_answers(questions: Iterable[Question], answers: Mapping[str, Any]) -> list[str]:
    return [q.key for q in questions if answers.get(q.key) is None]


_RESPONSE_MOVES = {
    (None, ResponseAction.SAVE): ResponseState.DRAFT,
    (ResponseState.DRAFT, ResponseAction.SAVE): ResponseState.DRAFT,
    (ResponseState.CLARIFICATION_REQUESTED, ResponseAction.SAVE): ResponseState.CLARIFICATION_REQUESTED,
    (None, ResponseAction.SUBMIT): ResponseState.SUBMITTED,
    (ResponseState.DRAFT, ResponseAction.SUBMIT): ResponseState.SUBMITTED,
    (ResponseState.CLARIFICATION_REQUESTED, ResponseAction.SUBMIT): ResponseState.SUBMITTED,
    (ResponseState.SUBMITTED, ResponseAction.REQUEST_CLARIFICATION): ResponseState.CLARIFICATION_REQUESTED,
}


def response_transition(current: str | None, action: str, *, tool_state: str) -> ResponseState:
    """The one place a response changes state: only while the tool is open, and after submitting only
    through the parties' request for clarification."""
    if tool_state != ToolState.OPEN:
        raise Conflict(N_("The monitoring tool is %(state)s: responses change only while it is open."),
                       params={"state": tool_state}, field="state")
    found = _RESPONSE_MOVES.get((ResponseState(current) if current else None, ResponseAction(action)))
    if found is None:
        if current == ResponseState.SUBMITTED:
            raise Conflict(N_("The response was submitted; it changes only if the parties reopen it with a "
                              "request for clarification."), field="state")
        raise Conflict(N_("Only a submitted response can be reopened for clarification (this one is %(state)s)."),
                       params={"state": current or "not started"}, field="state")
    return found


def check_may_answer(principal: Principal, country: str) -> None:
    """Only the member country itself writes its response (its token or a signed-in account of it)."""
    if principal.is_party or principal.country != country:
        raise NotPermitted(N_("Only %(country)s answers for %(country)s; this token is %(actor)s."),
                           params={"country": country, "actor": principal.label}, field="country")


def check_may_read(principal: Principal, country: str) -> None:
    """The parties read every response; a member country reads only its own."""
    if not principal.is_party and principal.country != country:
        raise NotPermitted(N_("The response of %(country)s is read by %(country)s and the parties only; this "
                              "token is %(actor)s."), params={"country": country, "actor": principal.label},
                           field="country")


def standing(state: str | None, *, due_on: date, submitted_on: date | None, today: date) -> Standing:
    if state == ResponseState.CLARIFICATION_REQUESTED:
        return Standing.CLARIFICATION_REQUESTED
    if state == ResponseState.SUBMITTED:
        late = submitted_on is not None and submitted_on > due_on
        return Standing.SUBMITTED_LATE if late else Standing.SUBMITTED
    return Standing.LATE if today > due_on else Standing.WAITING


class ReminderKind(StrEnum):
    WEEK = "week"
    DAY = "day"


REMINDER_LEAD = {ReminderKind.WEEK: timedelta(days=7), ReminderKind.DAY: timedelta(days=1)}


def reminder_due(due_on: date, today: date) -> ReminderKind | None:
    """The reminder a country that has not submitted gets today: a week before the due date (or from then on,
    if the daily run missed that day), a day before (or on the day itself). Past the due date: none (late)."""
    if today > due_on:
        return None
    if today >= due_on - REMINDER_LEAD[ReminderKind.DAY]:
        return ReminderKind.DAY
    if today >= due_on - REMINDER_LEAD[ReminderKind.WEEK]:
        return ReminderKind.WEEK
    return None
