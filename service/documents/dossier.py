"""The dossier for a GRCM meeting: cover, monitoring report, recommendations, minutes of the period and the
incoming PPT's concept note. It is a ``Draft`` like every other kind: the issuing pipeline fingerprints, versions
and records it; its parts are issued through the same pipeline (``issue_version``).

The parts' Word files are composed into one document with the cover (service.templating.compose) and converted
once, so LibreOffice prints one run of page numbers, fills the contents' start pages and tags the whole; the
annex (a PDF/A since upload) is laid on blank pages left for it, under the dossier's header and footer.
A part with nothing to show is left out, and the contents say why."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy import select

from service.common.i18n import N_
from service.content_translations.operations import translated_text
from service.content_translations.rules import TranslationSubject
from service.conversion.protocol import PdfConverter
from service.documents.annexes import annex_pdf, current_concept_note
from service.documents.contexts import has_content
from service.documents.contexts.common import ppt_country_on
from service.documents.drafts import AUTHOR, Draft, Files, Stamp, jsonable
from service.documents.models import IssuedDocument, Upload
from service.documents.storage import DocumentStore
from service.errors import DomainError, NotFound
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Meeting
from service.pdf.facts import page_count
from service.pdf.pages import Bookmark, Box, PdfUnreadable, finish
from service.ppt.operations import all_terms
from service.ppt.rules import incoming_term
from service.templating.compose import AnnexSheet, WordPart, body_box, compose
from service.templating.render import render_docx
from service.templating.stamping import stamp_docx

IssueVersion = Callable[[str, int], IssuedDocument]  # (kind, subject id) -> its current version, issued if needed

_ANNEX = {"es": "Anexo: nota conceptual de la PPT entrante", "en": "Annex: concept note of the incoming PPT"}
_COVER = {"es": "Portada", "en": "Cover"}
# The annex sheet, in the dossier's language, about the language the annex is written in (Upload.language).
_ORIGINAL = {"es": {"es": "Idioma original: español.", "en": "Idioma original: inglés."},
             "en": {"es": "Original language: Spanish.", "en": "Original language: English."}}
_ONLY_IN = {"es": {"en": "Disponible sólo en inglés."}, "en": {"es": "Available in Spanish only."}}
# Each annex page's alternative text in the tag tree (a /Figure): what it is, where, and its language.
_ANNEX_PAGE = {"es": "{title}, página {page} de {pages}; original en {original}.",
               "en": "{title}, page {page} of {pages}; original in {original}."}
_LANGUAGE_NAME = {"es": {"es": "español", "en": "inglés"}, "en": {"es": "Spanish", "en": "English"}}
# What makes a part worth including, and what the contents say when it is left out (in the dossier's language).
_OMITTED = {
    "monitoring_report": {"title": {"es": "Informe de monitoreo", "en": "Monitoring report"},
                          "note": {"es": "no se incluye: no hay datos de monitoreo del período",
                                   "en": "not included: no monitoring data for the period"}},
    "recommendations": {"title": {"es": "Recomendaciones al GRCM", "en": "Recommendations to the RCGM"},
                        "note": {"es": "no se incluye: no hay recomendaciones para esta reunión",
                                 "en": "not included: no recommendations for this meeting"}},
    "minutes": {"title": {"es": "Minutas de las reuniones del período", "en": "Minutes of the period's meetings"},
                "note": {"es": "no se incluye: no hay minutas del período",
                         "en": "not included: no minutes for the period"}},
    "annex": {"note": {"es": "no se incluye: la PPT entrante no ha presentado su nota conceptual",
                       "en": "not included: the incoming PPT has not submitted its concept note"}},
}


class MergeFailed(DomainError):
    """A part could not be read or merged: nothing was issued (502, like a failed conversion)."""

    status = 502


def meetings_in_the_period(grcm: GrcmMeeting) -> list[Meeting]:
    """Meetings after the previous GRCM meeting and before this one, not cancelled (held or not)."""
    previous = db.session.scalar(select(GrcmMeeting.starts_at_utc).where(
        GrcmMeeting.starts_at_utc < grcm.starts_at_utc).order_by(GrcmMeeting.starts_at_utc.desc()).limit(1))
    query = select(Meeting).where(Meeting.starts_at_utc < grcm.starts_at_utc, Meeting.status != "cancelled")
    if previous is not None:
        query = query.where(Meeting.starts_at_utc >= previous)
    return list(db.session.scalars(query.order_by(Meeting.starts_at_utc)))


def meetings_of_the_period(grcm: GrcmMeeting) -> list[Meeting]:
    """Meetings held after the previous GRCM meeting and before this one, whose minutes the three approved."""
    return [m for m in meetings_in_the_period(grcm)
            if m.status == "held" and m.minutes is not None and m.minutes.state == "approved"]


def concept_note_of_incoming_term(grcm: GrcmMeeting) -> Upload | None:
    """The current concept note of the first PPT term starting after the GRCM meeting (the annex)."""
    term = incoming_term(grcm.starts_at.date(), all_terms())
    return current_concept_note(term.id) if term else None


def dossier_parts(grcm: GrcmMeeting, language: str,
                  known: Mapping[tuple[str, int], int] | None = None) -> list[tuple[str, int, bool]]:
    """The documents the dossier is made of, in order, as (kind, subject id, included): each included one is
    issued (or its unchanged current version reused) with the dossier; an empty one is left out (R8: nothing
    empty is issued). The confirmation page lists the same parts the pipeline issues."""
    candidates = [("monitoring_report", grcm.id), ("recommendations", grcm.id)]
    candidates += [("minutes", meeting.id) for meeting in meetings_of_the_period(grcm)]
    known = known or {}  # parts the GRCM package just issued: they have content, no need to build them again
    return [(kind, subject_id, (kind, subject_id) in known
             or has_content(kind, subject_id, language, grcm.starts_at.date()))
            for kind, subject_id in candidates]


def dossier_draft(grcm_id: int, language: str, *, issue_version: IssueVersion, converter: PdfConverter,
                  store: DocumentStore, issued_parts: Mapping[tuple[str, int], int] | None = None) -> Draft:
    grcm = db.session.get(GrcmMeeting, grcm_id)
    if grcm is None:
        raise NotFound(N_("No GRCM meeting %(id)s."), field="subject_id", params={"id": grcm_id})
    candidates = dossier_parts(grcm, language, issued_parts)
    rows: list[dict[str, str]] = []  # the contents, in order: included parts and the parts left out
    parts: list[IssuedDocument] = []
    for kind, subject_id, included in candidates:
        known = (issued_parts or {}).get((kind, subject_id))
        # a part issued (or found unchanged) a moment ago by the package is current and has content
        part = db.session.get(IssuedDocument, known) if known is not None else (
            issue_version(kind, subject_id) if included else None)
        if part is not None:
            parts.append(part)
            rows.append({"title": _part_title(part), "reference": part.reference,
                         "bookmark": f"dossier_part_{len(parts)}"})
        else:
            rows.append({"title": _OMITTED[kind]["title"][language], "note": _OMITTED[kind]["note"][language]})
    if not any(kind == "minutes" for kind, _id, _included in candidates):
        rows.append({"title": _OMITTED["minutes"]["title"][language], "note": _OMITTED["minutes"]["note"][language]})
    upload = concept_note_of_incoming_term(grcm)
    if upload is not None:
        rows.append({"title": _ANNEX[language], "bookmark": "dossier_annex"})
    else:
        rows.append({"title": _ANNEX[language], "note": _OMITTED["annex"]["note"][language]})
    # The GRCM's title as the recommendations translate it (their part is issued first, so it is final).
    title = translated_text(TranslationSubject("recommendations", grcm.id), language, "grcm.title", grcm.title,
                            grcm.original_language)
    grcm_info = {"title": title, "starts_on": grcm.starts_at.date(), "ends_on": grcm.ends_at.date(),
                 "location": grcm.location}

    def make(stamp: Stamp) -> Files:
        annex = annex_pdf(upload, converter, store, now=stamp.issued_at) if upload is not None else None
        sheet = _annex_sheet(annex, upload.language, language) if annex is not None else None
        header = {"reference": stamp.reference, "issued_on": stamp.issued_at.date(), "language": language,
                  "version": stamp.version, "title": stamp.title,
                  "ppt_country_name": ppt_country_on(grcm.starts_at.date(), language), **stamp.footer_link()}
        cover = render_docx("dossier_cover", language, {"header": header, "grcm": grcm_info, "parts": rows})
        # the cover's footer is the dossier's: its QR code names the dossier; and the composed file keeps the
        # cover's core properties: set them on the small cover, not the whole file
        cover = stamp_docx(cover, verification_url=stamp.verification_url, title=f"{stamp.title} — {title}",
                           subject=title, author=AUTHOR, language=language, keywords=stamp.reference,
                           created=stamp.issued_at)
        try:
            docx = compose(cover, [WordPart(_word_file(p, store), row["bookmark"])
                                   for p, row in zip(parts, (r for r in rows if "reference" in r), strict=True)],
                           sheet)
        except (ValueError, KeyError) as error:
            raise MergeFailed(N_("The dossier's parts could not be merged (%(error)s); nothing was issued."),
                              params={"error": type(error).__name__}) from None
        pdf = converter.convert(docx, pdfa=True)
        titles = [_COVER[language], *(f"{row['title']} ({row['reference']})" if row.get("reference") else row["title"]
                                      for row in rows if "bookmark" in row)]

        def bookmarks(targets: list[int], total: int) -> list[Bookmark]:
            starts = [0, *sorted(targets)]
            if len(starts) != len(titles):  # a converter that made no contents links: count the parts' pages
                starts = _estimated_starts(total, [p.pages for p in parts], sheet.pages + 1 if sheet else 0)
            return [Bookmark(t, page) for t, page in zip(titles, starts, strict=True)]

        try:
            finished = finish(pdf, bookmarks=bookmarks, annex=annex,
                              box=Box(*body_box(cover)) if annex is not None else None,
                              annex_alt=lambda page, pages: _ANNEX_PAGE[language].format(
                                  title=_ANNEX[language], page=page, pages=pages,
                                  original=_LANGUAGE_NAME[language][upload.language]))
        except PdfUnreadable as error:
            raise MergeFailed(N_("A part of the dossier could not be read (%(error)s); nothing was issued."),
                              params={"error": str(error)[:200]}) from None
        return Files(pdf=finished, docx=None)  # the annex is not in the Word file: offer the PDF only

    # Identified by its sources (issued PDFs, the uploaded annex as uploaded, the parts left out): converting a
    # Word annex again gives other bytes (time stamps), which must not make a new version of an unchanged dossier.
    frozen = jsonable({"grcm": grcm_info, "parts": [p.title for p in parts],
                       "files": [p.pdf_sha256 for p in parts],
                       "omitted": [row["title"] for row in rows if "note" in row],
                       "annex": upload.file_sha256 if upload else None,
                       "annex_language": upload.language if upload else None})
    return Draft(frozen=frozen, late=False, make=make)


def _estimated_starts(total: int, part_pages: list[int], annex_pages: int) -> list[int]:
    """Start pages from the parts' own page counts (the cover takes what is left), kept inside the document."""
    starts, page = [0], max(total - sum(part_pages) - annex_pages, 1)
    for pages in [*part_pages, annex_pages][: len(part_pages) + (1 if annex_pages else 0)]:
        starts.append(min(page, total - 1))
        page += pages
    return starts


def _part_title(document: IssuedDocument) -> str:
    title = document.title
    if document.kind == "minutes":  # several minutes in one dossier: name the meeting
        title = f"{title}: {document.context['meeting']['title']}"
    return title


def _word_file(document: IssuedDocument, store: DocumentStore) -> bytes:
    if document.docx_sha256 is None:
        raise KeyError(document.reference)
    return store.get(document.docx_sha256)


def _annex_sheet(annex: bytes, written_in: str, language: str) -> AnnexSheet:
    lines = [_ORIGINAL[language][written_in]]
    if written_in != language:
        lines.append(_ONLY_IN[language][written_in])
    return AnnexSheet(bookmark="dossier_annex", title=_ANNEX[language], lines=lines, pages=page_count(annex))
