"""A page per record, read-only like an event page, with its History from the audit log (issues 14 and 11)."""

from __future__ import annotations

import re
from datetime import date, datetime

from service.auth.principals import Principal
from service.extensions import db
from service.meetings.models import Meeting
from service.meetings.operations import save_minutes
from service.meetings.tripartite import approve_minutes, record_consent
from tests.conftest import ACTOR, NOW
from tests.factories import minutes_body
from tests.web.conftest import post_form
from tests.web.followup_helpers import etag_in, stored_grcm, stored_term
from tests.web.test_meeting_forms import _stored
from tests.web.test_recommendation_pages import stored_recommendation

PAST = {"starts_at": datetime(2026, 11, 10, 10), "ends_at": datetime(2026, 11, 10, 12)}


def test_the_meeting_page_shows_details_agenda_consents_minutes_and_history_in_the_page_language(as_user, users):
    meeting = _stored(title="Reunión presencial de San José", modality="in_person", location="San José",
                      agenda=["Plan de trabajo 2027", "Informe de seguimiento"], consents={"st_crm": True}, **PAST)
    record_consent(meeting.id, False, actor=Principal(party="st_rrocm", user_email=users["st_rrocm"]), now=NOW)
    db.session.commit()
    page = as_user("st_crm").get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "<h1>Reunión presencial de San José</h1>" in page
    assert "Plan de trabajo 2027" in page
    assert "Informe de seguimiento" in page
    assert "Propuesta (a la espera de los tres consentimientos)" in page
    assert "Presencial" in page
    assert "in_person" not in page
    assert f'href="/meetings/{meeting.id}/edit"' in page
    assert f'href="/meetings/{meeting.id}/calendar.ics"' in page
    assert "Todavía no se ha registrado el acta." in page
    history = page[page.index('id="history"'):]
    assert "Registró la reunión" in history
    assert "Respondió sobre la reunión" in history
    assert "ST-RROCM: no da su consentimiento" in history
    assert history.index("Respondió sobre la reunión") < history.index("Registró la reunión")  # newest first
    assert "meeting.consent" not in history
    assert "(st_rrocm)" not in history
    assert "proposed" not in history


def test_history_names_the_person_by_the_name_of_their_account(as_user, users):
    meeting = _stored(kind="extraordinary", consents={"st_crm": True})
    client = as_user("st_rrocm")
    response = post_form(client, f"/meetings/{meeting.id}/consent", {"consent": "yes"},
                         token_from=f"/meetings/{meeting.id}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/meetings/{meeting.id}#consent-panel"
    page = client.get(f"/meetings/{meeting.id}?lang=en").get_data(as_text=True)
    history = page[page.index('id="history"'):]
    assert "Oficial st_rrocm (ST-RROCM)" in history
    assert "ST-RROCM: consents" in history


def test_the_meeting_page_shows_the_minutes_approvals_and_the_old_form_address_still_takes_a_post(as_user):
    meeting = _stored(**PAST)
    meeting.status = "held"
    save_minutes(meeting, {k: v for k, v in minutes_body().items() if k != "agreements"}, actor=ACTOR, now=NOW)
    db.session.flush()
    approve_minutes(meeting, meeting.minutes.version, actor=Principal(party="st_rrocm", user_email="l@r.org"),
                    now=NOW)
    db.session.commit()
    client = as_user("st_crm")
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Borrador" in page
    assert "aprobada por l@r.org" in page.lower()
    assert "Aprobó el acta" in page[page.index('id="history"'):]
    response = post_form(client, f"/meetings/{meeting.id}", {"title": "x"}, token_from=f"/meetings/{meeting.id}")
    assert response.status_code == 307
    assert response.headers["Location"] == f"/meetings/{meeting.id}/edit"


def test_the_calendar_download_is_the_meeting_as_ics(as_user):
    meeting = _stored(title="Reunión con calendario")
    response = as_user("ppt").get(f"/meetings/{meeting.id}/calendar.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "SUMMARY:Reunión con calendario" in response.get_data(as_text=True)


def test_marking_an_ended_meeting_held_moves_it_on_in_the_queue(as_user):
    meeting = _stored(title="Reunión de noviembre", **PAST)
    client = as_user("st_crm")
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert "Marcar la reunión como realizada" in dashboard
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert 'id="mark-held"' in page
    response = post_form(client, f"/meetings/{meeting.id}/held", {"etag": etag_in(page)},
                         token_from=f"/meetings/{meeting.id}")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).status == "held"
    dashboard = client.get("/dashboard").get_data(as_text=True)
    assert "Marcar la reunión como realizada" not in dashboard
    assert "Registrar el acta" in dashboard


def test_a_future_meeting_cannot_be_marked_held(as_user):
    meeting = _stored()
    client = as_user("st_crm")
    response = post_form(client, f"/meetings/{meeting.id}/held", {"etag": f'"meeting-{meeting.id}-v0"'},
                         token_from=f"/meetings/{meeting.id}")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).status == "scheduled"
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "celebrada solo después de terminar" in page


def test_the_grcm_page_shows_the_report_deadline_its_recommendations_and_history(as_user):
    grcm = stored_grcm(datetime(2027, 3, 9, 9))
    stored_recommendation(grcm_meeting_id=grcm.id, title="Protocolo de retorno")
    page = as_user("st_crm").get(f"/grcm-meetings/{grcm.id}").get_data(as_text=True)
    assert "<h1>GRCM Ciudad de Panamá</h1>" in page
    assert "9 de enero de 2027" in page
    assert "todavía no se ha emitido" in page
    assert "Protocolo de retorno" in page
    assert "Borrador" in page
    assert "Registró la reunión del GRCM" in page[page.index('id="history"'):]
    assert f'href="/grcm-meetings/{grcm.id}/edit"' in page


def test_the_recommendation_page_has_a_history_from_the_audit_log(as_user):
    recommendation = stored_recommendation()
    page = as_user("st_rrocm").get(f"/recommendations/{recommendation.id}").get_data(as_text=True)
    history = page[page.index('id="history"'):]
    assert "Registró la recomendación" in history
    assert "Destinatario: Reunión Viceministerial" in history


def test_lists_and_dashboard_link_to_the_record_pages(as_user):
    meeting = _stored(title="Reunión enlazada", starts_at=datetime(2026, 12, 2, 10),
                      ends_at=datetime(2026, 12, 2, 11))
    grcm = stored_grcm(datetime(2027, 3, 9, 9))
    client = as_user("st_crm")
    assert f'href="/meetings/{meeting.id}">Reunión enlazada' in client.get("/meetings").get_data(as_text=True)
    assert f'href="/grcm-meetings/{grcm.id}">' in client.get("/grcm-meetings").get_data(as_text=True)
    assert f'href="/meetings/{meeting.id}">Reunión enlazada' in client.get("/dashboard").get_data(as_text=True)


def test_the_dashboard_splits_the_queue_and_the_navigation_counts_what_waits_for_you(as_user):
    _stored(kind="extraordinary", title="Extraordinaria de diciembre", consents={"st_crm": True},
            starts_at=datetime(2026, 12, 14, 10), ends_at=datetime(2026, 12, 14, 11))
    stored_grcm(datetime(2027, 3, 9, 9))
    client = as_user("st_rrocm")
    page = client.get("/dashboard").get_data(as_text=True)
    mine = page[page.index('id="queue-mine"'):page.index('id="queue-team"')]
    team = page[page.index('id="queue-team"'):]
    assert "Responder a la propuesta de una reunión" in mine
    assert "Extraordinaria de diciembre" in mine
    assert "Vence el 13 de diciembre de 2026" in mine
    assert "Emitir el informe de monitoreo" in team
    assert "Vence el 9 de enero de 2027" in team
    assert re.search(r'Panel <span class="count">1<span class="visually-hidden"> pendiente para usted', page)
    other = client.get("/meetings").get_data(as_text=True)
    assert '<span class="count">1<' in other
    assert '<span class="count">' not in as_user("st_crm").get("/meetings").get_data(as_text=True)


def test_a_member_country_sees_the_meetings_to_come_with_a_calendar_download_and_no_queue(as_user):
    meeting = _stored(title="Reunión ordinaria de febrero")
    client = as_user("BZ")
    page = client.get("/dashboard").get_data(as_text=True)
    assert "Reunión ordinaria de febrero" in page
    assert f'href="/meetings/{meeting.id}/calendar.ics"' in page
    assert "Todavía no ha recibido documentos." in page
    assert 'id="queue-mine"' not in page
    assert '<span class="count">' not in page
    assert client.get(f"/meetings/{meeting.id}/calendar.ics").status_code == 200
    assert client.get(f"/meetings/{meeting.id}").status_code == 403


def test_the_ppt_term_page_shows_the_r6_deadline_its_pre_ppt_meeting_and_history(as_user):
    term = stored_term(date(2027, 7, 1))
    client = as_user("st_crm")
    page = client.get(f"/ppt-terms/{term.id}").get_data(as_text=True)
    assert "Panamá 2027–2028" in page
    assert "1 de mayo de 2027" in page  # two months before the term starts (R6)
    assert "todavía no hay reunión previa a la PPT convocada" in page
    assert "Registró el período de la PPT" in page[page.index('id="history"'):]
    pre_ppt = _stored(kind="pre_ppt", title="Reunión previa a la PPT de Panamá", ppt_term_id=term.id,
                      starts_at=datetime(2027, 4, 20, 10), ends_at=datetime(2027, 4, 20, 12))
    page = client.get(f"/ppt-terms/{term.id}").get_data(as_text=True)
    assert f'<a href="/meetings/{pre_ppt.id}">Reunión previa a la PPT de Panamá</a>' in page
    assert f'href="/ppt-terms/{term.id}"' in client.get("/ppt-feedback").get_data(as_text=True)


def test_a_network_addressee_is_named_and_entries_without_a_field_name_are_counted(as_user):
    recommendation = stored_recommendation(addressee="consular_protection")
    page = as_user("st_crm").get(f"/recommendations/{recommendation.id}").get_data(as_text=True)
    assert "consular_protection" not in page
    assert "Destinatario: Red de Protección Consular" in page[page.index('id="history"'):]
    term = stored_term(date(2027, 7, 1))
    from service.audit.operations import record
    from service.audit.rules import Subject

    record(db.session, ACTOR, NOW, "translations.save", Subject("ppt_term", term.id),
           {"concept.title": [None, "Title"], "concept.body": [None, "Body"]})
    db.session.commit()
    page = as_user("st_crm").get(f"/ppt-terms/{term.id}").get_data(as_text=True)
    assert "Guardó traducciones" in page
    assert "2 datos más" in page
    assert "concept.title" not in page


def test_record_pages_are_the_teams_a_missing_record_is_a_404_and_an_old_grcm_form_post_is_redirected(as_user):
    grcm = stored_grcm(datetime(2027, 3, 9, 9))
    term = stored_term(date(2027, 7, 1))
    country = as_user("HN")
    for path in (f"/grcm-meetings/{grcm.id}", f"/ppt-terms/{term.id}"):
        assert country.get(path).status_code == 403
    client = as_user("ppt")
    for path in ("/meetings/999", "/grcm-meetings/999", "/ppt-terms/999", "/meetings/999/calendar.ics"):
        assert client.get(path).status_code == 404
    response = post_form(client, f"/grcm-meetings/{grcm.id}", {"title": "x"}, token_from=f"/grcm-meetings/{grcm.id}")
    assert response.status_code == 307
    assert response.headers["Location"] == f"/grcm-meetings/{grcm.id}/edit"
