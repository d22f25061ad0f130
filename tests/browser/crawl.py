"""Walk the web pages a person can reach, as that person, and check each at desk and phone width.

Used by tests/browser/test_accessibility.py (axe-core + page width, every role) and scripts/screenshots.py
(the same walk, saving an image of each page). Pages are found, not listed: any page another branch adds is
checked once a link leads to it. One page per route pattern (`/meetings/{n}` once, not per meeting)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DESK, PHONE = 1280, 390
WIDTHS = (DESK, PHONE)
HEIGHT = 900
BLOCKING = ("serious", "critical")
# Downloads (the browser would save them, not show them) and places that are not pages of this application.
SKIPPED_SUFFIXES = (".ics", ".pdf", ".xlf", ".docx", ".zip", ".json", ".png", ".csv")
SKIPPED_PREFIXES = ("/static/", "/api/", "/calendars/", "/healthz")
_ID = re.compile(r"^\d+(\.\w+)?$")
PASSWORD = "una clave bastante larga"
# (role, e-mail, party, country): the three parties of the team, a member country, and nobody signed in.
ROLES = [
    ("ST-CRM", "crm@example.org", "st_crm", None),
    ("ST-RROCM", "rrocm@example.org", "st_rrocm", None),
    ("PPT", "ppt@example.org", "ppt", "HN"),  # Honduras holds the Presidencia Pro Tempore in the demo year
    ("member country", "enlace@bz.example", None, "BZ"),
    ("anonymous", None, None, None),
]
ANONYMOUS_SEEDS = ["/", "/sign-in", "/portal", "/no-such-page"]  # the last one: the error page


def load_demo_world(now: datetime) -> None:
    """The demo year (its one issued-and-withdrawn document converted by the stand-in) and one account per role."""
    from service.accounts.operations import create_user
    from service.auth.principals import Principal
    from service.demo import load_demo
    from service.extensions import db
    from tests.fakes import CountingConverter

    load_demo(now.year, now=now, converter=CountingConverter())
    for _, email, party, country in ROLES:
        if email:
            create_user(email=email, party=party, country=country, password=PASSWORD, now=now,
                        actor=Principal(party="st_crm"))
    db.session.commit()


def seeds(email: str | None) -> list[str]:
    return ["/"] if email else ANONYMOUS_SEEDS


def route_pattern(url: str) -> str:
    """`/meetings/12/minutes?lang=en` → `/meetings/{n}/minutes`: pages of one route are visited once. The query is
    left out: filtered lists, other languages and sign-in's `next` show the same template as the plain address."""
    return "/".join("{n}" if _ID.match(segment) else segment for segment in urlsplit(url).path.split("/"))


def worth_visiting(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != origin:
        return False
    if parts.path.startswith(SKIPPED_PREFIXES) or parts.path.lower().endswith(SKIPPED_SUFFIXES):
        return False
    return "sign-out" not in parts.path and "logout" not in parts.path


@dataclass
class Check:
    """One page at one width: what axe found (serious and critical only) and how wide the page is."""

    role: str
    pattern: str
    url: str
    width: int
    status: int
    scroll_width: int
    violations: list[dict] = field(default_factory=list)
    widest: str = ""  # at phone width, the element sticking out furthest (named in the failure)

    @property
    def too_wide(self) -> bool:
        return self.width == PHONE and self.scroll_width > PHONE

    @property
    def ok(self) -> bool:
        return not self.violations and not self.too_wide

    def problems(self) -> Iterator[str]:
        where = f"{self.role} {self.pattern} ({self.url}) at {self.width} px"
        if self.too_wide:
            yield f"{where}: page is {self.scroll_width} px wide (scrolls sideways; widest: {self.widest})"
        for violation in self.violations:
            targets = "; ".join(" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                                for node in violation["nodes"][:5])
            yield (f"{where}: axe {violation['id']} ({violation['impact']}): {violation['help']} — "
                   f"{len(violation['nodes'])} element(s): {targets}")


# The element that sticks out furthest to the right, so a width failure names its culprit (elements inside a frame
# that scrolls or clips them are not culprits: they do not widen the page).
_WIDEST = """() => {
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  let worst = null, right = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > right + 0.5 && r.width > 0 && !clipped(el)) { right = r.right; worst = el; }
  }
  if (!worst) return '';
  const name = worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '') +
    (worst.className && typeof worst.className === 'string' ? '.' + worst.className.trim().replace(/\\s+/g, '.') : '');
  return name + ' (right edge ' + Math.round(right) + ' px): ' + worst.outerHTML.slice(0, 120);
}"""

_AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 160)}))}));
}"""


def check(page, role: str, pattern: str, status: int, width: int) -> Check:
    """axe-core and the page width, at `width` px (the page is re-laid out, not reloaded)."""
    page.set_viewport_size({"width": width, "height": HEIGHT})
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    violations = [v for v in page.evaluate(_AXE_RUN) if v["impact"] in BLOCKING]
    result = Check(role=role, pattern=pattern, url=urlsplit(page.url).path, width=width, status=status,
                   scroll_width=page.evaluate("document.documentElement.scrollWidth"), violations=violations)
    if result.too_wide:
        result.widest = page.evaluate(_WIDEST)
    return result


# Links, and what each GET form (search, filters) would show if sent as it stands: its result page is a page too.
_TARGETS = """() => [
  ...[...document.querySelectorAll('a[href]:not([download])')].map(a => a.href.split('#')[0]),
  ...[...document.querySelectorAll('form')].filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'get')
     .map(f => { const u = new URL(f.action, location.href);
                 u.search = new URLSearchParams(new FormData(f)).toString(); return u.href; }),
]"""


def links(page, origin: str) -> list[str]:
    return [href for href in page.evaluate(_TARGETS) if worth_visiting(href, origin)]


def walk(page, origin: str, seeds: list[str], *, limit: int = 120) -> Iterator[tuple[str, str, int]]:
    """Breadth first from `seeds` (paths), yielding (route pattern, url, status) with the page loaded at each step.
    The caller checks or photographs the page before asking for the next one. More than `limit` patterns is an
    error rather than a silent cut: a page left out would go unchecked."""
    queue = deque(origin + seed for seed in seeds)
    seen: set[str] = set()
    while queue:
        url = queue.popleft()
        pattern = route_pattern(url)
        if pattern in seen:
            continue
        if len(seen) >= limit:
            raise RuntimeError(f"more than {limit} kinds of page (next: {pattern}): raise walk()'s limit")
        seen.add(pattern)
        page.set_viewport_size({"width": DESK, "height": HEIGHT})
        try:
            response = page.goto(url)
        except Exception as error:  # a download with a page-like address (e.g. a concept note): not a page
            if "Download is starting" in str(error):
                continue
            raise
        landed = route_pattern(page.url)
        if landed != pattern and landed in seen:  # a redirect to a page already checked (e.g. sign-in)
            continue
        seen.add(landed)
        yield landed, page.url, response.status if response else 0
        queue.extend(href for href in links(page, origin) if route_pattern(href) not in seen)


def sign_in(page, email: str) -> None:
    page.goto("/sign-in")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
