"""What callers of a converter see: the ``PdfConverter`` Protocol and the errors a conversion may raise.

Issuing, /healthz and the error handlers depend on this module only; which pool sits behind it is wired in
``create_app`` (see ``service.conversion.pools``).
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class PdfConverter(Protocol):
    """DOCX bytes in, PDF bytes out; raises ConverterBusy, ConversionTimeout or ConversionFailed."""

    def convert(self, docx: bytes, *, pdfa: bool = True, timeout: float | None = None) -> bytes: ...
    def ping(self) -> dict[str, Any]: ...  # JSON-able: ok, kind, state, instances, conversions, restarts, queue
    def start(self) -> None: ...
    def stop(self) -> None: ...


class ConverterBusy(Exception):
    """Every converter is busy and the waiting queue is full: answer 503 with ``Retry-After``."""

    def __init__(self, message: str, retry_after: int = 5) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ConversionFailed(Exception):
    """The document could not be converted (broken input, stopped pool, or a converter failed twice)."""


class ConversionTimeout(ConversionFailed):
    """A conversion took longer than the timeout; a local LibreOffice was killed and is being restarted."""
