"""The dossier for a GRCM meeting: cover, monitoring report, recommendations, minutes of the period and the
incoming PPT's concept note, merged into one PDF. It is a ``Draft`` like every other kind: the issuing pipeline
fingerprints, versions and records it; its parts are issued through the same pipeline (``issue_version``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from pypdf.errors import PyPdfError
from sqlalchemy import select

from service.common.i18n import N_
from service.conversion.protocol import PdfConverter
from service.documents.annexes import annex_pdf, current_concept_note
from service.documents.contexts.common import ppt_country_on
from service.documents.drafts import AUTHOR, Draft, Files, Stamp, jsonable
from service.documents.models import IssuedDocument, Upload
from service.documents.storage import DocumentStore
from service.errors import DomainError, NotFound
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Meeting
from service.pdf.facts import page_count, pdfa_part
from service.pdf.merge import Part, merge
from service.ppt.operations import all_terms
from service.ppt.rules import incoming_term
from service.templating.docx_properties import with_properties
from service.templating.render import render_docx

IssueVersion = Callable[[str, int], IssuedDocument]  # (kind, subject id) -> its current version, issued if needed

_ANNEX = {"es": "Anexo: nota conceptual de la PPT entrante", "en": "Annex: concept note of the incoming PPT"}
_COVER = {"es": "Portada", "en": "Cover"}


class MergeFailed(DomainError):
    """A part could not be read or merged: nothing was issued (502, like a failed conversion)."""

    status = 502


def meetings_of_the_period(grcm: GrcmMeeting) -> list[Meeting]:
    """Meetings held after the previous GRCM meeting and before this one, whose minutes the three approved."""
    previous = db.session.scalar(select(GrcmMeeting.starts_at_utc).where(
        GrcmMeeting.starts_at_utc < grcm.starts_at_utc).order_by(GrcmMeeting.starts_at_utc.desc()).limit(1))
    query = select(Meeting).where(Meeting.starts_at_utc < grcm.starts_at_utc, Meeting.status != "cancelled")
    if previous is not None:
        query = query.where(Meeting.starts_at_utc >= previous)
    return [m for m in db.session.scalars(query.order_by(Meeting.starts_at_utc))
            if m.status == "held" and m.minutes is not None and m.minutes.state == "approved"]


def concept_note_of_incoming_term(grcm: GrcmMeeting) -> Upload | None:
    """The current concept note of the first PPT term starting after the GRCM meeting (the annex)."""
    term = incoming_term(grcm.starts_at.date(), all_terms())
    return current_concept_note(term.id) if term else None


def dossier_draft(grcm_id: int, language: str, *, issue_version: IssueVersion, converter: PdfConverter,
                  store: DocumentStore) -> Draft:
    grcm = db.session.get(GrcmMeeting, grcm_id)
    if grcm is None:
        raise NotFound(N_("No GRCM meeting %(id)s."), field="subject_id", params={"id": grcm_id})
    parts = [_issued_part(issue_version("monitoring_report", grcm.id), store),
             _issued_part(issue_version("recommendations", grcm.id), store)]
    parts += [_issued_part(issue_version("minutes", meeting.id), store) for meeting in meetings_of_the_period(grcm)]
    upload = concept_note_of_incoming_term(grcm)
    grcm_info = {"title": grcm.title, "starts_on": grcm.starts_at.date(), "ends_on": grcm.ends_at.date(),
                 "location": grcm.location}

    def make(stamp: Stamp) -> Files:
        try:
            annexed = [*parts, annex_part(upload, language, converter, store)] if upload is not None else parts
            listed = [{"title": p.title, "reference": p.reference, "pages": page_count(p.pdf)} for p in annexed]
        except PyPdfError as error:
            raise MergeFailed(N_("A part of the dossier could not be read (%(error)s); nothing was issued."),
                              params={"error": type(error).__name__}) from None
        header = {"reference": stamp.reference, "issued_on": stamp.issued_at.date(), "language": language,
                  "version": stamp.version, "title": stamp.title,
                  "ppt_country_name": ppt_country_on(grcm.starts_at.date(), language)}
        cover_docx = render_docx("dossier_cover", language, {"header": header, "grcm": grcm_info, "parts": listed})
        cover_docx = with_properties(cover_docx, title=stamp.title, subject=grcm.title, author=AUTHOR,
                                     language=language, keywords=stamp.reference, created=stamp.issued_at)
        cover = converter.convert(cover_docx, pdfa=True)
        try:
            merged = merge([Part(_COVER[language], cover, stamp.reference, pdfa_part(cover) == 2), *annexed],
                           title=f"{stamp.title} — {grcm.title}", author=AUTHOR, subject=grcm.title,
                           language=language, created=stamp.issued_at)
        except PyPdfError as error:
            raise MergeFailed(N_("The dossier's parts could not be merged (%(error)s); nothing was issued."),
                              params={"error": type(error).__name__}) from None
        return Files(pdf=merged, docx=None)

    # Identified by its sources (issued PDFs, the uploaded annex as uploaded): converting a Word annex again
    # gives other bytes (time stamps), which must not make a new version of an unchanged dossier.
    frozen = jsonable({"grcm": grcm_info, "parts": [p.title for p in parts],
                       "files": [hashlib.sha256(p.pdf).hexdigest() for p in parts],
                       "annex": upload.file_sha256 if upload else None})
    return Draft(frozen=frozen, late=False, make=make)


def _issued_part(document: IssuedDocument, store: DocumentStore) -> Part:
    title = document.title
    if document.kind == "minutes":  # several minutes in one dossier: name the meeting
        title = f"{title}: {document.context['meeting']['title']}"
    return Part(title=f"{title} ({document.reference})", reference=document.reference,
                pdf=store.get(document.pdf_sha256), pdfa=document.pdfa)


def annex_part(upload: Upload, language: str, converter: PdfConverter, store: DocumentStore) -> Part:
    pdf = annex_pdf(upload, converter, store)  # normalised at upload (or now, for an annex from before the gate)
    return Part(title=_ANNEX[language], pdf=pdf, pdfa=pdfa_part(pdf) == 2)
