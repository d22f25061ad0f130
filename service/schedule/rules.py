"""The year at a glance, as plain functions over plain values.

R3  ordinary meetings are quarterly: a quarter of the year without one is a gap (counted in the meeting's zone).
R5  the monitoring report is due two calendar months before the GRCM meeting; after that, unissued is overdue.
R6  the pre-PPT meeting takes place on or before the incoming term's start − 2 calendar months.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from service.common.localtime import quarter_label, quarter_of
from service.grcm.rules import monitoring_report_due_on, report_is_late
from service.meetings.rules import pre_ppt_meeting_deadline
from service.ppt.rules import Term


@dataclass(frozen=True)
class QuarterStatus:
    quarter: str  # "2027-Q1"
    starts_on: date
    ends_on: date
    meeting_ids: tuple[int, ...]  # ordinary, not cancelled meetings held in it

    @property
    def has_ordinary_meeting(self) -> bool:
        return bool(self.meeting_ids)


def quarters(year: int, ordinary_meetings: Iterable[tuple[int, date]]) -> list[QuarterStatus]:
    """The four quarters of ``year`` with the (id, local start date) of the ordinary meetings in each."""
    found: dict[int, list[int]] = {1: [], 2: [], 3: [], 4: []}
    for meeting_id, day in ordinary_meetings:
        meeting_year, quarter = quarter_of(day)
        if meeting_year == year:
            found[quarter].append(meeting_id)
    statuses = []
    for quarter in (1, 2, 3, 4):
        first_month = 3 * quarter - 2
        next_start = date(year + 1, 1, 1) if quarter == 4 else date(year, first_month + 3, 1)
        statuses.append(QuarterStatus(
            quarter=quarter_label(year, quarter), starts_on=date(year, first_month, 1),
            ends_on=date.fromordinal(next_start.toordinal() - 1), meeting_ids=tuple(sorted(found[quarter])),
        ))
    return statuses


def gaps(statuses: Iterable[QuarterStatus]) -> list[str]:
    """R3: the quarters without an ordinary meeting."""
    return [status.quarter for status in statuses if not status.has_ordinary_meeting]


def term_starting_in_or_after(year: int, terms: Iterable[Term]) -> Term | None:
    """The PPT term the team prepares for during ``year``: the first one starting on or after 1 January."""
    upcoming = sorted((term for term in terms if term.starts_on >= date(year, 1, 1)), key=lambda t: t.starts_on)
    return upcoming[0] if upcoming else None


@dataclass(frozen=True)
class PrePptWindow:
    term: Term
    latest_on: date  # R6: the last day the pre-PPT meeting may take place
    meeting_ids: tuple[int, ...]  # pre-PPT meetings of this term, not cancelled
    on_time: bool  # one of them takes place on or before latest_on
    missed: bool  # latest_on has passed without an on-time meeting


def pre_ppt_window(term: Term, meetings: Iterable[tuple[int, date]], today: date) -> PrePptWindow:
    """R6 for one incoming term, given its pre-PPT meetings as (id, local start date)."""
    latest = pre_ppt_meeting_deadline(term.starts_on)
    meetings = sorted(meetings)
    on_time = any(day <= latest for _, day in meetings)
    return PrePptWindow(term=term, latest_on=latest, meeting_ids=tuple(meeting_id for meeting_id, _ in meetings),
                        on_time=on_time, missed=not on_time and today > latest)


@dataclass(frozen=True)
class ReportStatus:
    due_on: date
    issued_on: date | None
    overdue: bool  # due date passed and still not issued
    late: bool  # issued, but after the due date


def report_status(grcm_starts_on: date, issued_on: date | None, today: date) -> ReportStatus:
    """R5 for one GRCM meeting: due two months before it; overdue once that day has passed unissued."""
    due = monitoring_report_due_on(grcm_starts_on)
    return ReportStatus(
        due_on=due, issued_on=issued_on, overdue=issued_on is None and today > due,
        late=issued_on is not None and report_is_late(grcm_starts_on, issued_on),
    )
