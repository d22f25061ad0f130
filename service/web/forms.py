"""Form glue: HTML form fields → the API's payload shape (then the API's marshmallow schema loads it), and
errors (marshmallow's or a DomainError's `field`) → messages next to the fields, in the page's language.

No rule lives here: an empty field is simply left out, so the schema's own defaults and "required" apply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from marshmallow import ValidationError

from service.errors import DomainError
from service.web.messages import translate

PARTIES = ("st_crm", "st_rrocm", "ppt")
MEETING_FIELDS = ("kind", "title", "starts_at", "ends_at", "timezone", "modality", "location", "video_url",
                  "ppt_term_id")
# Repeatable rows of the minutes form: group → (fields, fields that make a row "filled in").
ROW_GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "attendees": (("name", "party", "country", "role"), ("name", "party", "country", "role")),
    "agenda_items": (("title", "discussion"), ("title", "discussion")),
    "agreements": (("text", "responsible", "due_on", "status"), ("text", "responsible", "due_on")),
}
_ROW_KEY = re.compile(r"(?P<group>[a-z_]+)-(?P<index>\d{1,4})-(?P<field>[a-z_]+)")
# group → (fields, fields that make a row "filled in")
RowGroups = dict[str, tuple[tuple[str, ...], tuple[str, ...]]]


class FieldErrors:
    """Messages per dotted field name ("title", "consents", "agreements.2.due_on")."""

    def __init__(self, messages: Mapping[str, list[str]] | None = None) -> None:
        self.messages: dict[str, list[str]] = dict(messages or {})

    def __bool__(self) -> bool:
        return bool(self.messages)

    def get(self, name: str) -> list[str]:
        """Messages for the field and anything inside it (a list field shows its items' problems)."""
        found: list[str] = []
        for key, messages in self.messages.items():
            if key == name or key.startswith(name + "."):
                found.extend(messages)
        return found

    def add(self, name: str, message: str) -> None:
        self.messages.setdefault(name, []).append(message)

    @property
    def status(self) -> int:
        """The page's status for these errors: 409 when someone changed the record meanwhile, else 422."""
        return 409 if self.get("_stale") else 422

    @classmethod
    def from_validation(cls, error: ValidationError) -> FieldErrors:
        errors = cls()
        for key, message in _flatten(error.messages, ""):
            errors.add(key or "_form", translate(message))
        return errors

    @classmethod
    def from_domain(cls, error: DomainError) -> FieldErrors:
        errors = cls()
        errors.add(error.field or "_form", translate(error))
        return errors


def _flatten(messages: Any, prefix: str) -> Iterable[tuple[str, str]]:
    if isinstance(messages, Mapping):
        for key, value in messages.items():
            name = "_form" if key == "_schema" else str(key)
            yield from _flatten(value, f"{prefix}.{name}" if prefix else name)
    elif isinstance(messages, list | tuple):
        for item in messages:
            yield from _flatten(item, prefix)
    else:
        yield prefix, str(messages)


def _given(form: Mapping[str, str], name: str) -> str | None:
    value = form.get(name)
    return value if value is not None and value.strip() != "" else None


# Meetings -------------------------------------------------------------------------------------------------

def meeting_payload(form: Mapping[str, str], party: str | None) -> dict[str, Any]:
    """The JSON body the API would get for this form (empty fields left out); the signed-in party's own consent
    only (the other parties answer for themselves)."""
    data: dict[str, Any] = {name: form[name] for name in MEETING_FIELDS if _given(form, name) is not None}
    if party in PARTIES and form.get("consent_own") == "on":
        data["consents"] = {party: True}
    data["agenda"] = [line for line in (form.get("agenda") or "").splitlines() if line.strip()]
    return data


def meeting_values(meeting: Any) -> dict[str, str]:
    """A stored meeting as form values (what the edit form starts from)."""
    values = {name: "" if getattr(meeting, name) is None else str(getattr(meeting, name))
              for name in MEETING_FIELDS}
    values["starts_at"] = local_input(meeting.starts_at)
    values["ends_at"] = local_input(meeting.ends_at)
    values["agenda"] = "\n".join(meeting.agenda or [])
    return values


def local_input(value: datetime | None) -> str:
    """A wall time as a datetime-local input shows it."""
    return value.strftime("%Y-%m-%dT%H:%M") if value else ""


# Minutes: repeatable rows -----------------------------------------------------------------------------------

def read_rows(form: Mapping[str, str], groups: RowGroups = ROW_GROUPS) -> dict[str, list[dict[str, str]]]:
    """Rows as submitted, in index order (the index only orders; JavaScript may leave gaps)."""
    found: dict[str, dict[int, dict[str, str]]] = {group: {} for group in groups}
    for key in form:
        match = _ROW_KEY.fullmatch(key)
        if not match or match["group"] not in groups or match["field"] not in groups[match["group"]][0]:
            continue
        found[match["group"]].setdefault(int(match["index"]), {})[match["field"]] = form[key]
    return {group: [rows[i] for i in sorted(rows)] for group, rows in found.items()}


def filled_rows(rows: dict[str, list[dict[str, str]]],
                groups: RowGroups = ROW_GROUPS) -> dict[str, list[dict[str, str]]]:
    """Rows with something typed in them (blank rows offered by the form are not data)."""
    return {group: [row for row in group_rows if any(_given(row, f) for f in groups[group][1])]
            for group, group_rows in rows.items()}


def blank_row(group: str, groups: RowGroups = ROW_GROUPS) -> dict[str, str]:
    return dict.fromkeys(groups[group][0], "")


def minutes_payload(form: Mapping[str, str], rows: dict[str, list[dict[str, str]]]) -> dict[str, Any]:
    data: dict[str, Any] = {group: [{k: v for k, v in row.items() if _given(row, k) is not None} for row in items]
                            for group, items in rows.items()}
    for name in ("language", "next_meeting"):
        if _given(form, name) is not None:
            data[name] = form[name]
    return data


def minutes_rows(minutes: Any) -> dict[str, list[dict[str, str]]]:
    """Stored minutes as rows of form values."""
    if minutes is None:
        return {group: [] for group in ROW_GROUPS}

    def as_text(value: Any) -> str:
        return "" if value is None else str(value)

    return {
        "attendees": [{f: as_text(a.get(f)) for f in ROW_GROUPS["attendees"][0]} for a in minutes.attendees],
        "agenda_items": [{f: as_text(i.get(f)) for f in ROW_GROUPS["agenda_items"][0]} for i in minutes.agenda_items],
        "agreements": [{"text": a.text, "responsible": a.responsible, "due_on": as_text(a.due_on),
                        "status": a.status} for a in minutes.agreements],
    }


def with_blank_rows(rows: dict[str, list[dict[str, str]]], minimum: int = 2,
                    groups: RowGroups = ROW_GROUPS) -> dict[str, list[dict[str, str]]]:
    """What the form shows: the rows plus one blank row each (at least `minimum` rows) for people without JS."""
    shown = {}
    for group, items in rows.items():
        items = [*items, blank_row(group, groups)]
        while len(items) < minimum:
            items.append(blank_row(group, groups))
        shown[group] = items
    return shown
