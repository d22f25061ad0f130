"""The rows the year at a glance needs, turned into the plain values of service.schedule.rules."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.grcm.rules import monitoring_report_due_on
from service.meetings.models import Meeting
from service.meetings.rules import MeetingKind, MeetingStatus
from service.ppt.models import PptTerm
from service.schedule import rules

try:  # the documents area records issued reports; without it no report counts as issued
    from service.documents.models import IssuedDocument
except ImportError:  # pragma: no cover - the documents area is part of the service today
    IssuedDocument = None


def _live(kind: MeetingKind):
    return select(Meeting.id, Meeting.starts_at).where(Meeting.kind == kind.value,
                                                       Meeting.status != MeetingStatus.CANCELLED.value)


def _issued_reports(grcm_ids: list[int]) -> dict[int, date]:
    """First issue date of the monitoring report per GRCM meeting (any language or version)."""
    if IssuedDocument is None or not grcm_ids:
        return {}
    rows = db.session.execute(
        select(IssuedDocument.subject_id, func.min(IssuedDocument.issued_at))
        .where(IssuedDocument.kind == "monitoring_report", IssuedDocument.subject_id.in_(grcm_ids))
        .group_by(IssuedDocument.subject_id))
    return {subject_id: _as_date(issued_at) for subject_id, issued_at in rows}


def _as_date(value: datetime | str) -> date:
    # min() over a datetime column comes back as text on SQLite
    return (datetime.fromisoformat(value) if isinstance(value, str) else value).date()


def ordinary_quarters(year: int) -> list[rules.QuarterStatus]:
    """R3: the four quarters of ``year`` with their live ordinary meetings (the dashboard uses this too)."""
    # Local wall times are stored naive: comparing them with the year's bounds counts each meeting in its own zone.
    start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    ordinary = db.session.execute(_live(MeetingKind.ORDINARY).where(Meeting.starts_at >= start,
                                                                    Meeting.starts_at < end))
    return rules.quarters(year, [(row.id, row.starts_at.date()) for row in ordinary])


def year_at_a_glance(year: int, today: date) -> dict:
    quarters = ordinary_quarters(year)

    terms = [term.as_term() for term in db.session.scalars(select(PptTerm))]
    term = rules.term_starting_in_or_after(year, terms)
    window = None
    if term is not None:
        pre_ppt = db.session.execute(_live(MeetingKind.PRE_PPT).where(Meeting.ppt_term_id == term.id))
        window = rules.pre_ppt_window(term, [(row.id, row.starts_at.date()) for row in pre_ppt], today)

    # GRCM meetings of the year, and next year's whose report falls due this year.
    grcm = [meeting for meeting in db.session.scalars(select(GrcmMeeting).order_by(GrcmMeeting.starts_at_utc))
            if year in (meeting.starts_at.year, monitoring_report_due_on(meeting.starts_at.date()).year)]
    issued = _issued_reports([meeting.id for meeting in grcm])
    reports = [(meeting, rules.report_status(meeting.starts_at.date(), issued.get(meeting.id), today))
               for meeting in grcm]
    return {
        "year": year,
        "today": today,
        "quarters": [{**status.__dict__, "has_ordinary_meeting": status.has_ordinary_meeting}
                     for status in quarters],
        "gaps": rules.gaps(quarters),
        "pre_ppt": None if window is None else {
            "ppt_term_id": window.term.id, "country": window.term.country, "term_starts_on": window.term.starts_on,
            "latest_meeting_on": window.latest_on, "meeting_ids": list(window.meeting_ids),
            "has_meeting": bool(window.meeting_ids), "on_time": window.on_time, "missed": window.missed,
        },
        "grcm_meetings": [{
            "id": meeting.id, "title": meeting.title, "starts_at": meeting.starts_at, "timezone": meeting.timezone,
            "report_due_on": status.due_on, "report_issued_on": status.issued_on, "overdue": status.overdue,
            "late": status.late,
        } for meeting, status in reports],
    }
