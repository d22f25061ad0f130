"""The converter the configuration asks for: local supervised LibreOffices (``auto``) or remote unoservers."""

from __future__ import annotations

from pathlib import Path

from service.conversion.addresses import check_converter_addresses
from service.conversion.local import LocalConverterPool
from service.conversion.protocol import PdfConverter
from service.conversion.remote import RemoteConverterPool, parse_addresses


def pool_from_config(converters: str, timeout: float, workdir: Path, *, allow_public: bool = False,
                     uno_python: str | None = None) -> PdfConverter:
    """``"auto"`` -> a LocalConverterPool of CPU-count instances; else a RemoteConverterPool of private hosts.

    A public converter address raises ``PublicConverterAddress`` unless ``allow_public`` (unoserver has no
    authentication of its own).
    """
    if converters.strip().lower() == "auto":
        return LocalConverterPool(timeout=timeout, workdir=workdir, uno_python=uno_python)
    addresses = parse_addresses(converters)
    check_converter_addresses(addresses, allow_public=allow_public)
    return RemoteConverterPool(addresses, timeout=timeout)
