"""PPT terms: create, change, and who holds the Presidencia Pro Tempore on a date."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select, update

from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
from service.common.i18n import N_
from service.errors import DependentsConflict
from service.extensions import db
from service.meetings.models import Meeting
from service.meetings.rules import MeetingKind, TermMeeting, term_move_breaks
from service.ppt.models import PptTerm
from service.ppt.rules import Term, check_term, ppt_on
from service.reference.operations import country


def all_terms() -> list[Term]:
    return [t.as_term() for t in db.session.scalars(select(PptTerm).order_by(PptTerm.starts_on))]


_AUDITED = ("country", "starts_on", "ends_on")


def create_term(data: dict, *, actor: Principal, now: datetime) -> PptTerm:
    country(data["country"], members_only=True)
    term = PptTerm(country=data["country"], starts_on=data["starts_on"], ends_on=data["ends_on"], updated_at=now)
    check_term(Term(None, term.country, term.starts_on, term.ends_on), all_terms())
    db.session.add(term)
    db.session.flush()
    _adopt_meetings(term)
    record(db.session, actor, now, "ppt_term.create", Subject("ppt_term", term.id), diff({}, snapshot(term, _AUDITED)))
    return term


def update_term(term: PptTerm, changes: dict, *, actor: Principal, now: datetime) -> PptTerm:
    before = snapshot(term, _AUDITED)
    if "country" in changes:
        country(changes["country"], members_only=True)
    proposed = Term(term.id, changes.get("country", term.country), changes.get("starts_on", term.starts_on),
                    changes.get("ends_on", term.ends_on))
    check_term(proposed, all_terms())
    _check_dependents(term.id, proposed.starts_on, proposed.ends_on)
    term.country, term.starts_on, term.ends_on = proposed.country, proposed.starts_on, proposed.ends_on
    term.updated_at = now
    db.session.flush()
    record(db.session, actor, now, "ppt_term.update", Subject("ppt_term", term.id),
           diff(before, snapshot(term, _AUDITED)))
    return term


def _adopt_meetings(term: PptTerm) -> None:
    """Ordinary and extraordinary meetings dated within a newly recorded term belong to it from now on."""
    db.session.execute(update(Meeting).where(
        Meeting.kind != MeetingKind.PRE_PPT.value, Meeting.ppt_term_id.is_(None),
        Meeting.starts_at >= datetime.combine(term.starts_on, time.min),
        Meeting.starts_at < datetime.combine(term.ends_on + timedelta(days=1), time.min),
    ).values(ppt_term_id=term.id).execution_options(synchronize_session=False))


def _check_dependents(term_id: int, starts_on: date, ends_on: date) -> None:
    """Moving a term re-runs the rules of the meetings that belong to it; any broken → 409, nothing saved."""
    meetings = [TermMeeting(m.id, MeetingKind(m.kind), m.starts_at.date()) for m in db.session.scalars(
        select(Meeting).where(Meeting.ppt_term_id == term_id, Meeting.status != "cancelled").order_by(Meeting.id))]
    broken = term_move_breaks(starts_on, ends_on, meetings)
    if broken:
        raise DependentsConflict(
            N_("Moving this PPT term would break the rules of the records that depend on it: %(list)s. Move or "
               "cancel those first."),
            params={"list": [f"meeting {d['id']} ({d['rule']})" for d in broken]}, dependents=broken,
            field="starts_on")


def term_on(day: date) -> PptTerm | None:
    """The PPT term covering a date (the PPT member of the team that day)."""
    found = ppt_on(day, all_terms())
    return db.session.get(PptTerm, found.id) if found else None
