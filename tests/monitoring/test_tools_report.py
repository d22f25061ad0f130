"""The monitoring report shows the monitoring tools at a glance: per instrument, the country × question matrix
(a text label in every cell) and the status chart against the previous period, with the same numbers as a
table; a country that did not answer is named and counted as "no response", never as zero."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from schemas import rendering
from service.monitoring.report import monitoring_report_context
from service.monitoring.tools.models import MonitoringQuestion
from service.templating.render import render_docx
from service.templating.tool_results import QUESTIONS_WIDTH, column_widths, derive_tool
from tests.content_translations.helpers import translate_all
from tests.documents.samples import all_text, monitoring_tool, part_xml, sample
from tests.followups_factories import grcm_meeting
from tests.monitoring.tools_factories import ANSWERS, QUESTIONS, URL, answer, make_instrument, tool_body

HEADER = {"reference": "ET-CRM/2026/MON-001", "issued_on": date(2026, 4, 1), "ppt_country_name": "Honduras",
          "title": "Informe de monitoreo"}


def open_tool(client, auth, instrument_id: int, **changes) -> int:
    tool = client.post(URL, json=tool_body(instrument_id, **changes), headers=auth["st_crm"]).json
    client.post(f"{URL}/{tool['id']}/open", headers=auth["st_crm"])
    return tool["id"]


@pytest.fixture
def answered(client, auth):
    """A GRCM in June 2026; the 2024 tool (HN in progress) and the 2025 one (HN submitted, BZ still a draft)."""
    grcm = grcm_meeting(client, auth)
    instrument = make_instrument(client, auth)
    before = open_tool(client, auth, instrument, period="2024", opens_on="2025-01-10", due_on="2025-02-28")
    answer(client, auth, before, "HN", {**ANSWERS, "status": "not_started"}, submit=True)
    now = open_tool(client, auth, instrument, period="2025", opens_on="2026-01-10", due_on="2026-02-28")
    answer(client, auth, now, "HN", {**ANSWERS, "status": "implemented"}, submit=True)
    answer(client, auth, now, "BZ")
    open_tool(client, auth, instrument, period="2026", opens_on="2026-07-01", due_on="2026-12-15")  # after the GRCM
    return grcm["id"]


def test_the_report_data_has_each_countrys_submitted_answers_and_none_for_the_others(answered):
    context = monitoring_report_context(answered, "es", date(2026, 11, 28))
    (tool,) = context["tools"]
    assert (tool["period"], tool["network"], tool["questionnaire_version"]) == ("2025", "migrant_children", 1)
    by_name = {c["country_name"]: c for c in tool["countries"]}
    assert by_name["Honduras"]["answers"] == ["implemented", "42", "true", "Protocolo & guía <v2>"]
    # both after the due date (the clock is November 2026)
    assert (by_name["Honduras"]["standing"], by_name["Belice"]["standing"]) == ("submitted_late", "late")
    assert by_name["Belice"]["answers"] == [None, None, None, None]  # a draft is not an answer
    assert tool["previous"]["period"] == "2024"
    assert sorted(s for s in tool["previous"]["statuses"] if s) == ["not_started"]
    rendering.MonitoringReportContext().load({"header": {**HEADER, "language": "es"}, **context})


def honduras_trained_134(client, auth, language: str, **question) -> tuple[dict, str]:
    """The report's tool with Honduras's 134 officials trained (`question` changing that number question): its
    cell and its column heading, derived in `language`."""
    grcm = grcm_meeting(client, auth)
    questions = [{**q, **question} if q["key"] == "officials_trained" else q for q in QUESTIONS]
    tool_id = open_tool(client, auth, make_instrument(client, auth), period="2025", opens_on="2026-01-10",
                        due_on="2026-02-28", questions=questions)
    answer(client, auth, tool_id, "HN", {**ANSWERS, "officials_trained": 134}, submit=True)
    (tool,) = monitoring_report_context(grcm["id"], language, date(2026, 11, 28))["tools"]
    derive_tool(tool, language)
    index = [q["key"] for q in tool["questions"]].index("officials_trained")
    honduras = next(c for c in tool["countries"] if c["country_name"] == "Honduras")
    return honduras["cells"][index], tool["columns"][index]["text"]


def test_the_english_report_shows_a_number_in_the_questions_english_unit(client, auth):
    cell, heading = honduras_trained_134(client, auth, "en", unit_en="people")
    assert cell["label"] == "134 people"
    assert heading == "Officials trained (people)"


def test_the_english_report_falls_back_to_the_unit_when_the_english_unit_is_empty(client, auth):
    cell, heading = honduras_trained_134(client, auth, "en", unit_en=None)  # the API takes no blank unit: null
    assert (cell["label"], heading) == ("134 personas", "Officials trained (personas)")
    for empty in (None, ""):  # a blank stored some other way reads the same
        assert MonitoringQuestion(unit="personas", unit_en=empty).unit_in("en") == "personas"


def test_the_spanish_report_keeps_the_spanish_unit_when_there_is_an_english_one(client, auth):
    cell, heading = honduras_trained_134(client, auth, "es", unit_en="people")
    assert (cell["label"], heading) == ("134 personas", "Funcionarios capacitados (personas)")


def test_a_country_without_an_answer_is_no_response_in_the_matrix_and_the_chart_never_zero():
    tool = monitoring_tool()
    derive_tool(tool, "en")
    guatemala = next(c for c in tool["countries"] if c["country_name"] == "Guatemala")
    assert {cell["label"] for cell in guatemala["cells"]} == {"No response"}
    rows = {row["label"]: (row["now"], row["before"]) for row in tool["chart_rows"]}
    assert rows["No response"] == ("2", "1")
    assert rows["Implemented"] == ("1", "0")
    no_response = tool["chart_heads"].index("No response")
    assert [(p["period"], p["counts"][no_response]) for p in tool["chart_periods"]] == [("2026", "2"), ("2025", "1")]
    assert tool["answered"] == "2 of 4"
    assert tool["no_response_names"] == "Guatemala, Honduras"
    belize = tool["countries"][0]["cells"]
    assert [c["label"] for c in belize[:3]] == ["Implemented", "120 personas", "Yes"]
    assert belize[0]["fill"] != belize[1]["fill"]  # shading repeats the status; the label says it
    assert "No response: 2 (2025: 1)" in tool["chart"].description


@pytest.mark.parametrize(("language", "words"), [
    ("es", ("Respuestas de los Países Miembros", "Sin respuesta", "Implementado", "como las escribió cada país",
            "Período")),
    ("en", ("Member Countries' answers", "No response", "Implemented", "as each country wrote them", "Period")),
])
def test_the_rendered_report_has_the_matrix_the_chart_and_its_table_in_its_language(language, words):
    context = sample("monitoring_report", language)
    docx = render_docx("monitoring_report", language, context)
    text = all_text(docx)
    for word in words:
        assert word in text
    # the chart's numbers as a table: a row per period, a column per status, in the chart's order
    tool = {**context["tools"][0]}
    derive_tool(tool, language)
    (numbers,) = [t for t in Document(io.BytesIO(docx)).tables if t.rows[0].cells[0].text == words[-1]]
    assert [c.text for c in numbers.rows[0].cells[1:]] == tool["chart_heads"]
    assert [[c.text for c in row.cells] for row in numbers.rows[1:]] == [
        [period["period"], *period["counts"]] for period in tool["chart_periods"]]
    assert len(numbers.rows) == 3  # this period and the previous one
    assert "Guatemala" in text
    assert "Protocolo vigente desde marzo." in text
    xml = part_xml(docx)
    assert "<w:drawing>" in xml
    assert 'descr="' in xml
    assert 'w:fill="C8E6C9"' in xml  # the implemented cell's shading
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        pictures = [n for n in package.namelist() if n.startswith("word/media/picture_")]
        assert len(pictures) == 1
        assert package.read(pictures[0]).startswith(b"\x89PNG")
        assert "media/picture_document_1.png" in package.read("word/_rels/document.xml.rels").decode()


def test_a_tool_without_a_status_question_has_its_matrix_and_no_chart():
    context = sample("monitoring_report", "es")
    tool = context["tools"][0]
    tool["questions"] = [q for q in tool["questions"] if q["type"] != "status"]
    for country in tool["countries"]:
        country["answers"] = country["answers"][1:]
    docx = render_docx("monitoring_report", "es", context)
    assert "<w:drawing>" not in part_xml(docx).split("Respuestas de los Países Miembros")[1]
    assert "120 personas" in all_text(docx)


@pytest.mark.libreoffice
def test_the_issued_pdf_names_who_implemented_what_and_carries_the_chart(client, auth, answered, libreoffice, app):
    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, libreoffice
    translate_all(client, auth, f"monitoring_report:{answered}")
    try:
        for language, implemented, missing in (("es", "Implementado", "Sin respuesta"),
                                               ("en", "Implemented", "No response")):
            issued = client.post("/api/v1/documents", json={"kind": "monitoring_report", "subject_id": answered,
                                                            "language": language}, headers=auth["st_crm"])
            assert issued.status_code == 201, issued.json
            pdf = client.get(f"/api/v1/documents/{issued.json['id']}/pdf", headers=auth["HN"]).data
            reader = PdfReader(io.BytesIO(pdf))
            text = "\n".join(page.extract_text() for page in reader.pages)
            assert implemented in text
            assert missing in text
            assert "Honduras" in text
            assert any(page.images for page in reader.pages)
    finally:
        services.converter = saved


def test_each_network_gets_a_summary_of_answers_received_and_implementations_reported():
    from service.templating.tool_results import derive_tool_groups

    data = sample("monitoring_report", "es")
    derive_tool_groups(data, "es")
    (group,) = data["tool_groups"]
    assert group["name"] == "Red de Protección Consular"
    assert group["summary"] == ("1 herramienta de monitoreo: 2 de 4 respuestas recibidas; "
                                "1 país informa «Implementado».")


def test_the_matrix_grid_has_one_column_per_question_as_wide_as_its_cells():
    """A grid that matches the cells: LibreOffice lays the table out once (bench_monitoring_report.py)."""
    context = sample("monitoring_report", "es")
    questions = len(context["tools"][0]["questions"])
    xml = part_xml(render_docx("monitoring_report", "es", context))
    matrix = next(t for t in re.findall(r"<w:tbl>.*?</w:tbl>", xml, flags=re.S) if "País Miembro" in t)
    grid = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', matrix)]
    assert len(grid) == 2 + questions
    for row in re.findall(r"<w:tr>.*?</w:tr>", matrix, flags=re.S):
        assert [int(w) for w in re.findall(r'<w:tcW w:type="dxa" w:w="(\d+)"/>', row)] == grid
    assert 'w:fill="FFFFFF"' not in matrix  # unshaded cells carry no shading property at all


def test_question_columns_share_the_width_by_what_their_answers_need():
    widths = column_widths(["status", "boolean", "number", "text"])
    assert sum(widths) == QUESTIONS_WIDTH
    assert widths[1] < widths[2] < widths[0] < widths[3]
    assert sum(column_widths(["text"] * 30)) == QUESTIONS_WIDTH


def test_the_chart_is_an_opaque_palette_png_drawn_at_the_size_it_is_shown():
    tool = monitoring_tool()
    derive_tool(tool, "es")
    png = tool["chart"].png
    width, _height = struct.unpack(">II", png[16:24])
    assert png[25] == 3  # IHDR colour type 3: indexed colour, no alpha channel
    assert width / 120 * 2.54 == pytest.approx(tool["chart"].width_cm, abs=0.1)  # 120 dpi at the shown width
