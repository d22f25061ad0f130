"""Build each document kind's context (see schemas/rendering.py) from the database.

A builder returns the context without the issue-specific header fields (reference, version, issued_on),
which the register adds; what it returns is what gets frozen with the issued document.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from service.common.i18n import N_
from service.documents.contexts.common import ContextBuilder
from service.documents.contexts.followups import monitoring_report, ppt_feedback, recommendations, work_plan
from service.documents.contexts.minutes import minutes_context
from service.errors import NotFound

BUILDERS: dict[str, ContextBuilder] = {
    "minutes": minutes_context,
    "monitoring_report": monitoring_report,
    "recommendations": recommendations,
    "ppt_feedback": ppt_feedback,
    "work_plan": work_plan,
}


def build_context(kind: str, subject_id: int, language: str, today: date) -> dict[str, Any]:
    try:
        build = BUILDERS[kind]
    except KeyError:
        raise NotFound(N_("Documents of kind '%(kind)s' cannot be issued yet."), field="kind",
                       params={"kind": kind}) from None
    return build(subject_id, language, today)
