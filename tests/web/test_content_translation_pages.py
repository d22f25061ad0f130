"""The translations page of a document's subject: linked from the record, lists source/target/state, saves all
or nothing, secretariat only."""

from __future__ import annotations

import re

from lxml import etree

from service.content_translations.operations import translation_items
from service.content_translations.rules import TranslationSubject
from tests.conftest import NOW
from tests.web.conftest import post_form
from tests.web.test_documents_pages import meeting_with_minutes  # noqa: F401 - fixture


def page_form(page: str) -> dict[str, str]:
    """The form's fields as the browser would send them untouched."""
    fields = dict(re.findall(r'<input type="hidden" name="((?:key|source|count|shown)[^"]*)" value="([^"]*)"', page))
    for n, target in re.findall(r'<textarea id="target-(\d+)" name="target-\d+" rows="3" lang="en">([^<]*)</textarea>',
                                page):
        fields[f"target-{n}"] = target
    selected = r'<select id="state-(\d+)"[^>]*>(?:(?!</select>).)*?<option value="(\w+)" selected>'
    for n, state in re.findall(selected, page, flags=re.DOTALL):
        fields[f"state-{n}"] = state
    return {name: etree.fromstring(f"<v>{value}</v>").text or "" for name, value in fields.items()}


def test_the_minutes_page_links_to_a_page_listing_every_text_to_translate(as_user, meeting_with_minutes):  # noqa: F811
    client = as_user("st_crm")
    minutes = client.get(f"/meetings/{meeting_with_minutes.id}/minutes").get_data(as_text=True)
    link = f'href="/translations/minutes/{meeting_with_minutes.id}"'
    assert link in minutes
    page = client.get(f"/translations/minutes/{meeting_with_minutes.id}").get_data(as_text=True)
    assert "Plan de trabajo" in page
    assert "agreement.1.text" in page
    assert f"/translations/minutes/{meeting_with_minutes.id}.xlf?language=en" in page


def test_saving_the_page_stores_the_translations_with_their_states(as_user, meeting_with_minutes):  # noqa: F811
    client = as_user("st_crm")
    path = f"/translations/minutes/{meeting_with_minutes.id}"
    fields = page_form(client.get(path).get_data(as_text=True))
    keys = {fields[name]: name.split("-")[1] for name in fields if name.startswith("key-")}
    fields[f"target-{keys['agenda.1.title']}"] = "Work plan"
    fields[f"state-{keys['agenda.1.title']}"] = "final"
    fields[f"target-{keys['next_meeting']}"] = "15 March 2027, online"
    response = post_form(client, path + "?language=en", fields, token_from=path)
    assert response.status_code == 302
    shown = {i.key: i for i in translation_items(TranslationSubject("minutes", meeting_with_minutes.id), "en",
                                                  NOW.date())}
    assert (shown["agenda.1.title"].target, shown["agenda.1.title"].state) == ("Work plan", "final")
    assert (shown["next_meeting"].target, shown["next_meeting"].state) == ("15 March 2027, online", "draft")
    assert shown["meeting.title"].state == "missing"


def test_saving_the_page_leaves_an_untouched_stale_translation_stale(as_user, meeting_with_minutes):  # noqa: F811
    from service.extensions import db

    client = as_user("st_crm")
    path = f"/translations/minutes/{meeting_with_minutes.id}"
    fields = page_form(client.get(path).get_data(as_text=True))
    n = next(name.split("-")[1] for name in fields if name.startswith("key-") and fields[name] == "next_meeting")
    post_form(client, path + "?language=en", {**fields, f"target-{n}": "Next", f"state-{n}": "final"}, token_from=path)
    meeting_with_minutes.minutes.next_meeting = "Otra fecha"
    db.session.commit()
    fields = page_form(client.get(path).get_data(as_text=True))
    assert fields[f"shown-state-{n}"] == "draft"
    assert post_form(client, path + "?language=en", fields, token_from=path).status_code == 302
    shown = {i.key: i for i in translation_items(TranslationSubject("minutes", meeting_with_minutes.id), "en",
                                                  NOW.date())}
    assert (shown["next_meeting"].state, shown["next_meeting"].stale) == ("draft", True)


def test_country_users_cannot_open_the_translations_page(as_user, meeting_with_minutes):  # noqa: F811
    client = as_user("BZ")
    assert client.get(f"/translations/minutes/{meeting_with_minutes.id}").status_code == 403
    assert client.get(f"/translations/minutes/{meeting_with_minutes.id}.xlf").status_code == 403
