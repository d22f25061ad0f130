"""The PPT acts, as incoming PPT, on its own country's concept note, work plan and feedback round (issue 11
item 8): another country's PPT → 403 naming the term, nothing stored; the secretariats act on every term's."""

from __future__ import annotations

from datetime import date

import pytest

from service.errors import NotPermitted
from service.ppt.rules import Term, check_own_term
from tests.documents.test_concept_note_upload import nothing_stored, pdf_bytes
from tests.factories import term_body
from tests.followups_factories import feedback_body
from tests.meetings.test_ppt_scope_api import ppt_of

PANAMA = Term(4, "PA", date(2027, 12, 1), date(2028, 11, 30))


def test_only_the_terms_own_ppt_and_the_secretariats_act_on_its_records():
    check_own_term("ppt", "PA", PANAMA)
    check_own_term("st_crm", None, PANAMA)
    check_own_term("st_rrocm", None, PANAMA)
    with pytest.raises(NotPermitted) as refused:
        check_own_term("ppt", "GT", PANAMA)
    assert "PPT term 4 of PA" in refused.value.message
    assert "the PPT of GT" in refused.value.message
    with pytest.raises(NotPermitted):
        check_own_term("ppt", None, PANAMA)  # a PPT tied to no country is no term's PPT


@pytest.fixture
def panama(client, auth) -> dict:
    return client.post("/api/v1/ppt-terms", json=term_body(), headers=auth["st_crm"]).json  # PA, from 2027-12-01


@pytest.mark.parametrize("annex", ["concept-note", "work-plan"])
def test_another_countrys_ppt_cannot_upload_the_incoming_ppts_annex_403_naming_the_term(client, auth, panama,
                                                                                        annex):
    url = f"/api/v1/ppt-terms/{panama['id']}/{annex}"
    refused = client.put(url, data=pdf_bytes(2), headers={**ppt_of("GT"), "Content-Type": "application/pdf"})
    assert refused.status_code == 403
    assert f"PPT term {panama['id']} of PA" in refused.json["message"]
    assert nothing_stored()
    own = client.put(url, data=pdf_bytes(2), headers={**auth["ppt"], "Content-Type": "application/pdf"})  # PA
    assert own.status_code == 201, own.json
    secretariat = client.put(url, data=pdf_bytes(3), headers={**auth["st_rrocm"], "Content-Type": "application/pdf"})
    assert secretariat.status_code == 201, secretariat.json


def test_another_countrys_ppt_cannot_write_the_feedback_round_403_naming_the_term(client, auth, panama):
    url = f"/api/v1/ppt-terms/{panama['id']}/feedback"
    refused = client.put(url, json=feedback_body(), headers=ppt_of("GT"))
    assert refused.status_code == 403
    assert f"PPT term {panama['id']} of PA" in refused.json["message"]
    assert client.get(url, headers=auth["st_crm"]).status_code == 404
    written = client.put(url, json=feedback_body(), headers=auth["st_crm"])
    assert written.status_code in (200, 201), written.json
    own = client.put(url, json=feedback_body(summary="Observaciones de la PPT entrante."),
                     headers={**auth["ppt"], "If-Match": written.headers["ETag"]})
    assert own.status_code == 200, own.json
    edit = client.put(url, json=feedback_body(summary="Otra"), headers={**ppt_of("GT"),
                                                                       "If-Match": own.headers["ETag"]})
    assert edit.status_code == 403
    assert client.get(url, headers=auth["st_crm"]).json["summary"] == "Observaciones de la PPT entrante."
