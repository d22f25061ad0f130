"""Issue 7, "done when": the whole secretariat → member country flow in a real browser."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from sqlalchemy import select

from service.accounts.operations import create_user
from service.auth.principals import Principal
from service.extensions import db
from service.grcm.operations import create_grcm_meeting
from service.meetings.models import Meeting
from service.meetings.operations import update_meeting
from service.meetings.tripartite import approve_minutes, record_consent
from service.ppt.operations import create_term
from tests.browser.conftest import screenshot
from tests.conftest import ACTOR, NOW

pytestmark = pytest.mark.browser
PASSWORD = "una clave bastante larga"


@pytest.fixture
def people(app) -> None:
    create_user(email="ana@crm.example", party="st_crm", country=None, password=PASSWORD, actor=ACTOR, now=NOW,
                name="Ana Rodríguez")
    create_user(email="enlace@bz.example", party=None, country="BZ", password=PASSWORD, actor=ACTOR, now=NOW,
                name="Belize liaison")
    # Something for the dashboard's deadlines: an incoming PPT (R6) and a GRCM meeting (R5).
    create_term({"country": "PA", "starts_on": date(2027, 12, 1), "ends_on": date(2028, 11, 30)}, actor=ACTOR, now=NOW)
    create_grcm_meeting({"title": "Reunión del GRCM, Ciudad de Panamá", "starts_at": datetime(2027, 6, 16, 9),
                         "ends_at": datetime(2027, 6, 18, 17), "timezone": "America/Panama",
                         "location": "Ciudad de Panamá"}, actor=ACTOR, now=NOW)
    db.session.commit()


def sign_in(page, email: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Correo electrónico").fill(email) if page.locator("html[lang=es]").count() else \
        page.get_by_label("E-mail address").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()


def fill_agreement(page, index: int, text: str, responsible: str, due: str) -> None:
    page.locator(f"#agreements-{index}-text").fill(text)
    page.locator(f"#agreements-{index}-responsible").select_option(responsible)
    page.locator(f"#agreements-{index}-due_on").fill(due)


def test_secretariat_to_member_country(context, people, tmp_path):
    page = context.new_page()
    sign_in(page, "ana@crm.example")
    page.wait_for_url("**/dashboard")

    # A meeting in person that took place: ST-CRM consents on the form; it is proposed until the others answer.
    page.goto("/meetings/new")
    page.get_by_label("Tipo de reunión").select_option("ordinary")
    page.get_by_label("Título").fill("Cuarta reunión ordinaria 2026")
    page.locator("#starts_at").fill("2026-11-10T10:00")
    page.locator("#ends_at").fill("2026-11-10T12:00")
    page.locator("#timezone").fill("America/Costa_Rica")
    page.get_by_label("Modalidad").select_option("in_person")
    page.locator("#location").fill("San José, Costa Rica")
    page.locator("#consent_own").check()
    page.get_by_role("button", name="Guardar la reunión").click()
    page.wait_for_url("**/meetings")
    assert "Reunión «Cuarta reunión ordinaria 2026» guardada." in page.locator(".flashes").inner_text()
    meeting = db.session.scalars(select(Meeting)).one()
    assert meeting.status == "proposed"
    # The other two parties answer for themselves (elsewhere), then the secretariat marks it held.
    for other in (Principal(party="st_rrocm"), Principal(party="ppt", ppt_country="PA")):
        record_consent(meeting.id, True, actor=other, now=NOW)
    update_meeting(db.session.get(Meeting, meeting.id), {"status": "held"}, actor=ACTOR, now=NOW)
    db.session.commit()

    # Minutes with three agreements: JavaScript adds and removes rows without a reload.
    page.get_by_role("link", name=re.compile("^Actas")).first.click()
    page.wait_for_url(re.compile(r"/meetings/\d+/minutes$"))
    minutes_url = page.url
    page.locator("#attendees-0-name").fill("Ana Rodríguez")
    page.locator("#attendees-0-party").select_option("st_crm")
    page.locator("#attendees-1-name").fill("John Smith")
    page.locator("#attendees-1-country").select_option("BZ")
    page.locator("#agenda_items-0-title").fill("Plan de trabajo 2027")
    page.locator("#agenda_items-0-discussion").fill("Se revisaron los avances <y> los recursos & apoyos.")
    assert page.locator("[data-rows=agreements] [data-row]").count() == 3
    page.get_by_role("button", name="Agregar un acuerdo").click()
    assert page.locator("[data-rows=agreements] [data-row]").count() == 4
    assert page.url == minutes_url  # no reload
    assert page.evaluate("document.activeElement.id") == "agreements-3-text"
    page.locator("[data-rows=agreements] [data-row]").nth(3).get_by_role("button", name=re.compile("Quitar")).click()
    assert page.locator("[data-rows=agreements] [data-row]").count() == 3
    fill_agreement(page, 0, "Circular el borrador del informe", "st_crm", "2026-12-15")
    fill_agreement(page, 1, "Recopilar aportes de la sociedad civil", "st_rrocm", "2026-11-01")
    fill_agreement(page, 2, "Confirmar la sede del GRCM", "PA", "2027-01-20")
    page.get_by_role("button", name="Guardar el acta").last.click()
    page.wait_for_url(minutes_url)
    assert "Acta guardada." in page.locator(".flashes").inner_text()
    assert page.locator("#agreements-2-text").input_value() == "Confirmar la sede del GRCM"
    page.locator("#agreements-title").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, document.getElementById('agreements-title').getBoundingClientRect().top - 8)")
    screenshot(page, "minutes-form")

    # ST-CRM approves on the panel; the other two parties approve too; then the minutes can be issued.
    page.locator("#approve-minutes").click()
    page.wait_for_url(minutes_url)
    assert "Su aprobación del acta quedó registrada." in page.locator(".flashes").inner_text()
    stored = db.session.get(Meeting, meeting.id)
    db.session.refresh(stored.minutes)
    for other in (Principal(party="st_rrocm"), Principal(party="ppt", ppt_country="PA")):
        approve_minutes(stored, stored.minutes.version, actor=other, now=NOW)
    db.session.commit()
    page.goto(minutes_url)

    # Issue the minutes PDF and download it.
    page.get_by_role("link", name="Emitir el acta en español…").click()
    assert "BZ · Belice" in page.locator(".consequences").inner_text()  # who receives it, before it is sent
    page.get_by_role("button", name="Emitir en español y enviar").click()
    assert "Emitido ET-CRM/2026/MIN-001, versión 1 (ES)." in page.locator(".flashes").inner_text()
    with page.expect_download() as download_info:
        page.locator("#documents").get_by_role("link", name=re.compile("Descargar")).first.click()
    path = tmp_path / "minutes.pdf"
    download_info.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert download_info.value.suggested_filename == "ET-CRM_2026_MIN-001_v1_es.pdf"

    page.goto("/dashboard")
    assert "Recopilar aportes de la sociedad civil" in page.locator("#queue-team").inner_text()
    screenshot(page, "dashboard")

    # Switch to English; the choice survives signing out and in as a member country.
    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard"
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "enlace@bz.example")
    page.wait_for_url("**/portal")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Minutes").is_visible()
    screenshot(page, "portal")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("MIN-001")).click()
    download_info.value.save_as(tmp_path / "country.pdf")
    assert (tmp_path / "country.pdf").read_bytes() == path.read_bytes()

    # A member country's dashboard shows what it received; the secretariat's pages stay closed to it.
    page.goto("/dashboard")
    assert "MIN-001" in page.locator("#received").inner_text()
    response = page.goto("/meetings")
    assert response.status == 403


def test_a_post_without_csrf_token_is_refused(context, people):
    page = context.new_page()
    sign_in(page, "ana@crm.example")
    page.wait_for_url("**/dashboard")
    page.goto("/meetings/new")
    page.locator("#title").fill("Sin token")
    page.evaluate("document.querySelector('form.form input[name=csrf_token]').remove()")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Guardar la reunión").click()
    assert answer.value.status == 400
    assert "no se aceptó" in page.locator("main").inner_text()
    # The same request from outside the page (no token at all) is refused too.
    assert context.request.post("/meetings/new", form={"title": "x"}).status == 400


def test_rows_work_without_javascript(browser, live_server, people):
    ctx = browser.new_context(base_url=live_server, locale="es-CR", java_script_enabled=False)
    try:
        page = ctx.new_page()
        sign_in(page, "ana@crm.example")
        page.goto("/meetings/new")
        page.locator("#title").fill("Reunión sin JavaScript")
        page.locator("#starts_at").fill("2027-05-10T10:00")
        page.locator("#ends_at").fill("2027-05-10T11:00")
        page.locator("#timezone").fill("America/Belize")
        page.get_by_role("button", name="Guardar la reunión").click()
        page.get_by_role("link", name=re.compile("^Actas")).first.click()
        page.locator("#agreements-0-text").fill("Acuerdo escrito sin JavaScript")
        page.get_by_role("button", name="Agregar un acuerdo").click()  # a round trip to the server
        assert page.locator("[data-rows=agreements] [data-row]").count() == 4
        assert page.locator("#agreements-0-text").input_value() == "Acuerdo escrito sin JavaScript"
    finally:
        ctx.close()
