"""Charts for documents, drawn headless with matplotlib (Agg): PNG bytes the renderer places inline.

Readable without colour: the two periods differ by hatching as well as by shade, every bar carries its number,
and the document repeats the same numbers as a table for screen readers. The PNG carries no timestamp or
software tag, so the same data gives the same bytes.

Speed: matplotlib's tick machinery is most of the cost of a small chart (creating and drawing a few dozen tick
objects), so the axes are switched off and the category labels, numbers and baseline are drawn as plain text
and lines; a chart then takes a third of the time (bench/bench_monitoring_report.py).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # headless: never a display, never a GUI toolkit

from matplotlib.figure import Figure  # after choosing the backend
from matplotlib.patches import Patch

FONT = {"family": "Liberation Sans", "size": 8.5}  # the documents' heading font (Arial metrics)
NOW_COLOUR, BEFORE_COLOUR, INK = "#1F3864", "#9DB3D1", "#1F3864"
_lock = threading.Lock()  # matplotlib's font cache and text layout are not thread-safe


@dataclass(frozen=True)
class Bar:
    label: str  # the category, in the document's language
    now: int
    before: int | None  # None: no previous period to compare with


def comparison_chart(bars: Sequence[Bar], *, now_label: str, before_label: str | None, axis_label: str,
                     width_in: float = 6.3, height_in: float = 2.5, dpi: int = 120) -> bytes:
    """Horizontal bars: one per category, this period above the previous one (hatched), numbers on the bars."""
    with _lock:
        figure = Figure(figsize=(width_in, height_in), dpi=dpi)
        axes = figure.add_axes((0.24, 0.12, 0.72, 0.84))
        axes.set_axis_off()
        with_before = before_label is not None
        height = 0.38 if with_before else 0.6
        top = max([b.now for b in bars] + [b.before or 0 for b in bars] + [1])
        axes.set_xlim(0, top * 1.12 + 0.3)
        rows = list(range(len(bars)))[::-1]
        axes.set_ylim(-0.6, len(bars) - 0.4)
        gap = top * 0.012 + 0.03
        now_rows = [y + height / 2 if with_before else y for y in rows]
        axes.barh(now_rows, [b.now for b in bars], height=height, color=NOW_COLOUR)  # one call: one artist set
        for y, now_y, bar in zip(rows, now_rows, bars, strict=True):
            axes.text(-gap, y, bar.label, ha="right", va="center", fontdict=FONT)
            axes.text(bar.now + gap, now_y, str(bar.now), va="center", fontdict=FONT)
        if with_before:
            before_rows = [y - height / 2 for y in rows]
            axes.barh(before_rows, [b.before or 0 for b in bars], height=height, color=BEFORE_COLOUR, hatch="///",
                      edgecolor=INK, linewidth=0.4)
            for before_y, bar in zip(before_rows, bars, strict=True):
                axes.text((bar.before or 0) + gap, before_y, "—" if bar.before is None else str(bar.before),
                          va="center", fontdict=FONT)
        axes.axvline(0, color=INK, linewidth=0.8)
        handles = [Patch(color=NOW_COLOUR, label=now_label)]
        if with_before:
            handles.append(Patch(facecolor=BEFORE_COLOUR, hatch="///", edgecolor=INK, linewidth=0.4,
                                 label=before_label))
        axes.legend(handles=handles, loc="lower right", frameon=False, prop=FONT)
        figure.text(0.6, 0.02, axis_label, ha="center", fontdict=FONT)
        out = io.BytesIO()
        figure.savefig(out, format="png", metadata={"Software": None})
        return out.getvalue()
