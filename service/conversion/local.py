"""``LocalConverterPool``: N warm unoservers on this host, each supervised (restarted when it hangs, crashes,
grows too big or has converted enough), behind the ``PdfConverter`` Protocol."""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from service.config import default_data_dir
from service.conversion.process import ServerProcess, free_port, kill_groups_mentioning
from service.conversion.profile import unoserver_argv, write_hardened_profile
from service.conversion.protocol import ConversionFailed
from service.conversion.queue import QueuedPool, Slot
from service.conversion.uno_python import find_uno_python

log = logging.getLogger(__name__)
ServerArgv = Callable[[int, int, Path], list[str]]  # (port, uno_port, profile dir) -> argv


class LocalConverterPool(QueuedPool):
    """N warm unoservers on this host, each with its own ports and hardened profile, supervised."""

    def __init__(
        self,
        size: int | None = None,
        timeout: float = 60,
        max_conversions: int = 200,
        max_rss_mb: int = 600,
        queue_limit: int = 16,
        uno_python: str | None = None,
        workdir: Path | None = None,
        startup_timeout: float = 60,
        server_argv: ServerArgv | None = None,
    ) -> None:
        # a caller may wait for a whole start-up plus one conversion before hearing "busy"
        super().__init__(timeout, queue_limit, wait_timeout=startup_timeout + timeout)
        self.size = size or os.cpu_count() or 1
        self.max_conversions, self.max_rss_mb = max_conversions, max_rss_mb
        self.startup_timeout = startup_timeout
        self.uno_python = uno_python  # None: found by start() (conversion/uno_python.py)
        self.workdir = Path(workdir or Path.cwd() / "instance" / "converters")
        self._home: Path | None = None  # this pool's own folder under workdir, made by start()
        self._custom_argv = server_argv  # tests swap in a stand-in server
        self._retiring: set[ServerProcess] = set()
        self._started_once = False

    def start(self) -> None:
        """Launch every instance in the background and return at once; convert() waits for a warm one."""
        if self._custom_argv is None and not self.uno_python:  # raises UnoPythonMissing, naming the fix
            self.uno_python = str(find_uno_python(default_data_dir(), os.environ.get("TRIPARTITO_UNO_PYTHON")))
        if self._custom_argv is None and not Path(self.uno_python).exists():
            raise ConversionFailed(f"{self.uno_python} is missing: see `tripartito converters check`")
        with self._cond:
            if self._running:
                return
            self._home = _pool_home(self.workdir)
            self._running = self._started_once = True
            self._slots = [Slot(i) for i in range(self.size)]
            for slot in self._slots:
                self._boot(slot)
        atexit.register(self.stop)  # unoservers run in their own sessions: they would outlive us
        threading.Thread(target=self._supervise, name="converter-supervisor", daemon=True).start()

    def stop(self) -> None:
        """Stop every instance: SIGTERM to unoserver, then SIGKILL to whatever is left of its group."""
        atexit.unregister(self.stop)
        with self._cond:
            self._running = False
            victims = [s.process for s in self._slots if s.process] + list(self._retiring)
            for slot in self._slots:
                slot.state, slot.process = "stopped", None
                slot.generation += 1
            self._cond.notify_all()
        threads = [threading.Thread(target=victim.terminate, args=(3.0,)) for victim in victims]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if self._home is not None:  # only ever our own pool-<pid>-… folder, never workdir itself
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None

    def convert(self, docx: bytes, *, pdfa: bool = True, timeout: float | None = None) -> bytes:
        if not self._started_once:
            self.start()  # lazily (CLI); after stop() we refuse rather than resurrect processes
        return self._convert(docx, pdfa, timeout)

    def ping(self) -> dict[str, Any]:
        with self._cond:
            rows = [(slot, slot.process) for slot in self._slots]
            instances = [
                {"index": s.index, "state": s.state, "pid": p.pid if p else None, "port": s.port,
                 "conversions": s.total, "since_restart": s.conversions, "restarts": s.restarts}
                for s, p in rows
            ]  # fmt: skip
            report = self._report("local", instances)
        for row, (_, process) in zip(instances, rows, strict=True):  # /proc reads outside the lock
            row["rss_mb"] = round(process.rss_mb(), 1) if process else None
        return report

    def _timed_out(self, slot: Slot) -> None:
        log.warning("converter %s timed out: killing its process group and restarting it", slot.index)
        self._restart(slot, hard=True)

    def _broken(self, slot: Slot) -> None:
        log.warning("converter %s crashed: replacing it", slot.index)
        self._restart(slot, hard=True)

    def _healthy(self, process: ServerProcess | None) -> bool:
        return process is not None and process.office_alive()

    def _converted(self, slot: Slot, process: ServerProcess | None) -> None:
        too_big = process is not None and process.rss_mb() > self.max_rss_mb
        self._release(slot, converted=True)
        if too_big or slot.conversions >= self.max_conversions:
            log.info("recycling converter %s (%s conversions, too big: %s)", slot.index, slot.conversions, too_big)
            self._restart(slot, hard=False, only_if_ready=True)  # slow leaks and fragmentation

    def _restart(self, slot: Slot, hard: bool, only_if_ready: bool = False) -> None:
        with self._cond:
            if only_if_ready and slot.state != "ready":
                return  # another caller took it meanwhile; it is recycled after that conversion
            old, slot.process = slot.process, None
            slot.restarts += 1
            if old is not None and not hard:
                self._retiring.add(old)  # graceful stop in the background; stop() still sees it
                threading.Thread(target=self._retire, args=(old,), daemon=True).start()
            if self._running:
                self._boot(slot)
        if old is not None and hard:
            old.kill()  # hung or crashed: SIGKILL the whole group at once, nothing to save

    def _retire(self, process: ServerProcess) -> None:
        process.terminate()
        with self._cond:
            self._retiring.discard(process)

    def _boot(self, slot: Slot) -> None:
        """Mark the slot starting and launch it from a background thread (lock held)."""
        slot.state, slot.conversions = "starting", 0
        slot.generation += 1
        threading.Thread(
            target=self._launch, args=(slot, slot.generation), name=f"converter-{slot.index}", daemon=True
        ).start()

    def _current(self, slot: Slot, generation: int) -> bool:
        return self._running and slot.generation == generation

    def _launch(self, slot: Slot, generation: int) -> None:
        delay = 1.0
        while self._launch_once(slot, generation) is False:
            log.error("converter %s did not start; retrying in %.0f s (logs in %s)", slot.index, delay, self._home)
            time.sleep(delay)  # back off instead of spinning
            delay = min(delay * 2, 30.0)

    def _launch_once(self, slot: Slot, generation: int) -> bool | None:
        """True: warm and ready; False: failed, try again; None: obsolete (pool stopped or slot restarted)."""
        port, uno_port, home = free_port(), free_port(), self._home
        if home is None or not self._current(slot, generation):
            return None
        try:  # a fresh profile per boot: a retiring LibreOffice may still be writing to its old one
            profile = write_hardened_profile(home / f"profile-{slot.index}-{generation}")
            argv = (self._custom_argv or self._unoserver_argv)(port, uno_port, profile)
            with self._cond:  # created under the lock so that stop() always sees it
                if not self._current(slot, generation):
                    shutil.rmtree(profile, ignore_errors=True)
                    return None
                log_path = home / f"unoserver-{slot.index}.log"
                process = slot.process = ServerProcess(argv, port, log_path, profile)
                slot.port = port
        except OSError:
            if not self._current(slot, generation):
                return None  # stop() removed the pool folder under us
            log.exception("converter %s could not be launched", slot.index)
            return False
        if process.wait_ready(time.monotonic() + self.startup_timeout):
            with self._cond:
                if self._current(slot, generation):
                    slot.state = "ready"
                    self._cond.notify_all()
                    return True
        process.kill()
        return False if self._current(slot, generation) else None

    def _unoserver_argv(self, port: int, uno_port: int, profile: Path) -> list[str]:
        return unoserver_argv(self.uno_python, port, uno_port, profile)

    def _supervise(self) -> None:
        """Replace instances whose process died while idle (busy ones are handled by their caller)."""
        while self._running:
            time.sleep(0.5)
            with self._cond:
                dead = [s for s in self._slots if s.state == "ready" and s.process and not s.process.alive()]
                for slot in dead:
                    slot.state = "busy"  # claim it so that no caller picks it before the restart
            for slot in dead:
                self._restart(slot, hard=True)


def _pool_home(workdir: Path) -> Path:
    """``workdir/pool-<pid>-<random>``, so pools of several processes never share a folder; folders of
    pools whose process is gone (a killed app) are removed on the way."""
    workdir.mkdir(parents=True, exist_ok=True)
    for old in workdir.glob("pool-*-*"):
        pid = old.name.split("-")[1]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            kill_groups_mentioning(str(old))  # its unoservers, if its process died without stop()
            shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"pool-{os.getpid()}-", dir=workdir))
