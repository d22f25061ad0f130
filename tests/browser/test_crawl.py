"""The walk's own rules (no browser): which addresses count as pages, and which pages count as the same page."""

from __future__ import annotations

from tests.browser.crawl import route_pattern, worth_visiting

ORIGIN = "http://127.0.0.1:5000"


def test_pages_of_one_route_share_a_pattern_whatever_the_record_the_filter_or_the_language():
    assert route_pattern(f"{ORIGIN}/meetings/12/minutes") == route_pattern(f"{ORIGIN}/meetings/345/minutes")
    assert route_pattern(f"{ORIGIN}/meetings/12/minutes?lang=en") == "/meetings/{n}/minutes"
    assert route_pattern(f"{ORIGIN}/documents?year=2026&state=issued") == "/documents"
    assert route_pattern(f"{ORIGIN}/documents/7.pdf") == "/documents/{n}"
    assert route_pattern(f"{ORIGIN}/meetings/new") != route_pattern(f"{ORIGIN}/meetings/12")


def test_downloads_other_sites_and_signing_out_are_not_visited():
    assert worth_visiting(f"{ORIGIN}/grcm-meetings/3/documents", ORIGIN)
    for path in ("/documents/4.pdf", "/calendars/abc/tripartito.ics", "/translations/minutes/2.xlf",
                 "/static/tripartito.css", "/api/v1/meetings", "/sign-out"):
        assert not worth_visiting(ORIGIN + path, ORIGIN), path
    assert not worth_visiting("https://reuniones.crmsv.org/et/primera", ORIGIN)
    assert not worth_visiting("http://127.0.0.1:5001/dashboard", ORIGIN)
