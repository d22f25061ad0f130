"""Which sealing key the configuration names: PKCS#11 token, PKCS#12 file, or the demo authority."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from service.sealing.authority import create_demo_authority, demo_paths
from service.sealing.keys import KeySealer, load_pkcs11, load_pkcs12, load_trust_roots


def sealer_from_config(config: Mapping[str, Any]) -> KeySealer:
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
