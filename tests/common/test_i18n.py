"""Domain messages: English templates with parameters; `.message` is the English text the API answers."""

from __future__ import annotations

from service.common.i18n import N_, Message
from service.errors import Conflict, RuleViolation


def test_a_domain_error_keeps_its_english_message_with_the_params_applied():
    error = RuleViolation(N_("R7: consent missing from: %(missing)s; %(zone)r is unknown."),
                          params={"missing": ["st_rrocm", "ppt"], "zone": "Mars/Olympus"}, field="consents",
                          rule="R7")
    assert error.message == "R7: consent missing from: st_rrocm, ppt; 'Mars/Olympus' is unknown."
    assert str(error) == error.message
    assert error.template == "R7: consent missing from: %(missing)s; %(zone)r is unknown."
    assert error.params == {"missing": ["st_rrocm", "ppt"], "zone": "Mars/Olympus"}
    assert error.payload() == {"message": error.message, "rule": "R7",
                               "errors": {"json": {"consents": [error.message]}}}


def test_a_message_without_params_is_its_own_text():
    error = Conflict("100% sure: read it again.")
    assert (error.message, error.template, error.params) == ("100% sure: read it again.",
                                                              "100% sure: read it again.", {})
    assert error.payload() == {"message": "100% sure: read it again."}


def test_a_warning_message_is_english_text_that_remembers_its_template():
    warning = Message(N_("The period %(period)s has not begun yet."), {"period": "2027-Q1"})
    assert warning == "The period 2027-Q1 has not begun yet."
    assert (warning.template, warning.params) == ("The period %(period)s has not begun yet.", {"period": "2027-Q1"})
