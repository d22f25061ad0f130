"""Cold ``soffice --convert-to`` vs the warm converter pool, side by side in one run (no assertions).

    .venv/bin/python bench/bench_convert.py [--rounds 5] [--documents 30]

Targets (issue 5): warm single conversion >= 4x faster than cold (median); a 2-instance pool converts
>= 3.5 documents/s over 30 documents with 2-4 client threads. Supervision: start() returns at once (well under
1 s), and a conversion on a hung LibreOffice gives up at its timeout (3 s here), not much later.
"""

from __future__ import annotations

import argparse
import io
import os
import signal
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.conversion.cold import ColdSofficeConverter
from service.conversion.local import LocalConverterPool
from service.conversion.process import group_pids
from service.conversion.protocol import ConversionTimeout

COUNTRIES = ["Belice", "Canadá", "Costa Rica", "El Salvador", "Estados Unidos", "Guatemala", "Honduras",
             "México", "Nicaragua", "Panamá", "República Dominicana"]  # fmt: skip


def minutes_docx() -> bytes:
    """A document resembling the minutes of a meeting: headings, paragraphs, tables; 6 pages."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Liberation Serif", Pt(11)
    document.add_heading("Acta de la Reunión del Grupo Regional de Consulta sobre Migración", 0)
    document.add_paragraph("Referencia ET-CRM/2027/MIN-003 — Ciudad de Panamá, 14 y 15 de marzo de 2027")
    for number, topic in enumerate(["Apertura y aprobación de la agenda", "Informe de la Presidencia Pro Tempore",
                                    "Redes de funcionarios de enlace", "Protección de la niñez migrante",
                                    "Acuerdos y recomendaciones", "Clausura"], start=1):  # fmt: skip
        document.add_heading(f"{number}. {topic}", 1)
        for _ in range(2):
            document.add_paragraph(
                "La delegación de Costa Rica expresó su agradecimiento y señaló que los avances en la "
                "cooperación regional, la gestión de fronteras & la atención a personas en situación de "
                "vulnerabilidad (A & B < C) requieren seguimiento continuo por parte de los Viceministros. "
                * 2
            )
        table = document.add_table(rows=1, cols=4)
        table.style, table.autofit = "Table Grid", False
        for cell, title in zip(table.rows[0].cells, ["País", "Delegación", "Compromiso", "Plazo"], strict=True):
            cell.text = title
        for row_number, country in enumerate(COUNTRIES):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = country, f"Viceministerio {row_number + 1}"
            cells[2].text, cells[3].text = "Presentar informe nacional de seguimiento", "30/06/2027"
        for index, width in enumerate([Cm(3.5), Cm(4), Cm(6), Cm(2.5)]):
            table.columns[index].width = width
            for cell in table.columns[index].cells:
                cell.width = width
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def timed(function, *args) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def throughput(pool: LocalConverterPool, docx: bytes, documents: int, threads: int) -> float:
    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as executor:
        list(executor.map(lambda _: pool.convert(docx), range(documents)))
    return documents / (time.perf_counter() - started)


def hung_conversion(pool: LocalConverterPool, docx: bytes, timeout: float) -> float:
    """Seconds until a conversion on a SIGSTOPped LibreOffice raises ConversionTimeout (the pool restarts it)."""
    while pool.ping()["state"] != "ready":
        time.sleep(0.1)
    for pid in group_pids(pool.ping()["instances"][0]["pid"], "soffice.bin"):  # idle instance 0 goes first
        os.kill(pid, signal.SIGSTOP)
    started = time.perf_counter()
    try:
        pool.convert(docx, timeout=timeout)
    except ConversionTimeout:
        return time.perf_counter() - started
    raise RuntimeError("the hung conversion did not time out")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--documents", type=int, default=30)
    args = parser.parse_args()
    docx = minutes_docx()

    with tempfile.TemporaryDirectory(prefix="bench-convert-") as tmp:
        pool = LocalConverterPool(size=2, workdir=Path(tmp))
        started = time.perf_counter()
        pool.start()
        start_returned = time.perf_counter() - started
        try:
            first = pool.convert(docx)  # waits for a warm instance
            first_after_start = time.perf_counter() - started
            while pool.ping()["state"] != "ready":
                time.sleep(0.1)
            pages = len(PdfReader(io.BytesIO(first)).pages)
            cold = ColdSofficeConverter(workdir=Path(tmp))
            cold_times, warm_times = [], []
            for _ in range(args.rounds):  # interleaved, so both see the same machine state
                cold_times.append(timed(cold.convert, docx))
                warm_times.append(timed(pool.convert, docx))
            rates = {n: throughput(pool, docx, args.documents, n) for n in (2, 3, 4)}
            report = pool.ping()
            hung_times = [hung_conversion(pool, docx, timeout=3) for _ in range(min(args.rounds, 3))]
        finally:
            pool.stop()

    cold_median, warm_median = statistics.median(cold_times), statistics.median(warm_times)
    print(f"document: minutes, {pages} pages, {len(docx) / 1024:.0f} KiB DOCX -> {len(first) / 1024:.0f} KiB PDF/A-2b")
    print(f"pool start() returns after {start_returned * 1000:.1f} ms (target: at once, < 1 s)")
    hung = statistics.median(hung_times)
    print(f"hung LibreOffice, timeout 3 s: ConversionTimeout after {hung:.2f} s (median of {len(hung_times)}; "
          f"{hung / 3:.2f}x the timeout, target < 10 s)")
    print(f"pool start() -> first PDF (2 instances, waits for warm-up): {first_after_start:.2f} s")
    print(f"{'single conversion (median of ' + str(args.rounds) + ')':<42} {'cold soffice':>13} {'warm pool':>10}")
    print(f"{'':<42} {cold_median:>12.3f}s {warm_median:>9.3f}s")
    print(f"  cold runs: {', '.join(f'{t:.2f}' for t in cold_times)}")
    print(f"  warm runs: {', '.join(f'{t:.3f}' for t in warm_times)}")
    print(f"warm speed-up: {cold_median / warm_median:.1f}x (target >= 4x)")
    for threads, rate in rates.items():
        print(f"throughput, 2 instances, {args.documents} documents, {threads} threads: {rate:.2f} docs/s "
              "(target >= 3.5)")  # fmt: skip
    rss = ", ".join(f"{row['rss_mb']:.0f}" for row in report["instances"])
    print(f"after {report['conversions']} conversions: restarts {report['restarts']}, RSS per instance MiB: {rss}")


if __name__ == "__main__":
    main()
