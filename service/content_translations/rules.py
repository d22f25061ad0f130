"""Pure rules of content translations: which texts of a document's context are typed by people (and so need
a translation), their stable keys, the state of a translation, and filling a context with translated texts.

A text is identified by a key derived from the context a document shows (`agenda.3.title`,
`recommendation.2.rationale`); list members are numbered from 1 in the order the document shows them. A stored
translation remembers the source it was made from: when the source changes, the translation is *stale* — its
state reads `draft`, `stale` is true, and it is never used to issue until someone confirms it as `final` again.

Each text has the original language of the record it comes from: context builders mark it with the hint
`original_language` on the dict holding the text, on the list member, or on the whole context (nearest wins;
`original_language_of: {field: language}` overrides it per field, for a row joining two records); unmarked
texts are Spanish. A document in language L shows the typed texts of L as typed and the others translated into L:
a subject's texts to translate into L are those whose original is not L. The hints never reach a template
(`without_hints`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from schemas.fields import text_problem
from service.common.i18n import LANGUAGES, N_
from service.errors import RuleViolation

STATES = ("missing", "draft", "final")
MAX_TARGET = 20_000
# Subjects are what one document shows; their kinds are the document kinds.
SUBJECT_KINDS = ("minutes", "recommendations", "monitoring_report", "ppt_feedback", "work_plan")
_SUBJECT = re.compile(r"([a-z_]+):([0-9]{1,10})")


@dataclass(frozen=True)
class TextField:
    """A typed text in a context: `key` has `{n}` for the member's number when `items` names a list."""

    key: str
    path: tuple[str, ...]  # inside the context, or inside each member of `items`
    items: str | None = None


def _f(key: str, path: str, items: str | None = None) -> TextField:
    return TextField(key, tuple(path.split(".")), items)


TEXT_FIELDS: dict[str, tuple[TextField, ...]] = {
    "minutes": (
        _f("meeting.title", "meeting.title"),
        _f("attendee.{n}.role", "role", "attendees"),
        _f("agenda.{n}.title", "title", "agenda_items"),
        _f("agenda.{n}.discussion", "discussion", "agenda_items"),
        _f("agreement.{n}.text", "text", "agreements"),
        _f("next_meeting", "next_meeting"),
    ),
    "recommendations": (
        _f("grcm.title", "grcm.title"),
        _f("introduction", "introduction"),
        _f("recommendation.{n}.title", "title", "recommendations"),
        _f("recommendation.{n}.text", "text", "recommendations"),
        _f("recommendation.{n}.rationale", "rationale", "recommendations"),
    ),
    "monitoring_report": (
        _f("grcm.title", "grcm.title"),
        _f("instrument.{n}.title", "title", "instruments"),
        _f("instrument.{n}.summary", "latest.summary", "instruments"),
        _f("compliance.{n}.title", "title", "recommendations"),
        _f("compliance.{n}.decision", "decision_reference", "recommendations"),
        _f("compliance.{n}.evidence", "evidence", "recommendations"),
        _f("event.{n}.title", "title", "events"),
    ),
    "ppt_feedback": (
        _f("summary", "summary"),
        _f("feedback.{n}.section", "section", "feedback_items"),
        _f("feedback.{n}.text", "text", "feedback_items"),
        _f("action.{n}.text", "action", "joint_actions"),
        _f("action.{n}.timeline", "timeline", "joint_actions"),
    ),
    "work_plan": (
        _f("introduction", "introduction"),
        _f("objective.{n}.text", "text", "objectives"),
        _f("activity.{n}.title", "title", "activities"),
        _f("activity.{n}.indicator", "indicator", "activities"),
        _f("activity.{n}.progress_note", "progress_note", "activities"),
        _f("resource.{n}.description", "description", "resources"),
        _f("resource.{n}.source", "source", "resources"),
    ),
}


@dataclass(frozen=True)
class TranslationSubject:
    """The texts of one document: `minutes:12` (a meeting), `recommendations:3` (a GRCM meeting), …"""

    kind: str
    id: int

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Stored:
    """A translation as kept: the source it was made from, the target and the state given."""

    source: str
    target: str | None
    state: str


@dataclass(frozen=True)
class Item:
    """One text as the API shows it."""

    key: str
    source: str
    target: str | None
    state: str
    stale: bool  # a translation exists but was made from another source: shown as draft, never issued


class SourceChanged(RuleViolation):
    """Texts changed since the translator saw them: nothing is saved, the keys are listed (409)."""

    status = 409

    def __init__(self, keys: list[str]) -> None:
        super().__init__(N_("The original of %(count)s text(s) changed since it was exported or shown: "
                            "%(keys)s. Nothing was saved; export again."),
                         field="items", params={"count": len(keys), "keys": ", ".join(keys)})
        self.keys = keys

    def payload(self) -> dict:
        return {**super().payload(), "changed": self.keys}


class Untranslated(RuleViolation):
    """Issuing in a language whose translations are not final: 422 listing the keys."""

    def __init__(self, subject: TranslationSubject, language: str, keys: list[str]) -> None:
        super().__init__(N_("%(count)s text(s) of %(subject)s have no final translation into '%(language)s': "
                            "%(keys)s."), field="language",
                         params={"count": len(keys), "subject": str(subject), "language": language,
                                 "keys": ", ".join(keys)})
        self.keys = keys

    def payload(self) -> dict:
        return {**super().payload(), "untranslated": self.keys}


def parse_subject(text: str | None) -> TranslationSubject:
    """`minutes:12` → TranslationSubject("minutes", 12); a 422 on the `subject` field otherwise."""
    found = _SUBJECT.fullmatch((text or "").strip())
    if found is None or found.group(1) not in SUBJECT_KINDS or not 1 <= int(found.group(2)) <= 2**31 - 1:
        raise RuleViolation(N_("%(subject)r is not a subject of translations: write kind:id, kind one of "
                               "%(kinds)s."), field="subject",
                            params={"subject": text or "", "kinds": ", ".join(SUBJECT_KINDS)})
    return TranslationSubject(found.group(1), int(found.group(2)))


def check_language(language: str | None, original: str, *, needed: int = 0) -> str:
    """The language translated into: a known one; the subject's main original language only when some of its
    texts were typed in the other language (`needed`: how many texts need a translation into it)."""
    if language not in LANGUAGES:
        raise RuleViolation(N_("Translations are into 'es' or 'en'."), field="language")
    if language == original and not needed:
        raise RuleViolation(N_("'%(language)s' is the original language of these texts: nothing to translate."),
                            field="language", params={"language": language})
    return language


HINT = "original_language"
HINT_OF = "original_language_of"
KNOWN = "known_translations"  # {field: {language: text}}: a translation the record itself carries
# (schemas.rendering.TRANSLATION_HINTS names the same three: the templates' contract drops them at load)
DEFAULT_ORIGINAL = "es"  # the team's working language


def _language_of(name: str, holders: list[Any]) -> str:
    """The original language of text `name`: the nearest hint among its holders (innermost first)."""
    for holder in holders:
        if isinstance(holder, Mapping):
            per_field = holder.get(HINT_OF)
            if isinstance(per_field, Mapping) and per_field.get(name) in LANGUAGES:
                return per_field[name]
            if holder.get(HINT) in LANGUAGES:
                return holder[HINT]
    return DEFAULT_ORIGINAL


def _walk(kind: str, context: Mapping[str, Any]) -> Iterator[tuple[str, dict, str, str]]:
    """(key, the dict holding the text, its name in that dict, its original language) for every typed text."""
    for field in TEXT_FIELDS[kind]:
        members = context.get(field.items) or [] if field.items else [context]
        for number, member in enumerate(members, start=1):
            holder: Any = member
            for step in field.path[:-1]:
                holder = holder.get(step) if isinstance(holder, Mapping) else None
            if isinstance(holder, dict) and isinstance(holder.get(field.path[-1]), str) \
                    and holder[field.path[-1]].strip():
                name = field.path[-1]
                yield field.key.format(n=number), holder, name, _language_of(name, [holder, member, context])


def source_texts(kind: str, context: Mapping[str, Any]) -> dict[str, str]:
    """The typed texts of a document's context, by key, in the order the document shows them."""
    return {key: holder[name] for key, holder, name, _language in _walk(kind, context)}


def text_languages(kind: str, context: Mapping[str, Any]) -> dict[str, str]:
    """The original language of each typed text of a document's context, by key."""
    return {key: language for key, _holder, _name, language in _walk(kind, context)}


def known_translations(kind: str, context: Mapping[str, Any], language: str) -> dict[str, Stored]:
    """Translations into `language` the records carry themselves (an instrument's `title_en`): they count as
    final translations of the current text until someone saves another."""
    known = {}
    for key, holder, name, _language in _walk(kind, context):
        carried = holder.get(KNOWN)
        target = carried.get(name, {}).get(language) if isinstance(carried, Mapping) else None
        if isinstance(target, str) and target.strip():
            known[key] = Stored(holder[name], target, "final")
    return known


def main_original(languages: Mapping[str, str], default: str = DEFAULT_ORIGINAL) -> str:
    """The language most of a subject's texts were typed in (the symbol block's "Original:"); a tie or no text:
    `default`."""
    counts = {code: sum(1 for lang in languages.values() if lang == code) for code in LANGUAGES}
    best = max(counts.values(), default=0)
    leaders = [code for code, count in counts.items() if count == best and best > 0]
    return leaders[0] if len(leaders) == 1 else default


def source_language(language: str) -> str:
    """The language the texts to translate into `language` were typed in (two languages: the other one)."""
    return next(code for code in LANGUAGES if code != language)


def to_translate(sources: Mapping[str, str], languages: Mapping[str, str], language: str) -> dict[str, str]:
    """The texts a document in `language` shows translated: those typed in another language."""
    return {key: text for key, text in sources.items() if languages.get(key, DEFAULT_ORIGINAL) != language}


def without_hints(value: Any, *, inside_header: bool = False) -> Any:
    """A copy of a context without the original-language hints (the header's own `original_language` stays: it
    is the symbol block's "Original:")."""
    if isinstance(value, Mapping):
        return {key: without_hints(item, inside_header=inside_header or key == "header")
                for key, item in value.items() if inside_header or key not in (HINT, HINT_OF, KNOWN)}
    if isinstance(value, list):
        return [without_hints(item, inside_header=inside_header) for item in value]
    return value


def with_targets(kind: str, context: Mapping[str, Any], targets: Mapping[str, str]) -> dict[str, Any]:
    """A copy of the context with each typed text replaced by its target (keys absent are left as they are)."""
    translated = copy.deepcopy(dict(context))
    for key, holder, name, _language in _walk(kind, translated):
        if key in targets:
            holder[name] = targets[key]
    return translated


def item(key: str, source: str, stored: Stored | None) -> Item:
    """What a text's translation is now: missing, or as stored — draft (and stale) when the source moved on."""
    if stored is None or stored.state == "missing" or not stored.target:
        return Item(key, source, stored.target if stored else None, "missing", False)
    if stored.source != source:
        return Item(key, source, stored.target, "draft", True)
    return Item(key, source, stored.target, stored.state, False)


def items(sources: Mapping[str, str], stored: Mapping[str, Stored]) -> list[Item]:
    return [item(key, source, stored.get(key)) for key, source in sources.items()]


def final_targets(sources: Mapping[str, str], stored: Mapping[str, Stored], subject: TranslationSubject,
                  language: str) -> dict[str, str]:
    """The targets to issue with; every text needs a final, current translation, or `Untranslated` lists them."""
    shown = items(sources, stored)
    missing = [i.key for i in shown if i.state != "final"]
    if missing:
        raise Untranslated(subject, language, missing)
    return {i.key: i.target or "" for i in shown}


@dataclass(frozen=True)
class Edit:
    """A translation as a person or a translator's file gives it; `source` (when given) is what they saw."""

    key: str
    target: str | None
    state: str
    source: str | None = None


def check_edits(sources: Mapping[str, str], edits: list[Edit]) -> None:
    """Every edit names a text of the subject, a known state, a target when final; none was made from another
    source (then `SourceChanged`, 409). Raises before anything is saved."""
    seen: set[str] = set()
    # A text seen by the translator (`source` given) that the document no longer has changed too: 409 below.
    gone = [e.key for e in edits if e.key not in sources and e.source is not None]
    for edit in edits:
        if edit.key in gone:
            continue
        if edit.key not in sources:
            raise RuleViolation(N_("%(key)r is not a text of this subject."), field="items",
                                params={"key": edit.key})
        if edit.key in seen:
            raise RuleViolation(N_("%(key)r is given twice."), field="items", params={"key": edit.key})
        seen.add(edit.key)
        if edit.state not in STATES:
            raise RuleViolation(N_("State of %(key)r must be one of: missing, draft, final."), field="items",
                                params={"key": edit.key})
        if edit.state == "final" and not (edit.target or "").strip():
            raise RuleViolation(N_("%(key)r cannot be final without a translation."), field="items",
                                params={"key": edit.key})
        problem = text_problem(edit.target, multiline=True) if edit.target else None
        if problem:  # the same door as every typed text (API, translator's file, form)
            raise RuleViolation(N_("The translation of %(key)r: %(problem)s"), field="items",
                                params={"key": edit.key, "problem": problem})
        if edit.target is not None and len(edit.target) > MAX_TARGET:
            raise RuleViolation(N_("The translation of %(key)r is longer than %(max)s characters."),
                                field="items", params={"key": edit.key, "max": MAX_TARGET})
    changed = [e.key for e in edits if e.source is not None and e.source != sources.get(e.key)]
    if changed:
        raise SourceChanged(changed)
