"""The follow-up pages: secretariat only, in the navigation, both languages; their documents issued es/en."""

from __future__ import annotations

from service.auth.principals import Principal
from service.extensions import db
from service.ppt.feedback import save_feedback
from tests.conftest import NOW
from tests.content_translations.helpers import translate_stored
from tests.web.conftest import post_form
from tests.web.followup_helpers import stored_grcm, stored_instrument, stored_term
from tests.web.test_recommendation_pages import stored_recommendation
from tests.web.test_work_plan_pages import stored_plan

PAGES = ["/recommendations", "/recommendations/new", "/monitoring", "/monitoring/instruments/new", "/ppt-feedback",
         "/work-plans", "/work-plans/new", "/crm-events", "/crm-events/new", "/grcm-meetings", "/grcm-meetings/new",
         "/ppt-terms/new"]


def test_country_users_get_403_on_every_follow_up_page(as_user):
    grcm, term, plan = stored_grcm(), stored_term(), stored_plan()
    recommendation = stored_recommendation(grcm_meeting_id=grcm.id)
    client = as_user("BZ")
    pages = [*PAGES, f"/recommendations/{recommendation.id}", f"/recommendations/{recommendation.id}/edit",
             f"/ppt-terms/{term.id}/feedback", f"/ppt-terms/{term.id}/concept-note", f"/work-plans/{plan.id}",
             f"/grcm-meetings/{grcm.id}/documents"]
    for path in pages:
        assert client.get(path).status_code == 403, path
    for path, data in [(f"/recommendations/{recommendation.id}/transitions", {"to": "submitted"}),
                       ("/crm-events/new", {"title": "x"}),
                       (f"/documents/work_plan/{plan.id}/issue", {"language": "es"})]:
        assert post_form(client, path, data, token_from="/portal").status_code == 403, path


def test_every_page_opens_for_the_secretariat_and_the_navigation_links_them(as_user):
    client = as_user("st_rrocm")
    for path in PAGES:
        assert client.get(path).status_code == 200, path
    nav = client.get("/dashboard").get_data(as_text=True)
    for path in ("/recommendations", "/monitoring", "/ppt-feedback", "/work-plans", "/crm-events", "/grcm-meetings"):
        assert f'href="{path}"' in nav


def test_the_language_switch_on_a_new_page(as_user):
    stored_grcm()
    client = as_user("st_crm")
    assert "Reuniones del GRCM" in client.get("/grcm-meetings").get_data(as_text=True)
    page = client.get("/grcm-meetings?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Monitoring report due (two months before the GRCM)" in page
    assert "April 10, 2026" in page  # GRCM on 10 June 2026 − 2 months, in the page's language
    assert 'href="/grcm-meetings?lang=es"' in page
    assert "Work plans" in client.get("/work-plans").get_data(as_text=True)  # remembered


def test_issue_the_work_plan_and_the_ppt_feedback_in_both_languages(as_user, converter):
    plan, term = stored_plan(), stored_term()
    save_feedback(term, {"summary": "Bien", "items": [{"section": "Objetivos", "comment": "Claro"}]},
                  actor=Principal(party="st_crm"), now=NOW)
    db.session.commit()
    translate_stored("work_plan", plan.id)
    translate_stored("ppt_feedback", term.id)
    client = as_user("st_crm")
    for path, page in [(f"/documents/work_plan/{plan.id}/issue", f"/work-plans/{plan.id}"),
                       (f"/documents/ppt_feedback/{term.id}/issue", f"/ppt-terms/{term.id}/feedback")]:
        for language in ("es", "en"):
            response = post_form(client, path, {"language": language}, token_from=page)
            assert response.status_code == 302
            assert response.headers["Location"].startswith(page)
        shown = client.get(page).get_data(as_text=True)
        assert "versión 1 (EN)" in shown, shown[:3000]
        assert shown.count("download>") >= 2
    assert converter.conversions == 4


def test_the_grcm_meeting_documents_page_issues_its_three_kinds(as_user, converter):
    stored_instrument()
    grcm = stored_grcm()
    recommendation = stored_recommendation(grcm_meeting_id=grcm.id)
    recommendation.state = "approved"  # drafts appear nowhere: documents of drafts only are empty (422)
    db.session.commit()
    for kind in ("recommendations", "monitoring_report"):
        translate_stored(kind, grcm.id)
    client = as_user("st_crm")
    page = client.get(f"/grcm-meetings/{grcm.id}/documents").get_data(as_text=True)
    for kind in ("recommendations", "monitoring_report", "dossier"):
        assert f'href="/documents/{kind}/{grcm.id}/issue?language=es"' in page  # to the confirmation first
        confirm = client.get(f"/documents/{kind}/{grcm.id}/issue?language=es").get_data(as_text=True)
        assert f'action="/documents/{kind}/{grcm.id}/issue"' in confirm
    response = post_form(client, f"/documents/recommendations/{grcm.id}/issue", {"language": "es"},
                         token_from=f"/grcm-meetings/{grcm.id}/documents")
    assert response.status_code == 302
    shown = client.get(f"/grcm-meetings/{grcm.id}/documents").get_data(as_text=True)
    assert "Emitido ET-CRM/2026/REC-001, versión 1 (ES)." in shown
    for kind in ("monitoring_report", "dossier"):
        response = post_form(client, f"/documents/{kind}/{grcm.id}/issue", {"language": "en"},
                             token_from=f"/grcm-meetings/{grcm.id}/documents")
        assert response.status_code == 302
        assert response.headers["Location"].endswith(f"#issue-{kind}")
        shown = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "flash-success" in shown, kind
        assert "versión 1 (EN)" in shown


def test_without_converters_the_page_says_so(app, as_user):
    plan = stored_plan()
    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, None
    try:
        client = as_user("st_crm")
        post_form(client, f"/documents/work_plan/{plan.id}/issue", {"language": "es"},
                  token_from=f"/work-plans/{plan.id}")
        page = client.get(f"/work-plans/{plan.id}").get_data(as_text=True)
    finally:
        services.converter = saved
    assert "convertidores" in page


def test_minutes_are_not_issued_through_the_generic_address(as_user):
    client = as_user("st_crm")
    assert post_form(client, "/documents/minutes/1/issue", {"language": "es"},
                     token_from="/documents").status_code == 404
