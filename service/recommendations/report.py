"""The data of the `recommendations` document for a GRCM meeting (R9): what the team presented there."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from service.common.i18n import N_
from service.errors import NotFound
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.recommendations.models import Recommendation
from service.recommendations.rules import RecommendationState, addressee_name
from service.reference.models import Network


def recommendations_context(grcm_meeting_id: int, language: str, today: date) -> dict[str, Any]:
    """RecommendationsContext without its `header` (a documents ContextBuilder: subject, language, today).

    Drafts are the team's working data and never appear; submitted, approved and rejected ones do, numbered.
    """
    meeting = db.session.get(GrcmMeeting, grcm_meeting_id)
    if meeting is None:
        raise NotFound(N_("No GRCM meeting %(id)s."), params={"id": grcm_meeting_id}, field="subject_id")
    networks = {n.code: (n.name_es, n.name_en) for n in db.session.scalars(select(Network))}
    presented = db.session.scalars(
        select(Recommendation).where(Recommendation.grcm_meeting_id == meeting.id,
                                     Recommendation.state != RecommendationState.DRAFT.value)
        .order_by(Recommendation.id))
    return {
        "grcm": {"title": meeting.title, "starts_on": meeting.starts_at.date(), "ends_on": meeting.ends_at.date(),
                 "location": meeting.location, "original_language": meeting.original_language},
        "introduction": None,
        # `original_language`: a hint for the translations (service.content_translations), never rendered
        "recommendations": [
            {"number": str(number), "title": r.title, "text": r.text, "rationale": r.rationale,
             "addressee": addressee_name(r.addressee, language, networks), "state": r.state,
             "original_language": r.original_language}
            for number, r in enumerate(presented, start=1)],
    }
