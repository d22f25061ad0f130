"""GRCM meetings and the deadlines they set for the team."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from service.common.i18n import N_, fill


def monitoring_report_due_on(grcm_starts_on: date) -> date:
    """R5: the monitoring report reaches every member country two calendar months before the GRCM meeting."""
    return grcm_starts_on - relativedelta(months=2)


def is_late(due_on: date, issued_on: date) -> bool:
    """R5: a report issued after its due date is late (issuing on the due date is on time)."""
    return issued_on > due_on


def report_is_late(grcm_starts_on: date, issued_on: date) -> bool:
    return is_late(monitoring_report_due_on(grcm_starts_on), issued_on)


@dataclass(frozen=True)
class Dependent:
    """A record that relies on a GRCM meeting's date, with the rule a change would break (kind: id as in audit)."""

    kind: str
    id: int
    rule: str
    message: str


@dataclass(frozen=True)
class PresentedRecommendation:
    id: int
    submitted_on: date | None
    decided_on: date | None


@dataclass(frozen=True)
class IssuedReport:
    """A monitoring report issued for the meeting; `issued_on` is its day in the meeting's time zone."""

    id: int
    issued_on: date
    late: bool


def broken_by_new_date(starts_on: date, recommendations: Iterable[PresentedRecommendation],
                       reports: Iterable[IssuedReport]) -> list[Dependent]:
    """What a GRCM meeting starting on `starts_on` would contradict: R9 dates and R5 reports issued on time."""
    broken = []
    for rec in recommendations:
        if rec.submitted_on is not None and rec.submitted_on >= starts_on:
            broken.append(Dependent("recommendation", rec.id, "R9", fill(
                N_("submitted on %(date)s, not before the meeting"), {"date": rec.submitted_on.isoformat()})))
        if rec.decided_on is not None and rec.decided_on < starts_on:
            broken.append(Dependent("recommendation", rec.id, "R9", fill(
                N_("decided on %(date)s, before the meeting"), {"date": rec.decided_on.isoformat()})))
    due_on = monitoring_report_due_on(starts_on)
    for report in reports:
        if not report.late and is_late(due_on, report.issued_on):
            broken.append(Dependent("document", report.id, "R5", fill(
                N_("issued on time on %(issued)s; the new due date would be %(due)s"),
                {"issued": report.issued_on.isoformat(), "due": due_on.isoformat()})))
    return broken
