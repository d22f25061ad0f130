"""XLIFF 2.0 files for professional translators, through translate-toolkit's `Xliff2File` (the format CAT
tools exchange). One `<unit>` per text, its id the text's key; the file's `original` names the subject.

States map both ways: ours `missing` ↔ XLIFF `initial` (no target), `draft` ↔ `translated`/`reviewed`,
`final` ↔ `final`. Reading refuses DTDs and entities before any parser sees the bytes (XXE, billion laughs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree
from translate.storage.xliff2 import Xliff2File

from service.common.i18n import N_
from service.content_translations.rules import Edit, Item, TranslationSubject, parse_subject
from service.errors import RuleViolation

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_TO_XLIFF = {"missing": "initial", "draft": "translated", "final": "final"}
_FROM_XLIFF = {"initial": "draft", "translated": "draft", "reviewed": "draft", "final": "final"}


@dataclass(frozen=True)
class TranslatorFile:
    """What a returned file says: the subject, the languages and one edit per unit."""

    subject: TranslationSubject
    source_language: str
    language: str
    edits: list[Edit]


def export(subject: TranslationSubject, source_language: str, language: str, shown: Iterable[Item]) -> bytes:
    """The subject's texts as an XLIFF 2.0 document (UTF-8)."""
    store = Xliff2File()
    store.setsourcelanguage(source_language)
    store.settargetlanguage(language)
    store.body.set("original", str(subject))
    for one in shown:
        unit = store.addsourceunit(one.source)
        unit.setid(one.key)
        if one.target and one.state != "missing":
            unit.target = one.target
        unit.xmlelement.set("state", _TO_XLIFF[one.state])  # the unit's element is its <segment>
        if one.stale:
            _note(unit.getunitelement(), "The original changed since this translation was made: check it.")
    return bytes(store)


def _note(unit: etree._Element, text: str) -> None:
    """A note for the translator; XLIFF 2.0 wants `<notes>` first in the `<unit>` (not in the segment)."""
    notes = etree.Element(f"{{{NAMESPACE}}}notes")
    etree.SubElement(notes, f"{{{NAMESPACE}}}note", category="stale").text = text
    unit.insert(0, notes)


def _refuse(message: str, **params: object) -> RuleViolation:
    return RuleViolation(message, field="file", params=params)


def read(content: bytes) -> TranslatorFile:
    """A returned XLIFF 2.0 file, or a 422 on the `file` field saying what is wrong with it."""
    if _DTD.search(content):
        raise _refuse(N_("The file declares a DTD or entities; XLIFF files need neither."))
    try:
        store = Xliff2File.parsestring(content)
    except (etree.XMLSyntaxError, AssertionError, ValueError) as error:
        raise _refuse(N_("The file is not an XLIFF 2.0 document: %(error)s"), error=str(error)[:200]) from None
    version = store.document.getroot().get("version", "")
    if not version.startswith("2."):
        raise _refuse(N_("The file is not XLIFF 2.x (version %(version)r)."), version=version)
    subject = parse_subject(store.body.get("original"))
    edits = []
    for unit in store.units:
        key = unit.getid() or ""
        xliff_state = unit.xmlelement.get("state", "initial")
        target = str(unit.target) if unit.target else None
        state = _FROM_XLIFF.get(xliff_state, "draft") if target else "missing"
        edits.append(Edit(key=key, target=target, state=state, source=str(unit.source or "")))
    return TranslatorFile(subject, store.getsourcelanguage(), store.gettargetlanguage() or "", edits)
