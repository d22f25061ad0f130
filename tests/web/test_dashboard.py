"""The secretariat's dashboard: next meetings, deadlines with days left, R3 gaps, overdue agreements."""

from __future__ import annotations

from datetime import date, datetime

from service.extensions import db
from service.grcm.operations import create_grcm_meeting
from service.meetings.operations import save_minutes
from service.ppt.operations import create_term
from service.web.dashboard import quarters_without_ordinary_meeting
from tests.conftest import ACTOR, NOW
from tests.web.test_meeting_forms import _stored


def test_dashboard_shows_deadlines_gaps_and_overdue_agreements(as_user):
    create_term({"country": "PA", "starts_on": date(2027, 12, 1), "ends_on": date(2028, 11, 30)}, actor=ACTOR, now=NOW)
    create_grcm_meeting({"title": "GRCM Panamá", "starts_at": datetime(2027, 3, 9, 9),
                         "ends_at": datetime(2027, 3, 9, 17), "timezone": "America/Panama"}, actor=ACTOR, now=NOW)
    meeting = _stored(title="Reunión de febrero")
    save_minutes(meeting, {"agreements": [{"text": "Enviar insumos", "responsible": "st_rrocm",
                                           "due_on": date(2026, 11, 20)}]}, actor=ACTOR, now=NOW)
    db.session.commit()
    page = as_user("st_crm").get("/dashboard").get_data(as_text=True)
    assert "Reunión de febrero" in page
    assert "9 de enero de 2027" in page
    assert "faltan 42 días" in page
    assert "1 de octubre de 2027" in page
    assert "PPT entrante: PA" in page
    assert "2026-Q1" in page
    assert "2026-Q4" in page
    assert "Enviar insumos" in page


def test_quarter_gaps_ignore_cancelled_and_other_kinds(app):
    _stored(starts_at=datetime(2027, 5, 1, 10), ends_at=datetime(2027, 5, 1, 11))
    _stored(kind="extraordinary", consents={"st_crm": True},
            starts_at=datetime(2027, 8, 1, 10), ends_at=datetime(2027, 8, 1, 11))
    assert quarters_without_ordinary_meeting(2027) == ["2027-Q1", "2027-Q3", "2027-Q4"]


def test_the_queue_counts_only_approvals_and_endorsements_of_the_current_text(app):
    from service.auth.principals import Principal
    from service.meetings.tripartite import approve_minutes
    from service.recommendations.operations import create_recommendation, endorse, update_recommendation
    from service.web.dashboard import work_queue

    meeting = _stored(title="Reunión de noviembre", starts_at=datetime(2026, 11, 10, 10),
                      ends_at=datetime(2026, 11, 10, 12))
    minutes = save_minutes(meeting, {"language": "es"}, actor=ACTOR, now=NOW)
    db.session.flush()
    approve_minutes(meeting, minutes.version, actor=Principal(party="st_rrocm"), now=NOW)
    recommendation = create_recommendation({"title": "Retorno", "text": "Texto", "rationale": "Razón",
                                            "addressee": "viceministerial"}, actor=ACTOR, now=NOW)
    endorse(recommendation, actor=Principal(party="st_rrocm"), now=NOW)
    db.session.commit()
    mine = work_queue(party="st_rrocm", today=NOW.date(), now=NOW).mine
    assert [item.kind for item in mine] == []  # approved and endorsed what is there now
    save_minutes(meeting, {"language": "es", "next_meeting": "Marzo"}, actor=ACTOR, now=NOW)
    update_recommendation(recommendation, {"text": "Texto corregido"}, actor=ACTOR, now=NOW)
    db.session.commit()
    mine = work_queue(party="st_rrocm", today=NOW.date(), now=NOW).mine
    assert sorted(item.kind for item in mine) == ["approve_minutes", "endorse"]
