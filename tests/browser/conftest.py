"""A real server (the test app, in a thread) and Debian's Chromium driven by Playwright: one of each per module."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@contextmanager
def served(app: Flask) -> Iterator[str]:
    """The app served on 127.0.0.1 at a free port, in a thread, for the length of the block: its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def live_server(_app: Flask, libreoffice) -> Iterator[str]:
    """The session's test app served on 127.0.0.1 at a free port, issuing PDFs with the real LibreOffice pool."""
    services = _app.extensions["tripartito"]
    saved, services.converter = services.converter, libreoffice
    try:
        with served(_app) as url:
            yield url
    finally:
        services.converter = saved


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright import sync_api

    executable = os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium")
    if not Path(executable).exists():  # scripts/check.sh installs Debian's chromium: a missing one is a setup fault
        pytest.fail(f"no Chromium at {executable}: run `bash scripts/bootstrap.sh` (Debian package chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, live_server: str, app: Flask) -> Iterator[object]:
    """A fresh browser profile (no cookies) per test, Spanish first like most CRM users."""
    ctx = browser.new_context(base_url=live_server, locale="es-CR", accept_downloads=True,
                              viewport={"width": 1100, "height": 820})
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


def screenshot(page, name: str) -> None:
    """Save the screen only when TRIPARTITO_SCREENSHOTS names a folder: a test run leaves the tree clean.
    docs/screenshots/ comes from scripts/screenshots.py, on demand."""
    folder = os.environ.get("TRIPARTITO_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)
