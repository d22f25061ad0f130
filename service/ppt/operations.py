"""PPT terms: create, change, and who holds the Presidencia Pro Tempore on a date."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject, diff, snapshot
from service.auth.principals import Principal
from service.extensions import db
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
    record(db.session, actor, now, "ppt_term.create", Subject("ppt_term", term.id), diff({}, snapshot(term, _AUDITED)))
    return term


def update_term(term: PptTerm, changes: dict, *, actor: Principal, now: datetime) -> PptTerm:
    before = snapshot(term, _AUDITED)
    if "country" in changes:
        country(changes["country"], members_only=True)
    proposed = Term(term.id, changes.get("country", term.country), changes.get("starts_on", term.starts_on),
                    changes.get("ends_on", term.ends_on))
    check_term(proposed, all_terms())
    term.country, term.starts_on, term.ends_on = proposed.country, proposed.starts_on, proposed.ends_on
    term.updated_at = now
    db.session.flush()
    record(db.session, actor, now, "ppt_term.update", Subject("ppt_term", term.id),
           diff(before, snapshot(term, _AUDITED)))
    return term


def term_on(day: date) -> PptTerm | None:
    """The PPT term covering a date (the PPT member of the team that day)."""
    found = ppt_on(day, all_terms())
    return db.session.get(PptTerm, found.id) if found else None
