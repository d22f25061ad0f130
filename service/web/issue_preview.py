"""What issuing a document will do, said before it is done (issue 14): which document, in which language, which
version, which member countries receive it, and for the dossier the other documents it issues and sends.
Only reads; the confirmation page shows it and its button makes the POST."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from service.documents.contexts.minutes import check_minutes_ready
from service.documents.distribution import DISTRIBUTED_KINDS
from service.documents.dossier import concept_note_of_incoming_term, dossier_parts
from service.documents.issuing import latest_version
from service.errors import DomainError
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Meeting
from service.planning.models import WorkPlan
from service.ppt.models import PptTerm
from service.reference.models import Country
from service.web.confirm import Consequence
from service.web.i18n import current_language, short_date, wall_time
from service.web.labels import DOCUMENT_KINDS, LANGUAGES_IN_TEXT
from service.web.messages import translate


@dataclass
class IssuePreview:
    subject: str  # "Minutes — Primera reunión ordinaria, 10 feb 2027, 10:00"
    consequences: list[Consequence] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    blocked: bool = False  # the rules refuse it now: the page says why and offers no button


def subject_title(kind: str, subject_id: int) -> str | None:
    """The record a document is about, as people name it; None if there is no such record."""
    if kind == "minutes":
        meeting = db.session.get(Meeting, subject_id)
        return f"{meeting.title}, {wall_time(meeting.starts_at)}" if meeting else None
    if kind in ("recommendations", "monitoring_report", "dossier"):
        grcm = db.session.get(GrcmMeeting, subject_id)
        return f"{grcm.title}, {short_date(grcm.starts_at)}" if grcm else None
    if kind == "ppt_feedback":
        term = db.session.get(PptTerm, subject_id)
        return (_("PPT of %(country)s, %(start)s – %(end)s", country=term.country, start=short_date(term.starts_on),
                  end=short_date(term.ends_on)) if term else None)
    if kind == "work_plan":
        plan = db.session.get(WorkPlan, subject_id)
        return _("Work plan %(year)s", year=plan.year) if plan else None
    return None


def _member_countries() -> list[str]:
    language = current_language()
    countries = db.session.scalars(select(Country).where(Country.is_member).order_by(Country.code))
    return [f"{c.code} · {c.name(language)}" for c in countries]


def _version_sentence(kind: str, subject_id: int, language: str) -> str:
    latest = latest_version(kind, subject_id, language)
    if latest is None:
        return _("It is issued for the first time: version 1, with a new reference number.")
    return _("Version %(version)s of %(reference)s was issued on %(date)s: a new version is made only if something "
             "changed since; otherwise that version is kept and nothing is sent again.",
             version=latest.version, reference=latest.reference, date=short_date(latest.issued_at))


def _dossier_parts(grcm_id: int, language: str) -> tuple[list[str], list[str]]:
    """(the documents issued and sent with the dossier, the parts left out), as people name them."""
    grcm = db.session.get(GrcmMeeting, grcm_id)
    included, left_out = [], []
    for kind, subject_id, has_content in dossier_parts(grcm, language):
        name = f"{DOCUMENT_KINDS[kind]}: {subject_title(kind, subject_id)}"
        (included if has_content else left_out).append(name)
    note = concept_note_of_incoming_term(grcm)
    annex = _("Annex: the incoming PPT's concept note")
    (included if note is not None else left_out).append(annex)
    return included, left_out


def issue_preview(kind: str, subject_id: int, language: str) -> IssuePreview | None:
    """What issuing `kind` for `subject_id` in `language` will do, or None if the subject does not exist."""
    title = subject_title(kind, subject_id)
    if title is None:
        return None
    preview = IssuePreview(subject=f"{DOCUMENT_KINDS[kind]} — {title}")
    language_name = LANGUAGES_IN_TEXT[language]
    preview.consequences.append(_("The document is made in %(language)s as a PDF/A with its Word file, and kept in "
                                  "the register.", language=language_name))
    preview.consequences.append(_version_sentence(kind, subject_id, language))
    if kind == "dossier":
        included, left_out = _dossier_parts(subject_id, language)
        preview.consequences.append((_("Together with the dossier, these %(count)s documents are issued in "
                                       "%(language)s (or their unchanged current version reused) and sent to the "
                                       "member countries:", count=len(included), language=language_name), included))
        if left_out:
            preview.consequences.append((_("Left out, because they have nothing to show yet:"), left_out))
    if kind in DISTRIBUTED_KINDS:
        countries = _member_countries()
        preview.consequences.append((_("It is sent by e-mail to these %(count)s member countries and shown on their "
                                       "portal:", count=len(countries)), countries))
    else:
        preview.consequences.append(_("It is not sent to the member countries."))
    if kind == "minutes":
        try:
            check_minutes_ready(subject_id)
            meeting = db.session.get(Meeting, subject_id)
            if meeting.minutes is None:
                preview.warnings.append(_("This meeting has no minutes yet: record them first."))
                preview.blocked = True
        except DomainError as error:
            preview.warnings.append(translate(error))
            preview.blocked = True
    return preview
