"""Shared by the follow-up pages' tests: stored GRCM meetings and PPT terms, and the ETag a form carries."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta

from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.grcm.operations import create_grcm_meeting
from service.ppt.models import PptTerm
from service.ppt.operations import create_term
from tests.conftest import ACTOR, NOW


def etag_in(page: str) -> str:
    """The hidden ETag of the form on `page`, as the browser sends it back."""
    return html.unescape(re.search(r'name="etag" value="([^"]*)"', page).group(1))


def stored_grcm(starts_at: datetime = datetime(2026, 6, 10, 9)) -> GrcmMeeting:
    meeting = create_grcm_meeting({"title": "GRCM Ciudad de Panamá", "starts_at": starts_at,
                                   "ends_at": starts_at.replace(hour=17), "timezone": "America/Panama"},
                                   actor=ACTOR, now=NOW)
    db.session.commit()
    return meeting


def stored_term(starts_on: date = date(2027, 7, 1), country: str = "PA") -> PptTerm:
    ends_on = starts_on.replace(year=starts_on.year + 1) - timedelta(days=1)
    term = create_term({"country": country, "starts_on": starts_on, "ends_on": ends_on}, actor=ACTOR, now=NOW)
    db.session.commit()
    return term


def stored_instrument() -> None:
    """An instrument in the register, so the monitoring report has content (nothing empty is issued)."""
    from service.monitoring.operations import create_instrument
    from tests.followups_factories import instrument_body

    create_instrument(instrument_body(adopted_on=date(2016, 6, 24)), actor=ACTOR, now=NOW)
    db.session.commit()
