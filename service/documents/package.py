"""The GRCM package: every document of a GRCM meeting (monitoring report, recommendations, the minutes of the
period, the dossier) in each language asked for, issued, sealed and delivered in one action.

Unchanged documents are reused (the issuing pipeline's fingerprint), not issued again. The parts are issued in
parallel threads, one per converter of the pool, each with its own database session; the dossier goes last, so
it reuses the parts just issued. What cannot be issued is listed with the reason, and the rest still goes out.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from flask import Flask
from sqlalchemy import select

from service.auth.principals import Principal
from service.common.i18n import N_, Message
from service.conversion.protocol import PdfConverter
from service.documents.dossier import meetings_of_the_period
from service.documents.issuing import issue_and_distribute
from service.documents.storage import DocumentStore
from service.errors import DomainError, NotFound
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.mail import Mailer
from service.meetings.models import Meeting
from service.sealing.protocol import Sealer

Progress = Callable[[str], None]  # told "kind subject [lang]" as each document is done


@dataclass(frozen=True)
class Packed:
    id: int
    reference: str
    kind: str
    language: str
    reused: bool


@dataclass(frozen=True)
class Missing:
    kind: str
    subject_id: int
    language: str | None
    reason: str


@dataclass
class Package:
    documents: list[Packed] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)


@dataclass(frozen=True)
class Wiring:
    """What issuing needs, passed to every worker thread."""

    app: Flask
    converter: PdfConverter | None
    store: DocumentStore
    mailer: Mailer
    sealer: Sealer | None
    portal_url: str
    public_url: str


def package_jobs(grcm: GrcmMeeting, languages: list[str]) -> tuple[list[tuple[str, int, str]], list[Missing]]:
    """(kind, subject, language) of every part, and the meetings of the period that have no minutes yet."""
    meetings = meetings_of_the_period(grcm)
    jobs = [(kind, grcm.id, lang) for lang in languages for kind in ("monitoring_report", "recommendations")]
    jobs += [("minutes", meeting.id, lang) for lang in languages for meeting in meetings]
    with_minutes = {meeting.id for meeting in meetings}
    missing = [Missing("minutes", meeting.id, None,
                       Message(N_("The minutes of “%(title)s” are not recorded yet."), {"title": meeting.title}))
               for meeting in _held_in_period(grcm) if meeting.id not in with_minutes]
    return jobs, missing


def _held_in_period(grcm: GrcmMeeting) -> list[Meeting]:
    previous = db.session.scalar(select(GrcmMeeting.starts_at_utc).where(
        GrcmMeeting.starts_at_utc < grcm.starts_at_utc).order_by(GrcmMeeting.starts_at_utc.desc()).limit(1))
    query = select(Meeting).where(Meeting.starts_at_utc < grcm.starts_at_utc, Meeting.status != "cancelled")
    if previous is not None:
        query = query.where(Meeting.starts_at_utc >= previous)
    return list(db.session.scalars(query.order_by(Meeting.starts_at_utc)))


def issue_package(grcm_id: int, languages: list[str], *, actor: Principal, now: datetime, wiring: Wiring,
                  workers: int = 2, progress: Progress | None = None) -> Package:
    grcm = db.session.get(GrcmMeeting, grcm_id)
    if grcm is None:
        raise NotFound(N_("No GRCM meeting %(id)s."), field="grcm_id", params={"id": grcm_id})
    jobs, missing = package_jobs(grcm, languages)
    db.session.commit()  # the workers' sessions see what this one read; nothing is held open meanwhile
    package = Package(missing=missing)

    def one(job: tuple[str, int, str]) -> Packed | Missing:
        kind, subject_id, language = job
        with wiring.app.app_context():  # a session of its own per thread
            try:
                issued = issue_and_distribute(kind, subject_id, language, actor=actor, now=now,
                                              converter=wiring.converter, store=wiring.store, mailer=wiring.mailer,
                                              portal_url=wiring.portal_url, sealer=wiring.sealer,
                                              public_url=wiring.public_url)
                document = issued.document
                result: Packed | Missing = Packed(document.id, document.reference, kind, language, not issued.created)
            except DomainError as error:
                db.session.rollback()
                result = Missing(kind, subject_id, language, Message(error.template, error.params))
            finally:
                db.session.remove()
        if progress is not None:
            progress(f"{kind} {subject_id} [{language}]")
        return result

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(one, jobs))
        results += list(pool.map(one, [("dossier", grcm.id, lang) for lang in languages]))  # reuses the parts
    for result in results:
        (package.documents if isinstance(result, Packed) else package.missing).append(result)
    return package
