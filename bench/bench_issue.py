"""Issuing official documents, measured side by side in one run (medians and ratios; no assertions).

    .venv/bin/python bench/bench_issue.py [--rounds 7]

Targets (issue 5): issuing minutes end to end (warm) at least 4x faster than a cold `soffice --convert-to` of
the same DOCX; a dossier of 10 documents merges in under 300 ms; a repeated issue with unchanged data answers
in under 50 ms. Issue 12: the composed dossier (contents page with start pages, one conversion) in <= 1.5 s.
(Pool throughput with 2 instances: bench/bench_convert.py.)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service import create_app
from service.auth.principals import COMMAND_LINE, Principal
from service.auth.tokens import create_api_token
from service.conversion.cold import ColdSofficeConverter
from service.conversion.local import LocalConverterPool
from service.documents.annexes import annex_pdf
from service.documents.contexts import build_context
from service.documents.dossier import concept_note_of_incoming_term, dossier_draft
from service.documents.drafts import Stamp
from service.documents.issuing import issue_document
from service.documents.models import IssuedDocument
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Meeting
from service.pdf.facts import page_count
from service.pdf.merge import Part, merge
from service.pdf.pages import Bookmark, finish
from service.templating.compose import WordPart, compose
from service.templating.render import render_docx


def timed(function, rounds: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="profile one composed dossier")
    rounds = parser.parse_args().rounds
    workdir = Path(tempfile.mkdtemp(prefix="bench-issue-"))
    pool = LocalConverterPool(size=2, workdir=workdir / "pool")
    pool.start()
    app = create_app({"DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}", "DATA_DIR": str(workdir),
                      "CONVERTER": pool})
    runner = app.test_cli_runner()
    runner.invoke(args=["init"])
    runner.invoke(args=["demo", "--year", "2026"])
    actor = Principal(party="st_crm")
    with app.app_context():
        store = app.extensions["tripartito"].store
        meeting = db.session.scalars(db.select(Meeting).where(Meeting.minutes.has())).first()
        _, secret = create_api_token(party="st_crm", country=None, actor=COMMAND_LINE, now=datetime.now(UTC))
        db.session.commit()
        context = build_context("minutes", meeting.id, "es", datetime.now(UTC).date())
        context["header"] |= {"reference": "ET-CRM/2026/MIN-001", "issued_on": datetime.now(UTC).date()}
        docx = render_docx("minutes", "es", context)
        pool.convert(docx)  # wait until warm

        cold = ColdSofficeConverter(workdir=workdir)
        cold_ms, _ = timed(lambda: cold.convert(docx), max(3, rounds // 2))

        counter = iter(range(10_000))

        def issue_changed() -> None:
            meeting.minutes.next_meeting = f"Próxima reunión: variante {next(counter)}"
            db.session.commit()
            issue_document("minutes", meeting.id, "es", actor=actor, now=datetime.now(UTC), converter=pool,
                           store=store)
            db.session.commit()

        warm_ms, _ = timed(issue_changed, rounds)

        client = app.test_client()
        headers = {"Authorization": f"Bearer {secret}"}
        body = {"kind": "minutes", "subject_id": meeting.id, "language": "es"}
        client.post("/api/v1/documents", json=body, headers=headers)
        repeat_ms, _ = timed(lambda: client.post("/api/v1/documents", json=body, headers=headers), rounds * 3)

        pdf = pool.convert(docx)
        parts = [Part(f"Parte {i}", pdf, pdfa=True) for i in range(10)]
        merge_ms, _ = timed(lambda: merge(parts, title="Expediente", author="ET", subject="GRCM", language="es",
                                          created=datetime.now(UTC)), rounds)

        # The composed dossier (issue 12): its parts issued once, then making it (cover + contents, compose the
        # Word parts, one conversion, annex laid on its pages, bookmarks) measured end to end, and its steps.
        grcm = db.session.scalars(db.select(GrcmMeeting).order_by(GrcmMeeting.starts_at_utc)).first()
        upload = concept_note_of_incoming_term(grcm)
        if upload is not None and upload.pdf_sha256 is None:  # the demo's note waits for its first issue; an
            upload.pdf_sha256 = store.put(annex_pdf(upload, pool, store), "application/pdf",  # upload is
                                          now=datetime.now(UTC))  # normalised when it is uploaded
            db.session.commit()
        issue_document("dossier", grcm.id, "es", actor=actor, now=datetime.now(UTC), converter=pool, store=store)
        db.session.commit()

        def issue_version(kind: str, subject_id: int):
            return issue_document(kind, subject_id, "es", actor=actor, now=datetime.now(UTC), converter=pool,
                                  store=store).document

        draft = dossier_draft(grcm.id, "es", issue_version=issue_version, converter=pool, store=store)
        stamp = Stamp(reference="ET-CRM/2026/DOS-001", version=1, title="Expediente", language="es",
                      issued_at=datetime.now(UTC))
        dossier_ms, _ = timed(lambda: draft.make(stamp), rounds)
        if "--profile" in sys.argv:
            import cProfile
            cProfile.runctx("draft.make(stamp)", globals(), locals(), sort="cumulative")
        dossier_pages = page_count(draft.make(stamp).pdf)
        steps = dossier_steps(grcm.id, store, pool, rounds)
    pool.stop()

    print(f"{'measure':<58}{'median':>10}   target")
    print(f"{'cold soffice --convert-to (same minutes DOCX)':<58}{cold_ms:>8.0f}ms")
    print(f"{'issue minutes end to end, warm pool':<58}{warm_ms:>8.0f}ms")
    print(f"{'  ratio cold / warm':<58}{cold_ms / warm_ms:>9.1f}x   >= 4x")
    print(f"{'repeated issue, unchanged data (HTTP, no conversion)':<58}{repeat_ms:>8.1f}ms   < 50 ms")
    print(f"{'merge a dossier of 10 documents (pypdf, the old dossier)':<58}{merge_ms:>8.0f}ms   < 300 ms")
    label = f"composed dossier end to end ({dossier_pages} pages, parts issued)"
    print(f"{label:<58}{dossier_ms:>8.0f}ms   <= 1500 ms")
    for name, ms in steps.items():
        print(f"{'  ' + name:<58}{ms:>8.0f}ms")


def dossier_steps(grcm_id: int, store, pool, rounds: int) -> dict[str, float]:
    """The composed dossier's steps on their own: compose the Word files, convert once, finish the PDF."""
    parts = db.session.scalars(db.select(IssuedDocument).where(IssuedDocument.docx_sha256.is_not(None),
                                                               IssuedDocument.kind != "work_plan")).all()
    cover = store.get(parts[0].docx_sha256)
    word = [WordPart(store.get(p.docx_sha256), f"dossier_part_{n}") for n, p in enumerate(parts[1:], start=1)]
    compose_ms, _ = timed(lambda: compose(cover, word), rounds)
    docx = compose(cover, word)
    convert_ms, _ = timed(lambda: pool.convert(docx, pdfa=True), rounds)
    pdf = pool.convert(docx, pdfa=True)
    finish_ms, _ = timed(lambda: finish(pdf, bookmarks=[Bookmark("Portada", 0)]), rounds)
    return {f"compose {len(parts)} Word files (docxcompose)": compose_ms,
            f"convert the composed file once ({page_count(pdf)} pages)": convert_ms,
            "finish: bookmarks, page labels (pikepdf)": finish_ms}


if __name__ == "__main__":
    main()
