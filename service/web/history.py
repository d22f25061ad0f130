"""A record's "History" section, read from the audit log (service.audit). Pure: plain entries in, rows out.

Rows say who (the person by name, their party or country, or the system), when, what (the action, labelled on the
page through service.web.labels.AUDIT_ACTIONS) and which fields changed. Coded values (states, kinds, parties) are
named by their code set so the page shows their label; dates become dates; long texts are named, not repeated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

# Fields whose values are codes, by the label set the page names them with (service.web.labels.CODE_LABELS).
_CODED = {"status": "meeting_status", "kind": "meeting_kind", "modality": "modality", "state": "recommendation_state",
          "addressee": "addressee", "approved_by": "party", "language": "language",
          "original_language": "language"}
_CODED_IN = {"recommendation.follow_up": {"status": "follow_up_status"},
             "monitoring_entry.create": {"status": "monitoring_status"}}
_DATETIMES = {"starts_at", "ends_at", "cancelled_at", "withdrawn_at"}
_DATES = {"submitted_on", "decided_on", "reported_on", "due_on", "starts_on", "ends_on"}
# Short texts are shown before → after; everything else (long texts, lists, ids) only by the field's name.
# Fields in the order the forms show them; the rest follow by name.
_FIELD_ORDER = ("state", "status", "kind", "title", "text", "rationale", "addressee", "grcm_meeting_id", "starts_at",
                "ends_at", "starts_on", "ends_on", "timezone", "modality", "location", "video_url", "ppt_term_id",
                "agenda", "language", "attendees", "agenda_items", "agreements", "next_meeting")
_SHORT_TEXTS = {"title", "location", "timezone", "video_url", "decision_reference", "cancellation_reason",
                "withdrawal_reason", "country", "evidence_url", "original_language"}


@dataclass(frozen=True)
class EntryFacts:
    """One audit entry as plain values (service.audit.models.AuditEntry)."""

    at: datetime
    action: str
    changes: dict
    party: str | None = None
    country: str | None = None
    user_id: int | None = None
    user_email: str | None = None
    system: str | None = None


@dataclass(frozen=True)
class Change:
    field: str
    before: object = None
    after: object = None
    codes: str | None = None  # the label set of a coded value
    shown: bool = True  # False: only the field's name is shown (long texts, lists)
    kind: str = "text"  # text | date | datetime | code | parties


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    action: str
    person: str | None  # the account's name (or e-mail) when a person acted
    party: str | None
    country: str | None
    system: str | None
    changes: tuple[Change, ...]
    answers: tuple[tuple[str, bool | None, bool | None], ...] = ()  # consents: (party, before, after)


def _parse(value: object, kind: str) -> object:
    if not isinstance(value, str):
        return value
    try:
        return datetime.fromisoformat(value) if kind == "datetime" else date.fromisoformat(value[:10])
    except ValueError:
        return value


def _change(action: str, name: str, before: object, after: object) -> Change:
    codes = _CODED_IN.get(action, {}).get(name) or _CODED.get(name)
    if name == "endorsed_by":
        return Change(name, tuple(before or ()), tuple(after or ()), kind="parties")
    if codes:
        return Change(name, before, after, codes=codes, kind="code")
    if name in _DATETIMES or name in _DATES:
        kind = "datetime" if name in _DATETIMES else "date"
        return Change(name, _parse(before, kind), _parse(after, kind), kind=kind)
    return Change(name, before, after, shown=name in _SHORT_TEXTS)


def _answers(changes: dict) -> tuple[tuple[str, bool | None, bool | None], ...]:
    before, after = (changes.get("consents") or [None, None])
    before, after = before or {}, after or {}
    return tuple((party, before.get(party), after.get(party)) for party in sorted(after.keys() | before.keys())
                 if before.get(party) != after.get(party))


def history_rows(entries: list[EntryFacts], names: dict[int, str],
                 names_by_email: Mapping[str, str] | None = None) -> list[HistoryRow]:
    """Newest first; `names` gives the accounts' names by id, `names_by_email` by lower-cased e-mail (for entries
    that kept only the address); an account without a name is named by its e-mail."""
    rows = []
    for _index, entry in sorted(enumerate(entries), key=lambda pair: (pair[1].at, pair[0]), reverse=True):
        person = names.get(entry.user_id) if entry.user_id is not None else None
        if person is None and entry.user_email and names_by_email:
            person = names_by_email.get(entry.user_email.casefold())
        fields = sorted(entry.changes, key=lambda name: (
            _FIELD_ORDER.index(name) if name in _FIELD_ORDER else len(_FIELD_ORDER), name))
        changes = tuple(_change(entry.action, name, *entry.changes[name]) for name in fields
                        if name not in ("consents", "minutes_version", "follow_up_id")
                        and any(value not in (None, "", [], {}) for value in entry.changes[name]))
        rows.append(HistoryRow(at=entry.at, action=entry.action, person=person or entry.user_email,
                               party=entry.party, country=entry.country, system=entry.system, changes=changes,
                               answers=_answers(entry.changes)))
    return rows
