"""The data of the monitoring report for a GRCM meeting (R5): instruments and their latest monitoring by
network (R10, R12), compliance of approved recommendations (R9), civil-society participation and its
exceptions (R1). Read-only queries; the document engine freezes what they return when it issues the report.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from service.common.i18n import N_
from service.errors import NotFound
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.monitoring.models import Instrument, MonitoringEntry
from service.monitoring.rules import report_schedule
from service.monitoring.tools.report import tool_results
from service.participation.models import CrmEvent
from service.participation.rules import EventSummary, participation_counts
from service.recommendations.models import Recommendation
from service.recommendations.rules import FollowUpStatus, RecommendationState
from service.reference.data import NETWORKS
from service.reference.models import Country
from service.templating.formatting import format_date_range

# The keys of schemas.rendering.MonitoringReportContext this module fills (the header is the engine's).
CONTEXT_KEYS = ("grcm", "due_on", "period_label", "instruments", "recommendations", "events", "tools")


def _country_names(language: str) -> dict[str, str]:
    return {c.code: c.name(language) for c in db.session.scalars(select(Country))}


def report_period(meeting: GrcmMeeting) -> tuple[date, date]:
    """The period a report covers: from the day after the previous GRCM meeting (or a year back) to the eve."""
    starts_on = meeting.starts_at.date()
    previous = db.session.scalar(select(GrcmMeeting.starts_at).where(GrcmMeeting.starts_at < meeting.starts_at)
                                 .order_by(GrcmMeeting.starts_at.desc()).limit(1))
    first = previous.date() + timedelta(days=1) if previous else starts_on - relativedelta(years=1)
    return first, starts_on - timedelta(days=1)


def _entry(entry: MonitoringEntry, names: dict[str, str]) -> dict[str, Any]:
    return {"period": entry.period, "country_name": names.get(entry.country) if entry.country else None,
            "status": entry.status, "summary": entry.observations, "recorded_on": entry.recorded_at.date(),
            "original_language": entry.original_language}


def _latest(entries: list[MonitoringEntry]) -> MonitoringEntry | None:
    """The newest regional entry; without one, the newest entry of any country."""
    def key(e: MonitoringEntry) -> tuple:
        return e.period_ends_on, e.recorded_at, e.id

    regional = [e for e in entries if e.country is None]
    pool = regional or entries
    return max(pool, key=key) if pool else None


def instrument_title(instrument: Instrument) -> dict[str, Any]:
    """The instrument's title as typed in its original language, the other title carried as its translation:
    the English (or Spanish) document shows it through the content translations like every typed text."""
    if instrument.original_language == "en" and instrument.title_en:
        title, original, other = instrument.title_en, "en", {"es": instrument.title_es}
    else:
        title, original, other = instrument.title_es, "es", {"en": instrument.title_en} if instrument.title_en else {}
    return {"title": title, "original_language": original, "known_translations": {"title": other}}


def _instruments(until: date, language: str, names: dict[str, str]) -> tuple[list[dict], list[dict]]:
    instruments, by_network = [], {code: [] for code, _, _ in NETWORKS} | {None: []}
    for instrument in db.session.scalars(select(Instrument).order_by(Instrument.adopted_on.is_(None),
                                                                    Instrument.adopted_on, Instrument.id)):
        entries = [e for e in instrument.entries if e.period_starts_on <= until]
        latest = _latest(entries)
        per_country = {}
        for entry in sorted(entries, key=lambda e: (e.period_ends_on, e.recorded_at, e.id)):
            per_country[entry.country] = entry
        item = {**instrument_title(instrument), "kind": instrument.kind, "network": instrument.network,
                "latest": _entry(latest, names) if latest else None}
        instruments.append(item)
        by_network[instrument.network].append(
            {**item, "id": instrument.id,
             "by_country": [_entry(e, names) for code, e in sorted(per_country.items(), key=lambda kv: kv[0] or "")]})
    groups = [{"network": code, "instruments": members} for code, members in by_network.items() if members]
    return instruments, groups


def _compliance(last: date) -> list[dict]:
    """Recommendations approved by the end of the period, as their follow-ups stood then: a later report
    cannot change what an earlier one said."""
    rows = []
    approved = select(Recommendation).where(Recommendation.state == RecommendationState.APPROVED.value,
                                            Recommendation.decided_on <= last)
    for recommendation in db.session.scalars(approved.order_by(Recommendation.decided_on, Recommendation.id)):
        reported = [f for f in recommendation.follow_ups if f.reported_on <= last]
        latest = reported[-1] if reported else None
        rows.append({
            "original_language": recommendation.original_language,  # hints for the translations, never rendered
            "original_language_of": {"evidence": latest.original_language} if latest else {},
            "title": recommendation.title, "decision_reference": recommendation.decision_reference,
            # Approved but never followed up yet: not started, and the report says so.
            "status": latest.status if latest else FollowUpStatus.NOT_STARTED.value,
            "evidence": latest.evidence if latest else None,
            "updated_on": latest.reported_on if latest else None,
        })
    return rows


def _events(first: date, last: date, names: dict[str, str]) -> list[dict]:
    # A cancelled event did not take place: it counts neither for nor against civil-society participation (R1).
    query = (select(CrmEvent).where(CrmEvent.starts_on >= first, CrmEvent.starts_on <= last,
                                    CrmEvent.cancelled_at.is_(None))
             .order_by(CrmEvent.starts_on, CrmEvent.id))
    return [{"title": e.title, "original_language": e.original_language, "starts_on": e.starts_on, "kind": e.kind,
             "members_only": e.members_only,
             "requested_by_name": names.get(e.members_only_requested_by) if e.members_only else None,
             "requested_on": e.members_only_requested_on if e.members_only else None}
            for e in db.session.scalars(query)]


def monitoring_report_data(grcm_meeting_id: int, today: date, *, issued_on: date | None = None,
                           language: str = "es") -> dict[str, Any]:
    """Everything the monitoring report of a GRCM meeting shows, plus its schedule (R5)."""
    meeting = db.session.get(GrcmMeeting, grcm_meeting_id)
    if meeting is None:
        raise NotFound(N_("No GRCM meeting %(id)s."), params={"id": grcm_meeting_id}, field="subject_id")
    starts_on = meeting.starts_at.date()
    schedule = report_schedule(starts_on, today, issued_on)
    first, last = report_period(meeting)
    names = _country_names(language)
    instruments, groups = _instruments(starts_on, language, names)
    events = _events(first, last, names)
    summaries = [EventSummary(e["starts_on"], e["members_only"]) for e in events]
    return {
        "grcm_meeting_id": meeting.id,
        "grcm": {"title": meeting.title, "starts_on": starts_on, "ends_on": meeting.ends_at.date(),
                 "location": meeting.location, "original_language": meeting.original_language},
        "due_on": schedule.due_on, "overdue": schedule.overdue, "late": schedule.late,
        "period": {"starts_on": first, "ends_on": last},
        "period_label": format_date_range(first, last, language),
        "instruments": instruments,
        "by_network": groups,
        "tools": tool_results(starts_on, today, language),
        "recommendations": _compliance(last),
        "events": events,
        "exceptions": [e for e in events if e["members_only"]],
        "participation": participation_counts(summaries),
    }


def monitoring_report_context(grcm_meeting_id: int, language: str, today: date) -> dict[str, Any]:
    """MonitoringReportContext without its `header` (a documents ContextBuilder: subject, language, today)."""
    data = monitoring_report_data(grcm_meeting_id, today, language=language)
    return {key: data[key] for key in CONTEXT_KEYS}
