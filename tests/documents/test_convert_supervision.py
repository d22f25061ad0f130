"""Supervision of the converter pools with a stand-in server (no LibreOffice needed), and configuration."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from service.conversion.local import LocalConverterPool
from service.conversion.pools import pool_from_config
from service.conversion.process import free_port, group_pids
from service.conversion.protocol import ConversionTimeout, ConverterBusy, PdfConverter
from service.conversion.remote import RemoteConverterPool
from service.conversion.unoserver import rpc_info


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(0.1)


def all_ready(pool: PdfConverter) -> bool:
    return pool.ping()["state"] == "ready"


# A stand-in for unoserver: same XML-RPC calls, no LibreOffice. "HANG" sleeps, every call waits `delay`.
FAKE_SERVER = """
import sys, time, xmlrpc.client
from xmlrpc.server import SimpleXMLRPCServer
port, delay = int(sys.argv[1]), float(sys.argv[2])  # argv[3]: profile, unused
server = SimpleXMLRPCServer(("127.0.0.1", port), allow_none=True, logRequests=False)
server.register_function(lambda: {"api": "3", "unoserver": "fake", "libreoffice_version": "0"}, "info")
def convert(inpath, indata, outpath, convert_to, *rest):
    if b"HANG" in indata.data:
        time.sleep(600)
    time.sleep(delay)
    return xmlrpc.client.Binary(b"%PDF-1.7 fake from " + str(port).encode() + b"\\n%%EOF")
server.register_function(convert, "convert")
server.serve_forever()
"""


@pytest.fixture
def fake_pool(tmp_path: Path) -> Iterator[Callable[..., LocalConverterPool]]:
    """Pools of stand-in servers (start in ~0.1 s); ``delay`` makes every conversion take that long."""
    script = tmp_path / "fake_unoserver.py"
    script.write_text(FAKE_SERVER)
    made: list[LocalConverterPool] = []

    def make(delay: float = 0.0, **options: object) -> LocalConverterPool:
        # the profile path in argv lets a later start() recognise servers orphaned by a crashed app
        argv = lambda port, _uno, profile: [sys.executable, str(script), str(port), str(delay), str(profile)]  # noqa: E731
        converters = LocalConverterPool(workdir=tmp_path / "pool", server_argv=argv, **options)  # type: ignore[arg-type]
        made.append(converters)
        converters.start()
        return converters

    yield make
    for converters in made:
        converters.stop()


@pytest.fixture
def fake_servers(tmp_path: Path) -> Iterator[Callable[[], tuple[str, int]]]:
    """Stand-in unoservers started by hand, as ``RemoteConverterPool`` expects them."""
    script = tmp_path / "fake_unoserver.py"
    script.write_text(FAKE_SERVER)
    children: list[subprocess.Popen[bytes]] = []

    def start() -> tuple[str, int]:
        port = free_port()
        children.append(subprocess.Popen([sys.executable, str(script), str(port), "0"]))
        return ("127.0.0.1", port)

    yield start
    for child in children:
        child.kill()
        child.wait()


def test_hanging_conversion_times_out_kills_the_server_and_the_next_one_succeeds(fake_pool) -> None:
    converters = fake_pool(size=1, timeout=1)
    assert converters.convert(b"warm").startswith(b"%PDF")
    old_pid = converters.ping()["instances"][0]["pid"]

    with pytest.raises(ConversionTimeout):
        converters.convert(b"HANG")

    assert group_pids(old_pid) == []
    assert converters.convert(b"next").startswith(b"%PDF")
    report = converters.ping()
    assert report["restarts"] == 1
    assert report["instances"][0]["pid"] != old_pid


def test_crashed_idle_instance_is_replaced(fake_pool) -> None:
    converters = fake_pool(size=1)
    converters.convert(b"warm")
    old_pid = converters.ping()["instances"][0]["pid"]

    os.killpg(old_pid, signal.SIGKILL)

    wait_for(lambda: converters.ping()["restarts"] == 1, 5)
    assert converters.convert(b"after").startswith(b"%PDF")
    assert converters.ping()["instances"][0]["pid"] != old_pid


def test_instance_is_recycled_after_max_conversions(fake_pool) -> None:
    converters = fake_pool(size=1, max_conversions=3)
    first_pid = None
    for _ in range(3):
        converters.convert(b"doc")
        first_pid = first_pid or converters.ping()["instances"][0]["pid"]

    wait_for(lambda: all_ready(converters), 10)
    report = converters.ping()
    assert report["restarts"] == 1
    assert report["conversions"] == 3
    assert report["instances"][0]["pid"] != first_pid
    assert report["instances"][0]["since_restart"] == 0


def test_instance_is_recycled_when_its_memory_exceeds_the_limit(fake_pool) -> None:
    converters = fake_pool(size=1, max_rss_mb=1)  # any Python process is bigger than 1 MB

    converters.convert(b"doc")

    wait_for(lambda: converters.ping()["restarts"] == 1, 5)


def test_full_queue_answers_busy_immediately(fake_pool) -> None:
    converters = fake_pool(delay=1.5, size=1, queue_limit=1)
    wait_for(lambda: all_ready(converters), 10)
    results: list[bytes] = []
    threads = [threading.Thread(target=lambda: results.append(converters.convert(b"doc"))) for _ in range(2)]
    for thread in threads:
        thread.start()
        time.sleep(0.1)
    wait_for(lambda: converters.ping()["busy"] == 1 and converters.ping()["queue"] == 1, 5)

    # the fail-fast answer ("... requests waiting"), not the one given after waiting for a free converter
    with pytest.raises(ConverterBusy, match="requests waiting") as busy:
        converters.convert(b"one too many")

    assert busy.value.retry_after > 0
    for thread in threads:
        thread.join()
    assert len(results) == 2


ABANDONING_APP = """
import os, sys, time
from pathlib import Path
from service.conversion.local import LocalConverterPool
script, workdir, how = sys.argv[1:]
pool = LocalConverterPool(size=2, workdir=Path(workdir),
                          server_argv=lambda port, _u, profile: [sys.executable, script, str(port), "0", str(profile)])
pool.start()
pool.convert(b"doc")
print(" ".join(str(row["pid"]) for row in pool.ping()["instances"] if row["pid"]), flush=True)
if how == "crash":
    os._exit(1)  # no atexit: the pool's servers are orphaned
"""  # ...and with "exit" the interpreter ends normally without calling stop()


def _abandon_pool(tmp_path: Path, how: str) -> list[int]:
    script = tmp_path / "fake_unoserver.py"
    script.write_text(FAKE_SERVER)
    done = subprocess.run(
        [sys.executable, "-c", ABANDONING_APP, str(script), str(tmp_path / "pool"), how],
        capture_output=True, text=True, timeout=30, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    return [int(pid) for pid in done.stdout.split()]


def test_servers_are_stopped_when_the_app_exits_without_calling_stop(tmp_path: Path) -> None:
    groups = _abandon_pool(tmp_path, "exit")

    assert len(groups) == 2
    assert [pid for pgid in groups for pid in group_pids(pgid)] == []


def test_servers_orphaned_by_a_crashed_app_are_killed_by_the_next_start(tmp_path: Path, fake_pool) -> None:
    groups = _abandon_pool(tmp_path, "crash")
    assert all(group_pids(pgid) for pgid in groups)

    fake_pool(size=1)  # same workdir: tmp_path / "pool"

    assert [pid for pgid in groups for pid in group_pids(pgid)] == []


def test_stopping_a_pool_that_never_started_leaves_the_workdir_alone(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("issued documents live here")

    LocalConverterPool(workdir=tmp_path).stop()

    assert (tmp_path / "keep.txt").exists()


def test_remote_pool_round_robins_and_skips_an_unreachable_server(fake_servers) -> None:
    live = [fake_servers(), fake_servers()]
    dead = ("127.0.0.1", free_port())
    converters = RemoteConverterPool([live[0], dead, live[1]], timeout=5)
    wait_for(lambda: all(_answers(address) for address in live), 10)

    served = {converters.convert(b"doc").split(b"from ")[1].split(b"\n")[0] for _ in range(6)}

    assert served == {str(port).encode() for _, port in live}
    report = converters.ping()
    assert [row["state"] for row in report["instances"]] == ["ready", "down", "ready"]
    assert (report["state"], report["ok"]) == ("degraded", True)


def test_remote_pool_with_no_host_answering_is_busy_with_retry_after_not_a_conversion_failure() -> None:
    converters = RemoteConverterPool([("127.0.0.1", free_port()), ("127.0.0.1", free_port())], timeout=5)

    with pytest.raises(ConverterBusy) as first:
        converters.convert(b"doc")  # both hosts tried once, both refused
    with pytest.raises(ConverterBusy) as second:
        converters.convert(b"doc")  # both known down: answered at once, no waiting in the queue

    assert (first.value.retry_after, second.value.retry_after) == (5, 5)
    assert [row["state"] for row in converters.ping()["instances"]] == ["down", "down"]


def _answers(address: tuple[str, int]) -> bool:
    try:
        rpc_info(*address, timeout=1)
    except OSError:
        return False
    return True


# -- configuration -------------------------------------------------------------------------------------


def test_auto_config_makes_a_local_pool_without_starting_it(tmp_path: Path) -> None:
    converters = pool_from_config("auto", timeout=42, workdir=tmp_path)

    assert isinstance(converters, LocalConverterPool)
    assert isinstance(converters, PdfConverter)
    assert converters.timeout == 42
    assert converters.size == os.cpu_count()
    assert converters.ping()["state"] == "stopped"


def test_address_list_config_makes_a_remote_pool() -> None:
    converters = pool_from_config(" lo1.internal:2003, 10.0.0.7:2004 ,[::1]:2005", timeout=5, workdir=Path(),
                                  allow_public=True)  # lo1.internal does not resolve here; the policy is tested apart

    assert isinstance(converters, RemoteConverterPool)
    assert converters.addresses == [("lo1.internal", 2003), ("10.0.0.7", 2004), ("::1", 2005)]


@pytest.mark.parametrize("bad", ["", "lo1", "lo1:", ":2003", "lo1:http", "lo1:70000", "lo1:0", "lo1:2003,,lo2:2003"])
def test_bad_converter_list_is_rejected_with_a_clear_message(bad: str) -> None:
    with pytest.raises(ValueError, match="is not host:port"):
        pool_from_config(bad, timeout=5, workdir=Path())
