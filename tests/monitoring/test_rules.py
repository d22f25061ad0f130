"""Monitoring periods, and the report's schedule (R5): due GRCM − 2 months, overdue before, late after."""

from __future__ import annotations

from datetime import date

import pytest

from service.errors import RuleViolation
from service.grcm.rules import monitoring_report_due_on, report_is_late
from service.monitoring.rules import check_entry_period, parse_period, report_schedule


@pytest.mark.parametrize(("label", "starts_on", "ends_on"), [
    ("2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("2026-S1", date(2026, 1, 1), date(2026, 6, 30)),
    ("2026-s2", date(2026, 7, 1), date(2026, 12, 31)),
    ("2028-Q1", date(2028, 1, 1), date(2028, 3, 31)),
    ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
])
def test_periods_are_years_semesters_or_quarters(label, starts_on, ends_on):
    period = parse_period(label)
    assert (period.label, period.starts_on, period.ends_on) == (label.upper(), starts_on, ends_on)


@pytest.mark.parametrize("label", ["2026-S3", "2026-Q5", "26", "2026-06", "primer semestre"])
def test_other_period_labels_are_refused_naming_the_field(label):
    with pytest.raises(RuleViolation) as refused:
        parse_period(label)
    assert refused.value.field == "period"


def test_a_period_that_has_not_begun_cannot_be_reported():
    with pytest.raises(RuleViolation):
        check_entry_period(parse_period("2027-S1"), date(2026, 11, 28))
    check_entry_period(parse_period("2026-S2"), date(2026, 11, 28))


@pytest.mark.parametrize(("grcm_on", "due_on"), [
    (date(2026, 6, 16), date(2026, 4, 16)),
    (date(2027, 4, 30), date(2027, 2, 28)),  # calendar months: no 30 February
    (date(2028, 4, 30), date(2028, 2, 29)),
])
def test_the_report_is_due_two_calendar_months_before_the_grcm_meeting(grcm_on, due_on):
    assert monitoring_report_due_on(grcm_on) == due_on
    assert report_schedule(grcm_on, date(2020, 1, 1)).due_on == due_on


def test_before_issuing_the_report_is_overdue_only_after_its_due_date():
    grcm_on = date(2026, 6, 16)
    assert report_schedule(grcm_on, date(2026, 4, 16)).overdue is False
    assert report_schedule(grcm_on, date(2026, 4, 17)).overdue is True
    assert report_schedule(grcm_on, date(2026, 4, 17)).late is None


def test_issuing_after_the_due_date_marks_the_report_late():
    grcm_on = date(2026, 6, 16)
    on_time = report_schedule(grcm_on, date(2026, 5, 1), issued_on=date(2026, 4, 16))
    late = report_schedule(grcm_on, date(2026, 5, 1), issued_on=date(2026, 4, 17))
    assert (on_time.late, on_time.overdue) == (False, False)
    assert (late.late, late.overdue) == (True, False)
    assert report_is_late(grcm_on, date(2026, 4, 17)) is True
