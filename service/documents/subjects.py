"""What an issued document is about, in words: "Acta de la reunión ordinaria del 12 de febrero de 2026".

Built from the frozen copy of the data the document was made from (`IssuedDocument.context`), so the title says
what the PDF says even if the meeting was changed afterwards. The register's own `title` is the kind's generic
title ("Minuta de reunión del Equipo Tripartito"), the same for every minutes: lists and the portal need this one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from babel.dates import format_date

# The subject's day as people write it: "12 de febrero de 2026", "12 February 2026".
_DAY_PATTERN = {"es": "d 'de' MMMM 'de' y", "en": "d MMMM y"}
_MEETING_KIND = {"es": {"ordinary": "ordinaria", "extraordinary": "extraordinaria", "pre_ppt": "previa a la PPT"},
                 "en": {"ordinary": "ordinary", "extraordinary": "extraordinary", "pre_ppt": "pre-PPT"}}
_TITLES = {
    "es": {"minutes": "Acta de la reunión {meeting_kind} del {day}",
           "minutes_any": "Acta de la reunión del {day}",
           "recommendations": "Recomendaciones al GRCM para su reunión del {day}",
           "monitoring_report": "Informe de monitoreo para la reunión del GRCM del {day}",
           "dossier": "Expediente de la reunión del GRCM del {day}",
           "ppt_feedback": "Retroalimentación a la PPT entrante de {country} ({day} – {end_day})",
           "work_plan": "Plan de trabajo {year}"},
    "en": {"minutes": "Minutes of the {meeting_kind} meeting of {day}",
           "minutes_any": "Minutes of the meeting of {day}",
           "recommendations": "Recommendations to the GRCM for its meeting of {day}",
           "monitoring_report": "Monitoring report for the GRCM meeting of {day}",
           "dossier": "Dossier for the GRCM meeting of {day}",
           "ppt_feedback": "Feedback on the incoming PPT of {country} ({day} – {end_day})",
           "work_plan": "Work plan {year}"},
}
_SUBJECT_PART = {"minutes": "meeting", "recommendations": "grcm", "monitoring_report": "grcm", "dossier": "grcm",
                 "ppt_feedback": "term"}
SUBJECT_KEYS = ("meeting", "grcm", "term", "year")  # all that the functions below read of the frozen data


@lru_cache(maxsize=4096)  # babel parses the locale and the pattern on every call; lists ask for the same days
def written_day(value: date, language: str) -> str:
    return format_date(value, _DAY_PATTERN.get(language, _DAY_PATTERN["es"]), locale=language)


def _day(text: Any) -> date | None:
    """The date part of a frozen ISO date or local date-time ("2026-02-12" or "2026-02-12T10:00:00")."""
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def subject_name(kind: str, context: Mapping[str, Any]) -> str | None:
    """The subject's own name in the frozen data (the meeting's or GRCM meeting's title), for searching."""
    part = context.get(_SUBJECT_PART.get(kind, ""))
    if isinstance(part, Mapping):
        return part.get("title") or part.get("country_name")
    return None


def document_subject(kind: str, context: Mapping[str, Any], language: str) -> str | None:
    """The document's subject and date in `language` (es | en), or None when the frozen data lacks them."""
    titles = _TITLES.get(language, _TITLES["es"])
    if kind == "work_plan":
        return titles["work_plan"].format(year=context["year"]) if context.get("year") else None
    part = context.get(_SUBJECT_PART.get(kind, ""))
    if not isinstance(part, Mapping):
        return None
    day = _day(part.get("starts_at") or part.get("starts_on"))
    if day is None or kind not in titles:
        return None
    if kind == "minutes":
        meeting_kind = _MEETING_KIND.get(language, _MEETING_KIND["es"]).get(str(part.get("kind")))
        if meeting_kind is None:
            return titles["minutes_any"].format(day=written_day(day, language))
        return titles["minutes"].format(meeting_kind=meeting_kind, day=written_day(day, language))
    if kind == "ppt_feedback":
        end_day = _day(part.get("ends_on"))
        return titles[kind].format(country=part.get("country_name") or "", day=written_day(day, language),
                                   end_day=written_day(end_day, language) if end_day else "")
    return titles[kind].format(day=written_day(day, language))
