"""Load and fault run (issue 15 item 8): a bounded run on loopback, not a unit test.

    .venv/bin/python bench/load_fault.py [--seconds 60] [--issuers N] [--database-url URL]

Starts, in a temporary data folder: two warm unoservers (each in its own session) and gunicorn with two
workers using them (TRIPARTITO_CONVERTERS, the scale-out topology of the README), loads the demo year, then for
`--seconds` runs 2 × cores issuers (edit a meeting, issue its minutes) plus a feed reader and a list reader.
During the run it SIGKILLs one converter's process group (and starts it again 10 s later, as its supervisor
would) and SIGKILLs one gunicorn worker (the master replaces it). Afterwards it prints, per kind of request,
the statuses and the median and p95 latencies, and checks:

- no 5xx other than 503 with Retry-After;
- no LibreOffice left running from this run once everything is stopped;
- no document reference reserved without its issued document.

Exit status 0 when every check holds. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.documents.lo_profile import (  # noqa: E402 - after the path is set
    ServerProcess,
    free_port,
    unoserver_argv,
    write_hardened_profile,
)

VENV = ROOT / ".venv" / "bin"
UNO_PYTHON = str(ROOT / ".venv-uno" / "bin" / "python")


class Recorder:
    """Statuses and latencies per kind of request, from many threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter] = defaultdict(Counter)
        self.bad: list[str] = []

    def add(self, kind: str, status: int | str, seconds: float, headers: dict[str, str], body: bytes) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[kind][status] += 1
            if isinstance(status, int) and status >= 500 and not (status == 503 and headers.get("Retry-After")):
                self.bad.append(f"{kind} {status} {body[:200]!r}")


def call(method: str, url: str, *, token: str | None = None, body: dict | None = None,
         headers: dict[str, str] | None = None, timeout: float = 120) -> tuple[int | str, dict[str, str], bytes]:
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError(f"loopback only: {url}")
    request = urllib.request.Request(  # noqa: S310 - checked just above: http on loopback
        url, method=method, data=json.dumps(body).encode() if body else None)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback URLs only
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return f"connection error ({type(error).__name__})", {}, b""


def timed(recorder: Recorder, kind: str, method: str, url: str, **kwargs) -> tuple[int | str, dict, bytes]:
    started = time.perf_counter()
    status, headers, body = call(method, url, **kwargs)
    recorder.add(kind, status, time.perf_counter() - started, headers, body)
    return status, headers, body


def cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([str(VENV / "tripartito"), *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def start_converter(home: Path, index: int, port: int) -> ServerProcess:
    profile = write_hardened_profile(home / f"profile-{index}-{time.monotonic_ns()}")
    argv = unoserver_argv(UNO_PYTHON, port, free_port(), profile)
    process = ServerProcess(argv, port, home / f"unoserver-{index}.log", profile)
    if not process.wait_ready(time.monotonic() + 60):
        raise SystemExit(f"converter {index} did not start (see {home})")
    return process


def wait_answering(base: str, seconds: float = 60) -> None:
    """Until /healthz answers at all (a remote converter pool reports "stopped" until its first conversion)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if call("GET", f"{base}/healthz", timeout=5)[0] in (200, 503):
            return
        time.sleep(0.5)
    raise SystemExit("the service did not answer")


def worker_pids(master: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def office_processes_under(folder: Path) -> list[str]:
    """soffice/unoserver processes whose command line names this run's folder (their profile lives there)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(folder) in command and ("soffice" in command or "unoserver" in command):
            found.append(f"{proc.name}: {command[:120]}")
    return found


def orphan_references(database_url: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    with engine.connect() as connection:
        count = connection.execute(text(
            "SELECT count(*) FROM document_references r "
            "WHERE NOT EXISTS (SELECT 1 FROM issued_documents d WHERE d.reference_id = r.id)")).scalar_one()
    engine.dispose()
    return int(count)


def issuer(base: str, token: str, meeting_id: int, deadline: float, recorder: Recorder) -> None:
    """Edit the meeting (so its minutes change) and issue the minutes again, until the deadline."""
    revision = 0
    while time.monotonic() < deadline:
        revision += 1
        status, headers, _ = timed(recorder, "read meeting", "GET", f"{base}/api/v1/meetings/{meeting_id}",
                                   token=token)
        if status == 200:
            timed(recorder, "edit meeting", "PATCH", f"{base}/api/v1/meetings/{meeting_id}", token=token,
                  body={"title": f"Reunión de carga {meeting_id}, revisión {revision}"},
                  headers={"If-Match": headers.get("ETag", "*")})
        status, headers, _ = timed(recorder, "issue minutes", "POST", f"{base}/api/v1/documents", token=token,
                                   body={"kind": "minutes", "subject_id": meeting_id, "language": "es"})
        if status == 503:
            time.sleep(float(headers.get("Retry-After", "1")))


def reader(base: str, token: str, feed: str, deadline: float, recorder: Recorder, which: str) -> None:
    while time.monotonic() < deadline:
        if which == "feed":
            timed(recorder, "calendar feed", "GET", f"{base}/calendars/{feed}/tripartito.ics")
        else:
            timed(recorder, "list meetings", "GET", f"{base}/api/v1/meetings", token=token)
            timed(recorder, "list documents", "GET", f"{base}/api/v1/documents", token=token)


def faults(events: list[str], start: float, seconds: float, converters: list[ServerProcess], home: Path,
           master: int) -> None:
    """One converter killed at 25 % of the run (back at 42 %), one app worker killed at 60 %."""
    def at(fraction: float) -> None:
        time.sleep(max(0.0, start + fraction * seconds - time.monotonic()))

    at(0.25)
    victim = converters[0]
    victim.kill()
    events.append(f"{time.monotonic() - start:5.1f} s  converter 0 (group {victim.pid}) SIGKILLed")
    at(0.42)
    converters[0] = start_converter(home, 0, victim.port)
    events.append(f"{time.monotonic() - start:5.1f} s  converter 0 started again on port {victim.port}")
    at(0.60)
    pids = worker_pids(master)
    if pids:
        os.kill(pids[0], signal.SIGKILL)
        events.append(f"{time.monotonic() - start:5.1f} s  app worker {pids[0]} SIGKILLed (of {len(pids)})")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--issuers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--database-url", default=None, help="default: SQLite in the run's folder")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="tripartito-load-"))
    database_url = args.database_url or f"sqlite:///{folder / 'load.sqlite3'}"
    converter_home = folder / "converters"
    converter_home.mkdir()
    converters = [start_converter(converter_home, i, free_port()) for i in range(2)]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "TRIPARTITO_DATA_DIR": str(folder), "TRIPARTITO_DATABASE_URL": database_url,
           "TRIPARTITO_CONVERTERS": ",".join(f"127.0.0.1:{c.port}" for c in converters),
           "TRIPARTITO_PUBLIC_URL": base, "FLASK_APP": "service"}
    cli(env, "init")
    cli(env, "demo")
    token = cli(env, "token", "create", "--party", "st_crm")
    feed = cli(env, "feed", "create", "--country", "BZ")
    with open(folder / "gunicorn.log", "wb") as log:  # the child keeps its own descriptor
        gunicorn = subprocess.Popen(
            [str(VENV / "gunicorn"), "--workers", "2", "--worker-class", "gthread", "--threads", "4",
             "--bind", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning", "service:create_app()"],
            env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    recorder, events = Recorder(), []
    try:
        wait_answering(base)
        meetings = json.loads(call("GET", f"{base}/api/v1/meetings", token=token)[2])
        with_minutes = [m["id"] for m in meetings
                        if call("GET", f"{base}/api/v1/meetings/{m['id']}/minutes", token=token)[0] == 200]
        if not with_minutes:
            raise SystemExit("the demo year has no meeting with minutes to issue")
        print(f"{args.issuers} issuers over meetings {with_minutes}, feed and list readers, {args.seconds:g} s;"
              f" converters on {[c.port for c in converters]}, gunicorn master {gunicorn.pid}", flush=True)
        start = time.monotonic()
        deadline = start + args.seconds
        threads = [threading.Thread(target=issuer, args=(base, token, with_minutes[i % len(with_minutes)],
                                                         deadline, recorder)) for i in range(args.issuers)]
        threads += [threading.Thread(target=reader, args=(base, token, feed, deadline, recorder, which))
                    for which in ("feed", "list")]
        threads.append(threading.Thread(target=faults, args=(events, start, args.seconds, converters,
                                                             converter_home, gunicorn.pid)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - start
    finally:
        os.killpg(gunicorn.pid, signal.SIGTERM)
        gunicorn.wait(30)
        for converter in converters:
            converter.terminate()
    time.sleep(1)
    leftovers = office_processes_under(folder)
    unbacked = orphan_references(database_url)

    print("\nfaults:")
    for event in events:
        print("  " + event)
    print(f"\n{'request':16} {'count':>6} {'median ms':>10} {'p95 ms':>8}  statuses")
    for kind, values in sorted(recorder.latencies.items()):
        statuses = ", ".join(f"{s}×{n}" for s, n in sorted(recorder.statuses[kind].items(), key=str))
        print(f"{kind:16} {len(values):6d} {statistics.median(values) * 1000:10.0f} "
              f"{percentile(values, 0.95) * 1000:8.0f}  {statuses}")
    issued = recorder.statuses["issue minutes"][201] + recorder.statuses["issue minutes"][200]
    print(f"\nissued (200/201): {issued} in {elapsed:.0f} s = {issued / elapsed:.2f}/s")
    print(f"5xx other than 503 + Retry-After: {len(recorder.bad)}")
    for line in recorder.bad[:10]:
        print("  " + line)
    print(f"LibreOffice processes left from this run: {len(leftovers)}")
    for line in leftovers:
        print("  " + line)
    print(f"references reserved without their document: {unbacked}")
    print(f"(run folder: {folder})")
    return 0 if not recorder.bad and not leftovers and unbacked == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
