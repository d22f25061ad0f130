"""Every kind issued in both languages through the real LibreOffice: text exactly as typed, PDF/A-2b,
sound files (qpdf), and a dossier with one bookmark per part."""

from __future__ import annotations

import io
import subprocess
import tempfile

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from service.demo import load_demo
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Agreement
from service.monitoring.models import MonitoringEntry
from service.pdf.facts import pdfa_part
from service.planning.models import WorkPlan, WorkPlanActivity
from service.ppt.feedback_models import PptFeedback
from service.recommendations.models import Recommendation
from tests.conftest import NOW
from tests.content_translations.helpers import carry_appended_text
from tests.documents.samples import HOSTILE

pytestmark = pytest.mark.libreoffice

# What users type, verbatim in the PDF text. The PDF shows everything in place, but text extraction follows the
# content stream: glyphs from the emoji font come at the end of their line, and neutral characters around
# right-to-left script are reordered. So the emoji go last on the line and the Arabic on a line of its own,
# checked letter by letter.
TYPED = sorted((s for s in HOSTILE if not s.startswith("RTL")), key=lambda s: s.startswith("emoji"))
RTL = next(s for s in HOSTILE if s.startswith("RTL"))
HOSTILE_LINE = " · ".join(TYPED) + "\n" + RTL


@pytest.fixture
def demo_year(app, libreoffice):
    """The demo year, with hostile text typed into every kind of record, and the real converters wired."""
    load_demo(2026, now=NOW)
    for row in db.session.scalars(select(Agreement)):
        row.text = f"{row.text} {HOSTILE_LINE}"
    for row in db.session.scalars(select(Recommendation)):
        row.text = f"{row.text}\n{HOSTILE_LINE}"
    for row in db.session.scalars(select(MonitoringEntry)):
        row.observations = f"{row.observations} {HOSTILE_LINE}"
    for row in db.session.scalars(select(WorkPlanActivity)):
        row.description = f"{row.description} {HOSTILE_LINE}"
    for row in db.session.scalars(select(PptFeedback)):
        row.summary = f"{row.summary or ''} {HOSTILE_LINE}"
    db.session.commit()
    carry_appended_text()  # the demo's English translations get the same hostile text
    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, libreoffice
    yield
    services.converter = saved


def subject_of(kind: str) -> int:
    grcm = db.session.scalar(select(GrcmMeeting.id).order_by(GrcmMeeting.starts_at_utc))
    return {
        "minutes": db.session.scalar(select(Agreement).limit(1)).minutes.meeting_id,
        "recommendations": grcm, "monitoring_report": grcm, "dossier": grcm,
        "work_plan": db.session.scalar(select(WorkPlan.id)),
        "ppt_feedback": db.session.scalar(select(PptFeedback.ppt_term_id)),
    }[kind]


def pdf_text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(done.stdout.decode().split())


def qpdf_check(pdf: bytes) -> subprocess.CompletedProcess:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        return subprocess.run(["qpdf", "--check", file.name], capture_output=True, check=False)


def issue(client, auth, kind: str, language: str) -> tuple[dict, bytes]:
    response = client.post("/api/v1/documents", headers=auth["st_crm"],
                           json={"kind": kind, "subject_id": subject_of(kind), "language": language})
    assert response.status_code == 201, response.json
    pdf = client.get(f"/api/v1/documents/{response.json['id']}/pdf", headers=auth["BZ"]).data
    return response.json, pdf


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("kind", ["minutes", "recommendations", "ppt_feedback", "monitoring_report", "work_plan"])
def test_every_kind_issues_a_pdfa_with_typed_text_verbatim(client, auth, demo_year, kind, language):
    document, pdf = issue(client, auth, kind, language)
    text = pdf_text(pdf)
    for typed in TYPED:
        assert " ".join(typed.split()) in text, f"{typed!r} missing from the {kind} PDF"
    assert all(letter in text for letter in "مرحبا")
    assert pdfa_part(pdf) == 2
    assert document["pdfa"] is True
    assert qpdf_check(pdf).returncode == 0
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert document["reference"] in info.title
    assert document["reference"] in text
    assert document["pages"] == len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("language", ["es", "en"])
def test_dossier_merges_every_part_with_a_bookmark_each_and_continuous_page_labels(client, auth, demo_year,
                                                                                   language):
    document, pdf = issue(client, auth, "dossier", language)
    reader = PdfReader(io.BytesIO(pdf))
    assert document["pages"] == len(reader.pages)
    titles = [item.title for item in reader.outline]
    assert titles[0] in ("Portada", "Cover")
    assert any("MON-" in t for t in titles)
    assert any("REC-" in t for t in titles)
    assert sum("MIN-" in t for t in titles) == 2  # the minutes of the period before the June GRCM meeting
    assert titles[-1].startswith(("Anexo", "Annex"))  # the incoming PPT's concept note
    assert reader.page_labels == [str(n) for n in range(1, len(reader.pages) + 1)]
    assert reader.metadata.title.startswith(("Expediente", "Dossier"))
    assert reader.metadata.author
    assert qpdf_check(pdf).returncode == 0
    assert pdfa_part(pdf) == 2
    assert HOSTILE[0] in pdf_text(pdf)


def test_issuing_the_dossier_again_with_nothing_changed_returns_the_same_version(client, auth, demo_year):
    first, _ = issue(client, auth, "dossier", "es")
    again = client.post("/api/v1/documents", headers=auth["st_crm"],
                        json={"kind": "dossier", "subject_id": subject_of("dossier"), "language": "es"})
    assert again.status_code == 200
    assert again.json["id"] == first["id"]
