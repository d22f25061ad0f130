"""The demo sealing authority `tripartito init` creates when no key is configured: a root and a seal certificate
whose subjects say DEMO, as a PKCS#12 file with its passphrase file in the data folder. Replace it with a real one
by setting TRIPARTITO_SIGNING_KEY and TRIPARTITO_SIGNING_PASSPHRASE_FILE (see the README)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

FOLDER = "seal"
KEY_FILE = "demo-seal.p12"
PASSPHRASE_FILE = "demo-seal.passphrase"  # noqa: S105 - a file name; the passphrase is random
ROOT_FILE = "demo-root.pem"


def demo_paths(data_dir: Path) -> tuple[Path, Path]:
    """The demo PKCS#12 file and its passphrase file."""
    folder = data_dir / FOLDER
    return folder / KEY_FILE, folder / PASSPHRASE_FILE


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "SV"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Equipo Tripartito CRM (DEMO)"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def create_demo_authority(data_dir: Path, now: datetime) -> Path:
    """Create (once) the demo root and seal certificate; returns the PKCS#12 path."""
    key_path, passphrase_path = demo_paths(data_dir)
    if key_path.exists() and passphrase_path.exists():
        return key_path
    key_path.parent.mkdir(parents=True, exist_ok=True)
    root_key, seal_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    root_name = _name("DEMO Tripartito root - not for official use")
    start = now - timedelta(days=1)
    root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name)
            .public_key(root_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(start + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .sign(root_key, hashes.SHA256()))
    seal = (x509.CertificateBuilder().subject_name(_name("DEMO seal of the Equipo Tripartito"))
            .issuer_name(root_name).public_key(seal_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(start).not_valid_after(start + timedelta(days=1825))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_cert_sign=False,
                                         crl_sign=False, key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False, decipher_only=False),
                           critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
            .sign(root_key, hashes.SHA256()))
    passphrase = secrets.token_urlsafe(24)
    blob = pkcs12.serialize_key_and_certificates(
        b"tripartito-demo-seal", seal_key, seal, [root],
        serialization.BestAvailableEncryption(passphrase.encode()))
    for path, content in ((passphrase_path, passphrase.encode()), (key_path, blob),
                          (key_path.parent / ROOT_FILE, root.public_bytes(serialization.Encoding.PEM))):
        path.write_bytes(content)
        path.chmod(0o600 if path != key_path.parent / ROOT_FILE else 0o644)
    return key_path
