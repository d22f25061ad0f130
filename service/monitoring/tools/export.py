"""The responses of a monitoring tool for analysts (issue 17): one row per member country × question, with the
tool's questionnaire version, as CSV (UTF-8 with BOM, so spreadsheet programs read the accents) or XLSX.

A country that has not answered still has its rows, with the state `no_response` and empty answers: a missing
answer is never a zero. Text that a spreadsheet would run as a formula (= + - @ first) is kept as text.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from sqlalchemy import select

from service.extensions import db
from service.monitoring.tools.models import MonitoringTool
from service.monitoring.tools.queries import all_responses
from service.reference.models import Country

# New columns go at the end: analysts' spreadsheets and scripts read the existing ones by position.
COLUMNS = ("tool_id", "questionnaire_version", "instrument", "period", "due_on", "country", "country_name",
           "state", "standing", "submitted_at", "submitted_by", "question_key", "question_type", "question_es",
           "question_en", "indicator", "unit", "answer", "comment", "unit_en")
NO_RESPONSE = "no_response"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_rows(tool: MonitoringTool, today: date) -> list[dict[str, Any]]:
    names = {c.code: c.name_es for c in db.session.scalars(select(Country))}
    rows = []
    for response in all_responses(tool, today):
        for question in tool.questions:
            rows.append({
                "tool_id": tool.id, "questionnaire_version": tool.questionnaire_version,
                "instrument": tool.instrument.title_es, "period": tool.period, "due_on": tool.due_on,
                "country": response["country"], "country_name": names.get(response["country"]),
                "state": response["state"] or NO_RESPONSE, "standing": response["standing"],
                "submitted_at": response["submitted_at"], "submitted_by": response["submitted_by"],
                "question_key": question.key, "question_type": question.type, "question_es": question.text_es,
                "question_en": question.text_en, "indicator": question.indicator, "unit": question.unit,
                "answer": response["answers"].get(question.key), "comment": response["comment"],
                "unit_en": question.unit_en,  # as typed: empty when the English unit is `unit` itself
            })
    return rows


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _safe(text: str) -> str:
    """A leading apostrophe keeps a spreadsheet from running typed text as a formula (CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_safe(_text(row[name])) for name in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def _cell(row: dict[str, Any], name: str) -> Any:
    value = row[name]
    if name == "answer" and row["question_type"] == "number" and value is not None:
        return Decimal(value)  # a number the analyst can sum, exactly as the country wrote it
    if isinstance(value, bool) or value is None or isinstance(value, int):
        return value
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones; the values are UTC
    return value if isinstance(value, date) else str(value)


def to_xlsx(rows: list[dict[str, Any]], *, title: str = "responses") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([_cell(row, name) for name in COLUMNS])
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if cell.data_type == "f":  # typed text beginning with "=": a string, never a formula
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
