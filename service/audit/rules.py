"""Pure helpers of the audit log: subjects ("meeting:12") and before/after diffs of plain values. No Flask, no ORM."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum

from service.common.i18n import N_
from service.errors import RuleViolation

# What an entry can be about. Minutes and agreements are told under their meeting, follow-ups under their
# recommendation, monitoring entries under their instrument, PPT feedback under its term, responses
# to a monitoring tool under the tool.
SUBJECT_KINDS = ("meeting", "grcm", "ppt_term", "recommendation", "document", "instrument", "work_plan",
                 "crm_event", "feed_token", "api_token", "user", "monitoring_tool")
MAX_ID = 2**31 - 1
_SUBJECT = re.compile(r"([a-z_]+):([0-9]{1,10})")

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]
Changes = dict[str, list[JsonValue]]


@dataclass(frozen=True)
class Subject:
    """The record an entry is about, by kind and id."""

    kind: str
    id: int

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


def parse_subject(text: str) -> Subject:
    """`meeting:12` → Subject("meeting", 12); a RuleViolation on the `subject` field otherwise."""
    found = _SUBJECT.fullmatch((text or "").strip())
    if found is None or found.group(1) not in SUBJECT_KINDS or not 1 <= int(found.group(2)) <= MAX_ID:
        raise RuleViolation(N_("%(subject)r is not a subject: write kind:id, kind one of %(kinds)s."),
                            params={"subject": text, "kinds": ", ".join(SUBJECT_KINDS)}, field="subject")
    return Subject(found.group(1), int(found.group(2)))


def jsonable(value: object) -> JsonValue:
    """A copy of `value` that a JSON column keeps exactly: dates as ISO text, decimals as text, enums by value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return jsonable(value.value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, Iterable) and not isinstance(value, bytes):
        return [jsonable(item) for item in value]
    return str(value)


def snapshot(record: object, fields: Iterable[str]) -> dict[str, JsonValue]:
    """The named attributes of a record as plain values (copied: later edits of the record do not reach it)."""
    return {name: jsonable(getattr(record, name)) for name in fields}


def diff(before: Mapping[str, object], after: Mapping[str, object]) -> Changes:
    """{field: [before, after]} for every field whose value differs; a field missing on one side counts as None."""
    changes: Changes = {}
    for name in sorted(before.keys() | after.keys()):
        old, new = jsonable(before.get(name)), jsonable(after.get(name))
        if old != new:
            changes[name] = [old, new]
    return changes
