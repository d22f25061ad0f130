"""PPT terms: no overlap, and one answer to 'who holds the PPT on this date'."""

from __future__ import annotations

from datetime import date

import pytest

from service.errors import RuleViolation
from service.ppt.rules import Term, check_term, incoming_term, ppt_on

HN = Term(1, "HN", date(2025, 12, 1), date(2026, 11, 30))
PA = Term(2, "PA", date(2026, 12, 1), date(2027, 11, 30))


def test_adjacent_terms_do_not_overlap():
    check_term(PA, [HN])


def test_overlapping_terms_are_refused_naming_the_other_term():
    with pytest.raises(RuleViolation) as excinfo:
        check_term(Term(None, "GT", date(2026, 11, 30), date(2027, 5, 1)), [HN, PA])
    assert "HN" in excinfo.value.message


def test_term_may_not_end_before_it_starts():
    with pytest.raises(RuleViolation):
        check_term(Term(None, "GT", date(2027, 5, 1), date(2027, 4, 1)), [])


def test_editing_a_term_does_not_collide_with_itself():
    check_term(Term(1, "HN", date(2025, 12, 1), date(2026, 11, 29)), [HN, PA])


@pytest.mark.parametrize(("day", "country"), [
    (date(2026, 11, 30), "HN"), (date(2026, 12, 1), "PA"), (date(2025, 11, 30), None),
])
def test_ppt_on_date_is_the_term_covering_it_both_ends_inclusive(day, country):
    found = ppt_on(day, [HN, PA])
    assert (found.country if found else None) == country


def test_incoming_term_is_the_next_to_start():
    assert incoming_term(date(2026, 6, 1), [PA, HN]) == PA
    assert incoming_term(date(2027, 1, 1), [PA, HN]) is None
