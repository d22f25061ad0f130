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

from service.adapters import Services
from service.auth.principals import Principal
from service.common.i18n import N_, Message
from service.conversion.protocol import PdfConverter
from service.documents.annexes import annex_pdf
from service.documents.dossier import concept_note_of_incoming_term, meetings_in_the_period
from service.documents.issuing import issue_and_distribute
from service.documents.storage import DocumentStore
from service.errors import DomainError, NotFound
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.mail import Mailer
from service.sealing.protocol import Sealer

Progress = Callable[[str], None]  # told "kind subject [lang]" as each document is done


@dataclass(frozen=True)
class Packed:
    id: int
    reference: str
    kind: str
    subject_id: int
    language: str
    reused: bool


@dataclass(frozen=True)
class Missing:
    kind: str
    subject_id: int
    language: str
    reason: Message


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


def wiring_of(app: Flask, wired: Services, *, converter: PdfConverter | None, portal_url: str) -> Wiring:
    """The wiring the API, the page and the command hand to `issue_package`."""
    return Wiring(app=app, converter=converter, store=wired.store, mailer=wired.mailer, sealer=wired.sealer,
                  portal_url=portal_url, public_url=app.config["PUBLIC_URL"])


def pool_workers(converter: PdfConverter | None) -> int:
    """One thread per converter of the pool: conversions run in parallel, never queue behind each other."""
    return max(1, min(int(getattr(converter, "size", None) or 2), 8))


def package_jobs(grcm: GrcmMeeting, languages: list[str]) -> list[tuple[str, int, str]]:
    """(kind, subject, language) of every part: the minutes of every meeting of the period, approved or not, so
    that those that cannot be issued yet are listed as missing with the issuing rules' own reason."""
    jobs = [(kind, grcm.id, lang) for lang in languages for kind in ("monitoring_report", "recommendations")]
    return jobs + [("minutes", meeting.id, lang) for lang in languages for meeting in meetings_in_the_period(grcm)]


def issue_package(grcm_id: int, languages: list[str], *, actor: Principal, now: datetime, wiring: Wiring,
                  workers: int = 2, progress: Progress | None = None) -> Package:
    grcm = db.session.get(GrcmMeeting, grcm_id)
    if grcm is None:
        raise NotFound(N_("No GRCM meeting %(id)s."), field="grcm_id", params={"id": grcm_id})
    jobs = package_jobs(grcm, languages)
    db.session.commit()  # the workers' sessions see what this one read; nothing is held open meanwhile
    package = Package()

    def one(job: tuple) -> Packed | Missing:
        kind, subject_id, language, *issued_parts = job
        with wiring.app.app_context():  # a session of its own per thread
            try:
                issued = issue_and_distribute(kind, subject_id, language, actor=actor, now=now,
                                              converter=wiring.converter, store=wiring.store, mailer=wiring.mailer,
                                              portal_url=wiring.portal_url, sealer=wiring.sealer,
                                              public_url=wiring.public_url,
                                              issued_parts=issued_parts[0] if issued_parts else None)
                document = issued.document
                result: Packed | Missing = Packed(document.id, document.reference, kind, subject_id, language,
                                                    not issued.created)
            except DomainError as error:
                db.session.rollback()
                result = Missing(kind, subject_id, language, Message(error.template, error.params))
            finally:
                db.session.remove()
        if progress is not None:
            progress(f"{kind} {subject_id} [{language}]")
        return result

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        annex = pool.submit(prepare_annex, grcm_id, wiring, now)
        results = list(pool.map(one, jobs))
        annex.result()
        # the dossier is told which versions of its parts were just issued or found unchanged, so it does not
        # build their contexts again (most of an unchanged package's time otherwise)
        parts = {lang: {(r.kind, r.subject_id): r.id for r in results if isinstance(r, Packed) and r.language == lang}
                 for lang in languages}
        results += list(pool.map(one, [("dossier", grcm.id, lang, parts[lang]) for lang in languages]))
    for result in results:
        (package.documents if isinstance(result, Packed) else package.missing).append(result)
    return package


def prepare_annex(grcm_id: int, wiring: Wiring, now: datetime) -> None:
    """Normalise, once and beside the parts, a concept note kept from before the upload gate (or loaded by the demo
    without converters): otherwise each language's dossier would convert and check it again, one after the other
    on the same cores. A note that cannot be used is left for the dossiers, which list it as missing with why."""
    with wiring.app.app_context():
        try:
            upload = concept_note_of_incoming_term(db.session.get(GrcmMeeting, grcm_id))
            if upload is not None and upload.pdf_sha256 is None and wiring.converter is not None:
                annex_pdf(upload, wiring.converter, wiring.store, now=now)
                db.session.commit()
        except DomainError:
            db.session.rollback()
        finally:
            db.session.remove()
