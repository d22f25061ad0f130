"""ETag and Last-Modified change exactly when the feed bytes would."""

from datetime import UTC, datetime, timedelta

from calendars import build_feed, serialise
from calendars.cache import feed_etag, feed_last_modified
from tests.calendars.calendar_testkit import deadline, grcm, meeting, options

ENDED = datetime(2025, 4, 8, 18, 0, tzinfo=UTC)  # end of the default meeting, in UTC


def test_etag_is_stable_for_the_same_data_in_any_order():
    items = [meeting(id=1), meeting(id=2)]
    assert feed_etag(items, [grcm()], [deadline()], options()) == feed_etag(
        items[::-1], [grcm()], [deadline()], options()
    )


def test_etag_changes_with_an_edit_the_language_or_the_host():
    base = feed_etag([meeting()], [], [], options())
    assert feed_etag([meeting(sequence=1, title="Nuevo")], [], [], options()) != base
    assert feed_etag([meeting()], [], [], options(language="en")) != base
    assert feed_etag([meeting()], [], [], options(host="cal.example.org")) != base


def test_etag_and_last_modified_change_when_a_cancelled_meeting_drops_out():
    cancelled = meeting(status="cancelled", last_modified=datetime(2025, 2, 1, tzinfo=UTC))
    kept = options(keep_cancelled_days=10, now=ENDED + timedelta(days=10))
    dropped = options(keep_cancelled_days=10, now=ENDED + timedelta(days=11))
    assert serialise(build_feed([cancelled], [], [], kept)) != serialise(build_feed([cancelled], [], [], dropped))
    assert feed_etag([cancelled], [], [], kept) != feed_etag([cancelled], [], [], dropped)
    assert feed_last_modified([cancelled], [], [], kept) == datetime(2025, 2, 1, tzinfo=UTC)
    assert feed_last_modified([cancelled], [], [], dropped) == ENDED + timedelta(days=10)


def test_last_modified_is_the_latest_change_or_none_for_an_empty_feed():
    latest = datetime(2025, 5, 1, 8, 30, tzinfo=UTC)
    items = [meeting(id=1), meeting(id=2, last_modified=latest)]
    assert feed_last_modified(items, [grcm()], [deadline()], options()) == latest
    assert feed_last_modified([], [], [], options()) is None
