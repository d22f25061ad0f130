"""Sealing a finished PDF/A: an invisible PAdES signature appended as an incremental update.

Pure over bytes and a pyHanko signer: no configuration, no database. The incremental update leaves the original
bytes (and so the XMP PDF/A identification) untouched. With a time-stamping client the seal is PAdES B-T; with a
validation context that can fetch revocation data, the certificates and OCSP/CRL answers are embedded (B-LT).
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from datetime import datetime

from pyhanko.pdf_utils.generic import parse_pdf_date
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.signers import constants
from pyhanko.sign.signers.pdf_signer import DSSContentSettings, SigDSSPlacementPreference
from pyhanko.sign.timestamps import TimeStamper
from pyhanko_certvalidator import ValidationContext

FIELD_NAME = "TripartitoSeal"
_SIGNED_AT = re.compile(rb"/M\s*\(D(?::|\\072)([0-9Z+\-']+)\)")  # pyHanko writes the colon as \072
_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")
RESERVED = 8192  # bytes of hex room for the CMS: the seal certificate and its chain (a few KiB)
RESERVED_WITH_TIMESTAMP = 16384  # plus the TSA's token with its own certificates


class _PdfA2Signer(signers.PdfSigner):
    """pyHanko's signer, declaring only the PAdES (ESIC) extension to PDF 1.7. For an EC key it would also
    declare ISO 32002, which sets the catalog's /Version to 2.0: a PDF/A-2 file is PDF 1.x (ISO 19005-2, 6.1.2),
    and PDF 1.7 readers verify ECDSA seals through ESIC anyway."""

    def register_extensions(self, pdf_out, *, md_algorithm: str) -> None:
        pdf_out.ensure_output_version(version=(1, 7))
        pdf_out.register_extension(constants.ESIC_EXTENSION_1)


class _MetadataKeepingWriter(IncrementalPdfFileWriter):
    """Appends the seal without touching the document information or the XMP metadata. pyHanko would append
    itself to the Info dictionary's /Producer but rewrite the XMP's pdf:Producer to itself alone; PDF/A requires
    the two to agree (ISO 19005-2, 6.6.3), and LibreOffice wrote them agreeing."""

    def _update_meta(self) -> None:
        """Nothing to update: the metadata stays as the converter wrote it."""


@dataclass(frozen=True)
class Sealed:
    """A sealed PDF and what the register keeps about its seal."""

    pdf: bytes
    signer: str        # the seal certificate's subject, as people read it
    signed_at: datetime  # the signing time inside the signature
    timestamped: bool  # an RFC 3161 timestamp from a time-stamping authority is embedded (B-T)
    sha256: str        # of the sealed file


def seal_pdf(pdf: bytes, signer: signers.Signer, *, timestamper: TimeStamper | None = None,
             validation_context: ValidationContext | None = None) -> Sealed:
    """Append the seal to `pdf`. `validation_context` (allowing fetching) embeds revocation information."""
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        embed_validation_info=validation_context is not None, validation_context=validation_context,
        use_pades_lta=False,
        # B-LT in the seal's own revision: a separate DSS revision would be written by pyHanko's own writer,
        # which rewrites the metadata (see _MetadataKeepingWriter), and one revision is simpler to check
        dss_settings=DSSContentSettings(include_vri=False,
                                        placement=SigDSSPlacementPreference.TOGETHER_WITH_SIGNATURE),
    )
    writer = _MetadataKeepingWriter(io.BytesIO(pdf), strict=False)
    # A fixed room for the signature saves pyHanko's trial signing (done to measure it): about half the time.
    reserved = RESERVED_WITH_TIMESTAMP if timestamper is not None else RESERVED
    out = _PdfA2Signer(meta, signer=signer, timestamper=timestamper).sign_pdf(writer, bytes_reserved=reserved)
    sealed = out.getvalue()
    return Sealed(pdf=sealed, signer=signer.signing_cert.subject.human_friendly, signed_at=signing_time(sealed),
                  timestamped=timestamper is not None, sha256=hashlib.sha256(sealed).hexdigest())


def signing_time(sealed: bytes) -> datetime:
    """The signing time of the last signature: PAdES keeps it in the signature dictionary's /M (not in the CMS).
    Read from that one object (re-reading the whole PDF with pyHanko cost a third of the sealing time)."""
    found = list(_BYTE_RANGE.finditer(sealed))[-1]
    hole_start, hole_end = int(found.group(2)), int(found.group(3))
    start = sealed.rfind(b" obj", 0, min(found.start(), hole_start))
    end = sealed.find(b"endobj", max(found.end(), hole_end))
    signature_object = sealed[start:hole_start] + sealed[hole_end:end]  # without the CMS hex string
    moment = _SIGNED_AT.search(signature_object)
    if moment is None:
        raise ValueError("the seal carries no signing time")
    return parse_pdf_date("D:" + moment.group(1).decode("ascii"))
