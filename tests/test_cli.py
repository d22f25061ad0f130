"""The `tripartito` command line: init is idempotent, tokens print once, the demo year is realistic."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from service import create_app
from service.adapters import FixedClock
from service.extensions import db
from service.meetings.models import Agreement, Meeting
from service.reference.models import Country, Network
from tests.conftest import NOW


@pytest.fixture
def fresh_app(tmp_path):
    """An app on its own empty SQLite database, as a newcomer's machine has."""
    return create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}", "DATA_DIR": str(tmp_path),
                       "CLOCK": FixedClock(NOW)})


def test_init_creates_the_schema_and_reference_data_and_can_run_again(fresh_app):
    runner = fresh_app.test_cli_runner()
    first = runner.invoke(args=["init"])
    assert first.exit_code == 0, first.output
    assert "22 reference rows added" in first.output
    second = runner.invoke(args=["init"])
    assert second.exit_code == 0
    assert "0 reference rows added" in second.output
    with fresh_app.app_context():
        members = db.session.scalars(select(Country.code).where(Country.is_member)).all()
        assert sorted(members) == sorted(["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"])
        assert db.session.scalar(select(func.count(Network.id))) == 3


def test_init_keeps_a_name_an_administrator_corrected(fresh_app):
    runner = fresh_app.test_cli_runner()
    runner.invoke(args=["init"])
    with fresh_app.app_context():
        belize = db.session.scalar(select(Country).where(Country.code == "BZ"))
        belize.name_es = "Belice (corregido)"
        db.session.commit()
    runner.invoke(args=["init"])
    with fresh_app.app_context():
        assert db.session.scalar(select(Country.name_es).where(Country.code == "BZ")) == "Belice (corregido)"


def test_token_create_prints_a_working_token_as_its_last_line(fresh_app):
    runner = fresh_app.test_cli_runner()
    runner.invoke(args=["init"])
    result = runner.invoke(args=["token", "create", "--country", "bz"])
    assert result.exit_code == 0, result.output
    secret = result.output.strip().splitlines()[-1]
    client = fresh_app.test_client()
    assert client.get("/api/v1/meetings", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    revoke = runner.invoke(args=["token", "revoke", "1"])
    assert revoke.exit_code == 0
    assert client.get("/api/v1/meetings", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_token_create_refuses_an_observer_country(fresh_app):
    runner = fresh_app.test_cli_runner()
    runner.invoke(args=["init"])
    result = runner.invoke(args=["token", "create", "--country", "AR"])
    assert result.exit_code != 0
    assert "member country" in result.output


def test_a_ppt_token_without_its_country_is_refused_with_a_clear_message(fresh_app):
    runner = fresh_app.test_cli_runner()
    runner.invoke(args=["init"])
    refused = runner.invoke(args=["token", "create", "--party", "ppt"])
    assert refused.exit_code != 0
    assert "--party ppt --country PA" in refused.output
    created = runner.invoke(args=["token", "create", "--party", "ppt", "--country", "pa"])
    assert created.exit_code == 0, created.output
    assert created.output.strip().splitlines()[-1].startswith("tpt_")


def test_demo_loads_a_year_once(fresh_app):
    runner = fresh_app.test_cli_runner()
    runner.invoke(args=["init"])
    result = runner.invoke(args=["demo", "--year", "2026"])
    assert result.exit_code == 0, result.output
    with fresh_app.app_context():
        kinds = db.session.scalars(select(Meeting.kind)).all()
        assert kinds.count("ordinary") == 4
        assert "pre_ppt" in kinds
        assert db.session.scalar(select(func.count(Agreement.id))) >= 6
        titles = db.session.scalars(select(Meeting.title)).all()
        assert any("reunión" in t for t in titles)  # Spanish, with accents
        pre_ppt = db.session.scalars(select(Meeting).where(Meeting.kind == "pre_ppt")).one()
        assert pre_ppt.consents == {"st_crm": True, "st_rrocm": True, "ppt": True}  # each party for itself
        assert len({r.by for r in pre_ppt.consent_records}) == 3
        states = [m.minutes.state for m in db.session.scalars(select(Meeting).order_by(Meeting.starts_at_utc))
                  if m.minutes is not None]
        assert states == ["approved", "approved", "draft", "approved"]  # the third awaits the PPT's approval
    again = runner.invoke(args=["demo", "--year", "2026"])
    assert "already" in again.output
    with fresh_app.app_context():
        assert db.session.scalar(select(func.count(Meeting.id))) == len(kinds)


def test_init_creates_the_demo_sealing_authority_and_says_so(fresh_app, tmp_path):
    result = fresh_app.test_cli_runner().invoke(args=["init"])

    assert result.exit_code == 0, result.output
    assert "DEMO authority" in result.output
    assert (tmp_path / "seal" / "demo-seal.p12").exists()
    assert (tmp_path / "seal" / "demo-root.pem").read_text().startswith("-----BEGIN CERTIFICATE-----")


def test_package_command_issues_the_grcm_package_and_lists_it(tmp_path):
    from tests.fakes import CountingConverter

    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}", "DATA_DIR": str(tmp_path),
                      "CLOCK": FixedClock(NOW), "CONVERTER": CountingConverter()})
    runner = app.test_cli_runner()
    runner.invoke(args=["init"])
    runner.invoke(args=["demo", "--year", "2026"])

    result = runner.invoke(args=["package", "1", "--lang", "es"])

    assert result.exit_code == 0, result.output
    assert "\tdossier\tes\tissued" in result.output
    again = runner.invoke(args=["package", "1", "--lang", "es"])
    assert "issued" not in again.output.replace("reused", "")
