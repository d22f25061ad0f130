"""The seal from a PKCS#11 token: a real SoftHSM2 token (Debian's softhsm2) holding the seal key and its
certificate, configured through TRIPARTITO_SIGNING_PKCS11_*; the key never leaves the token."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from service.pdf.verify import inspect_seal
from service.sealing.authority import create_demo_authority, demo_paths
from service.sealing.wiring import sealer_from_config
from tests.sealing.pdfs import pdfa_like

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
pytestmark = pytest.mark.skipif(not (Path(MODULE).exists() and shutil.which("softhsm2-util")),
                                reason="needs Debian's softhsm2 (scripts/bootstrap.sh installs it)")


@pytest.fixture(scope="module")
def token(tmp_path_factory) -> Iterator[dict[str, str]]:
    """A fresh SoftHSM2 token with the demo seal key (imported) and its certificate (created as an object)."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass

    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    (folder / "softhsm2.conf").write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    saved = os.environ.get("SOFTHSM2_CONF")
    os.environ["SOFTHSM2_CONF"] = str(folder / "softhsm2.conf")  # read when the module initialises
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "tripartito", "--pin", "4321",
                    "--so-pin", "87654321"], check=True, capture_output=True)
    create_demo_authority(folder, datetime.now(UTC))
    key_file, passphrase_file = demo_paths(folder)
    key, cert, chain = pkcs12.load_key_and_certificates(key_file.read_bytes(), passphrase_file.read_bytes())
    (folder / "seal.key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                            serialization.PrivateFormat.PKCS8,
                                                            serialization.NoEncryption()))
    subprocess.run(["softhsm2-util", "--import", str(folder / "seal.key.pem"), "--token", "tripartito",
                    "--label", "seal", "--id", "01", "--pin", "4321"], check=True, capture_output=True)
    lib = pkcs11.lib(MODULE)
    with lib.get_token(token_label="tripartito").open(user_pin="4321", rw=True) as session:
        for label, certificate, ident in (("seal", cert, b"\x01"), ("root", chain[0], b"\x02")):
            session.create_object({Attribute.CLASS: ObjectClass.CERTIFICATE,
                                   Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.TOKEN: True,
                                   Attribute.LABEL: label, Attribute.ID: ident,
                                   Attribute.SUBJECT: certificate.subject.public_bytes(),
                                   Attribute.VALUE: certificate.public_bytes(serialization.Encoding.DER)})
    (folder / "pin").write_text("4321\n")
    (folder / "roots.pem").write_bytes(chain[0].public_bytes(serialization.Encoding.PEM))
    yield {"SIGNING_PKCS11_MODULE": MODULE, "SIGNING_PKCS11_TOKEN": "tripartito",
           "SIGNING_PKCS11_PIN_FILE": str(folder / "pin"), "SIGNING_PKCS11_KEY_LABEL": "seal",
           "SIGNING_TRUST_ROOTS": str(folder / "roots.pem"), "DATA_DIR": str(folder / "data")}
    if saved is None:
        os.environ.pop("SOFTHSM2_CONF", None)
    else:
        os.environ["SOFTHSM2_CONF"] = saved


def test_a_pdf_sealed_by_the_token_verifies_against_its_root(token):
    sealer = sealer_from_config(token)

    sealed = sealer.seal(pdfa_like())

    assert sealer.ping()["source"] == "pkcs11"
    assert "DEMO seal" in sealed.signer
    import base64

    facts = inspect_seal(sealed.pdf, trust_roots=[base64.b64encode(der).decode() for der in sealer.trust_roots()])
    assert facts["valid"]
    assert facts["problems"] == []


def test_a_wrong_pin_is_a_configuration_error_naming_the_setting(token, tmp_path):
    from service.sealing.keys import SealingKeyError

    (tmp_path / "pin").write_text("0000")

    with pytest.raises(SealingKeyError, match="TRIPARTITO_SIGNING_PKCS11"):
        sealer_from_config({**token, "SIGNING_PKCS11_PIN_FILE": str(tmp_path / "pin")})
