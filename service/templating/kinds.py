"""The document kinds: template file per language, context schema, reference code, title, derived values.

Adding a kind = a schema in ``schemas/rendering.py``, two templates in ``templates_docx/`` and one entry here.
``derive`` computes the values a schema declares in ``DERIVED`` from the loaded (still typed) data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from marshmallow import Schema

from schemas import rendering as r
from service.common.i18n import LANGUAGES
from service.grcm.rules import is_late
from service.reference.data import ISSUING_PLACE
from service.templating import location as templates_location
from service.templating.formatting import format_date, format_date_range, format_period, format_time_range
from service.templating.tool_results import derive_tool_groups

TEMPLATES_DIR = templates_location.PACKAGED_DIR  # pristine defaults; documents use templates_location.live_dir()

Derive = Callable[[dict[str, Any], str], None]


@dataclass(frozen=True)
class DocumentKind:
    name: str
    schema: type[Schema]
    reference_code: str            # ET-CRM/2027/MIN-003
    titles: dict[str, str]         # language -> default document title
    derive: Derive | None = None   # fills the schema's DERIVED values in place

    def template_path(self, language: str) -> Path:
        if language not in LANGUAGES:
            raise ValueError(f"Unsupported document language {language!r}: use 'es' or 'en'.")
        return templates_location.live_dir() / f"{self.name}.{language}.docx"


def _group_in_order(items: list[dict], key: Callable[[dict], str]) -> list[tuple[str, list[dict]]]:
    """Group keeping the order of first appearance (Jinja's groupby sorts, which reorders sections)."""
    groups: dict[str, list[dict]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return list(groups.items())


def derive_common(data: dict[str, Any], language: str) -> None:
    """What every kind shows the same way: the symbol block, the date ranges, the endorsements."""
    header = data["header"]
    original = header.get("original_language") or "es"
    header["original_language"] = original
    name = r.label("language", original, language)
    header["original"] = name.lower() if language == "es" else name  # "Original: español" / "Original: Spanish"
    header["place"] = ISSUING_PLACE[language]
    for key in ("grcm", "term"):
        if isinstance(data.get(key), dict):
            data[key]["dates"] = format_date_range(data[key]["starts_on"], data[key].get("ends_on"), language)
    if not data.get("endorsements") and data.get("approvals"):
        # recorded approvals (the minutes'), whatever their date key is called; an approval given through a
        # token or the system names no person: the party and date still stand (never "no approvals recorded")
        data["endorsements"] = [{"party": a["party"], "name": a.get("name") or "—", "role": a.get("role"),
                                 "on": a.get("on") or a.get("approved_on") or a.get("date")}
                                for a in data["approvals"] if a.get("party")]


def _derive_minutes(data: dict[str, Any], language: str) -> None:
    meeting = data["meeting"]
    meeting["date"] = format_date(meeting["starts_at"], language)
    meeting["time_range"] = format_time_range(meeting["starts_at"], meeting["ends_at"], meeting["timezone"],
                                              language)
    parties = [a for a in data["attendees"] if a.get("party")]
    groups = [(r.label("party", code, language), [a for a in parties if a["party"] == code])
              for code in r.VOCABULARIES["party"]]
    # other delegations (member countries, observers) after the three parties, in order of appearance
    groups += _group_in_order([a for a in data["attendees"] if not a.get("party")], lambda a: a["country_name"])
    data["attendee_groups"] = [{"label": lbl, "attendees": members} for lbl, members in groups if members]


def _derive_ppt_feedback(data: dict[str, Any], language: str) -> None:
    data["feedback_sections"] = [{"title": title, "entries": items}
                                 for title, items in _group_in_order(data["feedback_items"],
                                                                     lambda i: i["section"])]


def _derive_monitoring(data: dict[str, Any], language: str) -> None:
    for instrument in data["instruments"]:
        if instrument.get("latest"):  # "2026-S1" -> "primer semestre de 2026"
            instrument["latest"]["period"] = format_period(instrument["latest"]["period"], language)
    data["late"] = is_late(data["due_on"], data["header"]["issued_on"])
    general = "Transversal / general" if language == "es" else "Cross-cutting / general"
    order = [*r.VOCABULARIES["network"], None]
    groups = []
    for code in order:
        members = [i for i in data["instruments"] if i.get("network") == code]
        if members:
            name = r.label("network", code, language) if code else general
            groups.append({"name": name, "instruments": members})
    data["network_groups"] = groups
    derive_tool_groups(data, language)
    data["exceptions"] = [e for e in data["events"] if e["members_only"]]
    data["events_total"] = str(len(data["events"]))
    data["events_open"] = str(len(data["events"]) - len(data["exceptions"]))


def _derive_work_plan(data: dict[str, Any], language: str) -> None:
    totals: dict[str, Decimal] = {}
    for resource in data["resources"]:
        totals[resource["currency"]] = totals.get(resource["currency"], Decimal(0)) + resource["amount"]
    data["resource_totals"] = [{"currency": c, "amount": a} for c, a in totals.items()]


KINDS: dict[str, DocumentKind] = {k.name: k for k in [
    DocumentKind("minutes", r.MinutesContext, "MIN",
                 {"es": "Minuta de reunión del Equipo Tripartito",
                  "en": "Minutes of the Tripartite Team meeting"}, _derive_minutes),
    DocumentKind("recommendations", r.RecommendationsContext, "REC",
                 {"es": "Recomendaciones del Equipo Tripartito al GRCM",
                  "en": "Recommendations of the Tripartite Team to the RCGM"}),
    DocumentKind("ppt_feedback", r.PptFeedbackContext, "FBK",
                 {"es": "Retroalimentación a la nota conceptual y plan de trabajo de la PPT entrante",
                  "en": "Feedback on the incoming PPT's concept note and work plan"}, _derive_ppt_feedback),
    DocumentKind("monitoring_report", r.MonitoringReportContext, "MON",
                 {"es": "Informe de monitoreo del Equipo Tripartito",
                  "en": "Monitoring report of the Tripartite Team"}, _derive_monitoring),
    DocumentKind("work_plan", r.WorkPlanContext, "WPL",
                 {"es": "Plan de trabajo anual del Equipo Tripartito",
                  "en": "Annual work plan of the Tripartite Team"}, _derive_work_plan),
    DocumentKind("dossier_cover", r.DossierCoverContext, "DOS",
                 {"es": "Expediente para la reunión del GRCM",
                  "en": "Dossier for the RCGM meeting"}),
]}


def template_kind(kind: str) -> str:
    """The kind whose template, title and reference code a document uses: the dossier's are its cover's."""
    return "dossier_cover" if kind == "dossier" else kind


def get_kind(name: str) -> DocumentKind:
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"Unknown document kind {name!r}; known: {', '.join(KINDS)}.") from None
