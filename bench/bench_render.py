"""Render time of a minutes document (15 attendees, 20 agreements): fresh DocxTemplate vs our cached template.

    .venv/bin/python bench/bench_render.py [ROUNDS]

"fresh docxtpl": DocxTemplate(path) + render(autoescape, same sandbox) + save, per document (the docxtpl way;
a DocxTemplate cannot be rendered twice). "cached": service.templating.render.render_docx, which also
validates and formats the context through the schema on every call. Target: < 80 ms median for ours.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docxtpl import DocxTemplate

from service.templating.kinds import get_kind
from service.templating.render import display_context, make_environment, render_docx
from tests.documents.samples import minutes


def fresh_docxtpl(path: Path, values: dict) -> bytes:
    template = DocxTemplate(path)
    template.render(values, jinja_env=make_environment(), autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def median_ms(run, rounds: int) -> float:
    for _ in range(3):  # warm up: imports, caches, first compile
        run()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(rounds: int = 30) -> None:
    context = minutes("es", attendees=15, agreements=20)
    kind = get_kind("minutes")
    path = kind.template_path("es")
    values = display_context(kind, "es", context)  # docxtpl gets ready-made values: it does less work than ours
    size = len(render_docx("minutes", "es", context))
    fresh = median_ms(lambda: fresh_docxtpl(path, values), rounds)
    cached = median_ms(lambda: render_docx("minutes", "es", context), rounds)
    print(f"minutes.es.docx, 15 attendees, 20 agreements, {rounds} rounds, output {size / 1024:.0f} KiB")
    print(f"{'approach':<44}{'median ms':>10}")
    print(f"{'fresh DocxTemplate: load+render+save':<44}{fresh:>10.1f}")
    print(f"{'cached template: validate+render+save':<44}{cached:>10.1f}")
    print(f"ratio fresh/cached: {fresh / cached:.1f}x   target < 80 ms: {'met' if cached < 80 else 'MISSED'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
