"""The GRCM package: every document of a GRCM meeting in each language, issued and sealed in one action;
unchanged documents are reused, not issued again; what cannot be issued is listed with the reason."""

from __future__ import annotations

import io
import zipfile

from sqlalchemy import select

from service.demo import load_demo
from service.documents.dossier import (
    concept_note_of_incoming_term,
    meetings_in_the_period,
    meetings_of_the_period,
)
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.templating.qr import qr_png
from tests.conftest import NOW


def first_grcm() -> int:
    return db.session.scalar(select(GrcmMeeting.id).order_by(GrcmMeeting.starts_at_utc))


def package(client, auth, grcm_id, languages=("es", "en")):
    return client.post(f"/api/v1/grcm-meetings/{grcm_id}/package", json={"languages": list(languages)},
                       headers=auth["st_crm"])


def test_the_package_issues_every_document_in_each_language_then_reuses_them(app, client, auth, converter):
    load_demo(2026, now=NOW)
    db.session.commit()
    grcm_id = first_grcm()

    cold = package(client, auth, grcm_id)

    assert cold.status_code == 200, cold.json
    documents = cold.json["documents"]
    kinds = {(d["kind"], d["language"]) for d in documents}
    for kind in ("monitoring_report", "recommendations", "dossier"):
        assert {(kind, "es"), (kind, "en")} <= kinds
    assert not any(d["reused"] for d in documents if d["kind"] != "dossier")
    conversions = converter.conversions

    warm = package(client, auth, grcm_id)

    assert all(d["reused"] for d in warm.json["documents"])
    assert {d["id"] for d in warm.json["documents"]} == {d["id"] for d in documents}
    assert converter.conversions == conversions  # nothing converted again


def test_minutes_that_cannot_be_issued_yet_are_missing_in_each_language_with_the_rules_reason(
        app, client, auth, converter):
    load_demo(2026, now=NOW)
    db.session.commit()
    grcm, not_ready = next((g, ids) for g in db.session.scalars(select(GrcmMeeting).order_by(GrcmMeeting.id))
                           if (ids := {m.id for m in meetings_in_the_period(g)}
                               - {m.id for m in meetings_of_the_period(g)}))  # the demo has minutes awaiting approval

    body = package(client, auth, grcm.id).json

    missing = {(gap["subject_id"], gap["language"]): gap["reason"] for gap in body["missing"]
               if gap["kind"] == "minutes"}
    assert set(missing) == {(meeting_id, lang) for meeting_id in not_ready for lang in ("es", "en")}
    assert all(missing.values())
    assert not {d["subject_id"] for d in body["documents"] if d["kind"] == "minutes"} & not_ready


def test_the_packaged_dossier_is_sealed_and_verifies(app, client, auth, converter, monkeypatch):
    load_demo(2026, now=NOW)
    db.session.commit()
    converted: list[bytes] = []
    real_convert = converter.convert
    monkeypatch.setattr(converter, "convert", lambda docx, **kw: converted.append(docx) or real_convert(docx, **kw))
    documents = package(client, auth, first_grcm(), languages=["es"]).json["documents"]
    dossier = next(d for d in documents if d["kind"] == "dossier")

    pdf = client.get(f"/api/v1/documents/{dossier['id']}/pdf", headers=auth["BZ"]).data
    answer = client.post("/api/v1/verify", data=pdf, headers={"Content-Type": "application/pdf"}).json

    assert answer["authentic"] is True
    assert answer["kind"] == "dossier"
    # the dossier's own link and QR code are in its footer (the cover's footer is the whole dossier's)
    url = client.get(f"/api/v1/documents/{dossier['id']}", headers=auth["st_crm"]).json["verification_url"]
    docx = converted[-1]  # the dossier goes last
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        footers = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("word/footer"))
        assert url in footers
        assert qr_png(url) in [zf.read(n) for n in zf.namelist() if n.startswith("word/media/")]


def test_an_unknown_meeting_or_language_is_refused_naming_it(client, auth, converter):
    assert package(client, auth, 99999).status_code == 404
    refused = package(client, auth, 1, languages=["fr"])
    assert refused.status_code == 422
    assert "languages" in str(refused.json)


def test_member_countries_cannot_package(client, auth, converter):
    response = client.post("/api/v1/grcm-meetings/1/package", json={"languages": ["es"]}, headers=auth["BZ"])

    assert response.status_code == 403



def test_the_dossier_takes_the_parts_the_package_just_found_instead_of_looking_at_them_again(
        app, client, auth, converter, monkeypatch):
    load_demo(2026, now=NOW)
    db.session.commit()
    grcm_id = first_grcm()
    package(client, auth, grcm_id, languages=["es"])
    import service.documents.dossier as dossier

    looked_at: list[tuple[str, int]] = []
    real = dossier.has_content
    monkeypatch.setattr(dossier, "has_content", lambda kind, subject_id, *rest: looked_at.append((kind, subject_id))
                        or real(kind, subject_id, *rest))

    warm = package(client, auth, grcm_id, languages=["es"]).json

    assert all(d["reused"] for d in warm["documents"])
    packed = {(d["kind"], d["subject_id"]) for d in warm["documents"]}
    assert not set(looked_at) & packed  # only parts the package could not issue are looked at by the dossier


def test_a_concept_note_kept_from_before_the_upload_gate_is_normalised_once_for_both_dossiers(
        app, client, auth, converter, monkeypatch):
    load_demo(2026, now=NOW)
    grcm = db.session.get(GrcmMeeting, first_grcm())
    note = concept_note_of_incoming_term(grcm)
    note.pdf_sha256 = None  # as stored before uploads were normalised at upload
    db.session.commit()
    original = app.extensions["tripartito"].store.get(note.file_sha256)
    converted: list[bytes] = []
    real_convert = converter.convert
    monkeypatch.setattr(converter, "convert", lambda docx, **kw: converted.append(docx) or real_convert(docx, **kw))

    documents = package(client, auth, grcm.id).json["documents"]

    assert {d["language"] for d in documents if d["kind"] == "dossier"} == {"es", "en"}
    assert converted.count(original) == 1  # not once per language's dossier
    db.session.expire_all()
    assert concept_note_of_incoming_term(grcm).pdf_sha256 is not None  # kept for the next dossier
