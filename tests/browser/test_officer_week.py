"""Issue 14, "done when": the officer's week. The dashboard shows what is due, each item leads to its action,
the action is done there, and the queue (and the count in the navigation) shrinks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

import pytest
from flask import Flask

from service.accounts.operations import create_user
from service.auth.principals import Principal
from service.extensions import db
from service.meetings.operations import create_meeting, save_minutes, update_meeting
from service.meetings.tripartite import approve_minutes, record_consent
from tests.browser.conftest import served
from tests.browser.test_web_flow import PASSWORD, sign_in
from tests.conftest import ACTOR, NOW
from tests.factories import minutes_body

pytestmark = pytest.mark.browser
OTHERS = (Principal(party="st_rrocm"), Principal(party="ppt", ppt_country="PA"))


@pytest.fixture(scope="module")
def live_server(_app: Flask) -> Iterator[str]:
    """The test app on a free port; nothing here issues a PDF, so no LibreOffice pool is started."""
    with served(_app) as url:
        yield url


@pytest.fixture
def week(app) -> dict[str, int]:
    """Ana (ST-CRM) starts her week: minutes the other two approved wait for her, and so does a proposal."""
    create_user(email="ana@crm.example", party="st_crm", country=None, password=PASSWORD, actor=ACTOR, now=NOW,
                name="Ana Rodríguez")
    held = create_meeting({"kind": "ordinary", "title": "Cuarta reunión ordinaria 2026", "modality": "virtual",
                           "starts_at": datetime(2026, 11, 10, 10), "ends_at": datetime(2026, 11, 10, 12),
                           "timezone": "America/Costa_Rica"}, actor=ACTOR, now=NOW)
    update_meeting(held, {"status": "held"}, actor=ACTOR, now=NOW)
    minutes = save_minutes(held, minutes_body(agreements=[]), actor=ACTOR, now=NOW)
    for other in OTHERS:
        approve_minutes(held, minutes.version, actor=other, now=NOW)
    proposed = create_meeting({"kind": "extraordinary", "title": "Reunión extraordinaria sobre retornos",
                               "modality": "virtual", "starts_at": datetime(2026, 12, 14, 10),
                               "ends_at": datetime(2026, 12, 14, 11), "timezone": "America/Costa_Rica"},
                              actor=OTHERS[0], now=NOW)
    record_consent(proposed.id, True, actor=OTHERS[0], now=NOW)
    record_consent(proposed.id, True, actor=OTHERS[1], now=NOW)
    db.session.commit()
    return {"held": held.id, "proposed": proposed.id}


def nav_count(page) -> str:
    badge = page.locator("nav .count")
    return badge.inner_text().split()[0] if badge.count() else "0"


def test_the_officers_week_the_queue_leads_to_each_action_and_shrinks(context, week):
    page = context.new_page()
    sign_in(page, "ana@crm.example")
    page.wait_for_url("**/dashboard")
    mine = page.locator("#queue-mine")
    assert nav_count(page) == "2"
    assert "Responder a la propuesta de una reunión: Reunión extraordinaria sobre retornos" in mine.inner_text()
    assert "Vence el 13 de diciembre de 2026" in mine.inner_text()
    assert "Aprobar el acta: Cuarta reunión ordinaria 2026" in mine.inner_text()

    # The proposal: its link opens the meeting's page at the consent panel, where Ana answers for ST-CRM.
    mine.get_by_role("link", name=re.compile("Responder a la propuesta")).click()
    page.wait_for_url(f"**/meetings/{week['proposed']}#consent-panel")
    assert page.get_by_role("heading", level=1).inner_text() == "Reunión extraordinaria sobre retornos"
    page.locator("#consent-yes").click()
    page.wait_for_url(f"**/meetings/{week['proposed']}#consent-panel")
    assert "Su respuesta quedó registrada." in page.locator(".flashes").inner_text()
    assert "Programada" in page.locator("#details").inner_text()
    assert nav_count(page) == "1"

    # The minutes: the link opens the approval panel; approving moves the item to the team's "issue".
    page.get_by_role("link", name=re.compile("^Panel")).click()
    page.wait_for_url("**/dashboard")
    assert "Responder a la propuesta" not in mine.inner_text()
    mine.get_by_role("link", name=re.compile("Aprobar el acta")).click()
    page.wait_for_url(f"**/meetings/{week['held']}/minutes#approval-panel")
    page.locator("#approve-minutes").click()
    assert "Su aprobación del acta quedó registrada." in page.locator(".flashes").inner_text()

    page.goto("/dashboard")
    assert nav_count(page) == "0"
    assert "No hay nada pendiente para su parte." in mine.inner_text()
    assert "Emitir el acta a los países miembros: Cuarta reunión ordinaria 2026" in \
        page.locator("#queue-team").inner_text()
