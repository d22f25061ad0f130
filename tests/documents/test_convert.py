"""The converter pool with a real LibreOffice (all marked ``libreoffice``); one pool serves the whole module.

Supervision with a stand-in server and configuration parsing are in ``test_convert_supervision.py``.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import struct
import subprocess
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Inches
from pypdf import PdfReader

from service.conversion.cold import ColdSofficeConverter
from service.conversion.local import LocalConverterPool
from service.conversion.process import group_pids
from service.conversion.protocol import ConversionFailed, ConversionTimeout, PdfConverter

HOSTILE = "Señora Presidenta, Año 2027: «reunión» — A & B < C"


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(0.1)


def make_docx(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def png(width: int = 8, height: int = 8, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def docx_with_linked_images(urls: list[str]) -> bytes:
    """Pictures whose blip is ``r:link`` to an external target (``TargetMode="External"``), no embedded copy."""
    document = Document()
    document.add_paragraph("Imágenes enlazadas")
    for url in urls:
        shape = document.add_paragraph().add_run().add_picture(io.BytesIO(png()), width=Inches(1))
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        embedded = blip.get(qn("r:embed"))
        blip.set(qn("r:link"), document.part.relate_to(url, RELATIONSHIP_TYPE.IMAGE, is_external=True))
        del blip.attrib[qn("r:embed")]
        document.part.drop_rel(embedded)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def running(pid: int) -> bool:
    """Alive and not a zombie (where PID 1 does not reap, killed processes linger as ``Z``)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def office_pids(pool: LocalConverterPool, index: int) -> list[int]:
    return group_pids(pool.ping()["instances"][index]["pid"], "soffice.bin")


def all_ready(pool: PdfConverter) -> bool:
    return pool.ping()["state"] == "ready"


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalConverterPool]:
    """One real two-instance pool for the whole module: start-up is paid once."""
    converters = LocalConverterPool(size=2, timeout=30, workdir=tmp_path_factory.mktemp("converters"))
    converters.start()
    wait_for(lambda: all_ready(converters), 90)
    yield converters
    converters.stop()


# -- real LibreOffice -----------------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_converts_docx_to_pdf_keeping_accents_and_markup_characters(pool: LocalConverterPool) -> None:
    pdf = pool.convert(make_docx(HOSTILE, "Segunda línea: ¿Qué? ¡Sí!"))

    text = pdf_text(pdf)
    assert HOSTILE in text
    assert "Segunda línea: ¿Qué? ¡Sí!" in text


@pytest.mark.libreoffice
def test_output_is_pdfa_2b_and_passes_qpdf_check(pool: LocalConverterPool, tmp_path: Path) -> None:
    pdf = pool.convert(make_docx("Acta de la reunión"))

    xmp = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part(>|=\")2", xmp)
    assert re.search(r"pdfaid:conformance(>|=\")B", xmp)
    (tmp_path / "out.pdf").write_bytes(pdf)
    check = subprocess.run(["qpdf", "--check", str(tmp_path / "out.pdf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.libreoffice
def test_plain_pdf_is_available_without_pdfa(pool: LocalConverterPool) -> None:
    pdf = pool.convert(make_docx("Borrador"), pdfa=False)

    assert b"pdfaid" not in pdf
    assert "Borrador" in pdf_text(pdf)


@pytest.mark.libreoffice
@pytest.mark.parametrize("data", [b"", b"{\\rtf1 not Word}", b"<html>not Word</html>", b"PK\x03\x04broken zip"])
def test_input_that_is_not_docx_fails_and_the_pool_keeps_working(pool: LocalConverterPool, data: bytes) -> None:
    with pytest.raises(ConversionFailed, match="could not convert"):
        pool.convert(data)

    assert pool.convert(make_docx("bien")).startswith(b"%PDF")


@pytest.mark.libreoffice
def test_external_image_links_make_no_request_and_embed_no_local_file(
    pool: LocalConverterPool, tmp_path: Path
) -> None:
    requests: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            body = png()
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    local_png = tmp_path / "secret.png"
    local_png.write_bytes(png(16, 16, (10, 200, 10)))
    try:
        pdf = pool.convert(docx_with_linked_images([
            f"http://127.0.0.1:{server.server_address[1]}/x.png",
            local_png.as_uri(),
            "file:///etc/hostname",
        ]))
        time.sleep(0.5)  # a fetch would have happened during the conversion; leave room for stragglers
    finally:
        server.shutdown()
        server.server_close()

    assert requests == []
    assert all(len(page.images) == 0 for page in PdfReader(io.BytesIO(pdf)).pages)
    hostname = Path("/etc/hostname").read_text().strip()
    assert hostname not in pdf_text(pdf).replace("Imágenes enlazadas", "")


@pytest.mark.libreoffice
def test_hung_libreoffice_times_out_is_killed_and_next_conversion_succeeds(pool: LocalConverterPool) -> None:
    wait_for(lambda: all_ready(pool), 60)
    restarts = pool.ping()["restarts"]
    hung = office_pids(pool, 0)  # idle instances are picked in order: instance 0 gets the next document
    for pid in hung:
        os.kill(pid, signal.SIGSTOP)

    with pytest.raises(ConversionTimeout, match="exceeded 3 s"):  # how long that takes: bench/bench_convert.py
        pool.convert(make_docx("no llegará"), timeout=3)

    assert pool.ping()["restarts"] == restarts + 1
    assert "siguiente" in pdf_text(pool.convert(make_docx("la siguiente sí")))
    assert [pid for pid in hung if running(pid)] == []  # SIGKILLed with its whole group
    wait_for(lambda: all_ready(pool), 60)


@pytest.mark.libreoffice
def test_killed_libreoffice_is_replaced_and_conversions_continue(pool: LocalConverterPool) -> None:
    wait_for(lambda: all_ready(pool), 60)
    before = pool.ping()
    for pid in office_pids(pool, 0):
        os.kill(pid, signal.SIGKILL)

    assert "sigue" in pdf_text(pool.convert(make_docx("sigue funcionando")))
    wait_for(lambda: pool.ping()["restarts"] == before["restarts"] + 1, 10)
    wait_for(lambda: all_ready(pool), 60)
    after = pool.ping()
    assert after["instances"][0]["pid"] != before["instances"][0]["pid"]
    assert office_pids(pool, 0)
    for _ in range(3):
        assert pool.convert(make_docx("otra")).startswith(b"%PDF")


@pytest.mark.libreoffice
def test_first_conversion_right_after_start_waits_for_a_warm_instance(tmp_path: Path) -> None:
    converters = LocalConverterPool(size=1, workdir=tmp_path)
    try:
        converters.start()  # returns before any instance is warm (its time: bench/bench_convert.py)
        assert converters.ping()["state"] == "starting"
        assert converters.ping()["ok"] is False  # /healthz answers 503 until one instance is warm

        pdf = converters.convert(make_docx("primera"))

        assert "primera" in pdf_text(pdf)
        report = converters.ping()
        assert (report["state"], report["ok"], report["conversions"]) == ("ready", True, 1)
        assert json.loads(json.dumps(report)) == report
    finally:
        converters.stop()


@pytest.mark.libreoffice
def test_stop_leaves_no_libreoffice_process_alive(tmp_path: Path) -> None:
    converters = LocalConverterPool(size=2, workdir=tmp_path)
    converters.start()
    converters.convert(make_docx("antes de parar"))
    wait_for(lambda: all_ready(converters), 60)
    groups = [row["pid"] for row in converters.ping()["instances"]]
    assert all(group_pids(pgid, "soffice.bin") for pgid in groups)

    converters.stop()

    assert [pid for pgid in groups for pid in group_pids(pgid)] == []
    assert converters.ping()["state"] == "stopped"
    with pytest.raises(ConversionFailed):
        converters.convert(make_docx("después"))


@pytest.mark.libreoffice
def test_cold_soffice_converter_writes_pdfa(tmp_path: Path) -> None:
    pdf = ColdSofficeConverter(workdir=tmp_path).convert(make_docx(HOSTILE))

    assert HOSTILE in pdf_text(pdf)
    assert b"pdfaid:part" in pdf


