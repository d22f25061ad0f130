"""Marking texts for translation without translating them: the domain stays free of Flask.

`N_("... %(name)s ...")` returns its argument; `pybabel extract -k N_` (scripts/translations.sh) collects it into
the catalogs, and the web layer looks the template up in the page's language and fills in the parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGUAGES = ("es", "en")  # the languages of the pages, the documents and the calendars; Spanish first (default)


def N_(text: str) -> str:  # noqa: N802 - the conventional gettext marker name
    return text


def plain(value: Any) -> Any:
    """A parameter as English text shows it: lists and tuples of codes joined with commas."""
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(item) for item in value)
    return value


def fill(template: str, params: Mapping[str, Any] | None) -> str:
    """The English text: the template with its parameters applied (a template without them is the text)."""
    return template % {name: plain(value) for name, value in params.items()} if params else template


class Message(str):
    """An English text (parameters applied) that remembers its template and parameters, so that a page can show
    it translated. It is a str: the JSON API and the logs use it as the English text it is."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: Mapping[str, Any] | None = None) -> Message:
        text = super().__new__(cls, fill(template, params))
        text.template, text.params = template, dict(params or {})
        return text
