"""GRCM meetings and the deadlines they set for the team."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta


def monitoring_report_due_on(grcm_starts_on: date) -> date:
    """R5: the monitoring report reaches every member country two calendar months before the GRCM meeting."""
    return grcm_starts_on - relativedelta(months=2)


def is_late(due_on: date, issued_on: date) -> bool:
    """R5: a report issued after its due date is late (issuing on the due date is on time)."""
    return issued_on > due_on


def report_is_late(grcm_starts_on: date, issued_on: date) -> bool:
    return is_late(monitoring_report_due_on(grcm_starts_on), issued_on)
