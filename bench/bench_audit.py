"""The audit log's cost, measured side by side in one run (medians; no assertions).

    .venv/bin/python bench/bench_audit.py [--entries 20000] [--rounds 200]

Prints: a meeting PATCH through the API (which now also writes its audit entry) next to record() alone (its
INSERT and flush: the entry shares the change's commit), and `GET /api/v1/audit?subject=meeting:N` on a log of
--entries rows (the subject index).
SQLite in a temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    from flask_migrate import upgrade

    from service import create_app
    from service.adapters import FixedClock
    from service.audit.models import AuditEntry
    from service.audit.operations import record
    from service.audit.rules import Subject
    from service.auth.principals import COMMAND_LINE
    from service.auth.tokens import create_api_token
    from service.extensions import db
    from service.reference.operations import load_reference_data

    folder = Path(tempfile.mkdtemp())
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}", "DATA_DIR": str(folder),
                      "SECRET_KEY": "bench", "CLOCK": FixedClock(NOW)})
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory, revision="heads")
        load_reference_data()
        _, secret = create_api_token(party="st_crm", country=None, actor=COMMAND_LINE, now=NOW)
        db.session.commit()
    headers = {"Authorization": f"Bearer {secret}"}
    client = app.test_client()
    body = {"kind": "extraordinary", "title": "Bench", "starts_at": "2027-02-10T10:00:00",
            "ends_at": "2027-02-10T12:00:00", "timezone": "America/Tegucigalpa", "modality": "virtual",
            "consents": {"st_crm": True, "st_rrocm": True, "ppt": True}}
    meeting = client.post("/api/v1/meetings", json=body, headers=headers).json

    patch, alone, query = [], [], []
    for i in range(args.rounds):
        etag = client.get(f"/api/v1/meetings/{meeting['id']}", headers=headers).headers["ETag"]
        started = time.perf_counter()
        response = client.patch(f"/api/v1/meetings/{meeting['id']}", json={"title": f"Bench {i}"},
                                headers={**headers, "If-Match": etag})
        patch.append(time.perf_counter() - started)
        assert response.status_code == 200, response.json
    with app.app_context():
        for i in range(args.rounds):
            started = time.perf_counter()
            record(db.session, COMMAND_LINE, NOW, "meeting.update", Subject("meeting", meeting["id"]),
                   {"title": [f"Bench {i}", f"Bench {i + 1}"]})
            alone.append(time.perf_counter() - started)
        db.session.commit()  # in a PATCH the entry shares the change's commit, so record() is its flush only
        db.session.execute(AuditEntry.__table__.insert(), [
            {"at": NOW, "actor_party": "st_crm", "action": "meeting.update", "subject_type": "meeting",
             "subject_id": 1000 + i % 2000, "changes": {"title": ["a", "b"]}} for i in range(args.entries)])
        db.session.commit()
    for i in range(args.rounds):
        started = time.perf_counter()
        response = client.get("/api/v1/audit", query_string={"subject": f"meeting:{1000 + i % 2000}"},
                              headers=headers)
        query.append(time.perf_counter() - started)
        assert response.status_code == 200
        assert len(response.json) == args.entries // 2000

    print(f"meeting PATCH via the API, audit entry included: median {median_ms(patch):.2f} ms")
    print(f"record() alone (its INSERT; no commit of its own): median {median_ms(alone):.2f} ms "
          f"({median_ms(alone) / median_ms(patch):.0%} of the PATCH)")
    print(f"GET /api/v1/audit?subject=… on {args.entries + 2 * args.rounds + 1} entries: "
          f"median {median_ms(query):.2f} ms ({args.entries // 2000} entries answered)")


if __name__ == "__main__":
    main()
