"""Tripartito on several hosts, on one machine: app hosts and converter hosts in Linux network namespaces.

    sudo .venv/bin/python scripts/cluster.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

Each host is a network namespace with one address on a private bridge (10.231.<k>.0/24, <k> free at start):

    app1 10.231.k.11:8000 ─┐                       ┌─ conv1 10.231.k.21:2003 (unoserver)
    app2 10.231.k.12:8000 ─┼── bridge 10.231.k.1 ──┼─ conv2 10.231.k.22:2003 (unoserver)
                           └── PostgreSQL: a forwarder on 10.231.k.1:<pg port> → 127.0.0.1:<pg port>

The app hosts run `tripartito serve` (gunicorn) with `TRIPARTITO_CONVERTERS=10.231.k.21:2003,10.231.k.22:2003`
and share one database, made for the run (`tripartito_cluster_<pid>`) and dropped at the end. PostgreSQL
listens on loopback only and is not reconfigured: the forwarder in the root namespace is the one path to it.
Nothing leaves the bridge and loopback. Names carry the creating process id (`tpcluster-<pid>-…`, links
`tc<pid hex>…`), so a later run removes what a crashed run left behind. Needs root (ip netns).

Used by tests/cluster (the `cluster` marker) and bench/bench_cluster.py; run alone it starts the cluster,
loads a demo year, prints the addresses and a token, and serves until Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import xmlrpc.client
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from service.conversion.profile import tiny_docx, write_hardened_profile  # noqa: E402
from service.conversion.unoserver import rpc_convert  # noqa: E402

NETNS_PREFIX = "tpcluster-"
LINK_PREFIX = "tc"
APP_PORT, CONVERTER_PORT = 8000, 2003
START_TIMEOUT = 90.0  # seconds for every host to answer
TRIPARTITO = str(REPO / ".venv" / "bin" / "tripartito")
UNO_PYTHON = os.environ.get("TRIPARTITO_UNO_PYTHON") or str(REPO / ".venv-uno" / "bin" / "python")


def run(*argv: str, check: bool = True, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(argv, check=check, capture_output=True, text=True, timeout=timeout)


def _pid_alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


def remove_stale() -> None:
    """Namespaces and links of earlier runs whose process is gone (a crashed or killed run)."""
    for line in run("ip", "netns", "list").stdout.splitlines():
        name = line.split()[0] if line.strip() else ""
        match = re.fullmatch(rf"{NETNS_PREFIX}(\d+)-\w+", name)
        if match and not _pid_alive(int(match.group(1))):
            _delete_netns(name)
    for line in run("ip", "-o", "link", "show").stdout.splitlines():
        match = re.match(rf"\d+: ({LINK_PREFIX}([0-9a-f]+)(br|[ac]\d))[@:]", line)
        if match and not _pid_alive(int(match.group(2), 16)):
            run("ip", "link", "del", match.group(1), check=False)


def _delete_netns(name: str) -> None:
    # Processes a crashed run left in its own namespace: ended by id, then the namespace goes.
    for pid in run("ip", "netns", "pids", name, check=False).stdout.split():
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid), signal.SIGKILL)
    run("ip", "netns", "del", name, check=False)


def _free_subnet() -> int:
    used = run("ip", "-4", "-o", "addr", "show").stdout
    for k in range(100, 200):
        if f"10.231.{k}." not in used:
            return k
    raise RuntimeError("no free 10.231.<k>.0/24 subnet for the cluster")


class TcpForwarder:
    """Accept on (host, port) and copy bytes both ways to a target address; threads, stopped with stop()."""

    def __init__(self, listen: tuple[str, int], target: tuple[str, int]) -> None:
        self.target = target
        self._server = socket.create_server(listen, reuse_port=False)
        self._server.settimeout(0.5)
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._running = True
        threading.Thread(target=self._accept, name="pg-forwarder", daemon=True).start()

    def _accept(self) -> None:
        while self._running:
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self._lock:
                self._open.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while chunk := source.recv(65536):
                sink.sendall(chunk)
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        with self._lock:
            for sock in (source, sink):
                if sock in self._open:
                    self._open.discard(sock)
                    sock.close()

    def stop(self) -> None:
        self._running = False
        self._server.close()
        with self._lock:
            for sock in self._open:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._open.clear()


@dataclass
class Host:
    """One namespace with one address, and the server process running in it (None while down)."""

    role: str  # "a" (app) or "c" (converter)
    index: int
    netns: str
    link: str
    address: str
    port: int
    argv: list[str]
    env: dict[str, str]
    log: Path
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def endpoint(self) -> str:
        return f"{self.address}:{self.port}"

    def start(self) -> None:
        log = open(self.log, "ab")  # noqa: SIM115 - the child keeps its own copy of the descriptor
        with log:
            # `ip netns exec` execs the command, so the pid is the server's, and its own session's group.
            self.process = subprocess.Popen(["ip", "netns", "exec", self.netns, *self.argv], env=self.env,
                                            stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                            start_new_session=True)

    def kill(self) -> None:
        """SIGKILL the server's whole process group (LibreOffice is a grandchild): a host that dies."""
        self._end(graceful=False)

    def stop(self) -> None:
        """SIGTERM to the server alone (gunicorn and unoserver end their children), then SIGKILL the rest."""
        self._end(graceful=True)

    def _end(self, graceful: bool) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGTERM) if graceful else os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # whatever of the group outlived its leader
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)


def app_ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=2):  # noqa: S310 - our own http:// address
            return True
    except urllib.error.HTTPError:
        return True  # it answers (503 only means a converter is not up yet)
    except OSError:
        return False


def converter_ready(host: str, port: int) -> bool:
    """Answers and converts a tiny document (so the first real one does not pay LibreOffice's start)."""
    try:
        rpc_convert(host, port, tiny_docx(), (), timeout=30)
        return True
    except (OSError, xmlrpc.client.Error, RuntimeError):
        return False


class Cluster:
    """Two (or n) app hosts and two (or m) converter hosts on one PostgreSQL database; start() … stop()."""

    def __init__(self, admin_url: str, *, apps: int = 2, converters: int = 2, workdir: Path | None = None,
                 app_env: dict[str, str] | None = None) -> None:
        self.pid = os.getpid()
        self.admin_url = make_url(admin_url)
        self.database = f"tripartito_cluster_{self.pid}"
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="tripartito-cluster-"))
        self.n_apps, self.n_converters, self.extra_env = apps, converters, app_env or {}
        self.subnet = 0
        self.bridge = f"{LINK_PREFIX}{self.pid:x}br"
        self.apps: list[Host] = []
        self.converters: list[Host] = []
        self.forwarder: TcpForwarder | None = None
        self._made_database = False

    # ---- addresses

    @property
    def gateway(self) -> str:
        return f"10.231.{self.subnet}.1"

    @property
    def database_url(self) -> str:
        """The cluster database as seen from the root namespace (for `tripartito init` and checks)."""
        return self.admin_url.set(database=self.database).render_as_string(hide_password=False)

    @property
    def app_urls(self) -> list[str]:
        return [f"http://{host.endpoint}" for host in self.apps]

    # ---- life cycle

    def start(self) -> Cluster:
        if os.geteuid() != 0:
            raise PermissionError("the cluster needs root (ip netns)")
        remove_stale()
        try:
            self._create_database()
            self.subnet = _free_subnet()
            self._network()
            pg_port = self.admin_url.port or 5432
            self.forwarder = TcpForwarder((self.gateway, pg_port), (self.admin_url.host or "127.0.0.1", pg_port))
            for host in self.converters:
                host.start()  # LibreOffice takes seconds to start: meanwhile, migrate the database
            self.cli("init")
            self._await(lambda host: converter_ready(host.address, host.port), self.converters)
            for host in self.apps:
                host.start()
            self._await(lambda host: app_ready(f"http://{host.endpoint}"), self.apps)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Everything start() made, in reverse; safe to call twice and after a failed start."""
        stopping = [threading.Thread(target=host.stop) for host in self.apps + self.converters]
        for thread in stopping:
            thread.start()
        for thread in stopping:
            thread.join()
        if self.forwarder is not None:
            self.forwarder.stop()
            self.forwarder = None
        for host in self.apps + self.converters:
            run("ip", "link", "del", host.link, check=False)
            _delete_netns(host.netns)
        run("ip", "link", "del", self.bridge, check=False)
        self.apps, self.converters = [], []
        if self._made_database:
            engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
            with engine.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)'))
            engine.dispose()
            self._made_database = False
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> Cluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- what tests and benchmarks do to it

    def cli(self, *args: str, stdin: str | None = None) -> str:
        """`tripartito …` in the root namespace against the cluster database (as an operator would)."""
        result = subprocess.run([TRIPARTITO, *args], env=self._env(self.database_url, self.workdir / "cli"),
                                input=stdin, capture_output=True, text=True, timeout=120, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"tripartito {' '.join(args)} failed: {result.stderr[-2000:]}")
        return result.stdout

    def kill_app(self, index: int) -> None:
        self.apps[index].kill()

    def kill_converter(self, index: int) -> None:
        self.converters[index].kill()

    def restart_app(self, index: int) -> None:
        self.apps[index].start()
        self._await(lambda host: app_ready(f"http://{host.endpoint}"), [self.apps[index]])

    # ---- internals

    def _create_database(self) -> None:
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{self.database}"'))
        engine.dispose()
        self._made_database = True

    def _env(self, database_url: str, data_dir: Path) -> dict[str, str]:
        data_dir.mkdir(parents=True, exist_ok=True)
        env = {key: value for key, value in os.environ.items() if not key.startswith("TRIPARTITO_")}
        env.update({
            "TRIPARTITO_DATABASE_URL": database_url,
            "TRIPARTITO_DATA_DIR": str(data_dir),
            # Signed session cookies must verify on every app host: one secret for all of them.
            "TRIPARTITO_SECRET_KEY": f"cluster-{self.pid}-shared-secret",
            "TRIPARTITO_INSECURE_COOKIES": "1",  # plain http inside the test network only
            "TRIPARTITO_CONVERTERS": ",".join(host.endpoint for host in self.converters) or "auto",
            "TRIPARTITO_CONVERSION_TIMEOUT": "30",
            **self.extra_env,
        })
        return env

    def _network(self) -> None:
        run("ip", "link", "add", self.bridge, "type", "bridge")
        run("ip", "addr", "add", f"{self.gateway}/24", "dev", self.bridge)
        run("ip", "link", "set", self.bridge, "up")
        self.converters = [self._host("c", i, 20 + i, CONVERTER_PORT) for i in range(1, self.n_converters + 1)]
        self.apps = [self._host("a", i, 10 + i, APP_PORT) for i in range(1, self.n_apps + 1)]
        pg = self.admin_url.set(host=self.gateway, database=self.database).render_as_string(hide_password=False)
        for host in self.converters:
            profile = write_hardened_profile(self.workdir / f"{host.netns}-profile")
            host.argv = [UNO_PYTHON, "-m", "unoserver.server", "--interface", host.address,
                         "--uno-interface", "127.0.0.1", "--port", str(host.port), "--uno-port", "2002",
                         "--user-installation", str(profile)]
            host.env = {key: value for key, value in os.environ.items() if not key.startswith("TRIPARTITO_")}
        for host in self.apps:
            host.argv = [TRIPARTITO, "serve", "--host", host.address, "--port", str(host.port), "--threads", "8"]
            host.env = self._env(pg, self.workdir / host.netns)

    def _host(self, role: str, index: int, last_octet: int, port: int) -> Host:
        netns = f"{NETNS_PREFIX}{self.pid}-{'app' if role == 'a' else 'conv'}{index}"
        link, address = f"{LINK_PREFIX}{self.pid:x}{role}{index}", f"10.231.{self.subnet}.{last_octet}"
        run("ip", "netns", "add", netns)
        run("ip", "link", "add", link, "type", "veth", "peer", "name", link + "p")
        run("ip", "link", "set", link + "p", "netns", netns)
        run("ip", "link", "set", link, "master", self.bridge, "up")
        run("ip", "-n", netns, "link", "set", link + "p", "name", "eth0")
        run("ip", "-n", netns, "addr", "add", f"{address}/24", "dev", "eth0")
        run("ip", "-n", netns, "link", "set", "eth0", "up")
        run("ip", "-n", netns, "link", "set", "lo", "up")
        return Host(role=role, index=index, netns=netns, link=link, address=address, port=port, argv=[], env={},
                    log=self.workdir / f"{netns}.log")

    def _await(self, ready, hosts: list[Host]) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + START_TIMEOUT
        waiting = list(hosts)
        while waiting and time.monotonic() < deadline:
            for host in list(waiting):
                if host.process is not None and host.process.poll() is not None:
                    raise RuntimeError(f"{host.netns} exited: {host.log.read_text(errors='replace')[-2000:]}")
                if ready(host):
                    waiting.remove(host)
            time.sleep(0.3)
        if waiting:
            names = ", ".join(host.netns for host in waiting)
            raise TimeoutError(f"not answering after {START_TIMEOUT:.0f} s: {names}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("TRIPARTITO_TEST_DATABASE_URL"),
                        help="a PostgreSQL URL the run may create (and drop) its own database through")
    parser.add_argument("--no-demo", action="store_true", help="leave the database empty (reference data only)")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("--database-url (or TRIPARTITO_TEST_DATABASE_URL) is required")
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with Cluster(args.database_url) as cluster:
        if not args.no_demo:
            cluster.cli("demo")
        token = cluster.cli("token", "create", "--party", "st_crm").strip().splitlines()[-1]
        print(json.dumps({"apps": cluster.app_urls, "converters": [h.endpoint for h in cluster.converters],
                          "database": cluster.database, "token": token}, indent=2), flush=True)
        print("Serving; Ctrl-C stops every host and drops the database.", file=sys.stderr, flush=True)
        stop.wait()


if __name__ == "__main__":
    main()
