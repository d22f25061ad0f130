"""What a new GRCM date would contradict (R9 submission and decision dates, R5 reports issued on time): pure."""

from __future__ import annotations

from datetime import date

from service.grcm.rules import IssuedReport, PresentedRecommendation, broken_by_new_date


def test_a_date_that_keeps_every_dependent_true_breaks_nothing():
    recs = [PresentedRecommendation(1, submitted_on=date(2026, 5, 29), decided_on=date(2026, 6, 18))]
    reports = [IssuedReport(7, issued_on=date(2026, 4, 1), late=False)]
    assert broken_by_new_date(date(2026, 6, 10), recs, reports) == []


def test_a_later_date_breaks_decisions_taken_before_it_naming_r9():
    recs = [PresentedRecommendation(1, submitted_on=date(2026, 5, 29), decided_on=date(2026, 6, 18))]
    [broken] = broken_by_new_date(date(2026, 7, 1), recs, [])
    assert (broken.kind, broken.id, broken.rule) == ("recommendation", 1, "R9")
    assert "2026-06-18" in broken.message


def test_an_earlier_date_breaks_submissions_made_on_or_after_it_and_on_time_reports_naming_r5():
    recs = [PresentedRecommendation(1, submitted_on=date(2026, 5, 29), decided_on=None)]
    reports = [IssuedReport(7, issued_on=date(2026, 4, 1), late=False), IssuedReport(8, date(2026, 5, 1), late=True)]
    broken = broken_by_new_date(date(2026, 5, 20), recs, reports)
    assert [(b.kind, b.id, b.rule) for b in broken] == [("recommendation", 1, "R9"), ("document", 7, "R5")]
