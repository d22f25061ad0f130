"""One filter for every list page: state, year, kind and a search box, read from the query string.

The search is case- and accent-insensitive on every database because it is done here, in Python, on folded
text (`fold`): the lists are small (hundreds of rows), so the rows are loaded and narrowed in memory rather than
keeping a folded column per table in step with its source.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from flask import request, url_for
from flask_babel import lazy_gettext as _l

T = TypeVar("T")
SEARCH_MAX = 200  # characters; longer input is a mistake (or an attack), not a search
PAGE_SIZE = 50  # rows per page: a page of 300 rendered rows took about a second (bench/bench_lists.py)


# The blocks of combining marks (accents, tildes, cedillas...) that NFKD splits off Latin, Greek and Cyrillic
# letters: one regular expression is several times faster than asking unicodedata about each character.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str | None) -> str:
    """The form search compares: 'Reunión', 'REUNION' and 'reunion' all become 'reunion'."""
    if not text:
        return ""
    if text.isascii():
        return text.casefold()
    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


@dataclass(frozen=True)
class ListFilter:
    """What the person asked for; empty values mean "any"."""

    state: str = ""
    year: int | None = None
    kind: str = ""
    q: str = ""

    @property
    def active(self) -> bool:
        return bool(self.state or self.year or self.kind or self.q)

    def args(self, **changes: Any) -> dict[str, str]:
        """The query arguments of this filter with some changed (None or "" drops one): for links that keep it."""
        chosen = replace(self, **changes)
        values = {"state": chosen.state, "year": str(chosen.year or ""), "kind": chosen.kind, "q": chosen.q}
        return {name: value for name, value in values.items() if value}


@dataclass(frozen=True)
class Facets(Generic[T]):
    """How to read a list's rows: each returns the row's state code, year, kind code and searchable texts."""

    text: Callable[[T], Iterable[str | None]]
    state: Callable[[T], str | frozenset[str]] | None = None  # a set: a row in several states (es/en copies)
    year: Callable[[T], int | None] | None = None
    kind: Callable[[T], str] | None = None


def read_filter(args: Mapping[str, str], *, states: Iterable[str] = (), kinds: Iterable[str] = ()
                ) -> tuple[ListFilter, dict[str, list[Any]]]:
    """The filter in `args`, and the messages of each field whose value was not understood (then ignored)."""
    problems: dict[str, list[Any]] = {}
    state = (args.get("state") or "").strip()
    if state and state not in set(states):
        problems["state"], state = [_l("State: choose one from the list.")], ""
    kind = (args.get("kind") or "").strip()
    if kind and kind not in set(kinds):
        problems["kind"], kind = [_l("Kind: choose one from the list.")], ""
    year_text = (args.get("year") or "").strip()
    year = None
    if year_text:
        if year_text.isascii() and year_text.isdigit() and 1900 <= int(year_text) <= 2200:
            year = int(year_text)
        else:
            problems["year"] = [_l("Year: write four digits, such as 2026.")]
    q = " ".join((args.get("q") or "").split())
    if len(q) > SEARCH_MAX:
        problems["q"], q = [_l("Search: write at most %(max)s characters.", max=SEARCH_MAX)], ""
    return ListFilter(state=state, year=year, kind=kind, q=q), problems


def _states(row: T, facets: Facets[T]) -> frozenset[str]:
    found = facets.state(row) if facets.state is not None else ""
    return found if isinstance(found, frozenset) else frozenset((found,))


def matches(row: T, chosen: ListFilter, facets: Facets[T]) -> bool:
    if chosen.state and facets.state is not None and chosen.state not in _states(row, facets):
        return False
    if chosen.year and facets.year is not None and facets.year(row) != chosen.year:
        return False
    if chosen.kind and facets.kind is not None and facets.kind(row) != chosen.kind:
        return False
    if chosen.q:
        haystack = " ".join(fold(text) for text in facets.text(row))
        return all(word in haystack for word in fold(chosen.q).split())
    return True


def filter_rows(rows: Iterable[T], chosen: ListFilter, facets: Facets[T]) -> list[T]:
    """The rows the filter keeps, in their order. Every word of the search must appear (in any order)."""
    return [row for row in rows if matches(row, chosen, facets)]


@dataclass
class Listing(Generic[T]):
    """A list page's rows after filtering, with what its filter form and links need."""

    rows: list[T]
    total: int
    chosen: ListFilter
    problems: dict[str, list[Any]]  # field -> messages (the form macros' shape)
    states: Mapping[str, Any]  # code -> label, in display order
    kinds: Mapping[str, Any]
    years: list[int]
    state_counts: Counter = field(default_factory=Counter)  # among rows matching everything but the state
    any_state: int = 0  # how many rows match everything but the state
    matching: int = 0  # how many rows the filter keeps (`rows` is one page of them)
    page: int = 1
    pages: int = 1
    facets: Facets[T] | None = None

    def state_of(self, row: T) -> str | frozenset[str]:
        """The row's state code (the templates show its label from the list's `states`)."""
        return self.facets.state(row) if self.facets is not None and self.facets.state is not None else ""

    @property
    def year_options(self) -> list[tuple[str, str]]:
        return [(str(year), str(year)) for year in self.years]

    @property
    def status(self) -> int:
        return 400 if self.problems else 200

    def url(self, page: int = 1, **changes: Any) -> str:
        """This list's address with the current filter, some values changed; page 1 unless `page` says."""
        extra = {"page": str(page)} if page > 1 else {}
        return url_for(request.endpoint or "", **(request.view_args or {}), **self.chosen.args(**changes), **extra)


def list_page(rows: Sequence[T], facets: Facets[T], *, states: Mapping[str, Any] | None = None,
              kinds: Mapping[str, Any] | None = None, args: Mapping[str, str] | None = None) -> Listing[T]:
    """Read the filter from the request's query string and narrow `rows` with it (one place for every list)."""
    states = states if facets.state is not None and states else {}
    kinds = kinds if facets.kind is not None and kinds else {}
    args = request.args if args is None else args
    chosen, problems = read_filter(args, states=states, kinds=kinds)
    years = sorted({y for y in (facets.year(r) for r in rows) if y} if facets.year else set(), reverse=True)
    any_state = filter_rows(rows, replace(chosen, state=""), facets)
    counts = Counter(state for r in any_state for state in _states(r, facets)) if facets.state else Counter()
    found = [r for r in any_state if not chosen.state or chosen.state in _states(r, facets)]
    page, pages = _page(args.get("page"), len(found), problems)
    return Listing(rows=found[(page - 1) * PAGE_SIZE:page * PAGE_SIZE], total=len(rows), chosen=chosen,
                   problems=problems, states=states, kinds=kinds, years=years, state_counts=counts,
                   any_state=len(any_state), matching=len(found), page=page, pages=pages, facets=facets)


def _page(asked: str | None, rows: int, problems: dict[str, list[Any]]) -> tuple[int, int]:
    """(the page to show, how many pages): past the last page shows the last one."""
    pages = max(1, -(-rows // PAGE_SIZE))
    text = (asked or "1").strip()
    if not (text.isascii() and text.isdigit() and int(text) >= 1):
        problems["page"] = [_l("Page: a whole number from 1.")]
        return 1, pages
    return min(int(text), pages), pages
