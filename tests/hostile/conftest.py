"""What every hostile-input row checks besides its status: what was kept (rows, stored files), how much the
worker's memory grew, and that the next request works."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select

from service.documents.models import StoredFile, Upload
from service.extensions import db
from tests.conftest import REFERENCE_TABLES
from tests.factories import meeting_body
from tests.web.conftest import _cheap_password_hashing, as_user, client, users  # noqa: F401 - the pages' fixtures


def kept() -> tuple[int, int]:
    """(upload rows, stored files)."""
    return (db.session.scalar(select(func.count(Upload.id))), db.session.scalar(select(func.count(StoredFile.sha256))))


class PeakMemory:
    """This process's peak resident memory growth over a block (clear_refs resets the peak on Linux)."""

    def __enter__(self) -> PeakMemory:
        with contextlib.suppress(OSError):  # not Linux, or not allowed: the peak then covers the process's life
            Path("/proc/self/clear_refs").write_text("5")
        self.start = self._kib("VmRSS")
        return self

    def __exit__(self, *exc: object) -> None:
        self.growth_mib = (self._kib("VmHWM") - self.start) / 1024

    @staticmethod
    def _kib(key: str) -> int:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
        raise LookupError(key)


@pytest.fixture
def peak_memory() -> type[PeakMemory]:
    return PeakMemory


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
