"""The demo year ships English for every text its documents show: every kind issues in English, and the
English minutes PDF (real LibreOffice, pdftotext) contains none of their Spanish sentences."""

from __future__ import annotations

import io
import subprocess
import tempfile

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from service.content_translations.operations import context_in, translation_items
from service.content_translations.rules import TranslationSubject, source_texts
from service.demo import load_demo
from service.documents.contexts import has_content
from service.documents.models import IssuedDocument
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Minutes
from service.planning.models import WorkPlan
from service.ppt.feedback_models import PptFeedback
from tests.conftest import NOW


@pytest.fixture
def demo(app):
    load_demo(2026, now=NOW)
    db.session.commit()


def demo_subjects() -> list[tuple[str, int]]:
    grcm = db.session.scalars(select(GrcmMeeting.id)).all()
    return ([("minutes", m) for m in db.session.scalars(select(Minutes.meeting_id))]
            + [(kind, g) for g in grcm for kind in ("recommendations", "monitoring_report")]
            + [("ppt_feedback", db.session.scalar(select(PptFeedback.ppt_term_id))),
               ("work_plan", db.session.scalar(select(WorkPlan.id)))])


def test_every_text_of_every_demo_document_has_a_final_english_translation(demo):
    subjects = [(kind, subject_id) for kind, subject_id in demo_subjects()
                if has_content(kind, subject_id, "es", NOW.date())]  # an empty document is never issued
    assert len(subjects) >= 4 + 2 + 2
    for kind, subject_id in subjects:
        shown = translation_items(TranslationSubject(kind, subject_id), "en", NOW.date())
        assert shown, (kind, subject_id)
        assert {(i.state, i.stale) for i in shown} == {("final", False)}, (kind, subject_id)
        english = context_in(kind, subject_id, "en", NOW.date())  # would raise Untranslated
        spanish = source_texts(kind, context_in(kind, subject_id, "es", NOW.date()))
        assert not set(spanish.values()) & set(source_texts(kind, english).values()), (kind, subject_id)


def test_the_demo_monitoring_reports_number_questions_have_their_unit_in_each_language(demo):
    for language, unit in (("es", "personas"), ("en", "people")):
        tools = [tool for grcm in db.session.scalars(select(GrcmMeeting.id))
                 for tool in context_in("monitoring_report", grcm, language, NOW.date())["tools"]]
        units = {q["unit"] for tool in tools for q in tool["questions"] if q["type"] == "number"}
        assert units == {unit}, language


@pytest.mark.libreoffice
def test_the_english_minutes_pdf_contains_none_of_their_spanish_sentences(app, client, auth, demo, libreoffice):
    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, libreoffice
    try:
        meeting_id = db.session.scalar(select(Minutes.meeting_id).order_by(Minutes.meeting_id))
        issued = client.post("/api/v1/documents", headers=auth["st_crm"],
                             json={"kind": "minutes", "subject_id": meeting_id, "language": "en"})
        assert issued.status_code == 201, issued.json
        pdf = client.get(f"/api/v1/documents/{issued.json['id']}/pdf", headers=auth["BZ"]).data
    finally:
        services.converter = saved
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        text = subprocess.run(["pdftotext", "-layout", file.name, "-"], capture_output=True, text=True,
                              check=True).stdout
    flat = " ".join(text.split())
    items = translation_items(TranslationSubject("minutes", meeting_id), "en", NOW.date())
    for item in items:
        assert " ".join(item.source.split()) not in flat, item.key
    assert "First ordinary meeting of the Tripartite Team" in flat
    assert "Circulate the draft annual work plan to the Member Countries." in flat
    subject = PdfReader(io.BytesIO(pdf)).metadata.subject
    assert subject == "First ordinary meeting of the Tripartite Team"  # the metadata subject in English too


def test_the_english_dossier_names_the_grcm_meeting_in_english_in_its_metadata(client, auth, demo, converter):
    grcm_id = db.session.scalar(select(GrcmMeeting.id).order_by(GrcmMeeting.starts_at_utc))
    issued = client.post("/api/v1/documents", headers=auth["st_crm"],
                         json={"kind": "dossier", "subject_id": grcm_id, "language": "en"})
    assert issued.status_code == 201, issued.json
    pdf = client.get(f"/api/v1/documents/{issued.json['id']}/pdf", headers=auth["BZ"]).data
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert metadata.subject == "RCGM meeting, Tegucigalpa 2026"
    assert metadata.title.endswith("RCGM meeting, Tegucigalpa 2026")
    assert db.session.get(IssuedDocument, issued.json["id"]).context["grcm"]["title"] == metadata.subject
