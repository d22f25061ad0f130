"""Talking to converters: the errors, the bounded queue every pool shares, unoserver's XML-RPC calls, and
``RemoteConverterPool`` (unoservers started elsewhere; nothing to supervise). The local, supervised pool
builds on this in ``convert.py``; its processes live in ``lo_profile.py``.
"""

from __future__ import annotations

import http.client
import threading
import time
import xmlrpc.client
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from service.documents.lo_profile import ServerProcess

API_VERSION = "3"  # unoserver's XML-RPC API; 3.x clients and servers speak it
PDFA_OPTIONS = ("SelectPdfVersion=2",)  # PDF/A-2b (see shared/TOOLCHAIN.md)
# Only the Word import filter: bytes that are really RTF, HTML, ODT... must not reach another import filter.
DOCX_FILTER = "MS Word 2007 XML"
BROKEN = (OSError, http.client.HTTPException, xmlrpc.client.ProtocolError)  # transport-level failures


class ConverterBusy(Exception):
    """Every converter is busy and the waiting queue is full: answer 503 with ``Retry-After``."""

    def __init__(self, message: str, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ConversionFailed(Exception):
    """The document could not be converted (broken input, stopped pool, or a converter failed twice)."""


class ConversionTimeout(ConversionFailed):
    """A conversion took longer than the timeout; a local LibreOffice was killed and is being restarted."""


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


class _TimeoutTransport(xmlrpc.client.Transport):
    """xmlrpc's default transport has no timeout: a hung LibreOffice would block the caller forever."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self._timeout = timeout

    def make_connection(self, host):  # type: ignore[no-untyped-def]
        conn = super().make_connection(host)
        conn.timeout = self._timeout
        return conn


def _proxy(host: str, port: int, timeout: float) -> xmlrpc.client.ServerProxy:
    return xmlrpc.client.ServerProxy(
        f"http://{host}:{port}", transport=_TimeoutTransport(timeout), allow_none=True
    )


def rpc_info(host: str, port: int, timeout: float = 2.0) -> dict:
    """unoserver's ``info`` call; raises OSError/xmlrpc errors when the server is not answering."""
    with _proxy(host, port, timeout) as proxy:
        info = proxy.info()
    if info.get("api") != API_VERSION:
        raise RuntimeError(f"unoserver at {host}:{port} speaks API {info.get('api')}, need {API_VERSION}")
    return {"unoserver": info.get("unoserver"), "libreoffice": info.get("libreoffice_version")}


def rpc_convert(host: str, port: int, docx: bytes, options: Sequence[str], timeout: float) -> bytes:
    """One DOCX -> PDF conversion on one unoserver.

    We call XML-RPC ourselves instead of ``UnoClient.convert``: that one has no timeout, asks ``info``
    before every call and silently retries a dead server for ~50 s.
    """
    with _proxy(host, port, timeout) as proxy:
        result = proxy.convert(
            None, xmlrpc.client.Binary(docx), None, "pdf", None, list(options), True, DOCX_FILTER, None
        )
    data = result.data if isinstance(result, xmlrpc.client.Binary) else b""
    if not data.startswith(b"%PDF"):
        raise RuntimeError("unoserver returned no PDF")
    return data


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
