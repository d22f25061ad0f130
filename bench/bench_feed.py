"""The calendar feed, measured side by side in one run (medians; no assertions).

    .venv/bin/python bench/bench_feed.py [--meetings 1000] [--rounds 15]

Targets (issue 3): building and serialising a feed of 1,000 meetings in under 100 ms (median), and a 304
answer through the Flask test client in under 5 ms (median). Also printed, labelled: the first (cold) build
of a process, which makes the VTIMEZONE blocks; a 200 served from the in-process byte cache; a 200 that has
to query and build; and icalendar parsing the same feed, as a yardstick of what a client does with it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from icalendar import Calendar

from calendars import CalendarGrcmMeeting, CalendarMeeting, Deadline, FeedOptions, build_feed, serialise
from calendars.build import vtimezone

ZONES = ["America/Tegucigalpa", "America/New_York", "America/Mexico_City", "America/Panama", "America/Toronto"]
KINDS = ["ordinary", "pre_ppt", "extraordinary"]
NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)


def meetings(count: int) -> list[CalendarMeeting]:
    start = datetime(2022, 1, 10, 9)
    return [
        CalendarMeeting(
            id=i, kind=KINDS[i % 3], title=f"Reunión {i} del Equipo Tripartito: protección consular, niñez",
            starts_at=start + timedelta(days=2 * i), ends_at=start + timedelta(days=2 * i, hours=2),
            timezone=ZONES[i % len(ZONES)], modality="virtual" if i % 4 else "in_person",
            location="Ciudad de Guatemala" if i % 4 == 0 else None,
            video_url=f"https://reuniones.crmsv.org/et/{i}?pwd=abc" if i % 4 else None,
            agenda=("Bienvenida y aprobación de la agenda", "Plan de trabajo anual: avances", "Varios"),
            status="cancelled" if i % 25 == 0 else "scheduled", sequence=i % 5,
            created_at=NOW - timedelta(days=400), last_modified=NOW - timedelta(days=i % 300),
        )
        for i in range(1, count + 1)
    ]


def extras() -> tuple[list[CalendarGrcmMeeting], list[Deadline]]:
    grcm = [CalendarGrcmMeeting(id=i, title=f"Reunión del GRCM {2022 + i}", starts_at=datetime(2022 + i, 6, 10, 9),
                                ends_at=datetime(2022 + i, 6, 12, 17), timezone="America/Panama", location="Panamá",
                                sequence=0, created_at=NOW, last_modified=NOW) for i in range(6)]
    deadlines = [Deadline(key=f"report-due-grcm-{g.id}", kind="monitoring_report_due", on=g.starts_at.date(),
                          related_title=g.title, sequence=0, last_modified=NOW) for g in grcm]
    return grcm, deadlines


def median_ms(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def pure(count: int, rounds: int) -> list[tuple[str, float, str]]:
    items, (grcm, deadlines) = meetings(count), extras()
    options = FeedOptions(host="tripartito.crmsv.org", language="es", organizer_email="secretaria@crmsv.org",
                          organizer_name="ST-CRM", now=NOW)
    vtimezone.cache_clear()
    started = time.perf_counter()
    data = serialise(build_feed(items, grcm, deadlines, options))
    cold = (time.perf_counter() - started) * 1000
    build = median_ms(lambda: build_feed(items, grcm, deadlines, options), rounds)
    cal = build_feed(items, grcm, deadlines, options)
    ser = median_ms(lambda: serialise(cal), rounds)
    both = median_ms(lambda: serialise(build_feed(items, grcm, deadlines, options)), rounds)
    parse = median_ms(lambda: Calendar.from_ical(data), max(3, rounds // 5))
    return [
        (f"cold: first build+serialise in the process ({len(data) // 1024} KiB)", cold, "single run"),
        ("build (VTIMEZONEs cached)", build, ""),
        ("serialise", ser, ""),
        ("build + serialise", both, "target < 100 ms"),
        ("yardstick: icalendar parsing the same feed", parse, ""),
    ]


def http(count: int, rounds: int, sizes: dict[str, int]) -> list[tuple[str, float, str]]:
    from flask_migrate import upgrade

    from service import create_app
    from service.adapters import FixedClock
    from service.auth.principals import COMMAND_LINE
    from service.extensions import db
    from service.feeds.operations import create_feed_token
    from service.meetings.models import Meeting
    from service.reference.operations import load_reference_data

    folder = Path(tempfile.mkdtemp(prefix="bench-feed-"))
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}", "DATA_DIR": str(folder),
                      "CLOCK": FixedClock(NOW), "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade(directory=app.extensions["migrate"].directory, revision="heads")
        load_reference_data()
        for item in meetings(count):
            utc = item.starts_at.replace(tzinfo=UTC)  # close enough for a benchmark: only the feed reads it
            db.session.add(Meeting(kind=item.kind, title=item.title, starts_at=item.starts_at, ends_at=item.ends_at,
                                   timezone=item.timezone, starts_at_utc=utc, ends_at_utc=utc + timedelta(hours=2),
                                   modality=item.modality, location=item.location, video_url=item.video_url,
                                   agenda=list(item.agenda), status=item.status, created_at=item.created_at,
                                   updated_at=item.last_modified))
        _, secret = create_feed_token(party=None, country="BZ", actor=COMMAND_LINE, now=NOW)
        db.session.commit()
    client = app.test_client()
    url = f"/calendars/{secret}/tripartito.ics"
    first = client.get(url)
    assert first.status_code == 200, first.status_code
    etag = first.headers["ETag"]

    def uncached() -> None:
        app.extensions["tripartito.feed_cache"] = type(app.extensions["tripartito.feed_cache"])()
        client.get(url)

    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers.get("Content-Encoding") == "gzip"
    sizes.update(plain=len(first.data), gzip=len(zipped.data))
    return [
        ("HTTP 200 gzip (Accept-Encoding: gzip) from the byte cache",
         median_ms(lambda: client.get(url, headers={"Accept-Encoding": "gzip"}), rounds * 4), ""),
        ("HTTP 304 with Accept-Encoding: gzip (weak ETag)", median_ms(
            lambda: client.get(url, headers={"If-None-Match": zipped.headers["ETag"], "Accept-Encoding": "gzip"}),
            rounds * 4), "target: a few ms"),
        ("HTTP 304 (If-None-Match)", median_ms(lambda: client.get(url, headers={"If-None-Match": etag}), rounds * 4),
         "target < 5 ms"),
        ("HTTP 304 (If-Modified-Since)", median_ms(
            lambda: client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]}), rounds * 4), ""),
        ("HTTP 200 from the byte cache", median_ms(lambda: client.get(url), rounds * 4), ""),
        ("HTTP 200, cache emptied: query + build + serialise", median_ms(uncached, rounds), ""),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    sizes: dict[str, int] = {}
    rows = pure(args.meetings, args.rounds) + http(args.meetings, args.rounds, sizes)
    print(f"Calendar feed with {args.meetings} meetings (+6 GRCM meetings, 6 deadlines), medians in ms")
    width = max(len(name) for name, _, _ in rows)
    for name, value, note in rows:
        print(f"  {name:<{width}}  {value:8.2f}  {note}")
    print(f"Feed size over HTTP: {sizes['plain'] / 1024:.0f} KiB plain, {sizes['gzip'] / 1024:.1f} KiB gzip "
          f"({sizes['plain'] / sizes['gzip']:.1f}x smaller; target >= 10x)")


if __name__ == "__main__":
    main()
