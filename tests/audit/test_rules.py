"""The audit log's pure helpers: before/after diffs of plain values and `kind:id` subjects. No Flask, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from service.audit.rules import Subject, diff, jsonable, parse_subject, snapshot
from service.errors import RuleViolation
from service.meetings.rules import MeetingStatus


def test_a_diff_lists_only_the_fields_that_changed_with_before_and_after():
    before = {"title": "Primera", "location": "San José", "agenda": ["a"]}
    after = {"title": "Primera (reprogramada)", "location": "San José", "agenda": ["a", "b"]}
    assert diff(before, after) == {"title": ["Primera", "Primera (reprogramada)"], "agenda": [["a"], ["a", "b"]]}


def test_a_field_missing_on_one_side_counts_as_none_so_a_creation_lists_every_value_set():
    assert diff({}, {"title": "Nueva", "location": None}) == {"title": [None, "Nueva"]}
    assert diff({"title": "Vieja"}, {}) == {"title": ["Vieja", None]}


def test_no_change_is_an_empty_diff():
    assert diff({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 2]}) == {}


def test_values_become_what_a_json_column_keeps_exactly():
    value = {"on": date(2027, 2, 10), "at": datetime(2027, 2, 10, 16, 0, tzinfo=UTC), "amount": Decimal("2500.50"),
             "status": MeetingStatus.CANCELLED, "items": ({"n": 1},)}
    assert jsonable(value) == {"on": "2027-02-10", "at": "2027-02-10T16:00:00+00:00", "amount": "2500.50",
                               "status": "cancelled", "items": [{"n": 1}]}


def test_dates_compare_by_value_in_a_diff():
    assert diff({"on": date(2027, 1, 1)}, {"on": "2027-01-01"}) == {}
    assert diff({"on": date(2027, 1, 1)}, {"on": date(2027, 1, 2)}) == {"on": ["2027-01-01", "2027-01-02"]}


def test_a_snapshot_is_a_copy_that_later_edits_of_the_record_do_not_reach():
    record = SimpleNamespace(title="Primera", agenda=["a"])
    taken = snapshot(record, ("title", "agenda"))
    record.agenda.append("b")
    record.title = "Otra"
    assert taken == {"title": "Primera", "agenda": ["a"]}
    assert diff(taken, snapshot(record, ("title", "agenda"))) == {"title": ["Primera", "Otra"],
                                                                  "agenda": [["a"], ["a", "b"]]}


@pytest.mark.parametrize(("text", "expected"), [
    ("meeting:12", Subject("meeting", 12)),
    ("grcm:3", Subject("grcm", 3)),
    ("ppt_term:1", Subject("ppt_term", 1)),
    (" recommendation:7 ", Subject("recommendation", 7)),
    ("document:2147483647", Subject("document", 2**31 - 1)),
])
def test_a_subject_is_kind_colon_id(text, expected):
    assert parse_subject(text) == expected
    assert str(expected) == text.strip()


@pytest.mark.parametrize("text", ["", "meeting", "meeting:", ":12", "meeting:0", "meeting:-1", "meeting:1.5",
                                  "meeting:2147483648", "Meeting:1", "spaceship:1", "meeting:12:3", "meeting: 12"])
def test_anything_else_is_refused_naming_the_subject_field(text):
    with pytest.raises(RuleViolation) as refused:
        parse_subject(text)
    assert refused.value.field == "subject"
    assert "kind:id" in refused.value.message
