"""Demo: the follow-up records of the year: CRM instruments and their monitoring by country, recommendations
to the June GRCM meeting (approved with follow-ups, rejected) and a draft for the next one, the annual work plan
with resources, CRM events with one members-only exception (R1), and feedback on Panamá's incoming PPT.

Each record is written with the moment it happened as `now`, so histories read as a real year would.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from service.auth.principals import Principal
from service.demo.followups_content import (
    EVENTS,
    FEEDBACK,
    INSTRUMENTS,
    MONITORING,
    RECOMMENDATIONS,
    WORK_PLAN,
)
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.monitoring.operations import add_entry, create_instrument
from service.participation.operations import create_event
from service.planning.operations import create_work_plan
from service.ppt.feedback import save_feedback
from service.ppt.models import PptTerm
from service.recommendations.operations import add_follow_up, create_recommendation, endorse, transition


def _as(party: str) -> Principal:
    """The demo loader acting on behalf of a party, so the histories name who would have done it."""
    return Principal.system_actor("demo", party=party)


def _at(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 15, 0, tzinfo=UTC)


def _grcm(year: int, month: int) -> GrcmMeeting:
    """The demo's GRCM meetings are created in core.py: June of the year, March of the next."""
    meetings = db.session.scalars(select(GrcmMeeting)).all()
    return next(m for m in meetings if (m.starts_at.year, m.starts_at.month) == (year, month))


def _instruments(year: int) -> int:
    count = 0
    for data, monitoring_key in INSTRUMENTS:
        instrument = create_instrument(data, actor=_as("st_crm"), now=_at(year, 1, 20))
        for period, country, status, observations, indicators, recorded in MONITORING.get(monitoring_key, []):
            add_entry(instrument, {"period": period.format(prev=year - 1, year=year), "country": country,
                                   "status": status, "observations": observations, "indicators": indicators},
                      actor=_as("st_crm" if country is None else "st_rrocm"), now=_at(year, *recorded))
            count += 1
    return count


def _recommendations(year: int) -> None:
    june, march = _grcm(year, 6), _grcm(year + 1, 3)
    for data, outcome, follow_ups in RECOMMENDATIONS:
        target = march if outcome == "draft" else june
        rec = create_recommendation({**data, "grcm_meeting_id": target.id}, actor=_as("st_crm"),
                                    now=_at(year, 5, 20) if outcome != "draft" else _at(year, 11, 5))
        if outcome == "draft":
            continue
        for party in ("st_crm", "st_rrocm", "ppt"):  # the team presents it as the three parties (R9)
            endorse(rec, actor=_as(party), now=_at(year, 5, 27))
        transition(rec, "submitted", actor=_as("st_crm"), now=_at(year, 5, 29))
        decision = {"decision_reference": f"Acta del GRCM, Tegucigalpa {year}, acuerdo {outcome[1]}",
                    "decided_on": date(year, 6, 18)}
        transition(rec, outcome[0], actor=_as("ppt"), now=_at(year, 6, 18), **decision)
        for status, (month, day), evidence, url in follow_ups:
            add_follow_up(rec, {"status": status, "reported_on": date(year, month, day), "evidence": evidence,
                                "evidence_url": url}, actor=_as("st_rrocm"), now=_at(year, month, day))


def load(year: int, *, now: datetime) -> str:
    entries = _instruments(year)
    _recommendations(year)
    for title, kind, (month, day), extra in EVENTS:
        event = {"title": title.format(year=year), "kind": kind, "starts_on": date(year, month, day), **extra}
        recorded = _at(year, 1, 20)
        if event.get("members_only"):
            requested_on = event["members_only_requested_on"] = date(year, *event["members_only_requested_on"])
            # R1: a request is recorded once it was made, not before (issue 11 item 9)
            recorded = max(recorded, _at(year, requested_on.month, requested_on.day))
        create_event(event, actor=_as("st_crm"), now=recorded)
    plan = WORK_PLAN(year)
    create_work_plan(plan, actor=_as("st_crm"), now=_at(year, 1, 30))
    incoming = db.session.scalar(select(PptTerm).where(PptTerm.starts_on == date(year, 12, 1)))
    feedback = {**FEEDBACK, "concept_note_received_on": date(year, 9, 5), "work_plan_received_on": date(year, 9, 12),
                "meeting_on": date(year, 9, 24)}
    save_feedback(incoming, feedback, actor=_as("st_crm"), now=_at(year, 10, 1))
    return (f"{len(INSTRUMENTS)} instruments with {entries} monitoring entries, "
            f"{len(RECOMMENDATIONS)} recommendations, {len(EVENTS)} CRM events, the {year} work plan, "
            "feedback on Panamá's PPT")
