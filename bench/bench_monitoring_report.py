"""The monitoring report with the monitoring tools' charts and matrices against today's report without them,
measured side by side in one run on the demo year (medians and the ratio; no assertions).

    .venv/bin/python bench/bench_monitoring_report.py [--rounds 7]

Target (issue 17): rendering and issuing the report with its charts stays within 1.5x of the report without
them. Each round renders the same context twice (with the tools, and with `tools` emptied, which is the report
as it was before issue 17) and converts both to PDF/A on a warm converter, alternating which goes first; then
the whole issue through the register (new version each round) is timed on its own.
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

from service import create_app
from service.auth.principals import Principal
from service.conversion.local import LocalConverterPool
from service.documents.contexts import build_context
from service.documents.issuing import issue_document
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.templating.render import render_docx


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    workdir = Path(tempfile.mkdtemp(prefix="bench-monitoring-"))
    pool = LocalConverterPool(size=1, workdir=workdir / "pool")
    pool.start()
    try:
        app = create_app({"DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}", "DATA_DIR": str(workdir),
                          "CONVERTER": pool})
        runner = app.test_cli_runner()
        runner.invoke(args=["init"])
        runner.invoke(args=["demo", "--year", "2026"])
        with app.app_context():
            run(app, pool, rounds)
    finally:
        pool.stop()


def run(app, pool, rounds: int) -> None:
    grcm = db.session.scalars(db.select(GrcmMeeting).order_by(GrcmMeeting.starts_at.desc())).first()
    today = datetime.now(UTC).date()
    context = build_context("monitoring_report", grcm.id, "es", today)
    context["header"] |= {"reference": "ET-CRM/2027/MON-001", "issued_on": today}
    without = {**context, "tools": []}
    tools, cells = len(context["tools"]), sum(len(t["countries"]) * len(t["questions"]) for t in context["tools"])
    pool.convert(render_docx("monitoring_report", "es", context))  # warm: converter, template cache, matplotlib

    def once(ctx) -> tuple[float, float]:
        start = time.perf_counter()
        docx = render_docx("monitoring_report", "es", ctx)
        rendered = time.perf_counter()
        pool.convert(docx, pdfa=True)
        return (rendered - start) * 1000, (time.perf_counter() - start) * 1000

    with_render, with_total, without_render, without_total = [], [], [], []
    for i in range(rounds):
        order = [(context, with_render, with_total), (without, without_render, without_total)]
        for ctx, render_times, total_times in (order if i % 2 == 0 else order[::-1]):
            rendered, total = once(ctx)
            render_times.append(rendered)
            total_times.append(total)

    actor = Principal(party="st_crm")
    store = app.extensions["tripartito"].store
    issue_times = []
    for i in range(rounds):
        grcm.title = f"Reunión del GRCM, variante {i}"  # a change, so each round issues a new version
        db.session.commit()
        start = time.perf_counter()
        issue_document("monitoring_report", grcm.id, "es", actor=actor, now=datetime.now(UTC), converter=pool,
                       store=store)
        db.session.commit()
        issue_times.append((time.perf_counter() - start) * 1000)

    med = statistics.median
    print(f"demo year: {tools} monitoring tools, {cells} matrix cells, {rounds} rounds, 1 warm converter")
    print(f"render only    with charts {med(with_render):7.1f} ms   without {med(without_render):7.1f} ms   "
          f"ratio {med(with_render) / med(without_render):.2f}x")
    print(f"render+PDF/A   with charts {med(with_total):7.1f} ms   without {med(without_total):7.1f} ms   "
          f"ratio {med(with_total) / med(without_total):.2f}x   (target <= 1.5x)")
    print(f"issue through the register, with charts: median {med(issue_times):.1f} ms")


if __name__ == "__main__":
    main()
