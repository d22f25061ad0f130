"""The dossier for a GRCM meeting: cover, monitoring report, recommendations, minutes of the period and the
incoming PPT's concept note, merged into one PDF (issued and versioned like every other document)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from pypdf.errors import PyPdfError
from sqlalchemy import select

from service.auth.principals import Principal
from service.common.i18n import N_
from service.documents import issuing
from service.documents.annexes import annex_pdf, current_concept_note
from service.documents.contexts.common import ppt_country_on
from service.documents.kinds import get_kind
from service.documents.merge import Part, merge
from service.documents.models import Upload
from service.documents.pdf import page_count, pdfa_part, with_properties
from service.documents.render import render_docx
from service.errors import DomainError, NotFound
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Meeting
from service.ppt.operations import all_terms
from service.ppt.rules import incoming_term

_ANNEX = {"es": "Anexo: nota conceptual de la PPT entrante", "en": "Annex: concept note of the incoming PPT"}


def _issued_part(kind: str, subject_id: int, language: str, **issue: Any) -> Part:
    document = issuing.issue_document(kind, subject_id, language, **issue).document
    title = document.title
    if kind == "minutes":  # several minutes in one dossier: name the meeting
        title = f"{title}: {document.context['meeting']['title']}"
    return Part(title=f"{title} ({document.reference})", reference=document.reference,
                pdf=issue["store"].get(document.pdf_sha256), pdfa=document.pdfa)


def meetings_of_the_period(grcm: GrcmMeeting) -> list[Meeting]:
    """Meetings with minutes held after the previous GRCM meeting and before this one."""
    previous = db.session.scalar(select(GrcmMeeting.starts_at_utc).where(
        GrcmMeeting.starts_at_utc < grcm.starts_at_utc).order_by(GrcmMeeting.starts_at_utc.desc()).limit(1))
    query = select(Meeting).where(Meeting.starts_at_utc < grcm.starts_at_utc, Meeting.status != "cancelled")
    if previous is not None:
        query = query.where(Meeting.starts_at_utc >= previous)
    return [m for m in db.session.scalars(query.order_by(Meeting.starts_at_utc)) if m.minutes is not None]


def concept_note_of_incoming_term(grcm: GrcmMeeting) -> Upload | None:
    """The current concept note of the first PPT term starting after the GRCM meeting (the annex)."""
    term = incoming_term(grcm.starts_at.date(), all_terms())
    return current_concept_note(term.id) if term else None


class MergeFailed(DomainError):
    """A part could not be read or merged: nothing was issued (502, like a failed conversion)."""

    status = 502


def annex_part(upload: Upload, language: str, converter: Any, store: Any) -> Part:
    pdf = annex_pdf(upload, converter, store)
    return Part(title=_ANNEX[language], pdf=pdf, pdfa=pdfa_part(pdf) == 2)


def issue_dossier(grcm_id: int, language: str, *, actor: Principal, now: datetime, converter: Any,
                  store: Any) -> issuing.Issued:
    grcm = db.session.get(GrcmMeeting, grcm_id)
    if grcm is None:
        raise NotFound(f"No GRCM meeting {grcm_id}.", field="subject_id")
    issue = {"actor": actor, "now": now, "converter": converter, "store": store}
    parts = [_issued_part("monitoring_report", grcm.id, language, **issue),
             _issued_part("recommendations", grcm.id, language, **issue)]
    parts += [_issued_part("minutes", meeting.id, language, **issue) for meeting in meetings_of_the_period(grcm)]
    upload = concept_note_of_incoming_term(grcm)

    # The dossier is identified by its sources (issued PDFs, the uploaded annex as uploaded): converting a Word
    # annex again gives other bytes (time stamps), which must not make a new version of an unchanged dossier.
    grcm_info = {"title": grcm.title, "starts_on": grcm.starts_at.date(), "ends_on": grcm.ends_at.date(),
                 "location": grcm.location}
    frozen = issuing.jsonable({"grcm": grcm_info, "parts": [p.title for p in parts],
                               "files": [hashlib.sha256(p.pdf).hexdigest() for p in parts],
                               "annex": upload.file_sha256 if upload else None})
    digest = issuing.fingerprint("dossier", language, frozen)
    latest = issuing.latest_version("dossier", grcm.id, language)
    if latest is not None and latest.context_sha256 == digest:
        return issuing.Issued(latest, created=False)

    try:
        if upload is not None:
            parts.append(annex_part(upload, language, converter, store))
        listed = [{"title": p.title, "reference": p.reference, "pages": page_count(p.pdf)} for p in parts]
    except PyPdfError as error:
        raise MergeFailed(N_("A part of the dossier could not be read (%(error)s); nothing was issued."),
                          params={"error": type(error).__name__}) from None

    reference = issuing.reserve_reference("dossier", grcm.id, now.year)
    version = latest.version + 1 if latest else 1
    title = get_kind("dossier_cover").titles[language]
    header = {"reference": reference.reference, "issued_on": now.date(), "language": language, "version": version,
              "title": title, "ppt_country_name": ppt_country_on(grcm.starts_at.date(), language)}
    cover_docx = render_docx("dossier_cover", language, {"header": header, "grcm": grcm_info, "parts": listed})
    cover_docx = with_properties(cover_docx, title=title, subject=grcm.title, author=issuing.AUTHOR,
                                 language=language, keywords=reference.reference, created=now)
    cover = converter.convert(cover_docx, pdfa=True)
    cover_title = "Portada" if language == "es" else "Cover"
    try:
        merged = merge([Part(cover_title, cover, reference.reference, pdfa_part(cover) == 2), *parts],
                       title=f"{title} — {grcm.title}", author=issuing.AUTHOR, subject=grcm.title,
                       language=language, created=now)
    except PyPdfError as error:
        raise MergeFailed(N_("The dossier's parts could not be merged (%(error)s); nothing was issued."),
                          params={"error": type(error).__name__}) from None
    document = issuing.record(kind="dossier", subject_id=grcm.id, language=language, reference=reference,
                              version=version, title=title, pdf=merged, docx=None, frozen=frozen, digest=digest,
                              supersedes=latest, late=False, actor=actor, now=now, store=store)
    return issuing.Issued(document, created=True)
