"""The GRCM page's package button: issues every document of the meeting and says what was issued and reused."""

from __future__ import annotations

from sqlalchemy import select

from service.demo import load_demo
from service.extensions import db
from service.grcm.models import GrcmMeeting
from tests.conftest import NOW
from tests.web.conftest import post_form


def test_the_package_button_issues_then_reuses_and_tells(as_user, converter):
    load_demo(2026, now=NOW)
    db.session.commit()
    grcm_id = db.session.scalar(select(GrcmMeeting.id).order_by(GrcmMeeting.starts_at_utc))
    client = as_user("st_crm")
    page = f"/grcm-meetings/{grcm_id}/documents?lang=en"
    assert "Issue the whole package" in client.get(page).get_data(as_text=True)

    first = post_form(client, f"/grcm-meetings/{grcm_id}/package", {"languages": "es"}, token_from=page)
    shown = client.get(page).get_data(as_text=True)

    assert first.status_code == 302
    assert "Package ready" in shown
    again = post_form(client, f"/grcm-meetings/{grcm_id}/package", {"languages": "es"}, token_from=page)
    assert again.status_code == 302
    assert "0 documents issued" in client.get(page).get_data(as_text=True)
