"""The bounded waiting room every pool shares: slots that convert one document at a time, retries, reports."""

from __future__ import annotations

import threading
import time
import xmlrpc.client
from typing import TYPE_CHECKING, Any

from service.conversion.protocol import ConversionFailed, ConversionTimeout, ConverterBusy
from service.conversion.unoserver import BROKEN, PDFA_OPTIONS, rpc_convert

if TYPE_CHECKING:
    from service.conversion.process import ServerProcess


class Slot:
    """One converter (a local instance or a remote server); fields are guarded by the pool's lock."""

    def __init__(self, index: int, host: str = "127.0.0.1", port: int = 0) -> None:
        self.index, self.host, self.port = index, host, port
        self.state = "starting"  # starting | ready | busy | down | stopped
        self.conversions = 0  # since the last (re)start: drives recycling
        self.total = self.restarts = 0
        self.generation = 0  # bumped on every (re)boot so stale boot threads give up
        self.process: ServerProcess | None = None
        self.down_until = 0.0  # remote servers: skipped until then after a failure


class QueuedPool:
    """A bounded waiting room in front of slots that each convert one document at a time.

    Subclasses decide what a timeout, a crash and a success mean for a slot (restart, mark down, recycle).
    """

    def __init__(self, timeout: float, queue_limit: int, wait_timeout: float) -> None:
        self.timeout, self.queue_limit, self.wait_timeout = timeout, queue_limit, wait_timeout
        self._cond = threading.Condition()
        self._slots: list[Slot] = []
        self._waiting = 0
        self._running = False

    def _convert(self, docx: bytes, pdfa: bool, timeout: float | None) -> bytes:
        options, limit = (PDFA_OPTIONS if pdfa else ()), timeout or self.timeout
        for attempt in (1, 2):
            slot = self._acquire()
            process = slot.process
            try:
                pdf = rpc_convert(slot.host, slot.port, docx, options, limit)
            except TimeoutError as exc:
                self._timed_out(slot)
                raise ConversionTimeout(f"conversion on converter {slot.index} exceeded {limit:g} s") from exc
            except (*BROKEN, xmlrpc.client.Fault, RuntimeError) as exc:
                if not isinstance(exc, BROKEN) and self._healthy(process):
                    self._release(slot, converted=False)  # the converter is fine: the document is the problem
                    raise ConversionFailed(f"LibreOffice could not convert the document: {exc}") from exc
                self._broken(slot)  # crashed or unreachable: replace or skip it, and try once more
                if attempt == 2:
                    raise self._failed_twice(exc) from exc
                continue
            self._converted(slot, process)
            return pdf
        raise AssertionError("unreachable")

    def _timed_out(self, slot: Slot) -> None:
        raise NotImplementedError

    def _broken(self, slot: Slot) -> None:
        raise NotImplementedError

    def _healthy(self, process: ServerProcess | None) -> bool:
        return True

    def _failed_twice(self, error: Exception) -> Exception:
        return ConversionFailed(f"converter failed twice: {error}")

    def _converted(self, slot: Slot, process: ServerProcess | None) -> None:
        self._release(slot, converted=True)

    def _acquire(self) -> Slot:
        deadline = time.monotonic() + self.wait_timeout
        with self._cond:
            slot = self._pick()
            if slot:
                return slot
            if self._waiting >= self.queue_limit:  # fail fast: the API answers 503 + Retry-After
                raise ConverterBusy(f"all converters busy and {self._waiting} requests waiting")
            self._waiting += 1
            try:
                while (remaining := deadline - time.monotonic()) > 0:
                    self._cond.wait(min(remaining, 1.0))  # wake up now and then: "down" slots come back
                    slot = self._pick()
                    if slot:
                        return slot
                raise ConverterBusy(f"no converter free within {self.wait_timeout:.0f} s")
            finally:
                self._waiting -= 1

    def _pick(self) -> Slot | None:
        if not self._running:
            raise ConversionFailed("the converter pool is stopped")
        for slot in self._candidates():
            if slot.state == "ready" or (slot.state == "down" and slot.down_until <= time.monotonic()):
                slot.state = "busy"
                return slot
        return None

    def _candidates(self) -> list[Slot]:
        return self._slots

    def _release(self, slot: Slot, converted: bool) -> None:
        with self._cond:
            if converted:
                slot.conversions += 1
                slot.total += 1
            if slot.state == "busy":
                slot.state = "ready"
            self._cond.notify()

    def _report(self, kind: str, instances: list[dict[str, Any]]) -> dict[str, Any]:
        up = sum(1 for row in instances if row["state"] in ("ready", "busy"))
        state = ("ready" if up == len(instances) else "degraded" if up else "starting") if self._running else "stopped"
        return {
            "ok": state in ("ready", "degraded"),  # at least one converter answers (what /healthz needs)
            "kind": kind, "state": state, "size": len(instances),
            "up": up, "busy": sum(1 for row in instances if row["state"] == "busy"),
            "queue": self._waiting, "queue_limit": self.queue_limit,
            "conversions": sum(s.total for s in self._slots),
            "restarts": sum(s.restarts for s in self._slots), "instances": instances,
        }  # fmt: skip
