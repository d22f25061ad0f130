"""Replacing a Word template through the API or the CLI: only a template the doctor accepts is installed, and the
previous file is kept."""

from __future__ import annotations

import io
import zipfile

import pytest

from service.templating.location import seed


@pytest.fixture
def templates_dir(app, tmp_path):
    """This test's own TEMPLATES_DIR, seeded from the packaged templates (the app fixture restores the config)."""
    folder = tmp_path / "templates_docx"
    seed(folder)
    app.config["TEMPLATES_DIR"] = str(folder)
    return folder


def edited(docx: bytes, old: str, new: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            target.writestr(name, data)
    return out.getvalue()


def put(client, auth, body, who="st_crm"):
    return client.put("/api/v1/templates/minutes/es", data=body,
                      headers={**auth[who], "Content-Type": "application/octet-stream"})


def test_a_template_the_doctor_accepts_replaces_the_old_one_which_is_kept(client, auth, templates_dir):
    original = (templates_dir / "minutes.es.docx").read_bytes()
    candidate = edited(original, "1. Datos de la reunión", "1. Datos generales de la reunión")
    response = put(client, auth, candidate)
    assert response.status_code == 200, response.json
    assert response.json["previous_versions"] == 1
    assert (templates_dir / "minutes.es.docx").read_bytes() == candidate
    assert [p.read_bytes() for p in (templates_dir / "previous").iterdir()] == [original]
    download = client.get("/api/v1/templates/minutes/es", headers=auth["ppt"])
    assert download.data == candidate


def test_an_unsafe_template_is_refused_saying_what_and_where_and_nothing_changes(client, auth, templates_dir):
    original = (templates_dir / "minutes.es.docx").read_bytes()
    response = put(client, auth, edited(original, "1. Datos de la reunión", "{{ cycler.__init__.__globals__ }}"))
    assert response.status_code == 422
    assert response.json["problems"]
    assert "cycler" in " ".join(response.json["problems"])
    assert "document.xml" in " ".join(response.json["problems"])
    assert (templates_dir / "minutes.es.docx").read_bytes() == original
    assert not (templates_dir / "previous").exists()


def test_a_file_that_is_not_a_word_document_is_refused(client, auth, templates_dir):
    assert put(client, auth, b"not a docx").status_code == 422


def test_member_countries_can_neither_read_nor_replace_templates(client, auth, templates_dir):
    assert client.get("/api/v1/templates", headers=auth["BZ"]).status_code == 403
    assert put(client, auth, b"x", who="BZ").status_code == 403


def test_unknown_kind_or_language_is_404(client, auth, templates_dir):
    assert client.get("/api/v1/templates/poem/es", headers=auth["st_crm"]).status_code == 404
    assert client.get("/api/v1/templates/minutes/fr", headers=auth["st_crm"]).status_code == 404


def test_cli_install_uses_the_same_doctor(app, templates_dir, tmp_path):
    bad = tmp_path / "minutes.es.docx"
    bad.write_bytes(edited((templates_dir / "minutes.es.docx").read_bytes(), "1. Datos de la reunión", "{{ nope }}"))
    result = app.test_cli_runner().invoke(args=["templates", "install", str(bad)])
    assert result.exit_code == 1
    assert "nope" in result.output
