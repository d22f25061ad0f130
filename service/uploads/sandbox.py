"""Run untrusted-input work in a child process with memory, CPU and wall-time limits, never in the web worker.

`call("module:function", payload, ...)` runs a Python function over the payload bytes in a fresh interpreter
and returns its JSON-able result; `run(argv, ...)` runs a command (Ghostscript). A child that runs out of time or
memory, or dies, becomes a `SandboxRefused` with a problem code the caller words for people.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    memory: int = 768 * MiB   # address space (RLIMIT_AS) of the child
    cpu: int = 30             # seconds of CPU (RLIMIT_CPU)
    wall: float = 30.0        # seconds of wall time, then the child's process group is killed


class SandboxRefused(Exception):
    """The child did not finish within its limits. `problem`: time | memory | crashed."""

    def __init__(self, problem: str, detail: str = "") -> None:
        super().__init__(f"{problem} {detail}".strip())
        self.problem, self.detail = problem, detail


def _limiter(limits: Limits):
    def apply() -> None:  # in the child, before exec: only system calls, no locks
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory, limits.memory))
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu, limits.cpu + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def run(argv: list[str], *, limits: Limits, cwd: str | Path | None = None, stdin: bytes = b"") -> \
        subprocess.CompletedProcess[bytes]:
    """Run `argv` under `limits`; raises SandboxRefused('time') when the wall time runs out."""
    process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               cwd=cwd, preexec_fn=_limiter(limits), start_new_session=True)
    try:
        out, err = process.communicate(stdin, timeout=limits.wall)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise SandboxRefused("time", f"{Path(argv[0]).name} ran longer than {limits.wall:g} s") from None
    return subprocess.CompletedProcess(argv, process.returncode, out, err)


def call(target: str, payload: bytes, *, limits: Limits = Limits(), **kwargs: Any) -> Any:
    """The result of `target(payload, **kwargs)` ("package.module:function") computed in a limited child."""
    if not target.startswith("service."):
        raise ValueError(f"not a service function: {target}")
    done = run([sys.executable, "-m", "service.uploads.sandbox", target, json.dumps(kwargs)], limits=limits,
               cwd=ROOT, stdin=payload)
    try:
        answer = json.loads(done.stdout.decode("utf-8", "replace").strip().splitlines()[-1])
    except (ValueError, IndexError):
        answer = {}
    if "ok" in answer:
        return answer["ok"]
    if answer.get("refused"):
        raise SandboxRefused(answer["refused"], answer.get("detail", ""))
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise SandboxRefused("time", f"CPU limit ({limits.cpu} s)")
    raise SandboxRefused("crashed", f"exit {done.returncode}: {done.stderr.decode('utf-8', 'replace')[-300:]}")


def _main() -> None:
    target, kwargs = sys.argv[1], json.loads(sys.argv[2])
    module, name = target.split(":")
    payload = sys.stdin.buffer.read()
    try:
        result = getattr(importlib.import_module(module), name)(payload, **kwargs)
    except MemoryError:
        answer: dict[str, Any] = {"refused": "memory", "detail": "memory limit"}
    except RecursionError:
        answer = {"refused": "crashed", "detail": "nested too deeply"}
    else:
        answer = {"ok": result}
    sys.stdout.write("\n" + json.dumps(answer) + "\n")


if __name__ == "__main__":
    _main()
