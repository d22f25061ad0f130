"""R10: the team monitors the implementation of the lineamientos, guías, manuales, indicadores and other
documents agreed in the CRM; R5: the results go into a report due two calendar months before the GRCM meeting.

Kind and status codes are the vocabularies of the Word templates (schemas/rendering.py), so a report's data
loads into its template's context unchanged.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from service.common.i18n import N_
from service.errors import RuleViolation
from service.grcm.rules import monitoring_report_due_on, report_is_late


class InstrumentKind(StrEnum):
    GUIDELINE = "guideline"  # lineamientos
    GUIDE = "guide"  # guías
    MANUAL = "manual"
    INDICATOR = "indicator"  # indicadores
    OTHER = "other"


class MonitoringStatus(StrEnum):
    NOT_STARTED = "not_started"
    PARTIAL = "partial"
    ADVANCED = "advanced"
    COMPLETE = "complete"


_PERIOD = re.compile(r"^(\d{4})(?:-(S[12]|Q[1-4]))?$")


@dataclass(frozen=True)
class Period:
    """A monitoring period: a year ("2026"), a semester ("2026-S1") or a quarter ("2026-Q3")."""

    label: str
    starts_on: date
    ends_on: date


def parse_period(label: str) -> Period:
    found = _PERIOD.match(label.strip().upper())
    if not found:
        raise RuleViolation(N_("A period is a year (2026), a semester (2026-S1) or a quarter (2026-Q3)."),
                            field="period")
    year, part = int(found.group(1)), found.group(2)
    if part is None:
        first, last = 1, 12
    elif part[0] == "S":
        first = 1 + 6 * (int(part[1]) - 1)
        last = first + 5
    else:
        first = 1 + 3 * (int(part[1]) - 1)
        last = first + 2
    return Period(found.group(0), date(year, first, 1), date(year, last, monthrange(year, last)[1]))


def check_entry_period(period: Period, today: date) -> None:
    """Results are reported for a period that has begun."""
    if period.starts_on > today:
        raise RuleViolation(N_("The period %(period)s has not begun yet."), params={"period": period.label},
                            field="period")


@dataclass(frozen=True)
class ReportSchedule:
    due_on: date
    overdue: bool  # not issued and the due date has passed
    late: bool | None  # issued after the due date (None while not issued)


def report_schedule(grcm_starts_on: date, today: date, issued_on: date | None = None) -> ReportSchedule:
    """R5: the report is due GRCM − 2 months; before issuing, past that date it is overdue; issued later, late."""
    due_on = monitoring_report_due_on(grcm_starts_on)
    if issued_on is not None:
        return ReportSchedule(due_on, overdue=False, late=report_is_late(grcm_starts_on, issued_on))
    return ReportSchedule(due_on, overdue=today > due_on, late=None)
