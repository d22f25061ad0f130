"""Shared builders and parsers for the calendar tests (imported as a plain module)."""

import json
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from calendars import CalendarGrcmMeeting, CalendarMeeting, Deadline, FeedOptions

REPO = Path(__file__).resolve().parents[2]
PARSER = REPO / "tests" / "js" / "parse_ics.mjs"
HOST = "tripartito.example.org"
NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def options(**changes: Any) -> FeedOptions:
    base = FeedOptions(
        host=HOST,
        language="es",
        organizer_email="st-crm@example.org",
        organizer_name="ST-CRM",
        now=NOW,
    )
    return replace(base, **changes)


def meeting(**changes: Any) -> CalendarMeeting:
    base = CalendarMeeting(
        id=42,
        kind="ordinary",
        title="Reunión ordinaria del segundo trimestre",
        starts_at=datetime(2025, 4, 8, 10, 0),
        ends_at=datetime(2025, 4, 8, 12, 0),
        timezone="America/Guatemala",
        modality="in_person",
        location="Ciudad de Guatemala",
        video_url=None,
        agenda=("Apertura", "Informe de la PPT"),
        status="scheduled",
        sequence=0,
        created_at=datetime(2025, 1, 10, 15, 30, tzinfo=UTC),
        last_modified=datetime(2025, 1, 10, 15, 30, tzinfo=UTC),
    )
    return replace(base, **changes)


def grcm(**changes: Any) -> CalendarGrcmMeeting:
    base = CalendarGrcmMeeting(
        id=7,
        title="XXX Reunión del GRCM",
        starts_at=datetime(2025, 6, 10, 9, 0),
        ends_at=datetime(2025, 6, 12, 17, 0),
        timezone="America/Tegucigalpa",
        location="Tegucigalpa",
        sequence=1,
        created_at=datetime(2024, 11, 1, tzinfo=UTC),
        last_modified=datetime(2025, 2, 1, tzinfo=UTC),
    )
    return replace(base, **changes)


def deadline(**changes: Any) -> Deadline:
    base = Deadline(
        key="report-due-grcm-7",
        kind="monitoring_report_due",
        on=date(2025, 4, 10),
        related_title="XXX Reunión del GRCM",
        sequence=0,
        last_modified=datetime(2025, 2, 1, tzinfo=UTC),
    )
    return replace(base, **changes)


def parse_icalendar(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def vevents(data: bytes) -> list:
    return parse_icalendar(data).walk("VEVENT")


def parse_icaljs(data: bytes) -> dict[str, Any]:
    """Parse with Thunderbird's ical.js; missing tooling is a failure, never a skip."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: the independent ical.js check needs Node.js >= 18")
    if not (REPO / "node_modules" / "ical.js" / "package.json").exists():
        pytest.fail("node_modules/ical.js is missing: run `npm ci` in the repository root")
    done = subprocess.run([node, str(PARSER)], input=data, capture_output=True, cwd=REPO, timeout=60, check=False)
    if done.returncode != 0:
        pytest.fail(f"ical.js could not parse the calendar:\n{done.stderr.decode()}")
    return json.loads(done.stdout)


def icaljs_event(parsed: dict[str, Any], uid: str) -> dict[str, Any]:
    matches = [event for event in parsed["events"] if event["uid"] == uid]
    assert len(matches) == 1, f"{uid} appears {len(matches)} times"
    return matches[0]


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[: -len(b"\r\n")].split(b"\r\n")
