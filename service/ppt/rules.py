"""PPT terms: date ranges that rotate among member countries and never overlap."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from service.common.i18n import N_
from service.errors import NotPermitted, RuleViolation


@dataclass(frozen=True)
class Term:
    id: int | None
    country: str
    starts_on: date
    ends_on: date  # inclusive: the last day of the term

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def check_term(term: Term, others: Iterable[Term]) -> None:
    if term.ends_on < term.starts_on:
        raise RuleViolation(N_("A PPT term must end on or after the day it starts."), field="ends_on")
    for other in others:
        if other.id == term.id:
            continue
        if term.starts_on <= other.ends_on and other.starts_on <= term.ends_on:
            raise RuleViolation(
                N_("PPT terms cannot overlap: %(country)s holds the PPT from %(start)s to %(end)s."),
                params={"country": other.country, "start": other.starts_on.isoformat(),
                        "end": other.ends_on.isoformat()},
                field="starts_on", rule="ppt_terms_do_not_overlap",
            )


def ppt_on(day: date, terms: Iterable[Term]) -> Term | None:
    """The term (and so the country) holding the Presidencia Pro Tempore on a given date."""
    return next((term for term in terms if term.covers(day)), None)


def incoming_term(day: date, terms: Iterable[Term]) -> Term | None:
    """The first term that starts after a given date: the PPT the team prepares for (R6, R11)."""
    upcoming = sorted((t for t in terms if t.starts_on > day), key=lambda t: t.starts_on)
    return upcoming[0] if upcoming else None


def check_own_term(actor_party: str | None, ppt_country: str | None, term: Term) -> None:
    """A PPT token or account acts, as incoming PPT, only on its own country's concept note, work plan and feedback
    round; the secretariats (ST-CRM, ST-RROCM) act on every term's."""
    if actor_party == "ppt" and term.country != ppt_country:
        raise NotPermitted(
            N_("This belongs to PPT term %(term)s of %(country)s (%(start)s – %(end)s); the PPT of %(own)s acts "
               "only on its own country's concept note, work plan and feedback round."),
            params={"term": term.id, "country": term.country, "start": term.starts_on.isoformat(),
                    "end": term.ends_on.isoformat(), "own": ppt_country or "?"}, field="term_id")
