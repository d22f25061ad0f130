"""The process group of one unoserver and its LibreOffice on this host: start, readiness, memory, kill."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
import xmlrpc.client
from collections.abc import Sequence
from pathlib import Path

from service.conversion.profile import tiny_docx
from service.conversion.unoserver import PDFA_OPTIONS, rpc_convert, rpc_info

_PAGE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def group_pids(pgid: int, name: str | None = None) -> list[int]:
    """Live (non-zombie) processes of a process group, optionally only those called ``name``.

    Zombies are skipped: where PID 1 does not reap orphans (some containers) killed soffice.bin
    processes stay listed as ``Z`` although they hold no memory and run nothing.
    """
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        comm_end = stat.rfind(")")
        comm = stat[stat.find("(") + 1 : comm_end]
        fields = stat[comm_end + 2 :].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and state not in ("Z", "X") and (name is None or comm == name[:15]):
            found.append(int(entry))
    return found


def kill_groups_mentioning(marker: str, wait: float = 5.0) -> None:
    """SIGKILL the process group of every process whose command line contains ``marker`` (not our own), and wait
    (up to ``wait`` seconds) until they are gone: a SIGKILL is delivered asynchronously, and on a loaded machine an
    orphan still holding its port would make the next start fail."""
    killed = set()
    for entry in os.listdir("/proc"):
        with contextlib.suppress(OSError, ValueError):
            if entry.isdigit() and marker.encode() in Path(f"/proc/{entry}/cmdline").read_bytes():
                pgid = os.getpgid(int(entry))
                if pgid != os.getpgrp():
                    os.killpg(pgid, signal.SIGKILL)
                    killed.add(pgid)
    deadline = time.monotonic() + wait
    while killed and time.monotonic() < deadline:
        killed = {pgid for pgid in killed if group_pids(pgid)}
        if killed:
            time.sleep(0.02)


def group_rss_mb(pgid: int) -> float:
    """Resident memory of a whole process group (unoserver + oosplash + soffice.bin), in MiB."""
    total = 0
    for pid in group_pids(pgid):
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total * _PAGE / 2**20


class ServerProcess:
    """One unoserver and the LibreOffice it starts, alone in their own session / process group."""

    def __init__(self, argv: Sequence[str], port: int, log_path: Path, profile: Path | None = None) -> None:
        self.port, self.profile = port, profile
        if log_path.exists():  # keep the previous run's log: it says why that instance died
            log_path.replace(log_path.with_suffix(".previous.log"))
        with open(log_path, "wb") as log:  # the child keeps its own copy of the descriptor
            self._popen = subprocess.Popen(
                list(argv), stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True
            )
        self.pid = self._popen.pid  # == process group id, thanks to start_new_session

    def alive(self) -> bool:
        return self._popen.poll() is None

    def office_alive(self) -> bool:
        return self.alive() and bool(group_pids(self.pid, "soffice.bin"))

    def rss_mb(self) -> float:
        return group_rss_mb(self.pid)

    def wait_ready(self, deadline: float, warm_up: bool = True) -> bool:
        """Poll until the server answers ``info`` (and converts a tiny document) or the deadline passes."""
        while time.monotonic() < deadline and self.alive():
            try:
                rpc_info("127.0.0.1", self.port, timeout=2.0)
                if warm_up:
                    rpc_convert("127.0.0.1", self.port, tiny_docx(), PDFA_OPTIONS, timeout=30.0)
                return True
            except (OSError, xmlrpc.client.Error, RuntimeError):
                time.sleep(0.2)
        return False

    def kill(self) -> None:
        """SIGKILL the whole group at once: for a hung or crashed instance there is nothing to save."""
        self._signal_group(signal.SIGKILL)
        self._reap(5.0)
        self._await_group_gone()
        self._drop_profile()

    def terminate(self, grace: float = 5.0) -> None:
        """Graceful stop, then SIGKILL for whatever is left of the group.

        SIGTERM goes to unoserver only: it forwards it to LibreOffice and exits cleanly (~1.5 s). A SIGTERM
        to the whole group leaves unoserver and oosplash hanging with a zombie soffice.bin.
        """
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)
            self._reap(grace)
        self._signal_group(signal.SIGKILL)
        self._reap(5.0)
        self._await_group_gone()
        self._drop_profile()

    def _await_group_gone(self, timeout: float = 5.0) -> None:
        """Return once no process of the group runs: grandchildren (soffice.bin) need a moment to die."""
        deadline = time.monotonic() + timeout
        while group_pids(self.pid) and time.monotonic() < deadline:
            time.sleep(0.02)

    def _drop_profile(self) -> None:
        if self.profile is not None:
            shutil.rmtree(self.profile, ignore_errors=True)

    def _signal_group(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signum)

    def _reap(self, timeout: float) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._popen.wait(timeout)
