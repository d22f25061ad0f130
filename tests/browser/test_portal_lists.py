"""The portal's calendar address in a real browser: the copy button copies it; without JavaScript the button is
absent and the address is still there to select. And a list's filter form, filled and sent like a person would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from tests.browser.conftest import served
from tests.browser.test_web_flow import people, sign_in  # noqa: F401 - fixture

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_server(_app: Flask) -> Iterator[str]:
    """As tests/browser/conftest.py's, without the LibreOffice pool: nothing here issues a PDF."""
    with served(_app) as url:
        yield url


def test_the_copy_button_puts_the_calendar_address_on_the_clipboard(context, people):  # noqa: F811
    from playwright.sync_api import expect

    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    sign_in(page, "enlace@bz.example")
    page.goto("/portal/calendar")
    page.get_by_role("button", name="Obtener mi dirección de calendario").click()
    address = page.locator("#feed-url").input_value()
    page.get_by_role("button", name="Copiar la dirección").click()
    expect(page.locator("#feed-url-copied")).to_have_text("Copiada: péguela en su calendario.")
    assert page.evaluate("navigator.clipboard.readText()") == address


def test_without_javascript_the_address_is_shown_and_the_button_is_not(browser, live_server, people):  # noqa: F811
    context = browser.new_context(base_url=live_server, locale="es-CR", java_script_enabled=False)
    try:
        page = context.new_page()
        sign_in(page, "enlace@bz.example")
        page.goto("/portal/calendar")
        page.get_by_role("button", name="Obtener mi dirección de calendario").click()
        assert page.locator("#feed-url").input_value().endswith("/tripartito.ics")
        assert not page.get_by_role("button", name="Copiar la dirección").is_visible()
    finally:
        context.close()


def test_the_filter_form_narrows_a_list_and_keeps_what_was_asked(context, people):  # noqa: F811
    page = context.new_page()
    sign_in(page, "ana@crm.example")
    page.wait_for_url("**/dashboard")
    page.goto("/grcm-meetings")
    page.get_by_label("Buscar").fill("ciudad de panama")
    page.get_by_label("Estado", exact=True).select_option("upcoming")
    page.get_by_role("button", name="Filtrar").click()
    assert "q=ciudad+de+panama" in page.url
    assert page.locator("tbody tr").count() == 1
    assert page.get_by_label("Buscar").input_value() == "ciudad de panama"
    page.get_by_role("link", name="Fecha ya pasada (0)").click()
    assert page.locator("tbody tr").count() == 0
    assert page.get_by_label("Buscar").input_value() == "ciudad de panama"
