"""Issue 14 item 8: every page each role can reach passes axe-core (no serious or critical violation) at 1280 px
and 390 px, and at 390 px the page is no wider than the screen. The pages are found by following links from the
navigation, so pages added later are checked without touching this file."""

from __future__ import annotations

import time

import pytest

from tests.browser.crawl import AXE, ROLES, WIDTHS, check, load_demo_world, seeds, sign_in, walk
from tests.conftest import NOW

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_year(app) -> None:
    load_demo_world(NOW)


def test_every_reachable_page_passes_axe_and_fits_a_phone_for_every_role(browser, live_server, demo_year):
    assert AXE.exists(), "axe-core is missing: run `npm ci` (scripts/bootstrap.sh does)"
    started = time.monotonic()
    results, failures = [], []
    for role, email, _, _ in ROLES:  # one context (cookies) and one tab per role, reused from page to page
        context = browser.new_context(base_url=live_server, locale="es-CR", bypass_csp=True)  # lets axe in
        context.set_default_timeout(15_000)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        if email:
            sign_in(page, email)
        for pattern, url, status in walk(page, live_server, seeds(email)):
            if status >= 500:
                failures.append(f"{role} {pattern} ({url}): HTTP {status}")
            for width in WIDTHS:
                result = check(page, role, pattern, status, width)
                results.append(result)
                failures.extend(result.problems())
            failures.extend(f"{role} {pattern}: script error {error}" for error in errors)
            errors.clear()
        context.close()
    elapsed = time.monotonic() - started

    # The per-page table for the closing note: pytest shows it on failure, or always with -s.
    print(f"\n{'role':16} {'width':>5} {'wide':>5} {'HTTP':>4}  axe  page")
    for r in results:
        axe = "ok" if not r.violations else ",".join(v["id"] for v in r.violations)
        print(f"{r.role:16} {r.width:5} {r.scroll_width:5} {r.status:4}  {axe:4} {r.pattern}")
    print(f"{len(results)} checks of {len(results) // 2} pages in {elapsed:.1f} s")
    assert {r.role for r in results} == {role for role, *_ in ROLES}
    assert not failures, "\n".join(failures)
