"""Fixtures: one migrated database per test session (SQLite, or PostgreSQL when
TRIPARTITO_TEST_DATABASE_URL is set), emptied of everything but reference data after each test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from service import create_app
from service.adapters import FixedClock
from service.auth.principals import Principal
from service.extensions import db

REFERENCE_TABLES = {"countries", "parties", "networks", "alembic_version"}
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
ACTOR = Principal(party="st_crm")  # who the tests' direct operation calls act as


def _fresh_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = os.environ.get("TRIPARTITO_TEST_DATABASE_URL")
    if url:
        _fresh_postgres(url)
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


@pytest.fixture(scope="session")
def _app(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    from flask_migrate import upgrade

    from service.reference.operations import load_reference_data

    app = create_app({
        "TESTING": True,
        "DATABASE_URL": database_url,
        "DATA_DIR": str(tmp_path_factory.mktemp("data")),
        "SECRET_KEY": "test-secret",
        "CLOCK": FixedClock(NOW),
        "PUBLIC_HOST": "tripartito.test",
    })
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory, revision="heads")
        load_reference_data()
        db.session.commit()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()  # close pooled connections before the interpreter does it noisily


def _empty_working_tables() -> None:
    db.session.rollback()
    for table in reversed(db.metadata.sorted_tables):
        if table.name not in REFERENCE_TABLES:
            db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def app(_app: Flask) -> Iterator[Flask]:
    clock = _app.extensions["tripartito"].clock
    clock.at = NOW
    saved_config = dict(_app.config)
    with _app.app_context():
        yield _app
        _empty_working_tables()
    _app.config.clear()
    _app.config.update(saved_config)


@pytest.fixture
def clock(app: Flask) -> FixedClock:
    return app.extensions["tripartito"].clock


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def auth(app: Flask) -> dict[str, dict[str, str]]:
    """Authorization headers for each party and two member countries."""
    from service.auth.tokens import create_api_token

    headers = {}
    for party in ("st_crm", "st_rrocm", "ppt"):
        _, secret = create_api_token(party=party, country="PA" if party == "ppt" else None, actor=ACTOR, now=NOW)
        headers[party] = {"Authorization": f"Bearer {secret}"}
    for country in ("BZ", "HN"):
        _, secret = create_api_token(party=None, country=country, actor=ACTOR, now=NOW)
        headers[country] = {"Authorization": f"Bearer {secret}"}
    db.session.commit()
    return headers


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory: pytest.TempPathFactory):
    """One real, warm two-instance LibreOffice pool for every test that issues real PDFs."""
    from service.conversion.local import LocalConverterPool

    pool = LocalConverterPool(size=2, timeout=60, workdir=tmp_path_factory.mktemp("lo-pool"))
    pool.start()
    yield pool
    pool.stop()


@pytest.fixture
def converter(app):
    """A counting stand-in converter wired into the app for this test (the real pool: `libreoffice`)."""
    from tests.fakes import CountingConverter

    services = app.extensions["tripartito"]
    saved, services.converter = services.converter, CountingConverter()
    yield services.converter
    services.converter = saved
