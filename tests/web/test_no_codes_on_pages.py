"""No rule codes or enum values on pages (issue 14, item 5): people read what a rule means ("two calendar months
before the GRCM meeting"), never "R5", and a state's name, never `in_progress`. The API keeps its codes."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from flask_babel import refresh

from service.content_translations.rules import TEXT_FIELDS
from service.web import labels
from tests.web.page_walk import demo_year, page_paths  # noqa: F401 (demo_year: a fixture)

RULE_CODE = re.compile(r"\bR\d{1,2}\b")
# Attributes people read (tooltips, screen readers, placeholders) count as visible text.
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


class _VisibleText(HTMLParser):
    """The texts of a page a person sees or hears: text nodes outside script/style, and read attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style", "template"):
            self._hidden += 1
        self.texts.extend(value for name, value in attrs if name in READ_ATTRIBUTES and value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    return parser.texts


def _label_codes() -> set[str]:
    """The codes of the label tables pages translate (meeting states, addressees, queue kinds, …)."""
    codes: set[str] = set()
    for table in labels.JINJA_GLOBALS.values():
        if isinstance(table, dict):  # `held`, `draft` are also words; `in_progress` never is
            codes.update(code for code in table if isinstance(code, str) and "_" in code)
    return codes


def codes_shown(texts: list[str], codes: set[str]) -> list[str]:
    words = re.compile(r"(?<![\w.-])(" + "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
                       + r")(?![\w.-])")
    return [text for text in texts if RULE_CODE.search(text) or words.search(text)]


def test_the_checker_finds_a_rule_code_and_an_enum_value_but_not_prose():
    texts = visible_texts('<p>Monitoring report due (R5)</p><td title="x">in_progress</td>'
                          '<p>R2D2 and R55 pages</p><script>var R5 = "in_progress";</script>'
                          '<a href="/x?state=in_progress">In progress</a>')
    assert codes_shown(texts, {"in_progress"}) == ["Monitoring report due (R5)", "in_progress", "R2D2 and R55 pages"]


@pytest.mark.usefixtures("demo_year")
@pytest.mark.parametrize("who", ["st_crm", "ppt", "BZ"])
@pytest.mark.parametrize("language", ["es", "en"])
def test_no_page_of_the_demo_year_shows_a_rule_code_or_an_enum_value(app, as_user, who, language):
    client = as_user(who)
    codes = _label_codes()
    found = {}
    for path in page_paths(app, lang=language, language=language):
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        # the test accounts are named "Oficial st_crm" (tests/web/conftest.py): a name as typed, not a code
        page = response.get_data(as_text=True).replace(f"Oficial {who}", "Oficial")
        shown = codes_shown(visible_texts(page), codes)
        if shown:
            found[path] = shown
    assert found == {}, "\n".join(f"{path}: {shown}" for path, shown in found.items())


def test_every_typed_text_a_translation_page_lists_is_named_in_words(app):
    keys = {field.key for fields in TEXT_FIELDS.values() for field in fields}
    assert keys - set(labels.TEXT_KEYS) == set()
    with app.test_request_context("/?lang=en"):
        assert labels.text_key_label("agenda.2.title") == "Agenda item 2: title"
        assert labels.text_key_label("next_meeting") == "Next meeting"
    refresh()  # the `app` fixture keeps one application context: forget the English catalog
    with app.test_request_context("/?lang=es"):
        assert labels.text_key_label("recommendation.3.rationale") == "Recomendación 3: justificación"
