"""Issue 14 item 7: on a phone the menu folds into one "Menú" control that opens without JavaScript; on a wide
screen every link shows. (Page widths and axe for every page: test_accessibility.py.)"""

from __future__ import annotations

import pytest

from tests.browser.crawl import DESK, PHONE, check, load_demo_world, sign_in
from tests.conftest import NOW

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_year(app) -> None:
    load_demo_world(NOW)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_phone_menu_opens_from_one_control_and_the_desk_shows_every_link(browser, live_server, demo_year,
                                                                             javascript):
    context = browser.new_context(base_url=live_server, locale="es-CR", java_script_enabled=javascript,
                                  viewport={"width": PHONE, "height": 844})
    page = context.new_page()
    sign_in(page, "crm@example.org")
    page.goto("/meetings")
    menu = page.get_by_role("navigation", name="Principal")
    links = menu.locator("a")
    assert links.count() == 11
    assert not links.first.is_visible()
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 160  # brand, menu control and account: not five lines of links

    menu.locator("summary", has_text="Menú").click()
    assert all(links.nth(i).is_visible() for i in range(11))
    menu.get_by_role("link", name="Reuniones del GRCM").click()
    page.wait_for_url("**/grcm-meetings")
    assert not links.first.is_visible()  # a new page starts with the menu folded

    page.set_viewport_size({"width": DESK, "height": 900})
    assert all(links.nth(i).is_visible() for i in range(11))
    assert not menu.locator("summary").is_visible()
    context.close()


def test_a_table_too_wide_for_a_phone_scrolls_in_its_own_labelled_frame_reached_by_keyboard(browser, live_server,
                                                                                          demo_year):
    context = browser.new_context(base_url=live_server, locale="es-CR", viewport={"width": PHONE, "height": 844})
    page = context.new_page()
    sign_in(page, "crm@example.org")
    page.goto("/meetings")
    frame = page.get_by_role("region", name="Reuniones del Equipo Tripartito")
    assert frame.evaluate("e => e.scrollWidth > e.clientWidth")  # the table is wider than the screen …
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE  # … but the page is not
    frame.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.table-wrap').scrollLeft > 0")
    context.close()


def test_the_opened_phone_menu_passes_axe_and_fits_the_screen(browser, live_server, demo_year):
    context = browser.new_context(base_url=live_server, locale="es-CR", bypass_csp=True,  # lets axe in
                                  viewport={"width": PHONE, "height": 844})
    page = context.new_page()
    sign_in(page, "crm@example.org")
    page.locator(".menu > summary").click()
    result = check(page, "ST-CRM", "/dashboard, menu open", 200, PHONE)
    assert result.ok, "\n".join(result.problems())
    context.close()
