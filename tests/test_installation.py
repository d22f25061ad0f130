"""An installed service: the packaged templates are the pristine defaults, the institution's copy lives in
TEMPLATES_DIR (seeded, never overwritten), and `init`/`serve`/`converters` say which Python runs LibreOffice."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from service import config, create_app
from service.templating.admin import replace_template
from service.templating.kinds import KINDS
from service.templating.location import PACKAGED_DIR, PackagedTemplatesReadOnly, ensure_writable, seed
from tests.conftest import NOW
from tests.fakes import fake_python

EXPECTED = sorted(f"{kind}.{lang}.docx" for kind in KINDS for lang in ("es", "en"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_package_ships_every_template_of_every_kind_and_language():
    assert sorted(p.name for p in PACKAGED_DIR.glob("*.docx")) == EXPECTED
    assert len(EXPECTED) == 12


def test_seeding_copies_every_packaged_template_into_an_empty_folder(tmp_path):
    assert seed(tmp_path / "live") == EXPECTED
    assert {p.name: digest(p) for p in (tmp_path / "live").iterdir()} == {
        name: digest(PACKAGED_DIR / name) for name in EXPECTED}


def test_seeding_never_overwrites_the_institutions_edits_and_adds_only_missing_files(tmp_path):
    live = tmp_path / "live"
    live.mkdir()
    (live / "minutes.es.docx").write_bytes(b"the institution's own minutes")
    copied = seed(live)
    assert "minutes.es.docx" not in copied
    assert len(copied) == 11
    assert (live / "minutes.es.docx").read_bytes() == b"the institution's own minutes"
    assert seed(live) == []
    assert sorted(p.name for p in live.iterdir()) == EXPECTED  # no partial copies left behind


def test_the_templates_folder_defaults_to_the_data_folder_and_is_seeded_at_start_up(app):
    live = Path(app.config["TEMPLATES_DIR"])
    assert live == Path(app.config["DATA_DIR"]) / "templates_docx"
    assert sorted(p.name for p in live.glob("*.docx")) == EXPECTED


def test_the_templates_folder_is_configurable_from_the_environment(tmp_path):
    found = config.from_environment({"TRIPARTITO_TEMPLATES_DIR": str(tmp_path / "elsewhere")})
    assert found["TEMPLATES_DIR"] == str(tmp_path / "elsewhere")
    app = create_app({"DATA_DIR": str(tmp_path / "data"), "TEMPLATES_DIR": str(tmp_path / "elsewhere"),
                      "SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})
    assert sorted(p.name for p in (tmp_path / "elsewhere").glob("*.docx")) == EXPECTED
    assert not (tmp_path / "data" / "templates_docx").exists()
    with app.app_context():
        assert KINDS["minutes"].template_path("es") == tmp_path / "elsewhere" / "minutes.es.docx"


def test_installing_a_template_writes_into_the_templates_folder_never_into_the_package(app, tmp_path):
    live = tmp_path / "live"
    seed(live)
    app.config["TEMPLATES_DIR"] = str(live)
    packaged = {p.name: digest(p) for p in PACKAGED_DIR.glob("*.docx")}
    original = (live / "minutes.es.docx").read_bytes()
    replace_template("minutes", "es", original, now=NOW)
    assert [p.read_bytes() for p in (live / "previous").iterdir()] == [original]
    assert {p.name: digest(p) for p in PACKAGED_DIR.glob("*.docx")} == packaged
    assert not (PACKAGED_DIR / "previous").exists()


def test_writing_into_the_packaged_templates_is_refused(tmp_path):
    with pytest.raises(PackagedTemplatesReadOnly, match="TRIPARTITO_TEMPLATES_DIR"):
        ensure_writable(PACKAGED_DIR)
    ensure_writable(tmp_path)  # any other folder is fine


def test_templates_check_examines_the_apps_templates_folder(app, tmp_path):
    live = tmp_path / "live"
    seed(live)
    app.config["TEMPLATES_DIR"] = str(live)
    result = app.test_cli_runner().invoke(args=["templates", "check"])
    assert result.exit_code == 0, result.output
    assert "12 of 12 template(s) pass." in result.output
    assert str(live / "minutes.es.docx") in result.output
    (live / "work_plan.en.docx").unlink()
    result = app.test_cli_runner().invoke(args=["templates", "check"])
    assert result.exit_code == 1
    assert "11 of 12 template(s) pass." in result.output


def test_serve_refuses_to_start_without_a_python_for_the_converters_and_names_the_fix(app, tmp_path):
    app.config["UNO_PYTHON"] = str(fake_python(tmp_path / "python", "uno"))
    result = app.test_cli_runner().invoke(args=["serve", "--port", "1"])
    assert result.exit_code == 1
    assert f"TRIPARTITO_UNO_PYTHON={tmp_path / 'python'} cannot import uno and unoserver" in result.output
    assert "tripartito converters setup" in result.output


def test_init_reports_the_converters_python(app, tmp_path):
    app.config["UNO_PYTHON"] = str(fake_python(tmp_path / "python", "uno", "unoserver"))
    result = app.test_cli_runner().invoke(args=["init"])
    assert result.exit_code == 0, result.output
    assert f"Templates in {app.config['TEMPLATES_DIR']}." in result.output
    assert f"Converters run with {tmp_path / 'python'}." in result.output


def test_init_only_warns_when_the_converters_python_is_broken(app, tmp_path):
    app.config["UNO_PYTHON"] = str(fake_python(tmp_path / "python"))
    result = app.test_cli_runner().invoke(args=["init"])
    assert result.exit_code == 0, result.output
    assert "Warning: TRIPARTITO_UNO_PYTHON=" in result.output


def test_remote_converters_need_no_local_python(app):
    app.config.update(CONVERTERS="127.0.0.1:2003", UNO_PYTHON="/nonexistent/python")
    result = app.test_cli_runner().invoke(args=["init"])
    assert "Converters: remote" in result.output


def test_converters_check_names_the_interpreter_or_the_fix(app, tmp_path):
    app.config["UNO_PYTHON"] = str(fake_python(tmp_path / "python", "uno", "unoserver"))
    result = app.test_cli_runner().invoke(args=["converters", "check"])
    assert (result.exit_code, result.output.strip()) == (0, f"Converters run with {tmp_path / 'python'}.")
    app.config["UNO_PYTHON"] = str(fake_python(tmp_path / "broken", "uno"))
    result = app.test_cli_runner().invoke(args=["converters", "check"])
    assert result.exit_code == 1
    assert "cannot import uno and unoserver" in result.output
