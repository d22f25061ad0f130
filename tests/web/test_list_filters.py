"""The lists' shared filter: state, year, kind and an accent-insensitive search, kept in the query string."""

from __future__ import annotations

import html
import re
from datetime import datetime

from sqlalchemy import select

from service.extensions import db
from service.meetings.models import Meeting
from service.meetings.operations import update_meeting
from service.web.listing import Facets, ListFilter, filter_rows, fold, read_filter
from tests.conftest import ACTOR, NOW
from tests.web.document_helpers import issued
from tests.web.followup_helpers import stored_grcm
from tests.web.test_meeting_forms import _stored

ROWS = [("Reunión ordinaria de febrero", "held", 2026, "ordinary"),
        ("Reunion extraordinaria", "scheduled", 2027, "extraordinary"),
        ("Taller de protección consular", "held", 2027, "ordinary")]
FACETS = Facets(text=lambda r: (r[0],), state=lambda r: r[1], year=lambda r: r[2], kind=lambda r: r[3])


def titles(rows: list) -> list[str]:
    return [r[0] for r in rows]


def test_folding_ignores_case_and_accents():
    assert fold("Reunión ORDINARIA — Protección") == fold("reunion ordinaria — proteccion")
    assert fold("Ñandú") == "nandu"
    assert fold(None) == ""


def test_each_filter_value_narrows_the_rows():
    assert titles(filter_rows(ROWS, ListFilter(state="held"), FACETS)) == [ROWS[0][0], ROWS[2][0]]
    assert titles(filter_rows(ROWS, ListFilter(year=2027), FACETS)) == [ROWS[1][0], ROWS[2][0]]
    assert titles(filter_rows(ROWS, ListFilter(kind="ordinary", year=2027), FACETS)) == [ROWS[2][0]]
    assert filter_rows(ROWS, ListFilter(), FACETS) == ROWS


def test_search_finds_accented_titles_with_unaccented_words_in_any_order():
    assert titles(filter_rows(ROWS, ListFilter(q="REUNION"), FACETS)) == [ROWS[0][0], ROWS[1][0]]
    assert titles(filter_rows(ROWS, ListFilter(q="consular proteccion"), FACETS)) == [ROWS[2][0]]
    assert titles(filter_rows(ROWS, ListFilter(q="reunión"), FACETS)) == [ROWS[0][0], ROWS[1][0]]


def test_values_not_understood_are_named_and_ignored():
    chosen, problems = read_filter({"state": "nope", "year": "20x6", "kind": "ordinary", "q": "  a   b "},
                                   states=("held",), kinds=("ordinary",))
    assert chosen == ListFilter(kind="ordinary", q="a b")
    assert set(problems) == {"state", "year"}


def test_the_filter_keeps_its_other_values_in_links():
    assert ListFilter(state="held", year=2026, q="x").args(state="") == {"year": "2026", "q": "x"}


def _meetings() -> None:
    first = _stored(title="Reunión ordinaria de marzo", starts_at=datetime(2026, 3, 10, 10),
                    ends_at=datetime(2026, 3, 10, 12))
    update_meeting(first, {"status": "held"}, actor=ACTOR, now=NOW)
    _stored(title="Coordinación del GRCM", starts_at=datetime(2027, 2, 10, 10), ends_at=datetime(2027, 2, 10, 12))
    db.session.commit()


def rows_of(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1] if "<tbody>" in page else ""
    second_cell = r"<tr[^>]*>\s*<td>[^<]*(?:<span[^>]*>[^<]*</span>)?</td>\s*<td>(?:<a [^>]*>)?([^<]+)"
    return [html.unescape(t) for t in re.findall(second_cell, body)]


def test_meetings_list_filters_by_state_year_and_search(as_user):
    _meetings()
    client = as_user("st_crm")
    assert sorted(rows_of(client.get("/meetings").get_data(as_text=True))) == [
        "Coordinación del GRCM", "Reunión ordinaria de marzo"]
    assert rows_of(client.get("/meetings?state=held").get_data(as_text=True)) == ["Reunión ordinaria de marzo"]
    assert rows_of(client.get("/meetings?year=2027").get_data(as_text=True)) == ["Coordinación del GRCM"]
    assert rows_of(client.get("/meetings?q=COORDINACION").get_data(as_text=True)) == ["Coordinación del GRCM"]
    page = client.get("/meetings?q=reunion&kind=ordinary").get_data(as_text=True)
    assert rows_of(page) == ["Reunión ordinaria de marzo"]
    assert "Se muestran 1 de 2." in page
    # The state links keep the search and the kind; the form shows what was asked.
    assert 'href="/meetings?state=held&amp;kind=ordinary&amp;q=reunion"' in page
    assert 'name="q" value="reunion"' in page


def test_a_meeting_is_found_by_the_reference_of_its_minutes(as_user):
    _meetings()
    held = db.session.scalar(select(Meeting).where(Meeting.status == "held"))
    issued("minutes", held.id, "es")
    db.session.commit()
    page = as_user("st_crm").get("/meetings?q=et-crm/2026/min-001").get_data(as_text=True)
    assert rows_of(page) == ["Reunión ordinaria de marzo"]


def test_a_filter_value_not_understood_is_a_400_naming_the_field(as_user):
    _meetings()
    response = as_user("st_crm").get("/meetings?year=dos-mil")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Año: escriba cuatro cifras" in page
    assert len(rows_of(page)) == 2  # the rest of the list still shows


def test_the_lists_show_states_by_their_labels(as_user, clock):
    stored_grcm(datetime(2026, 6, 10, 9))  # before NOW (2026-11-28): past
    stored_grcm(datetime(2027, 6, 10, 9))
    client = as_user("st_crm")
    page = client.get("/grcm-meetings?state=upcoming").get_data(as_text=True)
    assert "Por realizarse" in page
    assert page.count(">GRCM Ciudad de Panamá</a></td>") == 1
    assert "Fecha ya pasada (1)" in page
    assert "upcoming</td>" not in page
    for path in ("/recommendations", "/monitoring", "/ppt-feedback", "/work-plans", "/crm-events",
                 "/documents"):
        response = client.get(f"{path}?q=nada&year=2026")
        assert response.status_code == 200, path
        assert 'role="search"' in response.get_data(as_text=True), path


def test_long_lists_come_in_pages_whose_links_keep_the_filter(app):
    from service.web.listing import PAGE_SIZE, list_page

    rows = [(f"Reunión {n}", "held", 2026, "ordinary") for n in range(2 * PAGE_SIZE + 5)]
    with app.test_request_context("/meetings?q=reunion&page=3"):
        listing = list_page(rows, FACETS)
        assert (listing.page, listing.pages, listing.matching) == (3, 3, 2 * PAGE_SIZE + 5)
        assert titles(listing.rows) == [f"Reunión {n}" for n in range(2 * PAGE_SIZE, 2 * PAGE_SIZE + 5)]
        assert listing.url(page=2) == "/meetings?q=reunion&page=2"
        assert listing.url(state="held") == "/meetings?state=held&q=reunion"  # a new filter starts on page 1
    with app.test_request_context("/meetings?page=99"):
        assert list_page(rows, FACETS).page == 3
    with app.test_request_context("/meetings?page=-1"):
        assert set(list_page(rows, FACETS).problems) == {"page"}
