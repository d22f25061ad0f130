"""The year at a glance as pure rules: R3 gaps, the R6 pre-PPT window, R5 report status."""

from __future__ import annotations

from datetime import date

from service.ppt.rules import Term
from service.schedule.rules import gaps, pre_ppt_window, quarters, report_status, term_starting_in_or_after


def test_quarters_cover_the_year_and_gaps_are_those_without_an_ordinary_meeting():
    statuses = quarters(2027, [(1, date(2027, 2, 10)), (2, date(2027, 9, 30)), (3, date(2026, 12, 31))])
    assert [(s.quarter, s.starts_on, s.ends_on, s.meeting_ids) for s in statuses] == [
        ("2027-Q1", date(2027, 1, 1), date(2027, 3, 31), (1,)),
        ("2027-Q2", date(2027, 4, 1), date(2027, 6, 30), ()),
        ("2027-Q3", date(2027, 7, 1), date(2027, 9, 30), (2,)),
        ("2027-Q4", date(2027, 10, 1), date(2027, 12, 31), ()),
    ]
    assert gaps(statuses) == ["2027-Q2", "2027-Q4"]


def test_a_year_without_meetings_is_all_gaps():
    assert gaps(quarters(2030, [])) == ["2030-Q1", "2030-Q2", "2030-Q3", "2030-Q4"]


TERMS = [Term(1, "HN", date(2026, 12, 1), date(2027, 11, 30)), Term(2, "PA", date(2027, 12, 1), date(2028, 11, 30))]


def test_the_term_to_prepare_is_the_first_starting_in_or_after_the_year():
    assert term_starting_in_or_after(2027, TERMS).country == "PA"
    assert term_starting_in_or_after(2026, TERMS).country == "HN"
    assert term_starting_in_or_after(2028, TERMS) is None


def test_pre_ppt_window_closes_two_calendar_months_before_the_term():
    window = pre_ppt_window(TERMS[1], [], today=date(2027, 6, 1))
    assert (window.latest_on, window.on_time, window.missed) == (date(2027, 10, 1), False, False)


def test_pre_ppt_meeting_on_the_last_day_is_on_time():
    window = pre_ppt_window(TERMS[1], [(7, date(2027, 10, 1))], today=date(2027, 12, 1))
    assert (window.meeting_ids, window.on_time, window.missed) == ((7,), True, False)


def test_pre_ppt_window_is_missed_once_the_day_passes_without_an_on_time_meeting():
    assert pre_ppt_window(TERMS[1], [], today=date(2027, 10, 2)).missed
    late_only = pre_ppt_window(TERMS[1], [(8, date(2027, 10, 20))], today=date(2027, 10, 21))
    assert (late_only.on_time, late_only.missed) == (False, True)


def test_report_is_overdue_only_after_its_due_day_and_only_while_unissued():
    grcm = date(2027, 6, 15)
    assert report_status(grcm, None, today=date(2027, 4, 15)).overdue is False  # the due day itself
    assert report_status(grcm, None, today=date(2027, 4, 16)).overdue is True
    on_time = report_status(grcm, date(2027, 4, 1), today=date(2027, 5, 1))
    assert (on_time.due_on, on_time.overdue, on_time.late) == (date(2027, 4, 15), False, False)
    late = report_status(grcm, date(2027, 5, 1), today=date(2027, 5, 2))
    assert (late.overdue, late.late) == (False, True)
