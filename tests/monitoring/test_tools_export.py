"""The analysts' export: one row per member country × question, with the questionnaire version, as CSV and
XLSX; a country that did not answer is `no_response` with empty answers, never zero."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from service.reference.operations import member_country_codes
from tests.monitoring.tools_factories import QUESTIONS, URL, answer, make_tool


def exported_csv(client, auth, tool_id: int) -> list[dict]:
    response = client.get(f"{URL}/{tool_id}/responses.csv", headers=auth["st_crm"])
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.data.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_the_csv_has_one_row_per_member_country_and_question_with_the_version(client, auth):
    tool = make_tool(client, auth)
    answer(client, auth, tool["id"], "HN", submit=True)
    rows = exported_csv(client, auth, tool["id"])
    assert len(rows) == len(member_country_codes()) * len(QUESTIONS)
    honduras = {row["question_key"]: row for row in rows if row["country"] == "HN"}
    assert {key: row["answer"] for key, row in honduras.items()} == {
        "status": "in_progress", "officials_trained": "42", "focal_point": "true", "notes": "Protocolo & guía <v2>"}
    assert honduras["officials_trained"]["unit"] == "personas"
    assert honduras["status"]["state"] == "submitted"
    assert honduras["status"]["submitted_by"] == "country:HN"
    assert {row["questionnaire_version"] for row in rows} == {"1"}
    guatemala = [row for row in rows if row["country"] == "GT"]
    assert {(row["state"], row["answer"]) for row in guatemala} == {("no_response", "")}


def test_the_english_unit_is_the_last_column_after_the_columns_as_they_were(client, auth):
    questions = [{**q, "unit_en": "people"} if q["type"] == "number" else q for q in QUESTIONS]
    tool = make_tool(client, auth, questions=questions)
    answer(client, auth, tool["id"], "HN", submit=True)
    before = ["tool_id", "questionnaire_version", "instrument", "period", "due_on", "country", "country_name",
              "state", "standing", "submitted_at", "submitted_by", "question_key", "question_type", "question_es",
              "question_en", "indicator", "unit", "answer", "comment"]
    response = client.get(f"{URL}/{tool['id']}/responses.csv", headers=auth["st_crm"])
    header = next(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert header == [*before, "unit_en"]
    rows = {row["question_key"]: row for row in exported_csv(client, auth, tool["id"]) if row["country"] == "HN"}
    assert (rows["officials_trained"]["unit"], rows["officials_trained"]["unit_en"]) == ("personas", "people")
    assert rows["status"]["unit_en"] == ""
    sheet = load_workbook(io.BytesIO(client.get(f"{URL}/{tool['id']}/responses.xlsx",
                                                headers=auth["st_crm"]).data)).active
    assert [cell.value for cell in next(sheet.iter_rows())] == [*before, "unit_en"]
    belize = {row["question_key"]: row for row in xlsx_rows(client, auth, tool["id"]) if row["country"] == "BZ"}
    assert (belize["officials_trained"]["unit_en"], belize["status"]["unit_en"]) == ("people", None)


def test_text_answers_cannot_become_spreadsheet_formulas(client, auth):
    tool = make_tool(client, auth)
    answer(client, auth, tool["id"], "HN", {"notes": "=HYPERLINK(\"http://x\")", "officials_trained": -3})
    rows = {row["question_key"]: row for row in exported_csv(client, auth, tool["id"]) if row["country"] == "HN"}
    assert rows["notes"]["answer"] == "'=HYPERLINK(\"http://x\")"
    assert rows["officials_trained"]["answer"] == "-3"
    sheet = xlsx_rows(client, auth, tool["id"])
    notes = next(r for r in sheet if r["country"] == "HN" and r["question_key"] == "notes")
    assert notes["answer"] == "=HYPERLINK(\"http://x\")"
    assert notes["_answer_type"] == "s"


def xlsx_rows(client, auth, tool_id: int) -> list[dict]:
    response = client.get(f"{URL}/{tool_id}/responses.xlsx", headers=auth["ppt"])
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    lines = list(sheet.iter_rows())
    header = [cell.value for cell in lines[0]]
    answer_column = header.index("answer")
    return [{**dict(zip(header, [cell.value for cell in line], strict=True)),
             "_answer_type": line[answer_column].data_type} for line in lines[1:]]


def test_the_xlsx_has_the_same_rows_with_numbers_as_numbers(client, auth):
    tool = make_tool(client, auth)
    answer(client, auth, tool["id"], "BZ", submit=True)
    rows = xlsx_rows(client, auth, tool["id"])
    assert len(rows) == len(member_country_codes()) * len(QUESTIONS)
    belize = {row["question_key"]: row for row in rows if row["country"] == "BZ"}
    assert belize["officials_trained"]["answer"] == 42
    assert belize["focal_point"]["answer"] is True
    assert belize["status"]["questionnaire_version"] == 1
    assert {row["state"] for row in rows if row["country"] == "GT"} == {"no_response"}


def test_exports_are_for_the_parties(client, auth):
    tool = make_tool(client, auth)
    for extension in ("csv", "xlsx"):
        assert client.get(f"{URL}/{tool['id']}/responses.{extension}", headers=auth["HN"]).status_code == 403
