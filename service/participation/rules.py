"""R1: civil society takes part in all CRM spaces, except events for which a member country expressly asked
that only member countries take part. Such an exception exists only with the requesting member country and the
date of its request recorded; the monitoring report lists every exception.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from service.common.i18n import N_
from service.errors import RuleViolation


class EventKind(StrEnum):
    GRCM = "grcm"
    VICEMINISTERIAL = "viceministerial"
    NETWORK = "network"
    WORKING_GROUP = "working_group"
    WORKSHOP = "workshop"
    OTHER = "other"


@dataclass(frozen=True)
class Participation:
    """What an event says about who takes part, as R1 needs it."""

    starts_on: date
    members_only: bool
    requested_by: str | None
    requested_on: date | None
    requested_by_is_member: bool = False  # looked up from the reference data by the caller


def check_participation(p: Participation, today: date | None = None) -> None:
    """R1: members-only needs the requesting member country and the request's date (not in the future: a
    request is recorded once it was made; `today` as the caller knows it); open events carry neither."""
    if not p.members_only:
        if p.requested_by or p.requested_on:
            raise RuleViolation(
                N_("Only a members-only event records who asked for it; set members_only or clear the request."),
                field="members_only_requested_by" if p.requested_by else "members_only_requested_on", rule="R1")
        return
    if not p.requested_by:
        raise RuleViolation(
            N_("R1: civil society takes part in all CRM spaces unless a member country expressly asked otherwise; "
               "record which member country asked (members_only_requested_by)."),
            field="members_only_requested_by", rule="R1")
    if not p.requested_by_is_member:
        raise RuleViolation(
            N_("R1: only a member country of the CRM can ask for a members-only event; %(code)s is not one."),
            params={"code": p.requested_by}, field="members_only_requested_by", rule="R1")
    if p.requested_on is None:
        raise RuleViolation(N_("R1: record the date of the member country's request (members_only_requested_on)."),
                            field="members_only_requested_on", rule="R1")
    if today is not None and p.requested_on > today:
        raise RuleViolation(N_("R1: the member country's request cannot be dated in the future (%(date)s); record "
                               "it once it was made."), params={"date": p.requested_on.isoformat()},
                            field="members_only_requested_on", rule="R1")
    if p.requested_on > p.starts_on:
        raise RuleViolation(N_("R1: the request for a members-only event must come before the event starts."),
                            field="members_only_requested_on", rule="R1")


@dataclass(frozen=True)
class EventSummary:
    starts_on: date
    members_only: bool


def participation_counts(events: Iterable[EventSummary]) -> dict[str, int]:
    """How many events, how many open to civil society, how many members-only exceptions."""
    events = list(events)
    exceptions = sum(1 for e in events if e.members_only)
    return {"total": len(events), "open_to_civil_society": len(events) - exceptions, "members_only": exceptions}
