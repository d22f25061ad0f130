"""Charts for documents, drawn headless with matplotlib (Agg): PNG bytes the renderer places inline.

Readable without colour: the two periods differ by hatching as well as by shade, every bar carries its number,
and the document repeats the same numbers as a table for screen readers. The PNG carries no timestamp or
software tag, so the same data gives the same bytes.

Speed: matplotlib's Axes (ticks, spines, autoscaling) are most of the cost of a small chart, so the bars,
labels and legend are laid out by hand directly on the Figure (rectangles, lines and text in figure coordinates);
a chart then takes a fraction of the time (bench/bench_monitoring_report.py).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")  # headless: never a display, never a GUI toolkit

from matplotlib.backends.backend_agg import FigureCanvasAgg  # after choosing the backend
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from PIL import Image

FONT = {"family": "Liberation Sans", "size": 8.5}  # the documents' heading font (Arial metrics)
NOW_COLOUR, BEFORE_COLOUR, INK = "#1F3864", "#9DB3D1", "#1F3864"
_lock = threading.Lock()  # matplotlib's font cache and text layout are not thread-safe


@lru_cache(maxsize=4)
def _canvas(width_in: float, height_in: float, dpi: int) -> tuple[Figure, FigureCanvasAgg]:
    """One figure and canvas per size, drawn over chart after chart (under `_lock`): matplotlib keeps its
    renderer instead of making one per chart; measured side by side, 17.4 → 13.8 ms for the drawing."""
    figure = Figure(figsize=(width_in, height_in), dpi=dpi)
    return figure, FigureCanvasAgg(figure)


@dataclass(frozen=True)
class Bar:
    label: str  # the category, in the document's language
    now: int
    before: int | None  # None: no previous period to compare with


def comparison_chart(bars: Sequence[Bar], *, now_label: str, before_label: str | None, axis_label: str,
                     width_in: float = 6.1, height_in: float = 2.0, dpi: int = 120) -> bytes:
    """Horizontal bars: one per category, this period above the previous one (hatched), numbers on the bars.
    The same data draws the same bytes, so a few recent charts are kept: the dossier and a re-issue with
    unchanged answers render the report again and find its charts drawn.

    The PNG is drawn at the size it is shown (6.1 in = the document's 15.5 cm), opaque, with a palette of 32
    colours: LibreOffice then places it without scaling or an alpha mask, and it is a quarter of the bytes."""
    return _drawn(tuple(bars), now_label, before_label, axis_label, width_in, height_in, dpi)


@lru_cache(maxsize=64)  # ~20 KB each
def _drawn(bars: tuple[Bar, ...], now_label: str, before_label: str | None, axis_label: str, width_in: float,
           height_in: float, dpi: int) -> bytes:
    with _lock:
        figure, canvas = _canvas(width_in, height_in, dpi)
        try:
            _draw(figure, bars, now_label, before_label, axis_label)
            canvas.draw()
            pixels = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
            pixels = pixels.convert("RGB")  # a copy: the canvas is drawn over by the next chart
        finally:
            figure.clear()  # the next chart starts blank, even after a failure
    out = io.BytesIO()  # PIL writes no timestamp or software tag: the same data, the same bytes
    pixels.quantize(32, method=Image.Quantize.FASTOCTREE).save(out, format="PNG", compress_level=6)
    return out.getvalue()


def _draw(figure: Figure, bars: tuple[Bar, ...], now_label: str, before_label: str | None, axis_label: str) -> None:
    left, right, bottom, top_y = 0.23, 0.90, 0.16, 0.97  # the plot area, in figure coordinates
    with_before = before_label is not None
    largest = max([b.now for b in bars] + [b.before or 0 for b in bars] + [1])
    row = (top_y - bottom) / max(len(bars), 1)
    thickness = row * (0.36 if with_before else 0.6)

    def x_of(value: int) -> float:
        return left + (right - left) * value / largest

    add, transform = figure.add_artist, figure.transFigure
    for index, bar in enumerate(bars):
        centre = top_y - (index + 0.5) * row
        figure.text(left - 0.01, centre, bar.label, ha="right", va="center", fontdict=FONT)
        now_y = centre + thickness / 2 if with_before else centre
        add(Rectangle((left, now_y - thickness / 2), x_of(bar.now) - left, thickness, color=NOW_COLOUR,
                      transform=transform))
        figure.text(x_of(bar.now) + 0.008, now_y, str(bar.now), va="center", fontdict=FONT)
        if with_before:
            before_y = centre - thickness / 2
            add(Rectangle((left, before_y - thickness / 2), x_of(bar.before or 0) - left, thickness,
                          facecolor=BEFORE_COLOUR, hatch="///", edgecolor=INK, linewidth=0.4, transform=transform))
            figure.text(x_of(bar.before or 0) + 0.008, before_y, "—" if bar.before is None else str(bar.before),
                        va="center", fontdict=FONT)
    add(Line2D([left, left], [bottom, top_y], color=INK, linewidth=0.8, transform=transform))
    figure.text((left + right) / 2 - 0.08, 0.04, axis_label, ha="center", va="center", fontdict=FONT)
    keys = [(now_label, {"color": NOW_COLOUR})]
    if with_before:
        keys.append((before_label, {"facecolor": BEFORE_COLOUR, "hatch": "///", "edgecolor": INK,
                                    "linewidth": 0.4}))
    for number, (label, style) in enumerate(keys):  # the legend, bottom right
        x = 0.74 + number * 0.12
        add(Rectangle((x, 0.02), 0.035, 0.06, transform=transform, **style))
        figure.text(x + 0.045, 0.05, label, va="center", fontdict=FONT)
