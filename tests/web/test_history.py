"""The History section's rows, from audit entries as plain values (service.web.history): no Flask, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime

from service.web.history import EntryFacts, history_rows

AT = datetime(2026, 11, 28, 12, tzinfo=UTC)


def test_rows_are_newest_first_and_name_the_person_by_their_account():
    entries = [EntryFacts(at=AT, action="meeting.create", changes={}, party="st_crm", user_id=4, user_email="a@x.org"),
               EntryFacts(at=AT, action="meeting.update", changes={}, party="ppt", user_id=5, user_email="p@x.org")]
    rows = history_rows(entries, {4: "Ana Rodríguez"})
    assert [row.action for row in rows] == ["meeting.update", "meeting.create"]  # same instant: written order
    assert [row.person for row in rows] == ["p@x.org", "Ana Rodríguez"]


def test_an_entry_that_kept_only_the_address_is_named_by_the_account_with_that_address():
    entries = [EntryFacts(at=AT, action="meeting.consent", changes={}, party="st_rrocm", user_email="Luis@X.org"),
               EntryFacts(at=AT, action="meeting.consent", changes={}, party="ppt", user_email="nadie@x.org")]
    rows = history_rows(entries, {}, {"luis@x.org": "Luis Gómez"})
    assert [row.person for row in rows] == ["nadie@x.org", "Luis Gómez"]  # an unknown address stays as it is


def test_coded_values_keep_their_code_set_and_dates_become_dates():
    changes = {"status": ["scheduled", "held"], "starts_at": ["2027-02-10T10:00:00", "2027-02-11T10:00:00"],
               "agenda": [["a"], ["a", "b"]], "title": ["Vieja", "Nueva"]}
    row = history_rows([EntryFacts(at=AT, action="meeting.update", changes=changes)], {})[0]
    shown = {c.field: c for c in row.changes}
    assert (shown["status"].codes, shown["status"].after) == ("meeting_status", "held")
    assert shown["starts_at"].after == datetime(2027, 2, 11, 10)
    assert not shown["agenda"].shown  # a list is named, not repeated
    assert (shown["title"].before, shown["title"].after) == ("Vieja", "Nueva")


def test_a_follow_up_status_is_labelled_as_a_follow_up_and_consents_as_each_party_answer():
    follow_up = history_rows([EntryFacts(at=AT, action="recommendation.follow_up",
                                         changes={"status": [None, "in_progress"],
                                                  "reported_on": [None, "2026-11-01"]})], {})[0]
    shown = {c.field: c for c in follow_up.changes}
    assert shown["status"].codes == "follow_up_status"
    assert shown["reported_on"].after == date(2026, 11, 1)
    consent = history_rows([EntryFacts(at=AT, action="meeting.consent", changes={"consents": [
        {"st_crm": True, "st_rrocm": None, "ppt": None}, {"st_crm": True, "st_rrocm": False, "ppt": None}]})], {})[0]
    assert consent.answers == (("st_rrocm", None, False),)
    assert consent.changes == ()


def test_fields_empty_before_and_after_are_left_out():
    row = history_rows([EntryFacts(at=AT, action="minutes.create",
                                   changes={"approved_by": [None, []], "language": [None, "es"]})], {})[0]
    assert [c.field for c in row.changes] == ["language"]


def test_fields_come_in_the_order_the_forms_show_them():
    changes = {"ends_at": [None, "2027-02-10T12:00:00"], "title": [None, "Reunión"],
               "starts_at": [None, "2027-02-10T10:00:00"], "status": [None, "scheduled"], "zzz": [None, 1]}
    row = history_rows([EntryFacts(at=AT, action="meeting.create", changes=changes)], {})[0]
    assert [c.field for c in row.changes] == ["status", "title", "starts_at", "ends_at", "zzz"]
