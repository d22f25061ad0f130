"""Domain messages reach the pages in the page's language through their template, with no table of patterns."""

from __future__ import annotations

from flask_babel import refresh

from service.common.i18n import N_
from service.errors import RuleViolation
from service.web.messages import translate
from tests.web.conftest import post_form
from tests.web.followup_helpers import stored_term


def test_a_domain_message_no_table_ever_listed_shows_in_spanish(as_user, converter):
    term = stored_term()  # no feedback recorded for it: its feedback document cannot be issued
    client = as_user("st_crm")
    response = post_form(client, f"/documents/ppt_feedback/{term.id}/issue", {"language": "es"},
                         token_from=f"/ppt-terms/{term.id}/feedback")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f"No hay retroalimentación registrada para el período de PPT {term.id}." in page
    assert "No feedback recorded" not in page


def test_parameters_are_humanised_by_name(app):
    error = RuleViolation(N_("%(rule)s: the meeting is only proposed; it cannot be held before ST-CRM, ST-RROCM and "
                             "the PPT all consent; consent missing from: %(missing)s."),
                          params={"rule": "R7", "missing": ["st_rrocm", "ppt"]})
    with app.test_request_context("/?lang=es"):
        assert translate(error).endswith("falta el consentimiento de: ST-RROCM, PPT.")
    refresh()  # the `app` fixture keeps one application context: forget the Spanish catalog
    with app.test_request_context("/?lang=en"):
        assert translate(error).endswith("consent missing from: ST-RROCM, PPT.")
    assert error.message.endswith("consent missing from: st_rrocm, ppt.")


def test_rule_codes_are_left_out_of_a_message_at_its_start_and_inside_it(app):
    error = RuleViolation(N_("R11: the feedback is discussed at the pre-PPT meeting of this term (R6); that meeting "
                             "prepares another term or is not a pre-PPT meeting."))
    with app.test_request_context("/?lang=en"):
        assert translate(error) == ("The feedback is discussed at the pre-PPT meeting of this term; that meeting "
                                    "prepares another term or is not a pre-PPT meeting.")
    assert error.message.startswith("R11: ")  # the API keeps the code
