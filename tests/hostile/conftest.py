"""What every hostile-input row checks besides its status: the rows the database holds, and the next request."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from service.extensions import db
from tests.conftest import REFERENCE_TABLES
from tests.factories import meeting_body
from tests.web.conftest import _cheap_password_hashing, as_user, client, users  # noqa: F401 - the pages' fixtures


def kept_rows() -> dict[str, int]:
    """Rows per working table (reference data left out)."""
    db.session.rollback()
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables if table.name not in REFERENCE_TABLES}


def assert_next_request_works(http: FlaskClient, headers: dict[str, str]) -> None:
    """The service still reads and writes after the hostile request (nothing wedged, no half transaction)."""
    assert http.get("/api/v1/meetings", headers=headers).status_code == 200
    created = http.post("/api/v1/meetings", headers=headers,
                          json=meeting_body(starts_at="2027-08-10T10:00:00", ends_at="2027-08-10T11:00:00"))
    assert created.status_code == 201, created.get_json()


@pytest.fixture
def rows_before(auth) -> dict[str, int]:
    """The row counts once the tokens exist, before the row's request."""
    return kept_rows()
