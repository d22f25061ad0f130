"""``RemoteConverterPool``: unoservers started elsewhere (``TRIPARTITO_CONVERTERS=host:port,...``)."""

from __future__ import annotations

import time
import xmlrpc.client
from typing import Any

from service.conversion.protocol import ConverterBusy
from service.conversion.queue import QueuedPool, Slot
from service.conversion.unoserver import BROKEN, rpc_info


def parse_addresses(converters: str) -> list[tuple[str, int]]:
    """``"host:port,host:port"`` -> [(host, port), ...]; ValueError naming the bad entry."""
    addresses = []
    for entry in (part.strip() for part in converters.split(",")):
        host, sep, port = entry.rpartition(":")
        host = host.removeprefix("[").removesuffix("]")  # [::1]:2003
        if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(
                f"TRIPARTITO_CONVERTERS: {entry!r} is not host:port; expected 'auto' or a "
                "comma-separated list such as 'lo1.internal:2003,lo2.internal:2003'"
            )
        addresses.append((host, int(port)))
    return addresses



class RemoteConverterPool(QueuedPool):
    """Already-running unoservers elsewhere: round-robin over the healthy ones; no process management."""

    def __init__(self, addresses: list[tuple[str, int]], timeout: float = 60, queue_limit: int = 16) -> None:
        super().__init__(timeout, queue_limit, wait_timeout=2 * timeout)
        self.addresses = list(addresses)
        self._slots = [Slot(i, host, port) for i, (host, port) in enumerate(self.addresses)]
        self._next = 0

    def start(self) -> None:
        with self._cond:
            self._running = True
            for slot in self._slots:
                slot.state = "ready" if slot.state == "starting" else slot.state

    def stop(self) -> None:
        with self._cond:
            self._running = False
            self._cond.notify_all()

    def convert(self, docx: bytes, *, pdfa: bool = True, timeout: float | None = None) -> bytes:
        if not self._running:
            self.start()
        return self._convert(docx, pdfa, timeout)

    def _candidates(self) -> list[Slot]:
        self._next = (self._next + 1) % len(self._slots)
        return self._slots[self._next :] + self._slots[: self._next]

    def _pick(self) -> Slot | None:
        slot = super()._pick()
        if slot is None and self._none_left():
            raise ConverterBusy("no converter host answers", retry_after=5)  # 503 now, not after a long wait
        return slot

    def _none_left(self) -> bool:
        return all(s.state == "down" for s in self._slots)

    def _failed_twice(self, error: Exception) -> Exception:
        if self._none_left():  # every host is unreachable: "try later" (503), not "this document" (502)
            return ConverterBusy(f"no converter host answers ({error})", retry_after=5)
        return super()._failed_twice(error)

    def _timed_out(self, slot: Slot) -> None:
        self._mark_down(slot, 2 * self.timeout)  # its own --conversion-timeout should restart it

    def _broken(self, slot: Slot) -> None:
        self._mark_down(slot, 5.0)

    def _mark_down(self, slot: Slot, seconds: float) -> None:
        with self._cond:
            slot.state, slot.down_until = "down", time.monotonic() + seconds
            self._cond.notify()

    def ping(self) -> dict[str, Any]:
        with self._cond:
            idle = [s for s in self._slots if s.state != "busy"]  # unoserver answers one call at a time
        for slot in idle:
            try:
                rpc_info(slot.host, slot.port, timeout=2.0)
                healthy = True
            except (*BROKEN, xmlrpc.client.Error, RuntimeError):
                healthy = False
            with self._cond:
                if slot.state != "busy":
                    slot.state, slot.down_until = ("ready", 0.0) if healthy else ("down", time.monotonic() + 5)
        with self._cond:
            rows = [{"index": s.index, "address": f"{s.host}:{s.port}", "state": s.state,
                     "conversions": s.total, "restarts": 0} for s in self._slots]  # fmt: skip
            return self._report("remote", rows)
