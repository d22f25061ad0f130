"""A converter pool started at its first conversion: a command that may find every document unchanged (the GRCM
package) then answers without waiting seconds for LibreOffice to start."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from service.conversion.protocol import PdfConverter


class StartedOnFirstUse:
    """Wraps `make()` (an unstarted pool of `size` converters); starts it once, when the first document needs it."""

    def __init__(self, make: Callable[[], PdfConverter], *, size: int) -> None:
        self._make, self.size = make, size
        self._pool: PdfConverter | None = None
        self._lock = threading.Lock()

    @property
    def started(self) -> bool:
        return self._pool is not None

    def convert(self, docx: bytes, *, pdfa: bool = True, timeout: float | None = None) -> bytes:
        with self._lock:  # the package's threads ask at once: one pool, started once
            if self._pool is None:
                pool = self._make()
                pool.start()
                self._pool = pool
        return self._pool.convert(docx, pdfa=pdfa, timeout=timeout)

    def ping(self) -> dict[str, Any]:
        return self._pool.ping() if self._pool is not None else {"ok": True, "kind": "on-demand", "state": "idle"}

    def start(self) -> None:
        """Nothing yet: the first conversion starts the pool."""

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.stop()
