"""The follow-up pages in a real browser: rows added by JavaScript without a reload, R2 shown on its row."""

from __future__ import annotations

import pytest

from tests.browser.test_web_flow import people, sign_in  # noqa: F401 - fixture

pytestmark = pytest.mark.browser


def test_work_plan_rows_with_javascript_and_r2_on_the_row(context, people):  # noqa: F811
    page = context.new_page()
    sign_in(page, "ana@crm.example")
    page.wait_for_url("**/dashboard")
    page.get_by_role("link", name="Plan de trabajo").click()
    page.get_by_role("link", name="Nuevo plan de trabajo").click()
    page.locator("#year").fill("2027")
    page.locator("#objectives-0-code").fill("O1")
    page.locator("#objectives-0-text").fill("Protección consular")
    url = page.url
    page.get_by_role("button", name="Agregar un recurso").click()  # a third resource row, no reload
    assert page.url == url
    assert page.locator("[data-rows=resources] [data-row]").count() == 3
    assert page.locator("#resources-2-description").evaluate("e => e === document.activeElement")
    page.locator("#resources-2-description").fill("Fondo semilla")
    page.locator("#resources-2-source").fill("BID")
    page.locator("#resources-2-amount").fill("5000")
    page.locator("#resources-2-currency").fill("USD")
    page.locator("#resources-2-status").select_option("secured")
    page.get_by_role("button", name="Guardar el plan de trabajo").click()
    assert "Se guardó el plan de trabajo 2027." in page.locator(".flashes").inner_text()
    page.get_by_role("link", name="Editar el plan de trabajo").click()  # saved: the plan's page, then its form

    # A secured resource cannot go back to "identified": R2, next to that row's status, nothing saved.
    page.locator("#resources-0-status").select_option("identified")
    page.get_by_role("button", name="Guardar el plan de trabajo").click()
    assert "no puede pasar a «identificado»" in page.locator("#resources-0-status-error").inner_text()
    assert page.locator("#resources-0-description").input_value() == "Fondo semilla"
