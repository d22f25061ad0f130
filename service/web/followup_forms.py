"""Form glue for the follow-up areas (recommendations, monitoring, PPT feedback, work plan, CRM events):
HTML form fields → the API's payload shape, and stored records → form values. No rule lives here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.ppt.models import PptTerm
from service.reference.models import Country, Network
from service.web.forms import RowGroups, blank_row, filled_rows, local_input, read_rows
from service.web.i18n import current_language, short_date
from service.web.labels import ADDRESSEES

Rows = dict[str, list[dict[str, str]]]

INDICATOR_ROWS: RowGroups = {"indicators": (("name", "value", "unit"), ("name", "value", "unit"))}
FEEDBACK_ROWS: RowGroups = {
    "items": (("section", "document", "comment"), ("section", "document", "comment")),
    "joint_actions": (("action", "responsible", "timeline", "network"),
                      ("action", "responsible", "timeline", "network")),
}
WORK_PLAN_ROWS: RowGroups = {
    "objectives": (("code", "text"), ("code", "text")),
    # progress (issue 11) is read with the row; alone it does not make a row "filled in"
    "activities": (("objective", "description", "responsible", "starts_on", "ends_on", "network", "indicator",
                    "progress", "progress_note", "progress_on"),
                   ("objective", "description", "responsible", "starts_on", "ends_on", "network", "indicator")),
    # a resource's hidden id alone does not make the row "filled in"
    "resources": (("id", "description", "source", "amount", "currency", "status"),
                  ("description", "source", "amount", "currency", "status")),
}
# `original_language`: the language the record's texts are typed in (issue 12), offered by every form below.
RECOMMENDATION_FIELDS = ("title", "text", "rationale", "addressee", "grcm_meeting_id", "original_language")
INSTRUMENT_FIELDS = ("title_es", "title_en", "kind", "adopted_on", "adopted_by", "network", "original_language")
GRCM_FIELDS = ("title", "starts_at", "ends_at", "timezone", "location", "original_language")
TERM_FIELDS = ("country", "starts_on", "ends_on")
EVENT_FIELDS = ("title", "kind", "starts_on", "ends_on", "location", "network", "members_only_requested_by",
                "members_only_requested_on", "original_language")
FEEDBACK_FIELDS = ("concept_note_received_on", "work_plan_received_on", "meeting_on", "meeting_id", "summary",
                   "original_language")


def given(form: Mapping[str, str], names: Iterable[str]) -> dict[str, str]:
    """The named fields that were filled in (an empty field is left out: the schema's default applies)."""
    return {name: form[name] for name in names if (form.get(name) or "").strip() != ""}


def submitted(form: Mapping[str, str], names: Iterable[str]) -> dict[str, str | None]:
    """The named fields the form sent; a cleared one is None (so an edit can clear it, or "required" says so)."""
    return {name: form[name] if form[name].strip() else None for name in names if name in form}


def rows_payload(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [given(row, row.keys()) for row in rows]


def as_text(value: Any) -> str:
    return "" if value is None else str(value)


def values_of(record: Any, names: Iterable[str]) -> dict[str, str]:
    return {name: as_text(getattr(record, name)) for name in names}


def row_button(form: Mapping[str, str], rows: Rows, groups: RowGroups) -> bool:
    """Without JavaScript, "add a row" and "remove" submit the form: change `rows`; True if it was one of them."""
    if form.get("add") in groups:
        rows[form["add"]].append(blank_row(form["add"], groups))
        return True
    if form.get("remove"):
        group, _sep, index = form["remove"].rpartition("-")
        if group in groups and index.isdigit() and int(index) < len(rows[group]):
            del rows[group][int(index)]
        return True
    return False


def submitted_rows(form: Mapping[str, str], groups: RowGroups) -> Rows:
    return filled_rows(read_rows(form, groups), groups)


# Payloads: what the API's JSON body would be --------------------------------------------------------------

def recommendation_payload(form: Mapping[str, str]) -> dict[str, Any]:
    return given(form, RECOMMENDATION_FIELDS)


def transition_payload(form: Mapping[str, str]) -> dict[str, Any]:
    return given(form, ("to", "decision_reference", "decided_on", "expected_state", "submitted_on"))


def follow_up_payload(form: Mapping[str, str]) -> dict[str, Any]:
    return given(form, ("status", "reported_on", "evidence", "evidence_url", "original_language"))


def instrument_payload(form: Mapping[str, str]) -> dict[str, Any]:
    return given(form, INSTRUMENT_FIELDS)


def entry_payload(form: Mapping[str, str], rows: Rows) -> dict[str, Any]:
    return {**given(form, ("period", "country", "status", "observations", "original_language")),
            "indicators": rows_payload(rows["indicators"])}


def feedback_payload(form: Mapping[str, str], rows: Rows) -> dict[str, Any]:
    return {**given(form, FEEDBACK_FIELDS),
            "items": rows_payload(rows["items"]), "joint_actions": rows_payload(rows["joint_actions"])}


def work_plan_payload(form: Mapping[str, str], rows: Rows, *, with_year: bool) -> dict[str, Any]:
    data: dict[str, Any] = given(form, ("year", "introduction", "original_language") if with_year
                                 else ("introduction", "original_language"))
    return data | {group: rows_payload(rows[group]) for group in WORK_PLAN_ROWS}


def event_payload(form: Mapping[str, str]) -> dict[str, Any]:
    return given(form, EVENT_FIELDS) | {"members_only": form.get("members_only") == "on"}


def grcm_payload(form: Mapping[str, str]) -> dict[str, Any]:
    return submitted(form, GRCM_FIELDS)


def term_payload(form: Mapping[str, str]) -> dict[str, Any]:
    return submitted(form, TERM_FIELDS)


# Stored records as form values -----------------------------------------------------------------------------

def feedback_values(feedback: Any) -> tuple[dict[str, str], Rows]:
    if feedback is None:
        return {}, {"items": [], "joint_actions": []}
    values = values_of(feedback, FEEDBACK_FIELDS)
    rows = {"items": [{f: as_text(i.get(f)) for f in FEEDBACK_ROWS["items"][0]} for i in feedback.items],
            "joint_actions": [{f: as_text(a.get(f)) for f in FEEDBACK_ROWS["joint_actions"][0]}
                              for a in feedback.joint_actions]}
    return values, rows


def work_plan_values(plan: Any) -> tuple[dict[str, str], Rows]:
    if plan is None:
        return {}, {group: [] for group in WORK_PLAN_ROWS}
    rows = {"objectives": [{f: as_text(o.get(f)) for f in ("code", "text")} for o in plan.objectives],
            "activities": [values_of(a, WORK_PLAN_ROWS["activities"][0]) for a in plan.activities],
            "resources": [values_of(r, WORK_PLAN_ROWS["resources"][0]) for r in plan.resources]}
    return {"year": str(plan.year), "introduction": as_text(plan.introduction),
            "original_language": plan.original_language}, rows


def event_values(event: Any) -> dict[str, str]:
    return values_of(event, EVENT_FIELDS) | {"members_only": "on" if event.members_only else ""}


def grcm_values(meeting: Any) -> dict[str, str]:
    return values_of(meeting, GRCM_FIELDS) | {"starts_at": local_input(meeting.starts_at),
                                               "ends_at": local_input(meeting.ends_at)}


def term_values(term: Any) -> dict[str, str]:
    return values_of(term, TERM_FIELDS)


# Choices offered by the selects ----------------------------------------------------------------------------

def choices() -> dict[str, Any]:
    language = current_language()
    countries = db.session.scalars(select(Country).where(Country.is_member).order_by(Country.code)).all()
    networks = db.session.scalars(select(Network).order_by(Network.code)).all()
    grcm = db.session.scalars(select(GrcmMeeting).order_by(GrcmMeeting.starts_at_utc)).all()
    terms = db.session.scalars(select(PptTerm).order_by(PptTerm.starts_on)).all()
    return {
        "country_options": [(c.code, f"{c.code} · {c.name(language)}") for c in countries],
        "network_options": [(n.code, n.name(language)) for n in networks],
        "grcm_options": [(str(g.id), f"{g.title} · {short_date(g.starts_at)}") for g in grcm],
        "terms": terms,
        "term_options": [(str(t.id), f"{t.country} · {short_date(t.starts_on)} – {short_date(t.ends_on)}")
                         for t in terms],
    }


def addressee_label(code: str | None) -> str:
    """An addressee as people name it: a CRM body (labels.ADDRESSEES) or a liaison network by its name in the
    page's language (a network code such as consular_protection is never shown)."""
    if not code:
        return ""
    if code in ADDRESSEES:
        return str(ADDRESSEES[code])
    network = db.session.scalar(select(Network).where(Network.code == code))
    return network.name(current_language()) if network is not None else code
