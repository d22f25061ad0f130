"""The monitoring report with the monitoring tools' charts and matrices against today's report without them,
measured side by side in one run on the demo year (medians and the ratio; no assertions).

    .venv/bin/python bench/bench_monitoring_report.py [--rounds 7]

Target (issue 17): rendering and issuing the report with its charts stays within 1.5x of the report without
them. Each round renders the same context three ways and converts each to PDF/A on a warm converter, in a
rotating order: "today" (`tools` emptied: the report as it was before issue 17), "matrices" (the tools'
section without the chart images, to tell what the charts themselves cost), "charts" (everything, every chart
drawn anew) and "cached" (everything, the charts found drawn, as on a re-issue or in the dossier); then
the whole issue through the register (a new version each round: context, render, PDF/A, fingerprint, record) is
timed the same three ways ("today", "charts", "cached"), side by side.

Beside the wall-clock medians it prints the CPU time LibreOffice spent per conversion (read from /proc for
the converter processes this script started): on a machine shared with other work the wall clock swings by
tens of per cent between runs, the converter's CPU time much less, so the ratios are read from both.
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

from bench.cpu import descendants_cpu_ms
from service import create_app
from service.auth.principals import Principal
from service.conversion.local import LocalConverterPool
from service.documents.contexts import build_context
from service.documents.issuing import issue_document
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.templating import charts as charts_module
from service.templating import kinds as kinds_module
from service.templating import tool_results
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

    real_chart, real_derive = tool_results.comparison_chart, tool_results.derive_tool

    def derive_without_chart(tool, language) -> None:  # the section as it is, minus drawing the chart
        tool_results.comparison_chart = lambda *args, **kwargs: b""
        try:
            real_derive(tool, language)
        finally:
            tool_results.comparison_chart = real_chart
        tool["chart"] = None

    def once(ctx, charts: bool) -> tuple[float, float, float]:
        tool_results.derive_tool = real_derive if charts else derive_without_chart
        try:
            start = time.perf_counter()
            docx = render_docx("monitoring_report", "es", ctx)
            rendered, cpu = time.perf_counter(), descendants_cpu_ms()
            pool.convert(docx, pdfa=True)
            return ((rendered - start) * 1000, (time.perf_counter() - start) * 1000, descendants_cpu_ms() - cpu)
        finally:
            tool_results.derive_tool = real_derive

    def once_cold(ctx, charts: bool) -> tuple[float, float, float]:
        charts_module._drawn.cache_clear()  # every chart drawn anew, as for new answers
        return once(ctx, charts)

    variants = {"today": (without, False, once), "matrices": (context, False, once),
                "charts": (context, True, once_cold), "cached": (context, True, once)}
    times: dict[str, tuple[list[float], list[float], list[float]]] = {name: ([], [], []) for name in variants}
    names = list(variants)
    for i in range(rounds):
        for name in names[i % 4:] + names[:i % 4]:
            ctx, charts, run_once = variants[name]
            for series, value in zip(times[name], run_once(ctx, charts), strict=True):
                series.append(value)

    # The whole issue through the register (context from the database, render, PDF/A, record), a new version
    # each round: what an officer waits for after pressing "Issue". "today" empties the tools' section as above.
    actor = Principal(party="st_crm")
    store = app.extensions["tripartito"].store
    real_groups = kinds_module.derive_tool_groups

    def without_tools(data, language) -> None:
        data["tools"] = []
        real_groups(data, language)

    issue_times: dict[str, list[float]] = {"today": [], "charts": [], "cached": []}
    for i in range(rounds):
        for name in list(issue_times)[i % 3:] + list(issue_times)[:i % 3]:
            grcm.title = f"Reunión del GRCM, variante {i} {name}"  # a change, so each round issues a new version
            db.session.commit()
            kinds_module.derive_tool_groups = without_tools if name == "today" else real_groups
            if name == "charts":
                charts_module._drawn.cache_clear()
            try:
                start = time.perf_counter()
                issue_document("monitoring_report", grcm.id, "es", actor=actor, now=datetime.now(UTC),
                               converter=pool, store=store)
                db.session.commit()
                issue_times[name].append((time.perf_counter() - start) * 1000)
            finally:
                kinds_module.derive_tool_groups = real_groups

    med = statistics.median
    print(f"demo year: {tools} monitoring tools, {cells} matrix cells, {rounds} rounds, 1 warm converter")
    base_render, base_total, base_cpu = (med(series) for series in times["today"])
    for name in variants:
        render_ms, total_ms, cpu_ms = (med(series) for series in times[name])
        print(f"{name:9} render {render_ms:7.1f} ms ({render_ms / base_render:5.2f}x)   "
              f"render+PDF/A {total_ms:7.1f} ms ({total_ms / base_total:.2f}x today's; target for charts <= 1.5x)"
              f"   LibreOffice CPU {cpu_ms:6.1f} ms ({cpu_ms / base_cpu:.2f}x)")
    base_issue = med(issue_times["today"])
    for name, series in issue_times.items():
        print(f"issue through the register, {name:6}: median {med(series):6.1f} ms "
              f"({med(series) / base_issue:.2f}x today's issue)")

if __name__ == "__main__":
    main()
