"""The rules of content translations, over plain values: keys, states, staleness, filling a context."""

from __future__ import annotations

import pytest

from service.content_translations.rules import (
    Edit,
    SourceChanged,
    Stored,
    TranslationSubject,
    Untranslated,
    check_edits,
    final_targets,
    item,
    parse_subject,
    source_texts,
    with_targets,
)
from service.errors import RuleViolation

MINUTES = {
    "header": {"ppt_country_name": "Honduras"},
    "meeting": {"title": "Primera reunión ordinaria", "location": "San José"},
    "attendees": [{"name": "Ana", "role": "Coordinadora"}, {"name": "Luis", "role": None}],
    "agenda_items": [{"title": "Plan de trabajo", "discussion": "Se revisó el avance."},
                     {"title": "Varios", "discussion": None}],
    "agreements": [{"text": "Circular el borrador", "responsible": "ST-CRM"}],
    "next_meeting": "  ",
}
SUBJECT = TranslationSubject("minutes", 7)


def test_the_typed_texts_of_minutes_are_keyed_by_what_they_are_and_their_number_in_the_document():
    assert source_texts("minutes", MINUTES) == {
        "meeting.title": "Primera reunión ordinaria",
        "attendee.1.role": "Coordinadora",
        "agenda.1.title": "Plan de trabajo",
        "agenda.2.title": "Varios",
        "agenda.1.discussion": "Se revisó el avance.",
        "agreement.1.text": "Circular el borrador",
    }  # names, places, labels and empty texts are not translated


def test_nested_texts_are_found_and_a_missing_parent_is_no_text():
    context = {"grcm": {"title": "XXX GRCM"}, "instruments": [{"latest": {"summary": "Avance"}}, {"latest": None}],
               "recommendations": [], "events": []}
    assert source_texts("monitoring_report", context) == {"grcm.title": "XXX GRCM",
                                                          "instrument.1.summary": "Avance"}


def test_filling_targets_replaces_only_the_typed_texts_and_leaves_the_original_context_alone():
    filled = with_targets("minutes", MINUTES, {"meeting.title": "First ordinary meeting",
                                               "agenda.1.discussion": "Progress was reviewed."})
    assert filled["meeting"] == {"title": "First ordinary meeting", "location": "San José"}
    assert filled["agenda_items"][0] == {"title": "Plan de trabajo", "discussion": "Progress was reviewed."}
    assert MINUTES["meeting"]["title"] == "Primera reunión ordinaria"


def test_a_text_without_translation_is_missing():
    assert item("k", "Hola", None).state == "missing"
    assert item("k", "Hola", Stored("Hola", None, "draft")).state == "missing"


def test_a_translation_of_the_current_source_keeps_its_state():
    shown = item("k", "Hola", Stored("Hola", "Hello", "final"))
    assert (shown.target, shown.state, shown.stale) == ("Hello", "final", False)


def test_a_translation_made_from_another_source_is_stale_and_reads_draft():
    shown = item("k", "Hola a todos", Stored("Hola", "Hello", "final"))
    assert (shown.target, shown.state, shown.stale) == ("Hello", "draft", True)


def test_issuing_needs_a_final_current_translation_of_every_text_and_lists_those_without():
    sources = {"a": "Uno", "b": "Dos", "c": "Tres", "d": "Cuatro"}
    stored = {"a": Stored("Uno", "One", "final"), "b": Stored("Dos", "Two", "draft"),
              "c": Stored("Tres (antes)", "Three", "final")}
    with pytest.raises(Untranslated) as refused:
        final_targets(sources, stored, SUBJECT, "en")
    assert refused.value.keys == ["b", "c", "d"]
    assert refused.value.status == 422
    assert refused.value.payload()["untranslated"] == ["b", "c", "d"]


def test_with_every_text_final_the_targets_are_given():
    sources = {"a": "Uno"}
    assert final_targets(sources, {"a": Stored("Uno", "One", "final")}, SUBJECT, "en") == {"a": "One"}


@pytest.mark.parametrize(("edit", "words"), [
    (Edit("nope", "x", "final"), "not a text"),
    (Edit("a", "", "final"), "cannot be final"),
    (Edit("a", "One", "done"), "must be one of"),
    (Edit("a", "One\u202e", "final"), "U+202E"),
    (Edit("a", "One\x00", "draft"), "U+0000"),
])
def test_bad_edits_are_refused_naming_the_text(edit, words):
    with pytest.raises(RuleViolation) as refused:
        check_edits({"a": "Uno"}, [edit])
    assert words in refused.value.message


def test_an_edit_made_from_a_source_that_changed_since_is_a_conflict_listing_every_such_text():
    with pytest.raises(SourceChanged) as refused:
        check_edits({"a": "Uno", "b": "Dos"}, [Edit("a", "One", "final", "Uno (viejo)"),
                                               Edit("b", "Two", "final", "Dos")])
    assert refused.value.status == 409
    assert refused.value.keys == ["a"]


def test_a_text_the_translator_saw_that_the_document_no_longer_has_is_a_changed_source():
    with pytest.raises(SourceChanged) as refused:
        check_edits({"a": "Uno"}, [Edit("a", "One", "final", "Uno"), Edit("b", "Two", "final", "Dos")])
    assert refused.value.keys == ["b"]


@pytest.mark.parametrize("text", ["meeting:1", "minutes", "minutes:0", "minutes:x", "", None, "dossier:1"])
def test_a_subject_is_a_document_kind_with_texts_and_a_positive_id(text):
    with pytest.raises(RuleViolation):
        parse_subject(text)


def test_a_subject_is_parsed():
    assert parse_subject(" work_plan:3 ") == TranslationSubject("work_plan", 3)
