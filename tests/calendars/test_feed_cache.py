"""The in-process cache of serialised feeds: keyed by ETag, bounded by entries and bytes."""

from __future__ import annotations

from calendars import FeedCache, fingerprint_etag
from tests.calendars.calendar_testkit import options


def test_least_recently_used_entry_goes_first_when_full():
    cache = FeedCache(max_entries=2)
    cache.put("a", b"1")
    cache.put("b", b"2")
    assert cache.get("a") == b"1"  # a is now the most recent
    cache.put("c", b"3")
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (b"1", None, b"3")


def test_byte_budget_evicts_and_oversized_feeds_are_not_cached():
    cache = FeedCache(max_entries=10, max_bytes=10)
    cache.put("a", b"x" * 6)
    cache.put("b", b"y" * 6)
    assert (cache.get("a"), len(cache)) == (None, 1)
    cache.put("huge", b"z" * 11)
    assert cache.get("huge") is None
    assert cache.get("b") == b"y" * 6


def test_fingerprint_etag_depends_on_the_fingerprint_and_the_options():
    base = fingerprint_etag((1, 2), options())
    assert base == fingerprint_etag((1, 2), options())
    assert base != fingerprint_etag((1, 3), options())
    assert base != fingerprint_etag((1, 2), options(language="en"))
    assert base != fingerprint_etag((1, 2), options(keep_cancelled_days=30))
