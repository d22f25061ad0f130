"""The monitoring tools' results in the monitoring report (issue 17), derived from the frozen data at render
time: the country × question matrix (a text label in every cell, the shading only repeats it), the status chart
(this period against the previous one) with the same numbers as a table, and a summary per network.

A country without a submitted answer is "no response" in every count and cell, never zero.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from schemas import rendering as r
from service.templating.charts import Bar, comparison_chart
from service.templating.formatting import format_number, format_period
from service.templating.pictures import Picture

STATUSES = ("implemented", "in_progress", "not_started", "not_applicable")
NO_RESPONSE = "no_response"
FILLS = {"implemented": "C8E6C9", "in_progress": "FFF1B8", "not_started": "F6CACA", "not_applicable": "E3E3E3",
         NO_RESPONSE: ""}
PLAIN_FILL = ""  # no shading at all: one cell property less for LibreOffice to lay out (bench_monitoring_report)
# The matrix's question columns share what the country and response columns leave of the table's width
# (twips; 567 a centimetre), each by what its answers need: a grid that matches the cells, so LibreOffice lays
# the table out once, and rows no taller than the text answers make them.
QUESTIONS_WIDTH = 6577  # 11.6 cm = 17.0 cm − 2.8 cm (country) − 2.6 cm (response)
_NEEDS = {"status": 1304, "boolean": 794, "number": 1134, "text": 1701}  # 2.3, 1.4, 2.0, 3.0 cm
TEXT_CELL_CHARS = 160  # a long text answer is cut in the matrix; the export has it whole
_WORDS = {
    "es": {"yes": "Sí", "no": "No", "axis": "Países Miembros", "chart": "Estado de implementación",
           "of": "de", "none": "ninguno", "received": "respuestas recibidas", "general": "Transversal / general",
           "tools": ("herramienta de monitoreo", "herramientas de monitoreo"),
           "report": ("país informa «Implementado»", "países informan «Implementado»"),
           "description": "Gráfico de barras. {title}. {values}."},
    "en": {"yes": "Yes", "no": "No", "axis": "Member Countries", "chart": "Implementation status",
           "of": "of", "none": "none", "received": "responses received", "general": "Cross-cutting / general",
           "tools": ("monitoring tool", "monitoring tools"),
           "report": ("country reports “Implemented”", "countries report “Implemented”"),
           "description": "Bar chart. {title}. {values}."},
}


def _cell(question: dict, value: str | None, language: str) -> dict[str, str]:
    words = _WORDS[language]
    if value is None:
        return {"label": r.label("implementation_status", NO_RESPONSE, language), "fill": FILLS[NO_RESPONSE]}
    kind = question["type"]
    if kind == "status" and value in STATUSES:
        return {"label": r.label("implementation_status", value, language), "fill": FILLS[value]}
    if kind == "boolean":
        return {"label": words["yes"] if value == "true" else words["no"], "fill": PLAIN_FILL}
    if kind == "number":
        try:
            shown = format_number(Decimal(value), language)
        except InvalidOperation:
            shown = value
        return {"label": f"{shown} {question.get('unit') or ''}".strip(), "fill": PLAIN_FILL}
    cut = value if len(value) <= TEXT_CELL_CHARS else value[:TEXT_CELL_CHARS].rstrip() + "…"
    return {"label": cut, "fill": PLAIN_FILL}


def _plural(forms: tuple[str, str], count: int) -> str:
    return forms[0] if count == 1 else forms[1]


def _counts(statuses: list[str | None]) -> dict[str, int]:
    counts = dict.fromkeys((*STATUSES, NO_RESPONSE), 0)
    for status in statuses:
        counts[status if status in STATUSES else NO_RESPONSE] += 1
    return counts


def column_widths(types: list[str]) -> list[int]:
    """The question columns' widths (twips), summing to QUESTIONS_WIDTH: each type's need, the rest (or the
    shortfall) shared out in proportion, so text answers get the room and yes/no stays narrow."""
    needs = [_NEEDS.get(kind, _NEEDS["text"]) for kind in types]
    widths = [need * QUESTIONS_WIDTH // sum(needs) for need in needs]
    widths[-1] += QUESTIONS_WIDTH - sum(widths)
    return widths


def derive_tool(tool: dict[str, Any], language: str) -> None:
    words = _WORDS[language]
    questions = tool["questions"]
    tool["period"] = format_period(tool["period"], language)
    widths = column_widths([q["type"] for q in questions])
    tool["columns"] = [{"text": f"{q['text']} ({q['unit']})" if q.get("unit") else q["text"], "width": width}
                       for q, width in zip(questions, widths, strict=True)]
    for country in tool["countries"]:
        values = list(country["answers"]) + [None] * (len(questions) - len(country["answers"]))
        country["cells"] = [_cell(q, v, language) | {"width": width}
                            for q, v, width in zip(questions, values, widths, strict=False)]
    answered = [c for c in tool["countries"] if c["standing"] in ("submitted", "submitted_late")]
    tool["answered"] = f"{len(answered)} {words['of']} {len(tool['countries'])}"
    missing = [c["country_name"] for c in tool["countries"] if c not in answered]
    tool["no_response_names"] = ", ".join(missing) if missing else words["none"]
    index = next((i for i, q in enumerate(questions) if q["type"] == "status"), None)
    tool["chart"] = tool["chart_rows"] = tool["chart_title"] = tool["status_question"] = None
    tool["chart_heads"], tool["chart_periods"] = [], []
    tool["_implemented"] = 0  # for the network's summary (not a template field)
    if index is None:
        return
    tool["status_question"] = questions[index]["text"]
    now = _counts([c["answers"][index] if index < len(c["answers"]) else None for c in tool["countries"]])
    previous = tool.get("previous")
    tool["_implemented"] = now["implemented"]
    before = _counts(previous["statuses"]) if previous else None
    before_label = format_period(previous["period"], language) if previous else None
    bars = [Bar(r.label("implementation_status", code, language), now[code], before[code] if before else None)
            for code in (*STATUSES, NO_RESPONSE)]
    title = f"{words['chart']}: {tool['period']}" + (f" / {before_label}" if before_label else "")
    tool["chart_title"] = title
    tool["chart_rows"] = [{"label": b.label, "now": str(b.now), "before": "—" if b.before is None else str(b.before)}
                          for b in bars]
    # the same numbers a period per row (the shipped template's table: three rows instead of six)
    tool["chart_heads"] = [b.label for b in bars]
    tool["chart_periods"] = [{"period": tool["period"], "counts": [str(b.now) for b in bars]}]
    if before is not None:
        tool["chart_periods"].append({"period": before_label, "counts": [str(b.before) for b in bars]})
    values = "; ".join(f"{b.label}: {b.now}" + (f" ({before_label}: {b.before})" if before_label else "")
                       for b in bars)
    png = comparison_chart(bars, now_label=tool["period"], before_label=before_label, axis_label=words["axis"])
    tool["chart"] = Picture(png, 15.5, words["description"].format(title=title, values=values))


def derive_tool_groups(data: dict[str, Any], language: str) -> None:
    """Every tool derived, then grouped by network (in the networks' order, cross-cutting last) with a summary."""
    words = _WORDS[language]
    for tool in data["tools"]:
        derive_tool(tool, language)
    groups = []
    for code in [*r.VOCABULARIES["network"], None]:
        tools = [t for t in data["tools"] if t.get("network") == code]
        if not tools:
            continue
        expected = sum(len(t["countries"]) for t in tools)
        received = sum(1 for t in tools for c in t["countries"] if c["standing"] in ("submitted", "submitted_late"))
        implemented = sum(t["_implemented"] for t in tools)
        summary = (f"{len(tools)} {_plural(words['tools'], len(tools))}: {received} {words['of']} {expected} "
                   f"{words['received']}; {implemented} {_plural(words['report'], implemented)}.")
        name = r.label("network", code, language) if code else words["general"]
        groups.append({"name": name, "summary": summary, "tools": tools})
    data["tool_groups"] = groups
