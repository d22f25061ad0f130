"""Issued documents as people look for them: the Spanish and English copies side by side, titled with their
subject, with their delivery to the member countries. Shared by the secretariat's documents list and the portal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from service.common.i18n import LANGUAGES
from service.documents.models import Distribution, IssuedDocument
from service.documents.subjects import document_subject, subject_name
from service.extensions import db
from service.web import documents_port
from service.web.listing import Facets, Listing, list_page, read_filter


@dataclass(frozen=True)
class Delivery:
    """One copy's delivery (R8): to how many of the countries it was addressed to, and which failed."""

    delivered: int
    addressed: int
    failed: tuple[str, ...] = ()
    no_recipient: tuple[str, ...] = ()

    @property
    def pending(self) -> int:
        return self.addressed - self.delivered - len(self.failed) - len(self.no_recipient)


@dataclass
class DocumentPair:
    """One document (a reference; for the secretariat's list, one version of it) in its languages."""

    reference: str
    kind: str
    subject_id: int
    year: int
    copies: dict[str, IssuedDocument]  # language -> the copy, in LANGUAGES order
    subject: str
    search_text: tuple[str, ...] = ()
    deliveries: dict[str, Delivery] = field(default_factory=dict)  # language -> delivery (distributed kinds)
    earlier: list[IssuedDocument] = field(default_factory=list)  # portal: the versions the copies replaced

    @property
    def states(self) -> frozenset[str]:
        return frozenset(copy.state for copy in self.copies.values())

    @property
    def newest(self) -> IssuedDocument:
        return max(self.copies.values(), key=lambda d: (d.issued_at, d.id))


Frozen = dict[int, Mapping[str, Any]]  # document id -> the subject's part of its frozen data (subject_parts)


def subject_of(copies: Iterable[IssuedDocument], language: str, frozen: Frozen) -> str:
    """The subject in `language`, from the copy written in it when there is one (its frozen data is in it)."""
    ordered = sorted(copies, key=lambda d: d.language != language)
    for copy in ordered:
        found = document_subject(copy.kind, frozen.get(copy.id, {}), language)
        if found:
            return found
    return ordered[0].title


def deliveries_of(documents: Iterable[IssuedDocument]) -> dict[int, Delivery]:
    """Each document's delivery, from its distribution rows (documents of kinds not distributed have none)."""
    ids = [d.id for d in documents]
    rows: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):  # bound the IN list
        for document_id, country, status in db.session.execute(select(
                Distribution.document_id, Distribution.country, Distribution.status).where(
                Distribution.document_id.in_(chunk)).order_by(Distribution.country)):
            rows[document_id].append((country, status))
    return {document_id: Delivery(delivered=sum(1 for _, s in found if s == "sent"), addressed=len(found),
                                  failed=tuple(c for c, s in found if s == "failed"),
                                  no_recipient=tuple(c for c, s in found if s == "no_recipient"))
            for document_id, found in rows.items()}


def attach_deliveries(pairs: list[DocumentPair]) -> list[DocumentPair]:
    """Fill in the copies' deliveries: for the page shown only, after filtering (6,600 rows for 600 copies)."""
    deliveries = deliveries_of([d for pair in pairs for d in pair.copies.values()])
    for pair in pairs:
        pair.deliveries = {lang: deliveries[d.id] for lang, d in pair.copies.items() if d.id in deliveries}
    return pairs


def _pair(key_documents: list[IssuedDocument], language: str, frozen: Frozen) -> DocumentPair:
    copies = {d.language: d for d in sorted(key_documents, key=lambda d: LANGUAGES.index(d.language)
                                            if d.language in LANGUAGES else 99)}
    first = next(iter(copies.values()))
    subjects = {lang: subject_of(copies.values(), lang, frozen) for lang in LANGUAGES}
    names = tuple(filter(None, (subject_name(d.kind, frozen.get(d.id, {})) for d in copies.values())))
    return DocumentPair(reference=first.reference, kind=first.kind, subject_id=first.subject_id,
                        year=first.reference_row.year, copies=copies, subject=subjects.get(language, first.title),
                        search_text=(first.reference, *subjects.values(), *names))


def version_pairs(documents: list[IssuedDocument], language: str, frozen: Frozen) -> list[DocumentPair]:
    """One row per reference and version, newest first: "ET-CRM/2026/MIN-001 v2" in Spanish and English."""
    groups: dict[tuple[int, int], list[IssuedDocument]] = defaultdict(list)
    for document in documents:
        groups[(document.reference_id, document.version)].append(document)
    pairs = [_pair(found, language, frozen) for found in groups.values()]
    return sorted(pairs, key=lambda p: (p.newest.issued_at, p.newest.id), reverse=True)


def latest_pairs(documents: list[IssuedDocument], language: str, frozen: Frozen) -> list[DocumentPair]:
    """One entry per reference: the newest version in each language, and the versions they replaced."""
    groups: dict[int, list[IssuedDocument]] = defaultdict(list)
    for document in documents:
        groups[document.reference_id].append(document)
    latest = {ref: {lang: max((d for d in found if d.language == lang), key=lambda d: d.version)
                    for lang in {d.language for d in found}} for ref, found in groups.items()}
    pairs = []
    for ref, found in groups.items():
        pair = _pair(list(latest[ref].values()), language, frozen)
        pair.earlier = sorted((d for d in found if d not in latest[ref].values()),
                              key=lambda d: (d.version, d.language), reverse=True)
        pairs.append(pair)
    return sorted(pairs, key=lambda p: (p.newest.issued_at, p.newest.id), reverse=True)


DOCUMENT_FACETS: Facets[DocumentPair] = Facets(text=lambda p: p.search_text, state=lambda p: p.states,
                                               year=lambda p: p.year, kind=lambda p: p.kind)


def register_listing(language: str, args: Mapping[str, str], *, states: Mapping[str, Any],
                     kinds: Mapping[str, Any]) -> Listing[DocumentPair]:
    """The secretariat's register, one page of it: kind and year narrow the query in SQL; state and the
    accent-folded search are applied in Python to column-only rows (their subjects' frozen parts read only when
    there is a search); then only the page's copies are loaded whole, with their subjects and deliveries."""
    chosen, _problems = read_filter(args, states=states, kinds=kinds)  # list_page reports the problems
    slim = documents_port.register_facts(kind=chosen.kind, year=chosen.year)
    frozen = documents_port.subject_parts(slim) if chosen.q else {}
    listing = list_page(version_pairs(slim, language, frozen), DOCUMENT_FACETS, states=states, kinds=kinds,
                        args=args)
    listing.total, listing.years = documents_port.register_extent()
    whole = documents_port.copies([copy.id for pair in listing.rows for copy in pair.copies.values()])
    listing.rows = attach_deliveries(version_pairs(whole, language, documents_port.subject_parts(whole)))
    return listing
