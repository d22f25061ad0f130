"""How each list page reads its rows for the shared filter (service.web.listing): state, year, kind, text.

States that are not stored (a GRCM meeting is upcoming or past, a work plan issued or not) are derived here
from plain values, with "now"/"today" and the set of issued subjects passed in.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from service.grcm.models import GrcmMeeting
from service.meetings.models import Meeting
from service.monitoring.models import Instrument
from service.participation.models import CrmEvent
from service.planning.models import WorkPlan
from service.recommendations.models import Recommendation
from service.web.listing import Facets


def calendar_state(*, cancelled: bool, ends: date | datetime, now: date | datetime) -> str:
    """upcoming | past | cancelled: a record with a date, seen at `now` (compare like with like)."""
    if cancelled:
        return "cancelled"
    return "past" if ends < now else "upcoming"


def minutes_state(meeting: Meeting, issued: set[int]) -> str:
    """none | draft | approved | issued (a current, not withdrawn, minutes document exists)."""
    if meeting.id in issued:
        return "issued"
    return meeting.minutes.state if meeting.minutes is not None else "none"


References = dict[int, list[str]]  # subject id -> the references of the documents issued for it


def meetings(references: References) -> Facets[Meeting]:
    return Facets(text=lambda m: (m.title, m.location, *references.get(m.id, ())), state=lambda m: m.status,
                  year=lambda m: m.starts_at.year, kind=lambda m: m.kind)


def grcm_meetings(now: datetime, references: References) -> Facets[GrcmMeeting]:
    return Facets(text=lambda g: (g.title, g.location, *references.get(g.id, ())), year=lambda g: g.starts_at.year,
                  state=lambda g: calendar_state(cancelled=g.cancelled_at is not None, ends=g.ends_at_utc, now=now))


def crm_events(today: date) -> Facets[CrmEvent]:
    return Facets(text=lambda e: (e.title, e.location), year=lambda e: e.starts_on.year, kind=lambda e: e.kind,
                  state=lambda e: calendar_state(cancelled=e.cancelled_at is not None,
                                                 ends=e.ends_on or e.starts_on, now=today))


def _recommendation_year(recommendation: Recommendation) -> int:
    meeting = recommendation.grcm_meeting
    return meeting.starts_at.year if meeting is not None else recommendation.created_at.year


RECOMMENDATIONS: Facets[Recommendation] = Facets(
    text=lambda r: (r.title, r.decision_reference, r.grcm_meeting.title if r.grcm_meeting else None),
    state=lambda r: r.state, year=_recommendation_year)


def instrument_state(instrument: Instrument) -> str:
    """The status of the latest monitoring entry (entries are ordered by period), or none."""
    return instrument.entries[-1].status if instrument.entries else "none"


INSTRUMENTS: Facets[Instrument] = Facets(
    text=lambda i: (i.title_es, i.title_en, i.adopted_by), state=instrument_state, kind=lambda i: i.kind,
    year=lambda i: i.adopted_on.year if i.adopted_on else None)


def work_plans(issued: set[int], references: References) -> Facets[tuple[WorkPlan, Any]]:
    """Rows are (plan, totals)."""
    return Facets(text=lambda row: (str(row[0].year), row[0].introduction, *references.get(row[0].id, ())),
                  year=lambda row: row[0].year,
                  state=lambda row: "issued" if row[0].id in issued else "not_issued")


def feedback_terms(issued: set[int], country_names: dict[str, str], references: References) -> Facets[tuple]:
    """Rows are (term, pre-PPT deadline, feedback or None, concept note or None)."""
    def state(row: tuple) -> str:
        term, _deadline, feedback, _note = row
        if term.id in issued:
            return "issued"
        return "recorded" if feedback is not None else "not_recorded"

    return Facets(text=lambda row: (row[0].country, country_names.get(row[0].country), *references.get(row[0].id, ())),
                  year=lambda row: row[0].starts_on.year, state=state)
