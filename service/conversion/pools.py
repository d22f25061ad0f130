"""The converter the configuration asks for: local supervised LibreOffices (``auto``) or remote unoservers."""

from __future__ import annotations

from pathlib import Path

from service.conversion.local import LocalConverterPool
from service.conversion.protocol import PdfConverter
from service.conversion.remote import RemoteConverterPool, parse_addresses


def pool_from_config(converters: str, timeout: float, workdir: Path) -> PdfConverter:
    """``"auto"`` -> a LocalConverterPool of CPU-count instances; else a RemoteConverterPool."""
    if converters.strip().lower() == "auto":
        return LocalConverterPool(timeout=timeout, workdir=workdir)
    return RemoteConverterPool(parse_addresses(converters), timeout=timeout)
