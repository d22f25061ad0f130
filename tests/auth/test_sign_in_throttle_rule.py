"""The throttling rule over the times of recent failed sign-ins (pure: times in, seconds out)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from service.accounts.rules import THROTTLE_WINDOW, seconds_to_wait

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def test_fewer_failures_than_the_limit_need_no_wait():
    assert seconds_to_wait([NOW - timedelta(seconds=s) for s in range(4)], limit=5, now=NOW) is None


def test_the_wait_ends_when_the_oldest_counted_failure_leaves_the_window():
    failures = [NOW - timedelta(minutes=10)] + [NOW - timedelta(seconds=s) for s in range(4)]
    assert seconds_to_wait(failures, limit=5, now=NOW) == 5 * 60


def test_failures_older_than_the_window_do_not_count():
    old = [NOW - THROTTLE_WINDOW - timedelta(seconds=1)] * 10
    assert seconds_to_wait(old, limit=5, now=NOW) is None


def test_the_wait_is_never_zero_while_throttled():
    failures = [NOW - THROTTLE_WINDOW + timedelta(milliseconds=1)] * 5
    assert seconds_to_wait(failures, limit=5, now=NOW) == 1
