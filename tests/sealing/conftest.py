"""A real test PKI on loopback: certomancer's Animator (OCSP responder, CRLs, RFC 3161 time-stamping authority)
served by werkzeug in a thread of the test process; keys are generated for the session, never checked in."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from asn1crypto import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

HERE = Path(__file__).parent
KEYS = ("root", "interm", "interm-ocsp", "tsa", "seal")


@dataclass(frozen=True)
class TestPki:
    url: str
    tsa_url: str
    root: x509.Certificate
    pkcs12: Path         # the seal certificate with its chain
    revoked_pkcs12: Path  # a seal certificate the OCSP responder says is revoked
    passphrase_file: Path
    roots_pem: Path


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestPki]:
    from certomancer.integrations.animator import Animator, AnimatorArchStore
    from certomancer.registry import ArchLabel, CertLabel, CertomancerConfig
    from werkzeug.serving import make_server

    folder = tmp_path_factory.mktemp("pki")
    for name in KEYS:
        key = ec.generate_private_key(ec.SECP256R1())
        (folder / f"{name}.key.pem").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    server = make_server("127.0.0.1", 0, lambda environ, start: app(environ, start), threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    config = CertomancerConfig.from_yaml((HERE / "pki.yml").read_text(), key_search_dir=str(folder),
                                         external_url_prefix=url)
    arch = config.get_pki_arch(ArchLabel("tripartito"))
    app = Animator(AnimatorArchStore(config.pki_archs), with_web_ui=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    passphrase = b"test passphrase"
    (folder / "passphrase").write_bytes(passphrase + b"\n")
    for label, name in (("seal", "seal.p12"), ("revoked", "revoked.p12")):
        (folder / name).write_bytes(arch.package_pkcs12(CertLabel(label), password=passphrase))
    root = arch.get_cert(CertLabel("root"))
    from asn1crypto import pem

    (folder / "roots.pem").write_bytes(pem.armor("CERTIFICATE", root.dump()))
    try:
        yield TestPki(url=url, tsa_url=f"{url}/tripartito/tsa/tsa", root=root, pkcs12=folder / "seal.p12",
                      revoked_pkcs12=folder / "revoked.p12", passphrase_file=folder / "passphrase",
                      roots_pem=folder / "roots.pem")
    finally:
        server.shutdown()
        thread.join(timeout=5)
