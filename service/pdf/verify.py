"""Checking the seal of a PDF someone holds: pure over bytes and the trusted roots, run in the sandbox child.

`inspect_seal(pdf, trust_roots=[base64 DER, …])` answers plain JSON facts: whether the last signature is intact
(the signed bytes are unchanged), valid (intact and its certificate chains to a trusted root), whether it covers
the whole file (nothing appended after sealing but B-LT's revocation data), its signer, signing time and
timestamp, the reference written in the file's metadata (to name the document even when it was altered), and
problem codes the service words.
"""

from __future__ import annotations

import base64
import io
import re
from typing import Any

_REFERENCE = re.compile(r"ET-CRM/\d{4}/[A-Z]+-\d{3,}")


def inspect_seal(pdf: bytes, *, trust_roots: list[str], max_pages: int = 1000) -> dict[str, Any]:
    """The facts about the seal of `pdf`; a file of more than `max_pages` pages is not read further."""
    from asn1crypto import x509
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    facts: dict[str, Any] = {"signed": False, "intact": False, "valid": False, "entire_file": False,
                             "signer": None, "signed_at": None, "timestamped": False, "reference": None,
                             "problems": []}
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        facts["reference"] = _reference(reader)
        if int(reader.root["/Pages"].get("/Count", 0)) > max_pages:
            return {**facts, "problems": ["too-many-pages"]}
        signatures = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as error:
        return {**facts, "problems": ["unreadable"], "detail": str(error)[:200]}
    if not signatures:
        return {**facts, "problems": ["not-signed"]}
    roots = [x509.Certificate.load(base64.b64decode(root)) for root in trust_roots]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    facts["signed"] = True
    try:
        status = validate_pdf_signature(signatures[-1], signer_validation_context=context,
                                        ts_validation_context=context)
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError) as error:
        return {**facts, "problems": ["invalid-signature"], "detail": str(error)[:200]}
    facts.update(
        intact=bool(status.intact), valid=bool(status.intact and status.valid and status.trusted),
        # B-LT appends the revocation data (DSS) after the signature: that update alone is allowed
        entire_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
            status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
            and status.modification_level is not None
            and status.modification_level <= ModificationLevel.LTA_UPDATES),
        signer=status.signing_cert.subject.human_friendly,
        signed_at=status.signer_reported_dt.isoformat() if status.signer_reported_dt else None,
        timestamped=status.timestamp_validity is not None,
    )
    if status.timestamp_validity is not None:
        facts["signed_at"] = status.timestamp_validity.timestamp.isoformat()  # the TSA's time beats the signer's
    if not status.intact:
        facts["problems"].append("altered")
    elif not status.trusted:
        facts["problems"].append("untrusted")
    elif not status.valid:
        facts["problems"].append("invalid-signature")
    if status.intact and not facts["entire_file"]:
        facts["problems"].append("modified-after-seal")
    return facts


def _reference(reader: Any) -> str | None:
    """The reference LibreOffice copied from the Word properties (title / keywords) into the document info."""
    info = reader.trailer_view.get("/Info")
    if info is None:
        return None
    info = info.get_object()
    for key in ("/Keywords", "/Title"):
        found = _REFERENCE.search(str(info.get(key, "")))
        if found:
            return found.group(0)
    return None
