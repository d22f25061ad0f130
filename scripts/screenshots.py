"""Regenerate docs/screenshots/: every page a role reaches from the menu, at 1280 px and 390 px, from the demo year.

    .venv/bin/python scripts/screenshots.py                      # ST-CRM, a member country, nobody signed in
    .venv/bin/python scripts/screenshots.py --roles all --out /tmp/shots

Run on demand (not by the tests, so testing leaves the tree clean). It walks the pages the way
tests/browser/test_accessibility.py does (tests/browser/crawl.py), on a throwaway SQLite database holding the demo
year as of 28 November 2026, served on 127.0.0.1 by Debian's Chromium (PLAYWRIGHT_CHROMIUM_EXECUTABLE). Files are
docs/screenshots/<role>/<page>.<width>.png, the visible screen only (not the whole scrolled page).
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from werkzeug.serving import make_server  # noqa: E402

from service import create_app  # noqa: E402
from service.adapters import FixedClock  # noqa: E402
from service.extensions import db  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS  # noqa: E402
from tests.browser.crawl import HEIGHT, ROLES, WIDTHS, load_demo_world, seeds, sign_in, walk  # noqa: E402

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # the tests' date: the same dashboard deadlines every time
DEFAULT_ROLES = ("ST-CRM", "member country", "anonymous")  # the other two parties see the ST-CRM's pages


def slug(text: str) -> str:
    """`/meetings/{n}/minutes` → `meetings-n-minutes`; `member country` → `member-country`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "index"


def save(png: bytes, path: Path) -> None:
    """64 colours are plenty for these flat pages and make the files a third of the size (Pillow comes with
    pikepdf); without Pillow the browser's PNG is kept as it is."""
    try:
        from PIL import Image
    except ImportError:
        path.write_bytes(png)
        return
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(path, "PNG", optimize=True)


@contextmanager
def demo_server() -> Iterator[str]:
    """The app on a throwaway SQLite database holding the demo year and one account per role, served on
    127.0.0.1 in a thread; yields its origin."""
    from flask_migrate import upgrade

    from service.reference.operations import load_reference_data

    with tempfile.TemporaryDirectory() as work:
        app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{work}/shots.sqlite3", "DATA_DIR": work,
                          "SECRET_KEY": "screenshots", "CLOCK": FixedClock(NOW), "PUBLIC_HOST": "tripartito.test"})
        with app.app_context():
            upgrade(directory=app.extensions["migrate"].directory, revision="heads")
            load_reference_data()
            load_demo_world(NOW)
            db.session.remove()
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request would bury the summary
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--roles", default=",".join(DEFAULT_ROLES), help="comma-separated, or 'all'")
    args = parser.parse_args(argv)
    wanted = [role for role in ROLES if args.roles == "all" or role[0] in args.roles.split(",")]

    from playwright.sync_api import sync_playwright

    executable = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
    count = 0
    with demo_server() as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        for role, email, _, _ in wanted:
            folder = args.out / slug(role)
            shutil.rmtree(folder, ignore_errors=True)  # pages that are gone leave no stale image
            folder.mkdir(parents=True)
            context = browser.new_context(base_url=origin, locale="es-CR")
            page = context.new_page()
            if email:
                sign_in(page, email)
                page.set_viewport_size({"width": 390, "height": 844})
                page.locator(".menu > summary").click()  # the folded menu, opened
                save(page.screenshot(), folder / "menu-open.390.png")
                count += 1
            for pattern, _, _ in walk(page, origin, seeds(email)):
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": HEIGHT if width > 400 else 844})
                    save(page.screenshot(), folder / f"{slug(pattern)}.{width}.png")
                    count += 1
            context.close()
        browser.close()
    print(f"{count} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
