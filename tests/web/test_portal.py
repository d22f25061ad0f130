"""The member countries' portal: documents titled by subject with es/en paired, withdrawn and replaced copies
marked, filters by year and kind, upcoming meetings, and only what the country received."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import delete

from service.documents.models import Distribution
from service.extensions import db
from service.meetings.operations import cancel_meeting
from tests.conftest import ACTOR, NOW
from tests.web.conftest import post_form
from tests.web.document_helpers import distributed, issued
from tests.web.followup_helpers import stored_grcm
from tests.web.test_meeting_forms import _stored


def entries(page: str) -> list[str]:
    """The portal's document entries (the <li> of each document-list)."""
    return re.findall(r'<p class="document-subject">(.*?)</ul>\s*(?:<details>.*?</details>\s*)?</li>', page, re.S)


def test_copies_in_both_languages_are_one_entry_titled_by_subject_and_date(as_user):
    distributed(issued(language="es"))
    distributed(issued(language="en"))
    db.session.commit()
    client = as_user("BZ")
    [entry] = entries(client.get("/portal").get_data(as_text=True))
    assert "Acta de la reunión ordinaria del 12 de febrero de 2026" in entry
    assert "ET-CRM/2026/MIN-001" in entry
    assert ">Español (PDF)" in entry
    assert ">English (PDF)" in entry
    [entry] = entries(client.get("/portal?lang=en").get_data(as_text=True))
    assert "Minutes of the ordinary meeting of 12 February 2026" in entry


def test_withdrawn_copies_say_why_and_replaced_versions_are_marked(as_user):
    distributed(issued(language="es", version=1))
    distributed(issued(language="es", version=2))
    distributed(issued(language="en", version=1, withdrawn="Lista de asistentes equivocada"))
    db.session.commit()
    page = as_user("HN").get("/portal").get_data(as_text=True)
    [entry] = entries(page)
    assert "RETIRADO" in entry
    assert "Lista de asistentes equivocada" in entry
    assert "versión 2" in entry
    assert "1 versión anterior (reemplazada)" in page
    assert "<strong>Reemplazado</strong>" in page


def test_a_country_sees_only_the_documents_sent_to_it(as_user):
    shared = issued(language="es")
    distributed(shared)
    kept = issued("work_plan", 7, "es", context={"year": 2027})  # work plans are not sent to the countries
    not_for_hn = issued("monitoring_report", 3, "es", context={"grcm": {"starts_on": "2026-06-10"}})
    distributed(not_for_hn)
    db.session.execute(delete(Distribution).where(Distribution.document_id == not_for_hn.id,
                                                  Distribution.country == "HN"))
    db.session.commit()
    client = as_user("HN")
    page = client.get("/portal").get_data(as_text=True)
    assert len(entries(page)) == 1
    assert "ET-CRM/2026/MIN-001" in page
    assert client.get(f"/documents/{shared.id}.pdf").status_code == 200
    assert client.get(f"/documents/{kept.id}.pdf").status_code == 404
    assert client.get(f"/documents/{not_for_hn.id}.pdf").status_code == 404


def test_the_parties_see_every_document_on_the_portal(as_user):
    distributed(issued(language="es"))
    issued("work_plan", 7, "es", context={"year": 2027})
    db.session.commit()
    page = as_user("st_rrocm").get("/portal").get_data(as_text=True)
    assert len(entries(page)) == 2
    assert "Plan de trabajo 2027" in page


def test_the_portal_filters_by_year_and_kind(as_user):
    distributed(issued(language="es"))
    distributed(issued("monitoring_report", 3, "es", context={"grcm": {"starts_on": "2026-06-10"}}))
    db.session.commit()
    client = as_user("BZ")
    [entry] = entries(client.get("/portal?kind=monitoring_report").get_data(as_text=True))
    assert "Informe de monitoreo para la reunión del GRCM del 10 de junio de 2026" in entry
    assert entries(client.get("/portal?year=2025").get_data(as_text=True)) == []
    assert len(entries(client.get("/portal?year=2026").get_data(as_text=True))) == 2
    assert client.get("/portal?kind=secret").status_code == 400


def test_upcoming_meetings_in_their_own_zone_and_the_viewers_language(as_user):
    _stored(title="Reunión del primer trimestre", starts_at=datetime(2027, 2, 11, 10),
            ends_at=datetime(2027, 2, 11, 12), timezone="America/Panama")
    past = _stored(title="Reunión pasada", starts_at=datetime(2026, 11, 10, 10), ends_at=datetime(2026, 11, 10, 12))
    cancelled = _stored(title="Reunión cancelada", starts_at=datetime(2027, 4, 8, 10),
                        ends_at=datetime(2027, 4, 8, 12))
    cancel_meeting(cancelled, actor=ACTOR, now=NOW)
    stored_grcm(datetime(2027, 6, 10, 9))
    db.session.commit()
    assert past.starts_at_utc < NOW.astimezone(UTC)
    client = as_user("BZ")
    page = client.get("/portal").get_data(as_text=True)
    upcoming = page.split('id="upcoming"', 1)[1].split("</section>", 1)[0]
    assert "Reunión del primer trimestre" in upcoming
    assert "jueves, 11 de febrero de 2027, 10:00" in upcoming
    assert "hora de Panamá" in upcoming
    assert "GRCM Ciudad de Panamá" in upcoming
    assert upcoming.index("primer trimestre") < upcoming.index("GRCM Ciudad")
    assert "Reunión pasada" not in upcoming
    assert "Reunión cancelada" not in upcoming
    english = client.get("/portal?lang=en").get_data(as_text=True)
    assert "Thursday, February 11, 2027, 10:00" in english
    assert "Panama Time" in english


def test_the_calendar_address_can_be_copied_with_a_button_or_selected_without_script(as_user):
    client = as_user("BZ")
    created = post_form(client, "/portal/calendar", {})
    assert created.status_code == 302  # post/redirect/get: the new address is shown once, after the redirect
    page = client.get(created.headers["Location"]).get_data(as_text=True)
    assert re.search(r'<input type="text" id="feed-url" value="http[^"]+" readonly>', page)
    assert re.search(r'<button type="button" data-copy="feed-url"[^>]*hidden>Copiar la dirección</button>', page)
    assert 'id="feed-url-copied"' in page
    assert "/static/copy.js" in page
