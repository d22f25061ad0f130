"""The incoming PPT's work plan is uploaded beside its concept note (issue 11 item 9): the same gate, the same
normalisation, its own current version, and the upload told in the audit log under the term."""

from __future__ import annotations

import io

from tests.audit.helpers import log
from tests.documents.test_concept_note_upload import docx_bytes, nothing_stored, pdf_bytes, term_id  # noqa: F401

URL = "/api/v1/ppt-terms/{}/work-plan"


def put(client, auth, term, content, name="plan.pdf"):
    return client.put(URL.format(term), data=content, headers={
        **auth["ppt"], "Content-Type": "application/octet-stream",
        "Content-Disposition": f'attachment; filename="{name}"'})


def test_the_work_plan_is_stored_beside_the_concept_note_not_instead_of_it(client, auth, term_id):  # noqa: F811
    note = client.put(f"/api/v1/ppt-terms/{term_id}/concept-note", data=pdf_bytes(1), headers={
        **auth["ppt"], "Content-Type": "application/pdf"}).json
    plan = put(client, auth, term_id, pdf_bytes(4), name="Plan de trabajo PPT.pdf")
    assert plan.status_code == 201, plan.json
    assert (plan.json["purpose"], plan.json["pages"], plan.json["original_name"]) == (
        "ppt_work_plan", 4, "Plan de trabajo PPT.pdf")
    assert client.get(f"/api/v1/ppt-terms/{term_id}/concept-note", headers=auth["BZ"]).json["id"] == note["id"]
    assert client.get(URL.format(term_id) + "/file", headers=auth["BZ"]).data == pdf_bytes(4)
    [entry] = [e for e in log(client, auth, f"ppt_term:{term_id}") if e["action"] == "ppt_term.ppt_work_plan"]
    assert entry["changes"]["upload_id"] == [None, plan.json["id"]]


def test_the_work_plan_passes_the_same_gate(client, auth, term_id, converter):  # noqa: F811
    refused = put(client, auth, term_id, b"MZ\x90\x00 not a document", name="plan.exe")
    assert refused.status_code in (415, 422)
    assert "work plan" in refused.json["message"]
    assert nothing_stored()
    word = client.put(URL.format(term_id), headers=auth["st_rrocm"], content_type="multipart/form-data",
                      data={"file": (io.BytesIO(docx_bytes("Plan de trabajo")), "plan.docx")})
    assert word.status_code == 201, word.json
    assert converter.conversions == 1  # normalised at upload, like the concept note


def test_no_work_plan_yet_is_404_and_countries_cannot_upload(client, auth, term_id):  # noqa: F811
    assert client.get(URL.format(term_id), headers=auth["st_crm"]).status_code == 404
    assert client.put(URL.format(term_id), data=pdf_bytes(1), headers={
        **auth["BZ"], "Content-Type": "application/pdf"}).status_code == 403
