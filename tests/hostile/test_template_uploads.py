"""Hostile Word templates (PUT /api/v1/templates/{kind}/{lang} and `tripartito templates check`), one row per
input of issue 15 F1: refused with 422 before anything parses them in the worker, nothing installed, the worker's
memory bounded, the next request works."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest

from service.templating import kinds
from service.templating.doctor import check_file
from tests.hostile import files


@pytest.fixture
def templates_dir(tmp_path, monkeypatch):
    copy = tmp_path / "templates_docx"
    shutil.copytree(kinds.TEMPLATES_DIR, copy, ignore=shutil.ignore_patterns("previous"))
    monkeypatch.setattr(kinds, "TEMPLATES_DIR", copy)
    return copy


def shipped() -> bytes:
    return (kinds.TEMPLATES_DIR / "minutes.es.docx").read_bytes()


def with_expression(expression: str) -> bytes:
    original = shipped()
    xml = zipfile.ZipFile(io.BytesIO(original)).read("word/document.xml")
    xml = xml.replace("1. Datos de la reunión".encode(), expression.encode(), 1)
    return files.docx_with(replace={"word/document.xml": xml}, base=original)


def with_external_footer_image() -> bytes:
    """The shipped template whose footer (it already holds the QR placeholder image) also links an image on a
    server: the footer's relationships are extended, not added as a second part of the same name."""
    original = shipped()
    part = "word/_rels/footer1.xml.rels"
    xml = zipfile.ZipFile(io.BytesIO(original)).read(part).decode()
    external = files.rels("http://x/p.png").decode()
    link = external[external.index("<Relationship "):external.index("</Relationships>")]
    return files.docx_with(replace={part: xml.replace("</Relationships>", link + "</Relationships>").encode()},
                           base=original)


# (row, file, words in the answer)
F1 = [
    ("document.xml expanding to 100 MiB", lambda: files.docx_expanding(100), "expands to more than 10"),
    ("vbaProject.bin", lambda: files.docx_with([("word/vbaProject.bin", b"\0" * 100)], base=shipped()), "macros"),
    ("external image link", with_external_footer_image, "external"),
    ("50,017 zip entries", lambda: files.zip_of([(f"m/{i}", b"") for i in range(50_000)], base=shipped()), "parts"),
    ("{{ 'x' * 999999999 }}", lambda: with_expression("{{ 'x' * 999999999 }}"), "Repeating text"),
    ("{% set a = a ~ a %}", lambda: with_expression("{% set t = header.title %}{% set t = t ~ t %}{{ t }}"),
     "grows a value from itself"),
    ("9 ** 9 ** 9", lambda: with_expression("{{ 9 ** 9 ** 9 }}"), "raising to a power"),
]


@pytest.mark.parametrize(("row", "make", "words"), F1, ids=[r[0] for r in F1])
def test_f1_hostile_template_is_refused_nothing_installed_and_the_next_request_works(
        client, auth, templates_dir, peak_memory, row, make, words):
    before = (templates_dir / "minutes.es.docx").read_bytes()
    content = make()
    with peak_memory() as memory:
        response = client.put("/api/v1/templates/minutes/es", data=content,
                              headers={**auth["st_crm"], "Content-Type": "application/octet-stream"})
    assert response.status_code == 422, response.json
    assert words in response.json["message"] + " ".join(response.json.get("problems", []))
    assert (templates_dir / "minutes.es.docx").read_bytes() == before
    assert not (templates_dir / "previous").exists()
    assert memory.growth_mib < 100, f"the worker grew {memory.growth_mib:.0f} MiB"
    assert client.get("/api/v1/templates/minutes/es", headers=auth["ppt"]).status_code == 200


def test_f1_templates_check_refuses_a_zip_bomb_candidate_without_parsing_it(tmp_path, peak_memory):
    candidate = tmp_path / "minutes.es.docx"
    candidate.write_bytes(files.docx_expanding(100))
    with peak_memory() as memory:
        problems = check_file(candidate)
    assert [p.code for p in problems] == ["refused"]
    assert "expands to more than 10 MiB" in problems[0].message
    assert memory.growth_mib < 100


def test_the_doctor_runs_in_a_child_whose_limits_turn_into_a_problem(tmp_path, monkeypatch):
    from service.templating import doctor
    from service.uploads import sandbox

    monkeypatch.setattr(doctor, "DOCTOR_LIMITS", sandbox.Limits(wall=0.05))
    problems = doctor.check_untrusted(shipped(), "minutes")
    assert [p.code for p in problems] == ["limits"]
    assert "time" in problems[0].message
