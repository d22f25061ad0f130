"""F2/F3: an annex the dossier cannot use never makes issuing a 500. Uploads are normalised at upload; an annex
stored before the gate existed is normalised at issue time and, if unusable, refused with a 422 naming it."""

from __future__ import annotations

from sqlalchemy import select

from service.demo import load_demo
from service.documents.dossier import concept_note_of_incoming_term
from service.extensions import db
from service.grcm.models import GrcmMeeting
from tests.conftest import NOW
from tests.hostile import files


def issue_dossier(client, auth, grcm_id):
    return client.post("/api/v1/documents", json={"kind": "dossier", "subject_id": grcm_id, "language": "es"},
                       headers=auth["st_crm"])


def test_f2_an_unusable_annex_from_before_the_gate_is_a_422_and_a_new_upload_makes_the_dossier_work(
        client, auth, app, converter):
    load_demo(2026, now=NOW)
    db.session.commit()
    grcm = db.session.scalar(select(GrcmMeeting).order_by(GrcmMeeting.starts_at_utc))
    annex = concept_note_of_incoming_term(grcm)
    store = app.extensions["tripartito"].store
    annex.file_sha256 = store.put(files.pdf_absurd_length(), "application/pdf", now=NOW)  # as stored unchecked
    annex.media_type, annex.pdf_sha256 = "application/pdf", None
    db.session.commit()

    refused = issue_dossier(client, auth, grcm.id)
    assert refused.status_code == 422, refused.json
    assert "concept note" in refused.json["message"]
    assert "Upload it again" in refused.json["message"]

    replaced = client.put(f"/api/v1/ppt-terms/{annex.subject_id}/concept-note", data=files.pdf(2),
                          headers={**auth["ppt"], "Content-Type": "application/pdf"})
    assert replaced.status_code == 201, replaced.json
    issued = issue_dossier(client, auth, grcm.id)
    assert issued.status_code == 201, issued.json
