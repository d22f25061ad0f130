"""Official form of every document (issue 12 items 2–4): symbol block, addressee, preamble, closing, endorsements,
place and date, logo slots, official names, no machine artefacts, nothing empty issued. Rendered Word files only;
the PDFs themselves are checked in test_official_pdf.py."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import pytest
from sqlalchemy import func, select

from scripts.build_templates import plain_mark
from service.documents.contexts import context_has_content
from service.documents.models import DocumentReference, IssuedDocument
from service.extensions import db
from service.templating.formatting import format_date_range, format_period
from service.templating.kinds import KINDS
from service.templating.render import render_docx
from tests.documents import samples
from tests.documents.samples import all_text, part_xml
from tests.followups_factories import grcm_meeting

LANGS = ("es", "en")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def rendered(kind: str, language: str, **changes) -> bytes:
    return render_docx(kind, language, {**samples.sample(kind, language), **changes})


def text_of(data: bytes) -> str:
    """Body, header and footer text, with Word's non-breaking hyphens read back as U+2011."""
    body = all_text(data)
    for part in ("word/header1.xml", "word/footer1.xml"):
        body += " " + " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", part_xml(data, part)))
    return body


# ---------------------------------------------------------------- formatting


@pytest.mark.parametrize(("first", "last", "language", "expected"), [
    (date(2026, 6, 16), date(2026, 6, 18), "es", "16 al 18 de junio de 2026"),
    (date(2026, 6, 16), date(2026, 6, 18), "en", "16\u201318 June 2026"),
    (date(2026, 6, 30), date(2026, 7, 2), "es", "30 de junio al 2 de julio de 2026"),
    (date(2026, 6, 30), date(2026, 7, 2), "en", "30 June \u2013 2 July 2026"),
    (date(2026, 12, 30), date(2027, 1, 2), "es", "30 de diciembre de 2026 al 2 de enero de 2027"),
    (date(2026, 12, 30), date(2027, 1, 2), "en", "30 December 2026 \u2013 2 January 2027"),
    (date(2026, 6, 16), date(2026, 6, 16), "en", "16 June 2026"),
    (date(2026, 6, 16), None, "es", "16 de junio de 2026"),
])
def test_date_ranges_write_the_shared_month_and_year_once(first, last, language, expected) -> None:
    assert format_date_range(first, last, language) == expected


@pytest.mark.parametrize(("code", "language", "expected"), [
    ("2026-S1", "es", "primer semestre de 2026"), ("2026-S1", "en", "first half of 2026"),
    ("2025-S2", "es", "segundo semestre de 2025"), ("2026-Q3", "en", "third quarter of 2026"),
    ("2026-T4", "es", "cuarto trimestre de 2026"), ("2026", "en", "2026"),
    ("Ene–mar 2026", "es", "Ene–mar 2026"),  # typed by hand: shown as typed, never guessed at
])
def test_monitoring_periods_are_written_in_words(code, language, expected) -> None:
    assert format_period(code, language) == expected


def test_a_range_that_ends_before_it_starts_is_an_error() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        format_date_range(date(2026, 6, 18), date(2026, 6, 16), "es")


# ---------------------------------------------------------------- the blocks


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_has_symbol_block_preamble_closing_place_and_date(kind: str, language: str) -> None:
    text = text_of(rendered(kind, language))
    spanish = language == "es"
    assert "Distr.: General" in text
    assert ("Original: español" if spanish else "Original: Spanish") in text
    assert ("Fecha de emisión: 28 de noviembre de 2026" if spanish else "Date of issue: 28 November 2026") in text
    assert ("conforme al mecanismo de trabajo que lo rige" if spanish else "under the mechanism that governs its "
            "work") in text
    assert ("las seguridades de su más alta consideración" if spanish else "the assurances of its highest "
            "consideration") in text
    assert ("San José, Costa Rica, 28 de noviembre de 2026" if spanish else
            "San José, Costa Rica, 28 November 2026") in text
    # no approvals recorded in the samples: the secretariats issue it, and the document says so
    assert ("Documento emitido por las secretarías técnicas" if spanish else "Issued by the technical "
            "secretariats") in text
    assert "Idioma" not in text
    assert "Language:" not in text


@pytest.mark.parametrize("language", LANGS)
def test_recommendations_are_addressed_to_the_grcm_and_feedback_to_the_incoming_ppt(language: str) -> None:
    to = "Destinatario: " if language == "es" else "To: "
    grcm = ("Grupo Regional de Consulta sobre Migración (GRCM)" if language == "es"
            else "Regional Consultation Group on Migration (RCGM)")
    assert to + grcm in text_of(rendered("recommendations", language))
    ppt = "Presidencia Pro Tempore entrante: " if language == "es" else "Incoming Pro Tempore Presidency: "
    feedback = rendered("ppt_feedback", language)
    assert to + ppt + samples.ppt_feedback(language)["term"]["country_name"] in text_of(feedback)
    assert to not in text_of(rendered("work_plan", language))


@pytest.mark.parametrize("language", LANGS)
def test_endorsements_list_party_name_and_date(language: str) -> None:
    endorsements = [{"party": "st_crm", "name": "Ana Lucía Pérez Núñez", "role": "Coordinadora",
                     "on": date(2026, 11, 20)},
                    {"party": "ppt", "name": "Sofía Castañeda Ríos", "on": date(2026, 11, 21)}]
    text = text_of(rendered("minutes", language, endorsements=endorsements))
    assert "Ana Lucía Pérez Núñez, Coordinadora" in text
    assert "Sofía Castañeda Ríos" in text
    assert ("20 de noviembre de 2026" if language == "es" else "20 November 2026") in text
    assert ("Presidencia Pro Tempore (PPT)" if language == "es" else "Pro Tempore Presidency (PPT)") in text
    assert "secretarías técnicas" not in text
    assert "technical secretariats" not in text


def test_official_names_have_one_spelling_per_language_in_english_documents() -> None:
    for kind in ("recommendations", "dossier_cover"):
        assert "Regional Consultation Group on Migration (RCGM)" in text_of(rendered(kind, "en"))
    assert "ahead of the RCGM meeting" in text_of(rendered("monitoring_report", "en"))
    for kind in KINDS:  # the templates' own words (the samples' user data is Spanish: the lang work translates it)
        template_words = " ".join(re.findall(r"<w:t[^>]*>([^<{]*)</w:t>",
                                             part_xml(KINDS[kind].template_path("en").read_bytes())))
        assert "GRCM" not in template_words
        assert "CRM Technical" not in template_words


@pytest.mark.parametrize("language", LANGS)
def test_party_acronyms_never_break_at_the_hyphen(language: str) -> None:
    data = rendered("minutes", language)
    body = part_xml(data)
    assert "<w:noBreakHyphen/>" in body
    assert "\u2011" not in body  # no glyph for it in the document fonts: Word's own hyphen instead
    assert not re.search(r"ST-(CRM|RROCM)\)", " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)))


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("kind", list(KINDS))
def test_no_iso_dates_rule_codes_or_period_codes_in_the_document(kind: str, language: str) -> None:
    text = text_of(rendered(kind, language))
    assert not ISO_DATE.search(text)
    assert not re.search(r"\(R\d+\)", text)
    assert not re.search(r"\b\d{4}-[SQT]\d\b", text)


def test_the_monitoring_report_writes_periods_and_the_grcm_dates_in_words() -> None:
    text = text_of(rendered("monitoring_report", "es"))
    assert "cuarto trimestre de 2026" in text
    grcm = samples.monitoring_report("es")["grcm"]
    assert format_date_range(grcm["starts_on"], grcm["ends_on"], "es") in text


# ---------------------------------------------------------------- logos


def test_institution_logos_replace_the_plain_marks(tmp_path, monkeypatch) -> None:
    logo = plain_mark((0xAA, 0x00, 0x00), size=32)
    (tmp_path / "st_crm.png").write_bytes(logo)
    (tmp_path / "ppt.png").write_bytes(b"GIF89a not a png")  # refused: the slot is a PNG part
    monkeypatch.setenv("TRIPARTITO_LOGOS_DIR", str(tmp_path))
    with zipfile.ZipFile(io.BytesIO(rendered("minutes", "es"))) as zf:
        assert zf.read("word/media/logo_st_crm.png") == logo
        assert zf.read("word/media/logo_ppt.png").startswith(b"\x89PNG")
        shipped = zipfile.ZipFile(KINDS["minutes"].template_path("es"))
        assert zf.read("word/media/logo_st_rrocm.png") == shipped.read("word/media/logo_st_rrocm.png")


# ---------------------------------------------------------------- nothing empty


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "dossier_cover"])
def test_a_context_without_content_has_none_and_the_samples_have_some(kind: str) -> None:
    full = samples.sample(kind)
    assert context_has_content(kind, full)
    emptied = {key: ([] if isinstance(value, list) else None if isinstance(value, str) else value)
               for key, value in full.items() if key != "header"}
    assert not context_has_content(kind, emptied)


def test_a_grcm_meeting_without_recommendations_issues_no_recommendations_document(client, auth, converter):
    meeting = grcm_meeting(client, auth)
    response = client.post("/api/v1/documents", headers=auth["st_crm"],
                           json={"kind": "recommendations", "subject_id": meeting["id"], "language": "es"})
    assert response.status_code == 422
    assert "nothing to issue" in response.json["message"]
    assert "subject_id" in response.json["errors"]["json"]
    assert converter.conversions == 0
    assert db.session.scalar(select(func.count()).select_from(IssuedDocument)) == 0
    assert db.session.scalar(select(func.count()).select_from(DocumentReference)) == 0
