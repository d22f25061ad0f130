"""Create forms save once (issue 14): Back after a successful create and submit again, or a double click, leads to
the record already created with a notice; nothing is saved twice. The token lives in the database (several hosts)."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from service.extensions import db
from service.form_submissions.models import FormSubmission
from service.meetings.models import Meeting
from service.recommendations.models import Recommendation
from tests.web.conftest import csrf_token
from tests.web.test_meeting_forms import MEETING_FORM

_FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def form_token(page: str) -> str:
    found = _FORM_TOKEN.search(page)
    assert found, "no one-time token in the form"
    return found.group(1)


def test_the_same_meeting_form_sent_twice_saves_one_meeting_and_leads_to_it(as_user):
    client = as_user("st_crm")
    page = client.get("/meetings/new").get_data(as_text=True)
    sent = {**MEETING_FORM, "form_token": form_token(page), "csrf_token": csrf_token(client, "/meetings/new")}
    first = client.post("/meetings/new", data=sent)
    assert first.status_code == 302, first.get_data(as_text=True)
    again = client.post("/meetings/new", data=sent)  # Back, then "Save" once more
    meeting = db.session.scalars(select(Meeting)).one()
    assert again.status_code == 302
    assert again.headers["Location"].endswith(f"/meetings/{meeting.id}/edit")
    followed = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "already saved" in followed or "ya se había guardado" in followed


def test_each_new_form_carries_a_fresh_token_and_a_form_with_errors_keeps_its_own(as_user):
    client = as_user("st_crm")
    one, two = (form_token(client.get("/meetings/new").get_data(as_text=True)) for _ in range(2))
    assert one != two
    refused = client.post("/meetings/new", data={**MEETING_FORM, "title": "", "form_token": one,
                                                 "csrf_token": csrf_token(client, "/meetings/new")})
    assert refused.status_code == 422
    assert form_token(refused.get_data(as_text=True)) == one
    assert db.session.scalar(select(func.count(FormSubmission.id))) == 0  # nothing saved, token still free


def test_opening_a_create_form_stores_nothing(as_user):
    client = as_user("st_crm")
    for path in ("/meetings/new", "/recommendations/new", "/grcm-meetings/new", "/ppt-terms/new",
                 "/crm-events/new", "/monitoring/instruments/new", "/work-plans/new"):
        page = client.get(path).get_data(as_text=True)
        assert form_token(page), path
    assert db.session.scalar(select(func.count(FormSubmission.id))) == 0


def test_a_recommendation_form_sent_twice_makes_one_recommendation(as_user):
    from tests.web.followup_helpers import stored_grcm

    grcm = stored_grcm()
    client = as_user("st_rrocm")
    page = client.get("/recommendations/new").get_data(as_text=True)
    sent = {"title": "Protocolo", "text": "Adoptar el protocolo.", "rationale": "La red lo pidió.",
            "addressee": "viceministerial", "grcm_meeting_id": str(grcm.id), "form_token": form_token(page),
            "csrf_token": csrf_token(client, "/recommendations/new")}
    assert client.post("/recommendations/new", data=sent).status_code == 302
    again = client.post("/recommendations/new", data=sent)
    assert again.status_code == 302
    assert db.session.scalar(select(func.count(Recommendation.id))) == 1


def test_a_second_host_claiming_the_same_token_meanwhile_leads_to_the_first_record(as_user, monkeypatch):
    """The race: another host saved the form between our look-up and our commit; the unique nonce decides."""
    from service.form_submissions.operations import saved_location
    from service.web import once
    from tests.web.followup_helpers import stored_grcm

    grcm = stored_grcm()
    client = as_user("st_crm")
    page = client.get("/recommendations/new").get_data(as_text=True)
    sent = {"title": "Protocolo", "text": "Adoptar el protocolo.", "rationale": "La red lo pidió.",
            "addressee": "viceministerial", "grcm_meeting_id": str(grcm.id), "form_token": form_token(page),
            "csrf_token": csrf_token(client, "/recommendations/new")}
    assert client.post("/recommendations/new", data=sent).status_code == 302
    looks = []

    def not_yet_seen(nonce: str) -> str | None:  # the first look-up misses the other host's claim
        looks.append(nonce)
        return None if len(looks) == 1 else saved_location(nonce)

    monkeypatch.setattr(once, "saved_location", not_yet_seen)
    again = client.post("/recommendations/new", data=sent)
    assert again.status_code == 302
    assert len(looks) == 2
    assert db.session.scalar(select(func.count(Recommendation.id))) == 1


def test_a_monitoring_entry_sent_twice_is_recorded_once(as_user):
    from datetime import date

    from service.monitoring.models import MonitoringEntry
    from service.monitoring.operations import create_instrument
    from tests.conftest import ACTOR, NOW
    from tests.followups_factories import instrument_body

    instrument = create_instrument(instrument_body(adopted_on=date(2016, 6, 24)), actor=ACTOR, now=NOW)
    db.session.commit()
    client = as_user("st_crm")
    path = f"/monitoring/instruments/{instrument.id}"
    page = client.get(path).get_data(as_text=True)
    sent = {"period": "2026-S1", "country": "HN", "status": "partial", "observations": "Avance",
            "form_token": form_token(page), "csrf_token": csrf_token(client, path)}
    assert client.post(path, data=sent).status_code == 302
    again = client.post(path, data=sent)
    assert again.status_code == 302
    assert again.headers["Location"].endswith(f"{path}#entries")
    assert db.session.scalar(select(func.count(MonitoringEntry.id))) == 1


def _claimed(nonce: str, at) -> None:
    from service.form_submissions.operations import claim

    claim(nonce, "/meetings/1", now=at)


def test_used_tokens_older_than_30_days_are_purged_and_newer_ones_still_guard_their_form(app):
    from datetime import timedelta

    from service.form_submissions.operations import purge_used, saved_location
    from tests.conftest import NOW

    _claimed("o" * 20, NOW - timedelta(days=30, seconds=1))
    _claimed("e" * 20, NOW - timedelta(days=30))  # exactly 30 days: kept
    _claimed("n" * 20, NOW - timedelta(hours=1))
    db.session.commit()
    assert purge_used(now=NOW) == 1
    db.session.commit()
    assert saved_location("o" * 20) is None
    assert saved_location("e" * 20) == "/meetings/1"
    assert saved_location("n" * 20) == "/meetings/1"
    assert purge_used(now=NOW) == 0  # a second run (another host's cron) finds nothing to do


def test_the_maintenance_purge_command_acts_as_of_the_moment_it_is_given(app):
    from datetime import timedelta

    from tests.conftest import NOW

    _claimed("o" * 20, NOW - timedelta(days=40))
    _claimed("n" * 20, NOW)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["maintenance", "purge", "--now", "2026-12-20T00:00:00+00:00"])
    assert result.exit_code == 0, result.output
    assert "1 form token(s)" in result.output
    assert db.session.scalar(select(func.count()).select_from(FormSubmission)) == 1
