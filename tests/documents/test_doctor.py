"""The template doctor accepts every shipped template and refuses each kind of fault, saying what and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.templating.doctor import Problem, check_all, check_template, run_check
from tests.documents.samples import replace_in_part, shipped

NEXT = "<w:t>{{ next_meeting }}</w:t>"


def _codes(problems: list[Problem]) -> set[str]:
    return {p.code for p in problems}


@pytest.mark.parametrize("path", sorted(check_all()), ids=lambda p: p.name)
def test_doctor_accepts_every_shipped_template(path: Path) -> None:
    assert check_all()[path] == []


def test_doctor_refuses_an_unknown_variable_naming_it_and_where_it_is() -> None:
    broken = replace_in_part(shipped("minutes"), NEXT, "<w:t>{{ proxima_reunion }}</w:t>")
    [problem] = check_template(broken, "minutes")
    assert problem.code == "unknown-variable"
    assert "'proxima_reunion'" in problem.message
    assert "next_meeting" in problem.message
    assert "word/document.xml" in problem.where
    assert "proxima_reunion" in problem.where


def test_doctor_refuses_an_unknown_field_of_a_nested_schema_and_of_a_loop_variable() -> None:
    broken = replace_in_part(shipped("minutes"), "{{ meeting.title }}", "{{ meeting.titel }}")
    broken = replace_in_part(broken, "{{ agreement.responsible }}", "{{ agreement.owner }}")
    problems = check_template(broken, "minutes")
    messages = " ".join(p.message for p in problems)
    assert _codes(problems) == {"unknown-variable"}
    assert "MeetingInfo has no field 'titel'" in messages
    assert "Agreement has no field 'owner'" in messages


def test_doctor_refuses_a_tag_split_across_runs_with_its_location() -> None:
    broken = replace_in_part(shipped("minutes"), NEXT,
                             "<w:t>{{ next_</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>meeting }}</w:t>")
    problems = check_template(broken, "minutes")
    assert _codes(problems) == {"split-tag"}
    assert "'{{ next_meeting }}'" in problems[0].message
    assert "2 runs" in problems[0].message
    assert problems[0].where.startswith("word/document.xml, paragraph ")


def test_doctor_refuses_a_split_tag_inside_a_table_cell_naming_table_row_and_cell() -> None:
    broken = replace_in_part(shipped("minutes"), "<w:t>{{ meeting.title }}</w:t>",
                             "<w:t>{</w:t></w:r><w:r><w:t>{ meeting.title }}</w:t>")
    [problem] = check_template(broken, "minutes")
    assert problem.code == "split-tag"
    assert problem.where == "word/document.xml, table 2, row 2, cell 2"


def test_doctor_refuses_an_unclosed_tag() -> None:
    broken = replace_in_part(shipped("minutes"), NEXT, "<w:t>{{ next_meeting </w:t>")
    assert _codes(check_template(broken, "minutes")) == {"unclosed-tag"}


@pytest.mark.parametrize(("expression", "says"), [
    ("{{ cycler.__init__.__globals__ }}", "'cycler' is not available"),
    ("{{ joiner }}", "'joiner' is not available"),
    ("{{ header.__class__.__mro__ }}", "hidden attribute '__class__'"),
    ("{{ header['_sa_instance_state'] }}", "hidden attribute '_sa_instance_state'"),
    ("{{ range(100000000)|length }}", "'range' is not available"),
    ("{{ next_meeting.upper() }}", "Calls are not allowed"),
    ("{{ next_meeting|safe }}", "|safe is not allowed"),
    ("{{ next_meeting|attr('__class__') }}", "|attr is not allowed"),
    ("{% autoescape false %}{{ next_meeting }}{% endautoescape %}", "{% autoescape %}"),
    ("{{ self }}", "'self' is not available"),
    ("{{ config }}", "'config' is not available"),
    ("{{ header[next_meeting] }}", "Subscripts must be literal"),
    ("{% for x in agreements %}{{ loop.cycle('a', 'b') }}{% endfor %}", "Calls are not allowed"),
])
def test_doctor_refuses_expressions_that_could_escape_the_sandbox(expression: str, says: str) -> None:
    broken = replace_in_part(shipped("minutes"), NEXT, f"<w:t>{expression}</w:t>")
    problems = check_template(broken, "minutes")
    assert "unsafe" in _codes(problems)
    assert any(says in p.message for p in problems), [str(p) for p in problems]
    assert all(p.where.startswith("word/document.xml") for p in problems)


def test_doctor_refuses_a_row_loop_without_its_endfor() -> None:
    # the agreements table is the 4th table; drop its {%tr endfor %} tag
    broken = replace_in_part(shipped("minutes"), "{%tr endfor %}</w:t>", "</w:t>", count=3)
    problems = check_template(broken, "minutes")
    row_problems = [p for p in problems if p.code == "row-loop"]
    assert row_problems
    assert "never closed" in row_problems[0].message
    assert row_problems[0].where.startswith("word/document.xml, table 3, row")


def test_doctor_refuses_a_plain_for_loop_spread_over_cells() -> None:
    broken = replace_in_part(shipped("minutes"), "{%tr for agreement in agreements %}",
                             "{% for agreement in agreements %}")
    broken = replace_in_part(broken, "<w:t>{{ agreement.due_on }}</w:t>",
                             "<w:t>{{ agreement.due_on }}</w:t></w:r><w:r><w:t>{% endfor %}</w:t>")
    problems = [p for p in check_template(broken, "minutes") if p.code == "row-loop"]
    assert problems
    assert any("is not closed in it" in p.message and ", cell 1" in p.where for p in problems)
    assert any("closes a block opened in another cell" in p.message for p in problems)


def test_doctor_refuses_a_row_tag_outside_a_table_and_two_row_tags_in_one_row() -> None:
    broken = replace_in_part(shipped("minutes"), NEXT, "<w:t>{%tr if next_meeting %}</w:t>")
    assert any("outside a table" in p.message for p in check_template(broken, "minutes"))
    doubled = replace_in_part(shipped("minutes"), "{%tr for agreement in agreements %}",
                              "{%tr for agreement in agreements %}{%tr endfor %}")
    assert any("Two {%tr %} tags in one row" in p.message for p in check_template(doubled, "minutes"))


def test_doctor_refuses_a_file_that_is_not_a_word_document() -> None:
    [problem] = check_template(b"%PDF-1.7 not a docx", "minutes")
    assert problem.code == "not-docx"


def test_doctor_checks_headers_and_footers_too() -> None:
    broken = replace_in_part(shipped("minutes"), "{{ header.reference }}", "{{ header.referense }}",
                             name="word/footer1.xml")
    [problem] = check_template(broken, "minutes")
    assert problem.code == "unknown-variable"
    assert problem.where.startswith("word/footer1.xml")


def test_run_check_reports_each_file_and_fails_on_any_problem(tmp_path: Path) -> None:
    good = tmp_path / "minutes.es.docx"
    good.write_bytes(shipped("minutes"))
    bad = tmp_path / "work_plan.en.docx"
    bad.write_bytes(replace_in_part(shipped("work_plan", "en"), "{{ year }}", "{{ lipsum() }}"))
    code, report = run_check([good, bad])
    assert code == 1
    assert f"OK   {good}" in report
    assert f"FAIL {bad}" in report
    assert "'lipsum'" in report
    assert "1 of 2 template(s) pass." in report
    assert run_check([good])[0] == 0


def test_run_check_without_files_checks_the_shipped_templates() -> None:
    code, report = run_check(None)
    assert code == 0
    assert "12 of 12 template(s) pass." in report


def test_run_check_needs_a_kind_in_the_file_name(tmp_path: Path) -> None:
    odd = tmp_path / "acta.docx"
    odd.write_bytes(shipped("minutes"))
    code, report = run_check([odd])
    assert code == 1
    assert "Cannot tell the document kind" in report
