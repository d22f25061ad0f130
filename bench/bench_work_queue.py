"""The work queue's cost: on the dashboard and, as the count in the navigation, on every secretariat page.

    .venv/bin/python bench/bench_work_queue.py [--years 10] [--rounds 100]

Loads --years of quarterly meetings that ended (each with minutes waiting for approvals), 5 draft
recommendations a year for a GRCM to come and one coming GRCM meeting, then prints medians: the queue
alone (gathering the facts + deciding), GET /meetings with the count in the navigation and without it
(the count switched off), and GET /dashboard. SQLite in a temporary folder; no assertions.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
PASSWORD = "una clave bastante larga"  # noqa: S105 - a throwaway account in a temporary database


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(client, path: str, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(path)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    return samples


def load(years: int) -> int:
    from service.accounts.operations import create_user
    from service.auth.principals import COMMAND_LINE, Principal
    from service.extensions import db
    from service.grcm.operations import create_grcm_meeting
    from service.meetings.operations import create_meeting, save_minutes, update_meeting
    from service.recommendations.operations import create_recommendation

    actor = Principal(party="st_crm")
    create_user(email="bench@crm.example", party="st_crm", country=None, password=PASSWORD, actor=COMMAND_LINE,
                now=NOW, name="Bench")
    grcm = create_grcm_meeting({"title": "GRCM", "starts_at": datetime(2027, 6, 16, 9),
                                "ends_at": datetime(2027, 6, 16, 17), "timezone": "America/Panama"},
                               actor=actor, now=NOW)
    count = 0
    for year in range(NOW.year - years + 1, NOW.year + 1):
        for month in (2, 5, 8, 11):
            starts = datetime(year, month, 10, 10)
            if starts >= NOW.replace(tzinfo=None):
                continue
            meeting = create_meeting({"kind": "ordinary", "title": f"Ordinaria {year}-{month}", "starts_at": starts,
                                      "ends_at": starts.replace(hour=12), "timezone": "America/Costa_Rica",
                                      "modality": "virtual"}, actor=actor, now=NOW)
            update_meeting(meeting, {"status": "held"}, actor=actor, now=NOW)
            save_minutes(meeting, {"language": "es", "agenda_items": [{"title": "Plan", "discussion": "Avance"}]},
                         actor=actor, now=NOW)
            count += 1
        for number in range(5):
            create_recommendation({"title": f"Recomendación {year}-{number}", "text": "Texto", "rationale": "Razón",
                                   "addressee": "viceministerial", "grcm_meeting_id": grcm.id}, actor=actor, now=NOW)
            count += 1
    db.session.commit()
    return count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args()

    from flask_migrate import upgrade

    from service import create_app
    from service.adapters import FixedClock
    from service.reference.operations import load_reference_data
    from service.web import views_dashboard
    from service.web.dashboard import work_queue

    folder = Path(tempfile.mkdtemp())
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}", "DATA_DIR": str(folder),
                      "SECRET_KEY": "bench", "CLOCK": FixedClock(NOW), "INSECURE_COOKIES": True})
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory, revision="heads")
        load_reference_data()
        records = load(args.years)
        alone = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            queue = work_queue(party="st_crm", today=NOW.date(), now=NOW)
            alone.append(time.perf_counter() - started)
    client = app.test_client()
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/sign-in").get_data(as_text=True)).group(1)
    client.post("/sign-in", data={"email": "bench@crm.example", "password": PASSWORD, "csrf_token": token})
    dashboard = timed(client, "/dashboard", args.rounds)
    # Interleaved, so that a busy machine weighs on both the same.
    with_count, without_count, saved = [], [], views_dashboard.queue_count
    for _ in range(args.rounds):
        with_count += timed(client, "/meetings", 1)
        views_dashboard.queue_count = lambda: None
        without_count += timed(client, "/meetings", 1)
        views_dashboard.queue_count = saved

    print(f"{records} records; queue: {len(queue.mine)} items for ST-CRM, {len(queue.team)} for the team")
    print(f"work queue alone (facts + decision): median {median_ms(alone):.2f} ms")
    ratio = median_ms(with_count) / median_ms(without_count)
    print(f"GET /meetings with the count in the navigation: median {median_ms(with_count):.2f} ms; "
          f"without it: {median_ms(without_count):.2f} ms (ratio {ratio:.2f})")
    print(f"GET /dashboard: median {median_ms(dashboard):.2f} ms")


if __name__ == "__main__":
    main()
