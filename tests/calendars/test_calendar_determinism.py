"""The same data gives byte-identical output (ETags and client caches depend on it)."""

import os
import subprocess
import sys
from datetime import datetime

from calendars import build_feed, serialise
from tests.calendars.calendar_testkit import REPO, deadline, grcm, meeting, options, vevents

_ZONES = ("America/New_York", "America/Mexico_City", "America/Guatemala", "America/Panama", "America/Toronto")


def _items():
    meetings = [
        meeting(id=i, timezone=zone, starts_at=datetime(2025, 1 + i, 5, 9), ends_at=datetime(2025, 1 + i, 5, 11))
        for i, zone in enumerate(_ZONES)
    ]
    return (
        meetings,
        [grcm()],
        [deadline(), deadline(key="pre-ppt-latest-term-3", kind="pre_ppt_meeting_latest")],
    )


def test_same_input_gives_identical_bytes():
    meetings, grcms, deadlines = _items()
    first = serialise(build_feed(meetings, grcms, deadlines, options()))
    second = serialise(build_feed(meetings, grcms, deadlines, options()))
    assert first == second


def test_input_order_does_not_change_the_output():
    meetings, grcms, deadlines = _items()
    forward = serialise(build_feed(meetings, grcms, deadlines, options()))
    backward = serialise(build_feed(meetings[::-1], grcms, deadlines[::-1], options()))
    assert forward == backward


def test_events_are_sorted_by_utc_start_then_uid():
    meetings, grcms, deadlines = _items()
    # Same local start as meeting 0 but a zone further west, and a twin with a lower UID: ordering ties.
    meetings += [meeting(id=20, starts_at=datetime(2025, 1, 5, 9), ends_at=datetime(2025, 1, 5, 10))]
    meetings += [meeting(id=10, starts_at=datetime(2025, 1, 5, 9), ends_at=datetime(2025, 1, 5, 10))]
    events = vevents(serialise(build_feed(meetings, grcms, deadlines, options())))
    uids = [str(event["UID"]) for event in events]
    assert uids[:3] == [
        "meeting-0@tripartito.example.org",  # 09:00 New York = 14:00 UTC
        "meeting-10@tripartito.example.org",  # 09:00 Guatemala = 15:00 UTC; same instant:
        "meeting-20@tripartito.example.org",  # ...ordered by UID
    ]
    assert len(uids) == len(set(uids)) == 10


def test_a_later_now_does_not_change_a_feed_without_expiring_items():
    meetings, grcms, deadlines = _items()
    early = serialise(build_feed(meetings, grcms, deadlines, options()))
    late = serialise(
        build_feed(meetings, grcms, deadlines, options(now=datetime.fromisoformat("2025-09-01T00:00:00+00:00")))
    )
    assert early == late


_SCRIPT = """
import sys
sys.path.insert(0, "tests/calendars")
from test_calendar_determinism import _items
from calendars import build_feed, serialise
from tests.calendars.calendar_testkit import options
meetings, grcms, deadlines = _items()
sys.stdout.buffer.write(serialise(build_feed(meetings, grcms, deadlines, options())))
"""


def test_output_is_identical_across_processes_with_different_hash_seeds():
    # Set iteration order varies with PYTHONHASHSEED; several VTIMEZONEs must still come out in one order.
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _SCRIPT], cwd=REPO, env=env, capture_output=True, check=True, timeout=60
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert outputs.pop().count(b"BEGIN:VTIMEZONE") == len(_ZONES) + 1  # + the GRCM meeting's zone
