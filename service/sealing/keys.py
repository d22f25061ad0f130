"""The sealing key from configuration, never code: a PKCS#12 file (TRIPARTITO_SIGNING_KEY with
TRIPARTITO_SIGNING_PASSPHRASE_FILE), else the demo authority in the data folder; TRIPARTITO_TSA_URL adds an
RFC 3161 timestamp (PAdES B-T); a seal certificate naming an OCSP responder or CRL gets its revocation
information embedded (B-LT)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pyhanko.sign import signers
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko_certvalidator import ValidationContext

from service.pdf.seal import Sealed, seal_pdf


class SealingKeyError(Exception):
    """The configured sealing key cannot be used (missing file, wrong passphrase); names the setting."""


def _self_signed(cert: asn1_x509.Certificate) -> bool:
    return cert.self_signed != "no"


REVOCATION_REUSE_SECONDS = 600  # B-LT: the OCSP/CRL answers fetched once are embedded for 10 minutes


class KeySealer:
    """Seals with a pyHanko signer; trusts the roots it was given, or the self-signed certificates of its chain.

    Made once per process (service/sealing/wiring.py): the key and its chain are loaded once, and for B-LT the
    validation context, with the revocation answers it fetched, is kept for REVOCATION_REUSE_SECONDS instead of
    asking the OCSP responder for every document. Seals are made one at a time: a PKCS#11 session and pyHanko's
    validation context are not for concurrent use, and a seal is tens of milliseconds beside seconds of conversion.
    """

    def __init__(self, signer: signers.Signer, *, tsa_url: str | None = None,
                 trust_roots: list[asn1_x509.Certificate] | None = None, source: str = "", demo: bool = False,
                 ) -> None:
        self.signer, self.tsa_url, self.source, self.demo = signer, tsa_url, source, demo
        chain = [signer.signing_cert, *(signer.cert_registry or [])]
        self.roots = trust_roots or [cert for cert in chain if _self_signed(cert)]
        self.timestamper = HTTPTimeStamper(tsa_url, timeout=10) if tsa_url else None
        cert = signer.signing_cert
        self.long_term = bool(cert.ocsp_urls or cert.crl_distribution_points)
        self._lock = threading.Lock()
        self._context: ValidationContext | None = None
        self._context_until = 0.0

    def seal(self, pdf: bytes) -> Sealed:
        with self._lock:
            return seal_pdf(pdf, self.signer, timestamper=self.timestamper, validation_context=self._revocation())

    def _revocation(self) -> ValidationContext | None:
        """B-LT: a context that fetches the seal certificate's OCSP/CRL answers (kept a while, then renewed)."""
        if not self.long_term:
            return None
        if self._context is None or time.monotonic() >= self._context_until:
            self._context = ValidationContext(trust_roots=self.roots, allow_fetching=True,
                                              other_certs=list(self.signer.cert_registry or []))
            self._context_until = time.monotonic() + REVOCATION_REUSE_SECONDS
        return self._context

    def trust_roots(self) -> list[bytes]:
        return [cert.dump() for cert in self.roots]

    def ping(self) -> dict:
        cert = self.signer.signing_cert
        return {"ok": True, "signer": cert.subject.human_friendly, "demo": self.demo, "source": self.source,
                "expires": cert.not_valid_after.isoformat(), "timestamps": self.tsa_url or None}


def load_pkcs12(key_file: str | Path, passphrase_file: str | Path | None) -> signers.SimpleSigner:
    try:
        passphrase = Path(passphrase_file).read_bytes().strip() if passphrase_file else None
        signer = signers.SimpleSigner.load_pkcs12_data(Path(key_file).read_bytes(), other_certs=[],
                                                       passphrase=passphrase)
    except (OSError, ValueError) as error:
        raise SealingKeyError(f"TRIPARTITO_SIGNING_KEY {key_file}: {error}") from error
    return signer


def load_pkcs11(module: str, token: str, pin_file: str | Path, key_label: str,
                cert_label: str | None = None) -> signers.Signer:
    """A signer whose key never leaves the token: pyHanko asks the token to sign each digest."""
    from pyhanko.config.pkcs11 import TokenCriteria  # python-pkcs11 loads only on this path
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    try:
        session = open_pkcs11_session(module, token_criteria=TokenCriteria(label=token),
                                      user_pin=Path(pin_file).read_text().strip())
        # Raw mechanism: pyHanko hashes, the token only signs the digest; tokens such as SoftHSM2 have no
        # combined ECDSA-with-SHA-256 mechanism, and every token has the raw one.
        return PKCS11Signer(session, key_label=key_label, cert_label=cert_label or key_label,
                            use_raw_mechanism=True)
    except Exception as error:  # the token's library raises its own exception types
        raise SealingKeyError(f"TRIPARTITO_SIGNING_PKCS11_* ({module}, token {token!r}): {error}") from error


def load_trust_roots(pem_file: str | Path) -> list[asn1_x509.Certificate]:
    from asn1crypto import pem

    content = Path(pem_file).read_bytes()
    return [asn1_x509.Certificate.load(der) for _, _, der in pem.unarmor(content, multiple=True)]
