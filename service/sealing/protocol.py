"""What issuing and verification ask of the sealing key, whatever holds it (PKCS#12 file, PKCS#11 token)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from service.pdf.seal import Sealed


@runtime_checkable
class Sealer(Protocol):
    def seal(self, pdf: bytes) -> Sealed: ...

    def trust_roots(self) -> list[bytes]:
        """DER certificates a seal must chain to, to count as ours."""
        ...

    def ping(self) -> dict: ...
