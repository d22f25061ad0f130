"""Database rows → the plain values of `calendars`, and a cheap fingerprint of them for conditional GETs.

Columns are selected explicitly (no ORM entities): a feed reads every meeting, and
loading 1,000 entities costs more than building their events. UTCDateTime puts UTC
back on what SQLite returns naive, so the aware-datetime checks of `calendars` hold.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from calendars import CalendarGrcmMeeting, CalendarInputError, CalendarMeeting, Deadline
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.grcm.rules import monitoring_report_due_on
from service.meetings.models import Meeting
from service.meetings.rules import pre_ppt_meeting_deadline
from service.monitoring.models import Instrument
from service.monitoring.tools.models import MonitoringTool
from service.ppt.models import PptTerm
from service.reference.models import Country

log = logging.getLogger(__name__)

# LAST-MODIFIED of a term stored before terms recorded their changes: fixed, so output stays deterministic.
UNKNOWN_CHANGE = datetime(2000, 1, 1, tzinfo=UTC)

_MEETING_COLUMNS = (Meeting.id, Meeting.kind, Meeting.title, Meeting.starts_at, Meeting.ends_at, Meeting.timezone,
                    Meeting.modality, Meeting.location, Meeting.video_url, Meeting.agenda, Meeting.status,
                    Meeting.sequence, Meeting.created_at, Meeting.updated_at)
_GRCM_COLUMNS = (GrcmMeeting.id, GrcmMeeting.title, GrcmMeeting.starts_at, GrcmMeeting.ends_at, GrcmMeeting.timezone,
                 GrcmMeeting.location, GrcmMeeting.version, GrcmMeeting.created_at, GrcmMeeting.updated_at,
                 GrcmMeeting.cancelled_at)
_TOOL_STATES = ("open", "closed")  # a draft tool is the parties' working data
_TOOL_COLUMNS = (MonitoringTool.id, MonitoringTool.due_on, MonitoringTool.period, MonitoringTool.version,
                 MonitoringTool.updated_at, Instrument.title_es, Instrument.title_en)
_TERM_COLUMNS = (PptTerm.id, PptTerm.starts_on, PptTerm.ends_on, PptTerm.version, PptTerm.updated_at,
                 Country.code, Country.name_es, Country.name_en)


def calendar_meeting(row: Any) -> CalendarMeeting:
    """A Meeting (entity or row of _MEETING_COLUMNS) as the calendar sees it."""
    return CalendarMeeting(
        id=row.id, kind=row.kind, title=row.title, starts_at=row.starts_at, ends_at=row.ends_at,
        timezone=row.timezone, modality=row.modality, location=row.location, video_url=row.video_url,
        agenda=tuple(row.agenda or ()), status=row.status, sequence=row.sequence,
        created_at=row.created_at, last_modified=row.updated_at,
    )


def calendar_grcm_meeting(row: Any) -> CalendarGrcmMeeting:
    # SQLAlchemy's version counter starts at 1; an iCalendar SEQUENCE starts at 0.
    return CalendarGrcmMeeting(
        id=row.id, title=row.title, starts_at=row.starts_at, ends_at=row.ends_at, timezone=row.timezone,
        location=row.location, sequence=row.version - 1, created_at=row.created_at, last_modified=row.updated_at,
        cancelled=row.cancelled_at is not None,
    )


def report_deadline(row: Any) -> Deadline:
    """R5: the monitoring report is due two months before the GRCM meeting; it changes with the meeting."""
    return Deadline(key=f"report-due-grcm-{row.id}", kind="monitoring_report_due",
                    on=monitoring_report_due_on(row.starts_at.date()), related_title=row.title,
                    sequence=row.version - 1, last_modified=row.updated_at)


def pre_ppt_deadline(row: Any, language: str) -> Deadline:
    """R6: the latest date of the pre-PPT meeting; it changes with the PPT term."""
    name = row.name_en if language == "en" else row.name_es
    years = f"{row.starts_on.year}–{row.ends_on.year}" if row.ends_on.year != row.starts_on.year \
        else str(row.starts_on.year)
    return Deadline(key=f"pre-ppt-latest-term-{row.id}", kind="pre_ppt_meeting_latest",
                    on=pre_ppt_meeting_deadline(row.starts_on), related_title=f"{name} ({years})",
                    sequence=row.version - 1, last_modified=row.updated_at or UNKNOWN_CHANGE)


def _convert(rows: Any, convert: Any, *args: Any) -> list:
    items = []
    for row in rows:
        try:
            items.append(convert(row, *args))
        except CalendarInputError as error:
            # Input checks make this unreachable for new data; one bad old row must not
            # cost every subscriber the whole calendar.
            log.warning("left out of the calendar feed: %s %s: %s", convert.__name__, row.id, error)
    return items


def response_deadline(row: Any, country: str, language: str) -> Deadline:
    """Issue 17: a member country's own due date for answering a monitoring tool; it changes with the tool."""
    title = row.title_en if language == "en" and row.title_en else row.title_es
    return Deadline(key=f"monitoring-tool-{row.id}-{country.lower()}", kind="monitoring_response_due",
                    on=row.due_on, related_title=f"{title} ({row.period})", sequence=row.version - 1,
                    last_modified=row.updated_at)


def _tool_rows():
    return db.session.execute(
        select(*_TOOL_COLUMNS).join(Instrument, Instrument.id == MonitoringTool.instrument_id)
        .where(MonitoringTool.state.in_(_TOOL_STATES)).order_by(MonitoringTool.id))


def feed_items(language: str, country: str | None = None,
               ) -> tuple[list[CalendarMeeting], list[CalendarGrcmMeeting], list[Deadline]]:
    """Everything the feed shows: meetings (cancelled ones too; `calendars` decides how long), GRCM meetings
    and the deadlines they and the PPT terms set; a member country's feed also its monitoring tools' due
    dates (issue 17)."""
    meetings = _convert(db.session.execute(select(*_MEETING_COLUMNS)), calendar_meeting)
    grcm_rows = db.session.execute(select(*_GRCM_COLUMNS)).all()
    grcm_meetings = _convert(grcm_rows, calendar_grcm_meeting)
    # A cancelled GRCM meeting sets no report deadline any more (its own event says it was cancelled).
    deadlines = _convert([row for row in grcm_rows if row.cancelled_at is None], report_deadline)
    terms = db.session.execute(select(*_TERM_COLUMNS).join(Country, Country.code == PptTerm.country))
    deadlines += _convert(terms, pre_ppt_deadline, language)
    if country is not None:
        deadlines += _convert(_tool_rows(), response_deadline, country, language)
    return meetings, grcm_meetings, deadlines


def feed_fingerprint(now: datetime, keep_cancelled_days: int,
                     country: str | None = None) -> tuple[tuple, datetime | None]:
    """A summary that changes whenever `feed_items` would, and the feed's Last-Modified, in two small queries.

    Every write to a meeting or GRCM meeting sets updated_at from the clock and bumps its
    counter, so (count, max id, latest change, sum of counters) moves on any insert, edit or
    delete, as long as the clock moves on (a delete and an insert at the very same instant,
    as only a frozen test clock makes, could repeat a fingerprint).
    Cancelled meetings leave the feed with time alone: counting those past the keep period
    catches that. Terms are few (one a year) and carry country names: taken whole.
    """
    dropped_before = now - timedelta(days=keep_cancelled_days)
    dropped = (Meeting.status == "cancelled") & (Meeting.ends_at_utc < dropped_before)
    summary = select(
        select(func.count(Meeting.id)).scalar_subquery(),
        select(func.max(Meeting.id)).scalar_subquery(),
        select(func.max(Meeting.updated_at)).scalar_subquery(),
        select(func.coalesce(func.sum(Meeting.sequence), 0)).scalar_subquery(),
        select(func.count(Meeting.id)).where(dropped).scalar_subquery(),
        select(func.max(Meeting.ends_at_utc)).where(dropped).scalar_subquery(),
        select(func.count(GrcmMeeting.id)).scalar_subquery(),
        select(func.max(GrcmMeeting.id)).scalar_subquery(),
        select(func.max(GrcmMeeting.updated_at)).scalar_subquery(),
        select(func.coalesce(func.sum(GrcmMeeting.version), 0)).scalar_subquery(),
    )
    row = tuple(db.session.execute(summary).one())
    terms = tuple(tuple(term) for term in db.session.execute(
        select(*_TERM_COLUMNS).join(Country, Country.code == PptTerm.country).order_by(PptTerm.id)))
    meetings_changed, last_dropped, grcm_changed = _utc(row[2]), _utc(row[5]), _utc(row[8])
    moments = [meetings_changed, grcm_changed, *(term[4] or UNKNOWN_CHANGE for term in terms)]
    tools: tuple = ()
    if country is not None:  # a country's feed: its tools' due dates, taken whole (a few a year)
        rows = list(_tool_rows())
        tools = (country, *(tuple(tool) for tool in rows))
        moments += [_utc(tool.updated_at) for tool in rows]
    if last_dropped is not None:
        # The feed changed when the last expired cancellation left it.
        moments.append(last_dropped + timedelta(days=keep_cancelled_days))
    last_modified = max((moment for moment in moments if moment is not None), default=None)
    return (row, terms, tools), last_modified


def _utc(value: datetime | str | None) -> datetime | None:
    """Aggregates over UTCDateTime columns come back typed on PostgreSQL; be explicit for every engine."""
    if value is None:
        return None
    if isinstance(value, str):  # SQLite may return max() of a datetime column as text
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
