from __future__ import annotations

from datetime import date

from service.grcm.rules import monitoring_report_due_on, report_is_late


def test_report_is_due_two_calendar_months_before_the_grcm_meeting():
    assert monitoring_report_due_on(date(2027, 3, 9)) == date(2027, 1, 9)
    assert monitoring_report_due_on(date(2027, 4, 30)) == date(2027, 2, 28)


def test_report_issued_on_the_due_date_is_not_late_but_a_day_after_is():
    assert not report_is_late(date(2027, 3, 9), issued_on=date(2027, 1, 9))
    assert report_is_late(date(2027, 3, 9), issued_on=date(2027, 1, 10))
