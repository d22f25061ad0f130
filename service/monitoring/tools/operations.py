"""Monitoring tools and the member countries' responses (issue 17). Every change goes through one function here,
checked by service.monitoring.tools.rules and told in the audit log under the tool; the caller commits."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
from service.common.i18n import N_
from service.documents.annexes import clean_file_name
from service.documents.models import Upload
from service.errors import NotFound, RuleViolation
from service.extensions import db
from service.monitoring.models import Instrument
from service.monitoring.rules import parse_period
from service.monitoring.tools.models import MonitoringQuestion, MonitoringResponse, MonitoringTool
from service.monitoring.tools.rules import (
    Question,
    ResponseAction,
    ResponseState,
    ToolState,
    check_answers,
    check_dates,
    check_may_answer,
    check_questions,
    check_tool_editable,
    missing_answers,
    response_transition,
    tool_transition,
)
from service.reference.operations import country
from service.uploads import gate

EVIDENCE = "monitoring_evidence"  # Upload.purpose; subject_id is the response's id
_TOOL = ("instrument_id", "period", "opens_on", "due_on", "state", "questionnaire_version")
_RESPONSE = ("state", "answers", "comment")


def _subject(tool: MonitoringTool) -> Subject:
    return Subject("monitoring_tool", tool.id)


def questions_of(tool: MonitoringTool) -> list[Question]:
    return [Question(q.key, q.type, q.unit) for q in tool.questions]


def _question_rows(questions: list[dict]) -> list[MonitoringQuestion]:
    check_questions(questions)
    return [MonitoringQuestion(position=index, key=q["key"], text_es=q["text"]["es"], text_en=q["text"]["en"],
                               type=q["type"], unit=q.get("unit"), unit_en=q.get("unit_en"),
                               indicator=q.get("indicator"))
            for index, q in enumerate(questions)]


def _questions_snapshot(tool: MonitoringTool) -> list[dict]:
    return [{"key": q.key, "text": {"es": q.text_es, "en": q.text_en}, "type": q.type, "unit": q.unit,
             "unit_en": q.unit_en, "indicator": q.indicator} for q in tool.questions]


def create_tool(data: dict, *, actor: Principal, now: datetime) -> MonitoringTool:
    if db.session.get(Instrument, data["instrument_id"]) is None:
        raise RuleViolation(N_("No instrument %(id)s."), params={"id": data["instrument_id"]}, field="instrument_id")
    period = parse_period(data["period"])
    check_dates(data["opens_on"], data["due_on"])
    tool = MonitoringTool(instrument_id=data["instrument_id"], period=period.label,
                          period_starts_on=period.starts_on, period_ends_on=period.ends_on,
                          opens_on=data["opens_on"], due_on=data["due_on"], state=ToolState.DRAFT.value,
                          questionnaire_version=1, created_at=now, created_by=actor.label, updated_at=now,
                          questions=_question_rows(data["questions"]))
    db.session.add(tool)
    db.session.flush()
    record(db.session, actor, now, "monitoring_tool.create", _subject(tool),
           diff({}, {**snapshot(tool, _TOOL), "questions": _questions_snapshot(tool)}))
    return tool


def update_tool(tool: MonitoringTool, changes: dict, *, actor: Principal, now: datetime) -> MonitoringTool:
    """Dates and period while not closed; the questions while no country has answered (a new questionnaire
    version each time they change)."""
    new_questions = changes.get("questions")
    questions_changed = new_questions is not None and new_questions != _questions_snapshot(tool)
    check_tool_editable(tool.state, questions_changed=questions_changed, responses=len(tool.responses))
    before = {**snapshot(tool, _TOOL), "questions": _questions_snapshot(tool)}
    if "period" in changes:
        period = parse_period(changes["period"])
        tool.period, tool.period_starts_on, tool.period_ends_on = period.label, period.starts_on, period.ends_on
    check_dates(changes.get("opens_on", tool.opens_on), changes.get("due_on", tool.due_on))
    for name in ("opens_on", "due_on"):
        if name in changes:
            setattr(tool, name, changes[name])
    if questions_changed:
        rows = _question_rows(new_questions)
        tool.questions.clear()
        db.session.flush()  # the old keys go before the new ones arrive (unique per tool)
        tool.questions.extend(rows)
        tool.questionnaire_version += 1
    tool.updated_at = now
    db.session.flush()
    record(db.session, actor, now, "monitoring_tool.update", _subject(tool),
           diff(before, {**snapshot(tool, _TOOL), "questions": _questions_snapshot(tool)}))
    return tool


def move_tool(tool: MonitoringTool, to: str, *, actor: Principal, now: datetime) -> MonitoringTool:
    """Open a draft tool to the member countries, or close an open one (then it is frozen)."""
    before = tool.state
    tool.state = tool_transition(tool.state, to).value
    if tool.state == ToolState.OPEN:
        tool.opened_at = now
    else:
        tool.closed_at = now
    tool.updated_at = now
    db.session.flush()
    record(db.session, actor, now, f"monitoring_tool.{to}", _subject(tool), {"state": [before, tool.state]})
    return tool


def find_response(tool: MonitoringTool, country_code: str) -> MonitoringResponse | None:
    return db.session.scalar(select(MonitoringResponse).where(MonitoringResponse.tool_id == tool.id,
                                                              MonitoringResponse.country == country_code))


def _actor_name(actor: Principal) -> str:
    return actor.user_email or actor.label


def _change_response(tool: MonitoringTool, country_code: str, action: ResponseAction, *, actor: Principal,
                     now: datetime, apply: Any) -> MonitoringResponse:
    """The one path of every change to a response: state rule, the change itself, the audit entry."""
    country(country_code, members_only=True)
    response = find_response(tool, country_code)
    state = response_transition(response.state if response else None, action, tool_state=tool.state)
    if response is None:
        response = MonitoringResponse(tool=tool, country=country_code, answers={}, updated_at=now,
                                      updated_by=actor.label, state=state.value)
        db.session.add(response)
        before: dict = {}
    else:
        before = snapshot(response, _RESPONSE)
    apply(response)
    response.state, response.updated_at, response.updated_by = state.value, now, actor.label
    db.session.flush()
    record(db.session, actor, now, f"monitoring_response.{action.value}", _subject(tool),
           {"country": [country_code, country_code], **diff(before, snapshot(response, _RESPONSE))})
    return response


def save_response(tool: MonitoringTool, country_code: str, answers: dict, comment: str | None, *,
                  actor: Principal, now: datetime) -> MonitoringResponse:
    """The country's draft: answers by question key, each checked as its question's type (PUT replaces)."""
    check_may_answer(actor, country_code)
    checked = check_answers(questions_of(tool), answers)

    def apply(response: MonitoringResponse) -> None:
        response.answers, response.comment = checked, comment

    return _change_response(tool, country_code, ResponseAction.SAVE, actor=actor, now=now, apply=apply)


def submit_response(tool: MonitoringTool, country_code: str, *, actor: Principal,
                    now: datetime) -> MonitoringResponse:
    """Submitted when every question has an answer; it names who submitted it and when."""
    check_may_answer(actor, country_code)
    response = find_response(tool, country_code)
    missing = missing_answers(questions_of(tool), response.answers if response else {})
    if missing and (response is None or response.state != ResponseState.SUBMITTED):
        raise RuleViolation(N_("Answer every question before submitting; missing: %(keys)s."),
                            params={"keys": missing}, field="answers")

    def apply(response: MonitoringResponse) -> None:
        response.submitted_at, response.submitted_by = now, _actor_name(actor)

    return _change_response(tool, country_code, ResponseAction.SUBMIT, actor=actor, now=now, apply=apply)


def request_clarification(tool: MonitoringTool, country_code: str, question: str, *, actor: Principal,
                          now: datetime) -> MonitoringResponse:
    """The parties reopen a submitted response with their question; the country answers it and submits again."""

    def apply(response: MonitoringResponse) -> None:
        response.clarification_question = question
        response.clarification_requested_at, response.clarification_requested_by = now, _actor_name(actor)

    return _change_response(tool, country_code, ResponseAction.REQUEST_CLARIFICATION, actor=actor, now=now,
                            apply=apply)


def attach_evidence(tool: MonitoringTool, country_code: str, content: bytes, original_name: str | None, *,
                    actor: Principal, now: datetime, store: Any) -> Upload:
    """An evidence file of the country's response, through the same upload gate as every upload (PDF or
    Word); it counts as a save, so only while the response may change."""
    check_may_answer(actor, country_code)
    media_type = gate.check(content, accept=frozenset({gate.PDF, gate.DOCX}), limits=gate.ANNEX_LIMITS,
                            wrong_type=N_("Upload the evidence as a PDF or a Word (.docx) file."))
    response = find_response(tool, country_code)
    answers = dict(response.answers) if response else {}
    comment = response.comment if response else None

    def apply(response: MonitoringResponse) -> None:
        response.answers, response.comment = answers, comment

    response = _change_response(tool, country_code, ResponseAction.SAVE, actor=actor, now=now, apply=apply)
    upload = Upload(purpose=EVIDENCE, subject_id=response.id, media_type=media_type,
                    file_sha256=store.put(content, media_type, now=now), original_name=clean_file_name(original_name),
                    size=len(content), uploaded_at=now, uploaded_by=actor.label)
    db.session.add(upload)
    db.session.flush()
    record(db.session, actor, now, "monitoring_response.evidence", _subject(tool),
           {"country": [country_code, country_code], "upload_id": [None, upload.id]})
    return upload


def evidence_of(response: MonitoringResponse | None) -> list[Upload]:
    if response is None:
        return []
    return list(db.session.scalars(select(Upload).where(Upload.purpose == EVIDENCE,
                                                        Upload.subject_id == response.id).order_by(Upload.id)))


def find_evidence(tool: MonitoringTool, country_code: str, upload_id: int) -> Upload | None:
    """One evidence file of the country's response to `tool`, or None (another response's file is not found)."""
    return next((u for u in evidence_of(find_response(tool, country_code)) if u.id == upload_id), None)


def evidence_file_name(upload: Upload, tool_id: int, country_code: str) -> str:
    """The name an evidence file downloads under: tool, country and upload, with its type's extension."""
    extension = "pdf" if upload.media_type == "application/pdf" else "docx"
    return f"evidence-{tool_id}-{country_code}-{upload.id}.{extension}"


def find_tool(tool_id: int) -> MonitoringTool:
    tool = db.session.get(MonitoringTool, tool_id)
    if tool is None:
        raise NotFound(N_("No monitoring tool %(id)s."), params={"id": tool_id}, field="id")
    return tool


def list_tools(*, states: tuple[str, ...] | None = None, instrument_id: int | None = None) -> list[MonitoringTool]:
    query = select(MonitoringTool).order_by(MonitoringTool.due_on.desc(), MonitoringTool.id)
    if states is not None:
        query = query.where(MonitoringTool.state.in_(states))
    if instrument_id is not None:
        query = query.where(MonitoringTool.instrument_id == instrument_id)
    return list(db.session.scalars(query))
