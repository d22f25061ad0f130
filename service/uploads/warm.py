"""A warm sandbox: `sandbox.call`'s limits, in a long-lived child that has already imported the parser.

`sandbox.call` starts a fresh interpreter per file, which costs seconds when the parser is a large library
(pyHanko). Here one child (`python -m service.uploads.warm TARGET`) imports the target once and then answers
files one after another over its pipes: a JSON header line and the bytes in, a JSON line out. It runs under the
memory limit from the start and is replaced after a few files (the CPU limit is counted per process), or at once
when a file makes it run out of time (killed), memory or stack.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import os
import select
import signal
import subprocess
import sys
import threading
from typing import Any

from service.uploads.sandbox import ROOT, Limits, SandboxRefused, _limiter

FILES_PER_CHILD = 20


class WarmSandbox:
    """`call(payload, **kwargs)` → `target(payload, **kwargs)` computed in the warm, limited child."""

    def __init__(self, target: str, *, limits: Limits) -> None:
        if not target.startswith("service."):
            raise ValueError(f"not a service function: {target}")
        self.target, self.limits = target, limits
        self._lock = threading.Lock()  # one file at a time per child
        self._child: subprocess.Popen[bytes] | None = None
        self._served = 0
        atexit.register(self.stop)  # the child ends with the process that started it

    def _start(self) -> subprocess.Popen[bytes]:
        per_child = Limits(memory=self.limits.memory, cpu=self.limits.cpu * FILES_PER_CHILD, wall=self.limits.wall)
        self._served = 0
        return subprocess.Popen([sys.executable, "-m", "service.uploads.warm", self.target], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                                preexec_fn=_limiter(per_child), start_new_session=True)

    def _kill(self) -> None:
        if self._child is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._child.pid, signal.SIGKILL)
            self._child.wait()
            for stream in (self._child.stdin, self._child.stdout):
                if stream is not None:
                    stream.close()
            self._child = None

    def call(self, payload: bytes, **kwargs: Any) -> Any:
        with self._lock:
            if self._child is None or self._child.poll() is not None or self._served >= FILES_PER_CHILD:
                self._kill()
                self._child = self._start()
            child = self._child
            self._served += 1
            try:
                assert child.stdin is not None
                assert child.stdout is not None
                child.stdin.write(json.dumps({"size": len(payload), "kwargs": kwargs}).encode() + b"\n" + payload)
                child.stdin.flush()
                ready, _, _ = select.select([child.stdout], [], [], self.limits.wall)
                line = child.stdout.readline() if ready else None
            except (BrokenPipeError, OSError):
                line = b""
            if line is None:
                self._kill()
                raise SandboxRefused("time", f"longer than {self.limits.wall:g} s")
            try:
                answer = json.loads(line)
            except ValueError:
                self._kill()  # died (memory, CPU limit, crash) before answering
                raise SandboxRefused("crashed", "the parser died") from None
            if "ok" in answer:
                return answer["ok"]
            self._kill()
            raise SandboxRefused(answer.get("refused", "crashed"), answer.get("detail", ""))

    def stop(self) -> None:
        with self._lock:
            self._kill()


def _serve(target: str) -> None:
    module, name = target.split(":")
    function = getattr(importlib.import_module(module), name)
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while header := source.readline():
        request = json.loads(header)
        payload = source.read(request["size"])
        try:
            answer: dict[str, Any] = {"ok": function(payload, **request["kwargs"])}
        except MemoryError:
            answer = {"refused": "memory", "detail": "memory limit"}
        except RecursionError:
            answer = {"refused": "crashed", "detail": "nested too deeply"}
        sink.write(json.dumps(answer).encode() + b"\n")
        sink.flush()


if __name__ == "__main__":
    _serve(sys.argv[1])
