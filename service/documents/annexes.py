"""Annexes kept with the documents: the incoming PPT's concept note and its work plan (R11).

Every annex passes the upload gate and is normalised at upload (service.uploads): the original is kept as
uploaded, and the PDF/A the dossier merges is stored beside it, so issuing never meets an annex it cannot use.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select

from service.audit.operations import record
from service.audit.rules import Subject, diff
from service.auth.principals import Principal
from service.common.i18n import LANGUAGES, N_
from service.conversion.protocol import ConversionFailed
from service.documents.errors import ConvertersUnavailable
from service.documents.models import Upload
from service.errors import NotFound, RuleViolation
from service.extensions import db
from service.ppt.models import PptTerm
from service.ppt.rules import check_own_term
from service.uploads import gate
from service.uploads.normalise import Normalised, normalise_annex

CONCEPT_NOTE = "concept_note"
PPT_WORK_PLAN = "ppt_work_plan"  # the incoming PPT's own work plan, uploaded beside its concept note
ANNEX_NAMES = {CONCEPT_NOTE: N_("Upload the concept note as a PDF or a Word (.docx) file."),
               PPT_WORK_PLAN: N_("Upload the PPT's work plan as a PDF or a Word (.docx) file.")}
CONVERT_TIMEOUT = 30  # seconds a Word annex may take to convert; beyond it the upload is refused


def clean_file_name(name: str | None) -> str | None:
    """Keep the name people gave the file as metadata only: no path, no control characters, bounded."""
    if not name:
        return None
    name = re.split(r"[\\/]", name)[-1]
    name = re.sub(r"[\x00-\x1f\x7f\ud800-\udfff]", "", name).strip()
    return name[:255] or None


def current_annex(purpose: str, term_id: int) -> Upload | None:
    return db.session.scalar(select(Upload).where(Upload.purpose == purpose, Upload.subject_id == term_id,
                                                  Upload.replaced_by_id.is_(None)))


def current_concept_note(term_id: int) -> Upload | None:
    return current_annex(CONCEPT_NOTE, term_id)


def normalised_annex(content: bytes, media_type: str, converter: Any) -> Normalised:
    """The annex as the PDF/A the dossier merges; 503 without a converter for a Word file, 422 if refused."""
    if media_type == gate.DOCX and converter is None:
        raise ConvertersUnavailable(N_("The PDF converters are not running, and a Word annex is converted when "
                                       "it is uploaded; start the service with “tripartito serve” and try again."))
    try:
        return normalise_annex(content, media_type,
                               convert=lambda docx: converter.convert(docx, pdfa=True, timeout=CONVERT_TIMEOUT))
    except ConversionFailed:
        raise gate.UploadRefused("conversion", N_("The Word file could not be converted to PDF within %(limit)s "
                                                  "seconds; shorten it or upload it as a PDF."),
                                 limit=CONVERT_TIMEOUT) from None


def attach_concept_note(term_id: int, content: bytes, original_name: str | None, *, actor: Principal,
                        now: datetime, store: Any, converter: Any, normalise_later: bool = False,
                        language: str = "es") -> Upload:
    """Gate, normalise, then store the original and its PDF. `normalise_later` only for files the service made
    itself (the demo): they are normalised at the first issue, like uploads from before normalisation.
    `language`: the one it is written in (the dossier's annex sheet says it)."""
    return attach_annex(CONCEPT_NOTE, term_id, content, original_name, actor=actor, now=now, store=store,
                        converter=converter, normalise_later=normalise_later, language=language)


def attach_annex(purpose: str, term_id: int, content: bytes, original_name: str | None, *, actor: Principal,
                 now: datetime, store: Any, converter: Any, normalise_later: bool = False,
                 language: str = "es") -> Upload:
    """One annex of an incoming PPT term (`purpose`: concept note or work plan), through the same gate and
    normalisation; a new upload replaces the previous one of the same purpose, which stays stored."""
    if language not in LANGUAGES:
        raise RuleViolation(N_("Documents are issued in 'es' or 'en'."), field="language")
    term = db.session.get(PptTerm, term_id)
    if term is None:
        raise NotFound(N_("No PPT term %(id)s."), params={"id": term_id})
    check_own_term(actor.party, actor.ppt_country, term.as_term())  # the incoming PPT uploads its own only
    media_type = gate.check(content, accept=frozenset({gate.PDF, gate.DOCX}), limits=gate.ANNEX_LIMITS,
                            wrong_type=ANNEX_NAMES[purpose])
    normalised = None if normalise_later else normalised_annex(content, media_type, converter)
    previous = current_annex(purpose, term_id)
    upload = Upload(purpose=purpose, subject_id=term_id, media_type=media_type,
                    file_sha256=store.put(content, media_type, now=now),
                    pdf_sha256=store.put(normalised.pdf, gate.PDF, now=now) if normalised else None,
                    original_name=clean_file_name(original_name), size=len(content), language=language,
                    pages=normalised.pages if normalised else None, uploaded_at=now, uploaded_by=actor.label)
    db.session.add(upload)
    db.session.flush()
    if previous is not None:
        previous.replaced_by_id = upload.id
        db.session.flush()
    if purpose != CONCEPT_NOTE:  # the concept note's upload is told by the feedback's own entries
        record(db.session, actor, now, f"ppt_term.{purpose}", Subject("ppt_term", term_id),
               diff({"upload_id": previous.id if previous else None}, {"upload_id": upload.id,
                                                                       "sha256": upload.file_sha256}))
    return upload


def annex_pdf(upload: Upload, converter: Any, store: Any, *, now: datetime | None = None) -> bytes:
    """The PDF to merge for `upload`: the one normalised at upload, or (older uploads, the demo's) normalised
    now and, given `now`, kept on the upload, so the next dossier does not pay the 2–4 s again."""
    if upload.pdf_sha256 is not None:
        return store.get(upload.pdf_sha256)
    try:
        normalised = normalised_annex(store.get(upload.file_sha256), upload.media_type, converter)
    except gate.UploadRefused as refused:
        raise RuleViolation(N_("The concept note of PPT term %(term)s cannot be used in the dossier: %(reason)s "
                               "Upload it again."), params={"term": upload.subject_id, "reason": refused.message},
                            field="concept_note") from None
    if now is not None:
        upload.pdf_sha256 = store.put(normalised.pdf, gate.PDF, now=now)
        upload.pages = normalised.pages
    return normalised.pdf
