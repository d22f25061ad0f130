"""The dossier without LibreOffice: a part with nothing to show is left out and the contents say why; the
register claims PDF/A only when a second reading confirms it, and otherwise says what is missing."""

from __future__ import annotations

import io

import pytest
from docx import Document
from sqlalchemy import select

from service.demo import load_demo
from service.documents.models import IssuedDocument
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.pdf.facts import pdfa_problems
from service.pdf.merge import Part, merge
from service.recommendations.models import Recommendation
from service.uploads.normalise import ghostscript_pdfa
from tests.conftest import NOW
from tests.fakes import CountingConverter


class KeepingConverter(CountingConverter):
    """The counting fake, keeping the Word files it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.given: list[bytes] = []

    def convert(self, docx: bytes, *, pdfa: bool = True, timeout: float | None = None) -> bytes:
        self.given.append(docx)
        return super().convert(docx, pdfa=pdfa, timeout=timeout)


@pytest.fixture
def keeping(app):
    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, KeepingConverter()
    yield services.converter
    services.converter = saved


def text_of(docx: bytes) -> str:
    document = Document(io.BytesIO(docx))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_a_part_with_no_content_is_left_out_and_the_contents_say_so(client, auth, keeping):
    load_demo(2026, now=NOW)
    grcm = db.session.scalar(select(GrcmMeeting).order_by(GrcmMeeting.starts_at_utc))
    for recommendation in db.session.scalars(select(Recommendation).where(Recommendation.grcm_meeting_id == grcm.id)):
        recommendation.grcm_meeting_id = None
    db.session.commit()

    response = client.post("/api/v1/documents", headers=auth["st_crm"],
                           json={"kind": "dossier", "subject_id": grcm.id, "language": "es"})

    assert response.status_code == 201, response.json
    assert db.session.scalar(select(IssuedDocument).where(IssuedDocument.kind == "recommendations")) is None
    composed = text_of(keeping.given[-1])  # the last conversion is the composed dossier
    assert "no se incluye: no hay recomendaciones para esta reunión" in composed
    assert "Informe de monitoreo del Equipo Tripartito" in composed  # the parts that have content are in it
    assert "Recomendaciones del Equipo Tripartito al GRCM" not in composed


def test_the_dossier_contents_give_each_included_part_a_start_page_field(client, auth, keeping):
    load_demo(2026, now=NOW)
    grcm = db.session.scalar(select(GrcmMeeting.id).order_by(GrcmMeeting.starts_at_utc))
    response = client.post("/api/v1/documents", headers=auth["st_crm"],
                           json={"kind": "dossier", "subject_id": grcm, "language": "en"})
    assert response.status_code == 201, response.json
    xml = Document(io.BytesIO(keeping.given[-1])).element.xml
    references = [f"PAGEREF dossier_part_{n} " for n in (1, 2, 3, 4)] + ["PAGEREF dossier_annex "]
    assert all(reference in xml for reference in references)
    assert "Available in Spanish only." in text_of(keeping.given[-1])  # the annex sheet of the English dossier


def test_the_register_says_why_a_pdf_is_not_pdfa(client, auth, converter):
    load_demo(2026, now=NOW)
    grcm = db.session.scalar(select(GrcmMeeting.id).order_by(GrcmMeeting.starts_at_utc))
    response = client.post("/api/v1/documents", headers=auth["st_crm"],
                           json={"kind": "recommendations", "subject_id": grcm, "language": "es"})
    assert response.status_code == 201
    assert response.json["pdfa"] is False  # the fake converter writes a plain PDF
    assert "no-xmp-pdfa-2b" in response.json["pdfa_reason"]
    assert "no-output-intent" in response.json["pdfa_reason"]


def test_a_pypdf_merge_of_pdfa_parts_is_found_without_trailer_id():
    from pypdf import PdfWriter

    blank = PdfWriter()
    blank.add_blank_page(width=612, height=792)
    plain = io.BytesIO()
    blank.write(plain)
    part = ghostscript_pdfa(plain.getvalue())
    assert pdfa_problems(part) == []
    merged = merge([Part("a", part, pdfa=True), Part("b", part, pdfa=True)], title="t", author="a", subject="s",
                   language="es", created=NOW)
    assert "no-trailer-id" in pdfa_problems(merged)


def test_the_annex_sheet_names_the_language_the_concept_note_is_written_in(client, auth, keeping):
    from service.documents.dossier import concept_note_of_incoming_term
    from tests.hostile import files

    load_demo(2026, now=NOW)
    grcm = db.session.scalar(select(GrcmMeeting).order_by(GrcmMeeting.starts_at_utc))
    term = concept_note_of_incoming_term(grcm).subject_id
    db.session.commit()
    refused = client.put(f"/api/v1/ppt-terms/{term}/concept-note?language=fr", data=files.pdf(2),
                         headers={**auth["ppt"], "Content-Type": "application/pdf"})
    assert refused.status_code == 422
    assert "language" in str(refused.json)
    uploaded = client.put(f"/api/v1/ppt-terms/{term}/concept-note?language=en", data=files.pdf(2),
                          headers={**auth["ppt"], "Content-Type": "application/pdf"})
    assert uploaded.status_code == 201, uploaded.json
    assert uploaded.json["language"] == "en"

    spanish = client.post("/api/v1/documents", headers=auth["st_crm"],
                          json={"kind": "dossier", "subject_id": grcm.id, "language": "es"})
    assert spanish.status_code == 201, spanish.json
    sheet = text_of(keeping.given[-1])
    assert "Idioma original: inglés." in sheet
    assert "Disponible sólo en inglés." in sheet
    english = client.post("/api/v1/documents", headers=auth["st_crm"],
                          json={"kind": "dossier", "subject_id": grcm.id, "language": "en"})
    assert english.status_code == 201, english.json
    sheet = text_of(keeping.given[-1])
    assert "Original language: English." in sheet
    assert "only" not in sheet.split("Original language: English.")[1]


@pytest.mark.parametrize("with_converter", [True, False])
def test_the_demos_concept_note_is_normalised_at_load_when_the_converters_run(app, with_converter):
    """As an upload through the API is; without converters it waits for the first dossier."""
    from service.documents.annexes import CONCEPT_NOTE
    from service.documents.models import Upload

    load_demo(2026, now=NOW, converter=CountingConverter() if with_converter else None)
    note = db.session.scalar(select(Upload).where(Upload.purpose == CONCEPT_NOTE))
    assert (note.pdf_sha256 is not None) is with_converter
