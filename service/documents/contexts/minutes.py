"""Minutes of a team meeting (R8): subject = the meeting."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from service.accounts.models import UserAccount
from service.common.i18n import N_
from service.documents.contexts.common import country_name, ppt_country_on, responsible_name
from service.errors import NotFound, RuleViolation
from service.extensions import db
from service.meetings.models import Meeting
from service.meetings.tripartite_rules import check_minutes_issuable


def check_minutes_ready(meeting_id: int) -> None:
    """Minutes are issued only for a held meeting, approved by the three parties (422 naming what is missing).
    Checked when issuing, not when building the context: translations and drafts read unapproved minutes too."""
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is not None and meeting.minutes is not None:
        check_minutes_issuable(status=meeting.status, approved_by=meeting.minutes.approved_by)


def minutes_context(meeting_id: int, language: str, today: date) -> dict[str, Any]:
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(N_("No meeting %(id)s."), field="subject_id", params={"id": meeting_id})
    minutes = meeting.minutes
    if minutes is None:
        raise RuleViolation(N_("Meeting %(id)s has no minutes yet: record them before issuing."),
                            field="subject_id", params={"id": meeting_id})
    return {
        "original_language": minutes.language,  # every typed text of the minutes (a hint, never rendered)
        "header": {"ppt_country_name": ppt_country_on(meeting.starts_at.date(), language)},
        "meeting": {"kind": meeting.kind, "title": meeting.title, "starts_at": meeting.starts_at,
                    "ends_at": meeting.ends_at, "timezone": meeting.timezone, "modality": meeting.modality,
                    "location": meeting.location, "video_url": meeting.video_url},
        "attendees": [{"name": a["name"], "party": a.get("party"),
                       "country_name": country_name(a.get("country"), language), "role": a.get("role")}
                      for a in minutes.attendees],
        "agenda_items": [{"title": i["title"], "discussion": i.get("discussion") or None}
                         for i in minutes.agenda_items],
        "agreements": [{"text": a.text, "responsible": responsible_name(a.responsible, language),
                        "due_on": a.due_on, "status": a.status} for a in minutes.agreements],
        "next_meeting": minutes.next_meeting,
        "approvals": [{"party": a.party, "by": a.by, "on": a.at.date(), "name": account_name(a.by)}
                      for a in minutes.approvals if a.minutes_version == minutes.version],
    }


def account_name(by: str) -> str | None:
    """The name of the account an approval was given through (`by` is its e-mail), if it has one."""
    return db.session.scalar(select(UserAccount.name).where(UserAccount.email == by.lower())) if "@" in by else None
