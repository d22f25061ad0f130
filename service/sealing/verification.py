"""Verifying a PDF someone holds against its seal and the register: is it the file the team issued, unaltered,
and is it still the current version?

The file passes the upload gate (size, type, encryption, impossible stream lengths), then pyHanko reads it in the
sandbox child (a crafted PDF can make a parser loop or balloon); the register is looked up by the file's SHA-256
(the register keeps the sealed file's hash), and by the reference written in the file only to name what the
altered file claims to be.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from service.common.i18n import N_, Message
from service.documents.models import DocumentReference, IssuedDocument
from service.extensions import db
from service.uploads import gate, sandbox
from service.uploads.warm import WarmSandbox

MiB = 1024 * 1024
VERIFY_LIMITS = gate.Limits(max_bytes=15 * MiB)  # like every annex upload
MAX_PAGES = 1000  # far beyond any issued document (a dossier has tens): a bigger file is not ours
SANDBOX_LIMITS = sandbox.Limits(memory=768 * MiB, cpu=20, wall=20.0)
INSPECTOR = WarmSandbox("service.pdf.verify:inspect_seal", limits=SANDBOX_LIMITS)  # one per process, started lazily

PROBLEMS = {
    "unreadable": N_("The file cannot be read as a PDF."),
    "too-many-pages": N_("The file has more pages than any document the team issues; it was not read further."),
    "not-signed": N_("The file carries no seal."),
    "altered": N_("The file was altered after it was sealed: its content no longer matches the seal."),
    "modified-after-seal": N_("Something was added to the file after it was sealed."),
    "untrusted": N_("The seal was not made with the Equipo Tripartito's sealing key."),
    "invalid-signature": N_("The seal is broken or invalid."),
    "not-in-register": N_("This file is not in the register of issued documents."),
}


@dataclass
class Verdict:
    """What /verify answers, for the API and the page alike."""

    authentic: bool = False
    document: IssuedDocument | None = None  # the register entry the file is (or claims to be)
    state: str | None = None  # current | superseded | withdrawn
    superseded_by: IssuedDocument | None = None
    signature: dict[str, Any] = field(default_factory=lambda: {"valid": False, "signer": None, "signed_at": None,
                                                               "timestamped": False})
    problems: list[str] = field(default_factory=list)

    def messages(self) -> list[Message]:
        return [Message(PROBLEMS[code]) for code in self.problems]


def state_of(document: IssuedDocument) -> tuple[str, IssuedDocument | None]:
    """The register's state (current | superseded | withdrawn) and the newest version that replaced it."""
    latest, newer = None, document.successors
    while newer:  # name the newest version, not just the next one
        latest = max(newer, key=lambda version: version.version)
        newer = latest.successors
    return document.state, latest


def verify_pdf(content: bytes, *, trust_roots: list[bytes]) -> Verdict:
    """The verdict on `content`; raises the gate's TooLarge / UnsupportedType / UploadRefused for what is no PDF."""
    gate.check(content, accept=frozenset({gate.PDF}), limits=VERIFY_LIMITS,
               wrong_type=N_("Send the PDF itself (Content-Type: application/pdf)."))
    roots = [base64.b64encode(der).decode() for der in trust_roots]
    try:
        facts = INSPECTOR.call(content, trust_roots=roots, max_pages=MAX_PAGES)
    except sandbox.SandboxRefused:
        facts = {"problems": ["unreadable"], "reference": None}
    verdict = Verdict(problems=list(facts["problems"]))
    if facts.get("signed"):
        verdict.signature = {"valid": bool(facts["valid"] and facts["entire_file"]), "signer": facts["signer"],
                             "signed_at": datetime.fromisoformat(facts["signed_at"]) if facts["signed_at"] else None,
                             "timestamped": bool(facts["timestamped"])}
    sha256 = hashlib.sha256(content).hexdigest()
    registered = db.session.scalar(select(IssuedDocument).where(IssuedDocument.pdf_sha256 == sha256)
                                   .order_by(IssuedDocument.id).limit(1))
    verdict.document = registered or _claimed(facts.get("reference"))
    if registered is None and not verdict.problems:
        verdict.problems.append("not-in-register")
    if verdict.document is not None:
        verdict.state, verdict.superseded_by = state_of(verdict.document)
    verdict.authentic = registered is not None and verdict.signature["valid"] and not verdict.problems
    return verdict


def answer(verdict: Verdict) -> dict:
    """The verdict as the API and the page show it."""
    document, newer = verdict.document, verdict.superseded_by
    return {
        "authentic": verdict.authentic,
        "reference": document.reference if document else None, "kind": document.kind if document else None,
        "language": document.language if document else None, "version": document.version if document else None,
        "issued_at": document.issued_at if document else None, "state": verdict.state,
        "superseded_by": ({"reference": newer.reference, "version": newer.version, "issued_at": newer.issued_at}
                          if newer else None),
        "signature": verdict.signature,
        "problems": [{"code": code, "message": message} for code, message in zip(verdict.problems,
                                                                                 verdict.messages(), strict=True)],
    }


def _claimed(reference: str | None) -> IssuedDocument | None:
    """The newest version of the document whose reference the file carries (an altered copy claims it)."""
    if not reference:
        return None
    return db.session.scalar(select(IssuedDocument).join(DocumentReference)
                             .where(DocumentReference.reference == reference)
                             .order_by(IssuedDocument.version.desc()).limit(1))


def by_code(code: str) -> IssuedDocument | None:
    """The register entry a QR code's link names."""
    return db.session.scalar(select(IssuedDocument).where(IssuedDocument.verification_code == code))
