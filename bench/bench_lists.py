"""The list pages' cost with a busy register, medians side by side (no assertions).

    .venv/bin/python bench/bench_lists.py [--references 150] [--meetings 200] [--rounds 30]

Fills a register of --references documents, each issued in Spanish and English in two versions (4 copies per
reference, frozen minutes data of ~6 KB each, 11 distribution rows per copy), and --meetings meetings; then times
GET /documents (every version, es/en paired, delivery; its first page), the same with a search and with a
kind and state filter, /portal as a
member country (latest versions, upcoming meetings) and /meetings with a search. Every list renders one page of
its rows (service.web.listing.PAGE_SIZE). /documents reads column-only rows for filtering and counting and loads
whole only the page's copies; it is timed in turns, request by request, with the view it replaced (every copy
loaded whole, with its subject's frozen data, on every request: "before"). The search folds accents in Python.
SQLite in a temporary folder (TRIPARTITO_DATABASE_URL not used).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
PASSWORD = "correct horse battery"  # noqa: S105 - a throwaway account in a temporary database


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def fill(references: int, meetings: int) -> None:
    from service.accounts.operations import create_user
    from service.auth.principals import COMMAND_LINE
    from service.documents.models import Distribution, DocumentReference, IssuedDocument, StoredFile
    from service.extensions import db
    from service.meetings.models import Meeting
    from service.reference.operations import member_country_codes

    create_user(email="st@bench.example", party="st_crm", country=None, password=PASSWORD, actor=COMMAND_LINE,
                now=NOW)
    create_user(email="bz@bench.example", party=None, country="BZ", password=PASSWORD, actor=COMMAND_LINE, now=NOW)
    countries = member_country_codes()
    discussion = "Se revisó el avance de la hoja de ruta con la participación de la sociedad civil. " * 70
    db.session.add(StoredFile(sha256="0" * 64, media_type="application/pdf", size=1, content=b"%", created_at=NOW))
    for n in range(references):
        day = datetime(2026, 1, 5) + timedelta(days=2 * n)
        reference = DocumentReference(kind="minutes", subject_id=n + 1, year=2026, number=n + 1,
                                      reference=f"ET-CRM/2026/MIN-{n + 1:03d}")
        db.session.add(reference)
        db.session.flush()
        context = {"meeting": {"kind": "ordinary", "title": f"Reunión ordinaria número {n + 1}",
                               "starts_at": day.isoformat()}, "agenda_items": [{"title": "Avance",
                                                                                "discussion": discussion}]}
        for language in ("es", "en"):
            previous = None
            for version in (1, 2):
                document = IssuedDocument(
                    kind="minutes", subject_id=n + 1, language=language, reference_id=reference.id,
                    version=version, title="Minuta", pdf_sha256="0" * 64, pages=6, issued_at=NOW,
                    issued_by="st_crm", context=context, context_sha256="0" * 64,
                    supersedes_id=previous.id if previous else None)
                db.session.add(document)
                db.session.flush()
                previous = document
                db.session.add_all(Distribution(document_id=document.id, country=code, status="sent", recipients=[])
                                   for code in countries)
    for n in range(meetings):
        starts = datetime(2020, 1, 6, 10) + timedelta(days=7 * n)
        db.session.add(Meeting(kind="extraordinary", title=f"Reunión de coordinación {n}", starts_at=starts,
                               ends_at=starts + timedelta(hours=2), timezone="America/Panama",
                               starts_at_utc=(starts + timedelta(hours=5)).replace(tzinfo=UTC),
                               ends_at_utc=(starts + timedelta(hours=7)).replace(tzinfo=UTC), modality="virtual",
                               agenda=[], status="held", created_at=NOW, updated_at=NOW))
    db.session.commit()


def whole_register_view():
    """GET /documents as it was before the page read only its rows (issue 14): every copy loaded whole."""
    from flask import render_template
    from sqlalchemy import select

    from service.extensions import db
    from service.reference.models import Country
    from service.web import documents_port
    from service.web.document_pairs import DOCUMENT_FACETS, attach_deliveries, version_pairs
    from service.web.i18n import current_language
    from service.web.labels import DOCUMENT_KINDS, DOCUMENT_STATES
    from service.web.listing import list_page
    from service.web.views_documents import subject_url

    found = documents_port.register()
    pairs = version_pairs(found, current_language(), documents_port.subject_parts(found))
    listing = list_page(pairs, DOCUMENT_FACETS, states=DOCUMENT_STATES, kinds=DOCUMENT_KINDS)
    attach_deliveries(listing.rows)
    names = {c.code: c.name(current_language()) for c in db.session.scalars(select(Country))}
    return render_template("documents/list.html", pairs=listing.rows, listing=listing,
                           country_names=names, subject_url=subject_url), listing.status


def timed(client, path: str, rounds: int, expect: str) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(path)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
        assert expect in response.get_data(as_text=True), (path, expect)
    return median_ms(samples)


def timed_side_by_side(app, client, path: str, rounds: int, expect: str) -> tuple[float, float]:
    """(median of the current view, median of the view it replaced): the two alternate request by request, in
    turns, so a change of load on the shared machine weighs on both alike."""
    views = {"after": app.view_functions["web.documents"], "before": whole_register_view}
    samples: dict[str, list[float]] = {"after": [], "before": []}
    for n in range(rounds):
        for which in (("after", "before") if n % 2 else ("before", "after")):
            app.view_functions["web.documents"] = views[which]
            started = time.perf_counter()
            response = client.get(path)
            samples[which].append(time.perf_counter() - started)
            assert response.status_code == 200, (path, response.status_code)
            assert expect in response.get_data(as_text=True), (path, which, expect)
    app.view_functions["web.documents"] = views["after"]
    return median_ms(samples["after"]), median_ms(samples["before"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--references", type=int, default=150)
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    from flask_migrate import upgrade

    from service import create_app
    from service.adapters import FixedClock
    from service.reference.operations import load_reference_data
    from service.web.listing import PAGE_SIZE

    folder = Path(tempfile.mkdtemp())
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}", "DATA_DIR": str(folder),
                      "SECRET_KEY": "bench", "CLOCK": FixedClock(NOW), "TESTING": True, "WTF_CSRF_ENABLED": False})
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory, revision="heads")
        load_reference_data()
        fill(args.references, args.meetings)

    def signed_in(email: str):
        client = app.test_client()
        assert client.post("/sign-in", data={"email": email, "password": PASSWORD}).status_code == 302
        return client

    team, country = signed_in("st@bench.example"), signed_in("bz@bench.example")
    copies = args.references * 4
    newest = f"MIN-{args.references:03d}"
    listing, before = timed_side_by_side(app, team, "/documents", args.rounds, newest)
    # The newest meeting's number: one row whatever --references (a low number also matches longer ones).
    search, before_search = timed_side_by_side(app, team, f"/documents?q=REUNION+numero+{args.references}",
                                               args.rounds, newest)
    filtered, before_filtered = timed_side_by_side(app, team, "/documents?kind=minutes&state=current", args.rounds,
                                                   newest)
    portal = timed(country, "/portal", args.rounds, f"MIN-{args.references:03d}")
    meetings = timed(team, "/meetings", args.rounds, f"coordinación {args.meetings - 1}")
    meetings_q = timed(team, "/meetings?q=coordinacion+19", args.rounds, "coordinación 19")
    print(f"GET /documents, {copies} copies ({copies // 2} rows, first page of {PAGE_SIZE}): median {listing:.1f} ms"
          f" (before: {before:.1f} ms, {listing / before:.2f}×)")
    print(f"GET /documents?q=REUNION+numero+{args.references} (accent-folded search): median {search:.1f} ms"
          f" ({search / listing:.2f}× the list;"
          f" before: {before_search:.1f} ms, {search / before_search:.2f}×)")
    print(f"GET /documents?kind=minutes&state=current: median {filtered:.1f} ms"
          f" (before: {before_filtered:.1f} ms, {filtered / before_filtered:.2f}×)")
    print(f"GET /portal as a member country ({args.references} entries, first page): median {portal:.1f} ms")
    print(f"GET /meetings, {args.meetings} meetings (first page): median {meetings:.1f} ms; "
          f"with a search {meetings_q:.1f} ms ({meetings_q / meetings:.2f}×)")


if __name__ == "__main__":
    main()
