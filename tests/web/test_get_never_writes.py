"""GET never changes state (issue 14): every page of the web application and the portal, opened signed in, leaves
the database exactly as it was — no row added, changed or removed, nothing in the audit log. Reloading a page, a
prefetching browser or a link checker can then never cancel, issue or rotate anything."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from service.audit.models import AuditEntry
from service.extensions import db
from tests.web.page_walk import demo_year, page_paths  # noqa: F401 (demo_year: a fixture)


def _database_fingerprint() -> dict[str, str]:
    """Every table's rows, hashed: equal fingerprints mean nothing was written."""
    found = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(select(table).order_by(*table.primary_key.columns)).all()
        found[table.name] = hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()
    found["audit entries"] = str(db.session.scalar(select(func.count(AuditEntry.id))))
    return found


@pytest.mark.usefixtures("demo_year")
@pytest.mark.parametrize("who", ["st_crm", "BZ"])
def test_opening_every_page_signed_in_changes_nothing_in_the_database(app, as_user, who):
    client = as_user(who)
    before = _database_fingerprint()
    opened = []
    for path in page_paths(app, language="es"):  # the issue confirmation needs a language
        response = client.get(path)
        assert response.status_code < 500, (path, response.status_code)
        opened.append(path)
        db.session.rollback()  # read what the request committed, not this session's cache
        assert _database_fingerprint() == before, f"GET {path} changed the database"
    assert len(opened) >= 35 if who == "st_crm" else len(opened) >= 2
