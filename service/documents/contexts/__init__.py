"""Build each document kind's context (see schemas/rendering.py) from the database.

A builder returns the context without the issue-specific header fields (reference, version, issued_on),
which the register adds; what it returns is what gets frozen with the issued document.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from service.common.i18n import N_
from service.documents.contexts.common import ContextBuilder
from service.documents.contexts.followups import monitoring_report, ppt_feedback, recommendations, work_plan
from service.documents.contexts.minutes import minutes_context
from service.documents.errors import NothingToIssue
from service.errors import NotFound

BUILDERS: dict[str, ContextBuilder] = {
    "minutes": minutes_context,
    "monitoring_report": monitoring_report,
    "recommendations": recommendations,
    "ppt_feedback": ppt_feedback,
    "work_plan": work_plan,
}


def issuing_day(kind: str, subject_id: int, now: datetime) -> date:
    """The calendar day a document is issued on, where it counts: the monitoring report's due date (R5) is a
    day in the GRCM meeting's own time zone; other kinds count in UTC."""
    if kind == "monitoring_report":
        from service.common.localtime import zone
        from service.extensions import db
        from service.grcm.models import GrcmMeeting

        meeting = db.session.get(GrcmMeeting, subject_id)
        if meeting is not None:
            return now.astimezone(zone(meeting.timezone)).date()
    return now.date()


# What makes a document worth issuing: at least one of these lists (or texts) is not empty.
CONTENT: dict[str, tuple[str, ...]] = {
    "minutes": ("agenda_items", "agreements"),
    "recommendations": ("recommendations",),
    "monitoring_report": ("instruments", "recommendations", "events", "tools"),
    "ppt_feedback": ("summary", "feedback_items", "joint_actions"),
    "work_plan": ("objectives", "activities", "resources"),
}


def context_has_content(kind: str, context: dict[str, Any]) -> bool:
    """Whether a built context shows anything beyond its headings (a pure check over the context)."""
    return any(context.get(key) for key in CONTENT.get(kind, ()))


def has_content(kind: str, subject_id: int, language: str, today: date) -> bool:
    """Whether issuing ``kind`` for the subject would give a document with content (the dossier asks)."""
    return context_has_content(kind, subject_context(kind, subject_id, language, today))


def build_context(kind: str, subject_id: int, language: str, today: date) -> dict[str, Any]:
    """The context of a document; raises NothingToIssue (422) when it would be empty."""
    context = subject_context(kind, subject_id, language, today)
    if not context_has_content(kind, context):
        raise NothingToIssue(kind, subject_id)
    return context


def subject_context(kind: str, subject_id: int, language: str, today: date) -> dict[str, Any]:
    """The context of a subject as it stands, empty or not (translations list its texts; issuing checks content)."""
    try:
        build = BUILDERS[kind]
    except KeyError:
        raise NotFound(N_("Documents of kind '%(kind)s' cannot be issued yet."), field="kind",
                       params={"kind": kind}) from None
    return build(subject_id, language, today)
