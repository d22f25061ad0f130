"""The one-time form token's cost, measured side by side in one run (medians; no assertions).

    .venv/bin/python bench/bench_form_tokens.py [--claimed 20000] [--rounds 200]

Prints: POST /recommendations/new through the page (signed in) without a form_token, then with one (its look-up
and its INSERT share the record's commit), both on a form_submissions table already holding --claimed nonces, and
the resubmission of a used token (look-up, then the redirect to the first record, nothing written).
SQLite in a temporary folder.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
PASSWORD = "bench password long"  # noqa: S105 - a throwaway account in a temporary database
FORM = {"title": "Protocolo", "text": "Adoptar el protocolo.", "rationale": "La red lo pidió.",
        "addressee": "viceministerial"}


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(client, data: dict) -> tuple[float, int]:
    started = time.perf_counter()
    response = client.post("/recommendations/new", data=data)
    return time.perf_counter() - started, response.status_code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claimed", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()

    from flask_migrate import upgrade

    from service import create_app
    from service.accounts.operations import create_user
    from service.adapters import FixedClock
    from service.auth.principals import COMMAND_LINE
    from service.extensions import db
    from service.form_submissions.models import FormSubmission
    from service.reference.operations import load_reference_data

    folder = Path(tempfile.mkdtemp())
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}", "DATA_DIR": str(folder),
                      "SECRET_KEY": "bench", "CLOCK": FixedClock(NOW), "WTF_CSRF_ENABLED": False,
                      "INSECURE_COOKIES": True})
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory, revision="heads")
        load_reference_data()
        create_user(email="bench@example.org", party="st_crm", country=None, password=PASSWORD,
                    actor=COMMAND_LINE, now=NOW)
        db.session.execute(FormSubmission.__table__.insert(), [
            {"nonce": secrets.token_urlsafe(24), "location": f"/recommendations/{i}", "created_at": NOW}
            for i in range(args.claimed)])
        db.session.commit()
    client = app.test_client()
    assert client.post("/sign-in", data={"email": "bench@example.org",
                                         "password": PASSWORD}).status_code == 302

    plain, once, again = [], [], []
    for _ in range(args.rounds):
        elapsed, status = timed(client, FORM)
        assert status == 302, status
        plain.append(elapsed)
        token = secrets.token_urlsafe(24)
        elapsed, status = timed(client, {**FORM, "form_token": token})
        assert status == 302, status
        once.append(elapsed)
        elapsed, status = timed(client, {**FORM, "form_token": token})
        assert status == 302, status
        again.append(elapsed)
    print(f"create without a token: median {median_ms(plain):.2f} ms")
    print(f"create with a token ({args.claimed} already claimed): median {median_ms(once):.2f} ms "
          f"({median_ms(once) / median_ms(plain):.2f}x)")
    print(f"resubmitted token (redirect to the first record): median {median_ms(again):.2f} ms "
          f"({median_ms(again) / median_ms(plain):.2f}x)")


if __name__ == "__main__":
    main()
