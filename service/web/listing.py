"""One filter for every list page: state, year, kind and a search box, read from the query string.

The search is case- and accent-insensitive on every database because it is done here, in Python, on folded
text (`fold`): the lists are small (hundreds of rows), so the rows are loaded and narrowed in memory rather than
keeping a folded column per table in step with its source.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from flask import request, url_for
from flask_babel import lazy_gettext as _l

T = TypeVar("T")
SEARCH_MAX = 200  # characters; longer input is a mistake (or an attack), not a search


def fold(text: str | None) -> str:
    """The form search compares: 'Reunión', 'REUNION' and 'reunion' all become 'reunion'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


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

    def url(self, **changes: Any) -> str:
        """This list's address with the current filter, some values changed."""
        return url_for(request.endpoint or "", **(request.view_args or {}), **self.chosen.args(**changes))


def list_page(rows: Sequence[T], facets: Facets[T], *, states: Mapping[str, Any] | None = None,
              kinds: Mapping[str, Any] | None = None, args: Mapping[str, str] | None = None) -> Listing[T]:
    """Read the filter from the request's query string and narrow `rows` with it (one place for every list)."""
    states = states if facets.state is not None and states else {}
    kinds = kinds if facets.kind is not None and kinds else {}
    chosen, problems = read_filter(request.args if args is None else args, states=states, kinds=kinds)
    years = sorted({y for y in (facets.year(r) for r in rows) if y} if facets.year else set(), reverse=True)
    any_state = filter_rows(rows, replace(chosen, state=""), facets)
    counts = Counter(state for r in any_state for state in _states(r, facets)) if facets.state else Counter()
    found = [r for r in any_state if not chosen.state or chosen.state in _states(r, facets)]
    return Listing(rows=found, total=len(rows), chosen=chosen, problems=problems, states=states, kinds=kinds,
                   years=years, state_counts=counts, any_state=len(any_state),
                   facets=facets)
