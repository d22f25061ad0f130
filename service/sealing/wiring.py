"""Which sealing key the configuration names: PKCS#11 token, PKCS#12 file, or the demo authority."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from service.sealing.authority import create_demo_authority, demo_paths
from service.sealing.keys import KeySealer, load_pkcs11, load_pkcs12, load_trust_roots


def sealer_from_config(config: Mapping[str, Any]) -> KeySealer:
    """The process's sealer for this configuration: loaded once and shared by every app the process makes (the
    key files are named in the cache key with their modification times, so a replaced key is loaded again)."""
    names = ("SIGNING_TRUST_ROOTS", "TSA_URL", "SIGNING_PKCS11_MODULE", "SIGNING_PKCS11_TOKEN",
             "SIGNING_PKCS11_PIN_FILE", "SIGNING_PKCS11_KEY_LABEL", "SIGNING_PKCS11_CERT_LABEL", "SIGNING_KEY",
             "SIGNING_PASSPHRASE_FILE", "DATA_DIR")
    settings = tuple((name, str(config.get(name) or "")) for name in names)
    files = (config.get("SIGNING_KEY"), config.get("SIGNING_TRUST_ROOTS"),
             demo_paths(Path(config["DATA_DIR"]))[0] if config.get("DATA_DIR") else None)
    return _cached(settings, tuple(_mtime(path) for path in files))


def _mtime(path: str | Path | None) -> float | None:
    try:
        return Path(path).stat().st_mtime if path else None
    except OSError:
        return None


@functools.lru_cache(maxsize=8)
def _cached(settings: tuple[tuple[str, str], ...], _mtimes: tuple[float | None, ...]) -> KeySealer:
    return _load(dict(settings))


def _load(config: Mapping[str, Any]) -> KeySealer:
    roots = load_trust_roots(config["SIGNING_TRUST_ROOTS"]) if config.get("SIGNING_TRUST_ROOTS") else None
    tsa_url = config.get("TSA_URL") or None
    if config.get("SIGNING_PKCS11_MODULE"):
        signer = load_pkcs11(config["SIGNING_PKCS11_MODULE"], config.get("SIGNING_PKCS11_TOKEN") or "",
                             config.get("SIGNING_PKCS11_PIN_FILE") or "", config.get("SIGNING_PKCS11_KEY_LABEL") or "",
                             config.get("SIGNING_PKCS11_CERT_LABEL"))
        return KeySealer(signer, tsa_url=tsa_url, trust_roots=roots, source="pkcs11")
    if config.get("SIGNING_KEY"):
        signer = load_pkcs12(config["SIGNING_KEY"], config.get("SIGNING_PASSPHRASE_FILE"))
        return KeySealer(signer, tsa_url=tsa_url, trust_roots=roots, source="pkcs12")
    data_dir = Path(config["DATA_DIR"])
    create_demo_authority(data_dir, datetime.now(UTC))  # once: a fresh installation seals with a DEMO seal
    key_path, passphrase_path = demo_paths(data_dir)
    return KeySealer(load_pkcs12(key_path, passphrase_path), tsa_url=tsa_url, trust_roots=roots, source="demo",
                     demo=True)
