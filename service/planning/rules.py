"""R2: the team's annual work plan, with implementation, monitoring and follow-up mechanisms and the
identification of resources; R12: activities name the liaison network they support.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from service.common.i18n import N_
from service.errors import RuleViolation


class ResourceStatus(StrEnum):
    IDENTIFIED = "identified"  # a possible source is known
    COMMITTED = "committed"  # the source has promised it
    SECURED = "secured"  # available to the team


# A commitment can fall through (back to identified); secured money is final.
RESOURCE_MOVES: dict[ResourceStatus, frozenset[ResourceStatus]] = {
    ResourceStatus.IDENTIFIED: frozenset({ResourceStatus.COMMITTED, ResourceStatus.SECURED}),
    ResourceStatus.COMMITTED: frozenset({ResourceStatus.SECURED, ResourceStatus.IDENTIFIED}),
    ResourceStatus.SECURED: frozenset(),
}


class ActivityProgress(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


def check_progress(index: int, *, progress: ActivityProgress, progress_on: date | None, today: date) -> None:
    """R2 follow-up: a reported progress says when it was reported, and that day is not in the future."""
    if progress is not ActivityProgress.NOT_STARTED and progress_on is None:
        raise RuleViolation(N_("R2: say on which day the progress (%(progress)s) was reported."),
                            params={"progress": progress.value}, field=f"activities.{index}.progress_on", rule="R2")
    if progress_on is not None and progress_on > today:
        raise RuleViolation(N_("R2: progress cannot be reported for a day in the future."),
                            field=f"activities.{index}.progress_on", rule="R2")


def check_resource_move(old: ResourceStatus, new: ResourceStatus, *, field: str = "status") -> None:
    if old is new or new in RESOURCE_MOVES[old]:
        return
    allowed = ", ".join(sorted(RESOURCE_MOVES[old])) or "none"
    raise RuleViolation(N_("R2: a %(state)s resource cannot become %(to)s; allowed: %(allowed)s."),
                        params={"state": old.value, "to": new.value, "allowed": allowed}, field=field, rule="R2")


@dataclass(frozen=True)
class ResourceAmount:
    currency: str
    status: ResourceStatus
    amount: Decimal


def resource_totals(resources: Iterable[ResourceAmount]) -> list[dict]:
    """One row per currency: the total and the amount in each status (never adds different currencies)."""
    totals: dict[str, dict[str, Decimal]] = {}
    for resource in resources:
        row = totals.setdefault(resource.currency, {s.value: Decimal("0.00") for s in ResourceStatus})
        row[resource.status.value] += resource.amount
    return [{"currency": currency, "total": sum(row.values(), Decimal("0.00")), "by_status": row}
            for currency, row in sorted(totals.items())]


def check_objectives(codes: list[str]) -> None:
    seen: set[str] = set()
    for index, code in enumerate(codes):
        if code in seen:
            raise RuleViolation(N_("Objective code %(code)r is used twice."), params={"code": code},
                                field=f"objectives.{index}.code")
        seen.add(code)


def check_activity(index: int, *, year: int, objective: str | None, objective_codes: set[str],
                   starts_on: date, ends_on: date) -> None:
    """An activity serves an objective of the plan and runs at some point in the plan's year."""
    if objective is not None and objective not in objective_codes:
        raise RuleViolation(N_("No objective %(code)r in this plan."), params={"code": objective},
                            field=f"activities.{index}.objective")
    if ends_on < starts_on:
        raise RuleViolation(N_("An activity must end on or after it starts."), field=f"activities.{index}.ends_on")
    if not (starts_on.year <= year <= ends_on.year):
        raise RuleViolation(N_("The activity does not run in %(year)s, the plan's year."), params={"year": year},
                            field=f"activities.{index}.starts_on")


def quarter_timeline(starts_on: date, ends_on: date, language: str = "es") -> str:
    """'T1–T2 2027' / 'Q1–Q2 2027': how a work plan shows an activity's timeline."""
    letter = "Q" if language == "en" else "T"
    first, last = (starts_on.month - 1) // 3 + 1, (ends_on.month - 1) // 3 + 1
    if starts_on.year != ends_on.year:
        return f"{letter}{first} {starts_on.year}–{letter}{last} {ends_on.year}"
    span = f"{letter}{first}" if first == last else f"{letter}{first}–{letter}{last}"
    return f"{span} {starts_on.year}"
