"""Render a kind's Word template with a context: docxtpl syntax, autoescaped, sandboxed, strict, cached.

docxtpl's ``DocxTemplate`` re-reads the .docx, re-parses every part and recompiles Jinja on each render and
cannot be rendered twice. We run the same docxtpl steps (``patch_xml`` before, ``resolve_listing`` after), but
once per template file: the compiled Jinja templates of the XML parts and the bytes of every other zip entry
are cached, and a render is Jinja + a strict XML check + writing the zip (see bench/bench_render.py).

Safety, in the order things happen:
* the context is loaded through the kind's schema (lone surrogates, control characters, unknown or missing
  fields → ``ContextError`` naming the field), then every value becomes a plain display string;
* Jinja runs in an ``ImmutableSandboxedEnvironment`` with no globals, an allowlist of filters,
  ``StrictUndefined`` and autoescape, so ``A & B < C`` or ``</w:t>`` are escaped into XML text;
* values are rendered once: ``{{ 7*7 }}`` typed by a user is data, never template code;
* a ``\\n`` in a value becomes ``<w:br/>`` (docxtpl's ``resolve_listing``), after escaping.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
import time
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from marshmallow import Schema, ValidationError, fields

from schemas.rendering import Choice, Picture, context_fields, label
from service.common.i18n import N_
from service.errors import RuleViolation
from service.templating import location as templates_location
from service.templating import pictures as pictures_module
from service.templating.formatting import format_date, format_datetime, format_number
from service.templating.kinds import DocumentKind, derive_common, get_kind

# Filters a template may use; the doctor refuses any other (and the environment does not even have them).
ALLOWED_FILTERS = frozenset({"capitalize", "count", "d", "default", "first", "join", "last", "length", "lower",
                             "replace", "reverse", "title", "trim", "truncate", "upper", "wordcount"})

_CONTENT_TYPES = re.compile(
    r'PartName="/([^"]+)"\s+ContentType="application/vnd\.openxmlformats-officedocument\.wordprocessingml\.'
    r'(?:document\.main|template\.main|header|footer|footnotes|endnotes)\+xml"')
_DOCXTPL = DocxTemplate(io.BytesIO())  # only for its pure XML helpers (patch_xml, resolve_listing)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


class ContextError(RuleViolation):
    """The data given for a document does not fit the template's context schema (422, names the field)."""

    def __init__(self, kind: str, errors: dict) -> None:
        self.errors = _flatten(errors)
        first, messages = next(iter(self.errors.items()))
        super().__init__(N_("Invalid data for the %(kind)s document: %(field)s: %(problem)s"), field=first,
                         params={"kind": kind, "field": first, "problem": messages[0]})


class TemplateRenderError(RuntimeError):
    """The template itself is broken (the doctor would have said so): not the user's fault."""


def _flatten(errors: Any, prefix: str = "") -> dict[str, list[str]]:
    if isinstance(errors, dict):
        out: dict[str, list[str]] = {}
        for key, value in errors.items():
            name = f"{prefix}.{key}" if prefix and key != "_schema" else (prefix or str(key))
            out.update(_flatten(value, name))
        return out
    return {prefix or "_schema": [str(m) for m in (errors if isinstance(errors, list) else [errors])]}


class RenderLimit(RuleViolation):
    """The rendered document would be larger or slower than we allow (a runaway template or data): 422."""


MAX_VALUE_CHARS = 1_000_000  # one `*`/`+` result: 'x' * 999999999 once built a 300 MB string here
MAX_PART_BYTES = 50 * 1024 * 1024  # rendered XML of one part
MAX_RENDER_SECONDS = 20.0


class _ValueTooLarge(SecurityError):
    """Raised inside the sandbox when `*`, `**` or `+` would make a huge value (not a sandbox escape)."""


class _CappedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with `*`, `**` and `+` refused when they would make a huge value or number."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise _ValueTooLarge("exponent too large")
        sizes = [len(v) for v in (left, right) if isinstance(v, str | list | tuple)]
        if operator == "*" and sizes:
            times = right if isinstance(right, int) else left if isinstance(left, int) else 1
            if sizes[0] * max(times, 0) > MAX_VALUE_CHARS:
                raise _ValueTooLarge("repeated value too large")
        if operator == "+" and sum(sizes) > MAX_VALUE_CHARS:
            raise _ValueTooLarge("joined value too large")
        return super().call_binop(context, operator, left, right)


def make_environment() -> jinja2.Environment:
    """The sandbox every template renders in: no globals, allowlisted filters, strict, autoescaped, capped."""
    env = _CappedSandbox(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals.clear()  # cycler, joiner, namespace, lipsum, range, dict: none has a use in a document
    env.filters = {name: f for name, f in env.filters.items() if name in ALLOWED_FILTERS}
    return env


_ENV = make_environment()


def preprocess(docx: bytes) -> dict[str, str]:
    """The templated XML parts of a .docx (body, headers, footers, notes) after docxtpl's patch_xml."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        types = zf.read("[Content_Types].xml").decode("utf-8")
        names = _CONTENT_TYPES.findall(types)
        out = {}
        for name in names:
            root = etree.fromstring(zf.read(name), _PARSER)
            xml = etree.tostring(root, encoding="unicode")
            # docxtpl's line-per-paragraph trick: Jinja errors then point at a paragraph
            out[name] = re.sub(r"<w:p([ >])", r"\n<w:p\1", _DOCXTPL.patch_xml(xml))
        return out


@dataclass
class CompiledTemplate:
    """A parsed template, reusable for any number of renders (immutable after construction)."""

    entries: list[tuple[zipfile.ZipInfo, bytes | jinja2.Template]]

    @classmethod
    def from_bytes(cls, docx: bytes) -> CompiledTemplate:
        parts = preprocess(docx)
        entries: list[tuple[zipfile.ZipInfo, bytes | jinja2.Template]] = []
        with zipfile.ZipFile(io.BytesIO(docx)) as zf:
            for info in zf.infolist():
                if info.filename in parts:
                    try:
                        entries.append((info, _ENV.from_string(parts[info.filename])))
                    except jinja2.TemplateSyntaxError as exc:
                        raise TemplateRenderError(f"{info.filename}: {exc.message} (run the template "
                                                  "doctor: tripartito templates check)") from exc
                else:
                    entries.append((info, zf.read(info)))
        return cls(entries)

    def render(self, context: dict[str, Any], language: str | None = None) -> bytes:
        rendered: list[tuple[zipfile.ZipInfo, bytes]] = []
        pictures: dict[str, list[tuple[str, str, bytes]]] = {}  # rels part -> images placed in its part
        for info, content in self.entries:
            if isinstance(content, jinja2.Template):
                sink, token = pictures_module.rendering_part(info.filename)
                try:
                    content = self._render_part(info.filename, content, context)
                finally:
                    pictures_module.finish_part(token)
                if sink.images:
                    pictures[pictures_module.rels_name(info.filename)] = sink.images
            elif info.filename == "docProps/core.xml" and "header" in context:
                content = _core_properties(content, context["header"], language)
            elif info.filename.startswith("word/media/logo_"):
                content = institution_logo(info.filename.removeprefix("word/media/")) or content
            rendered.append((info, content))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for info, content in rendered:
                if info.filename in pictures:
                    content = pictures_module.add_relationships(content, pictures[info.filename])
                elif info.filename == "[Content_Types].xml" and pictures:
                    content = pictures_module.with_png_type(content)
                # level 1: a third of the time of the default level for a few % more bytes
                zf.writestr(_fresh_info(info), content, compresslevel=1)
            for images in pictures.values():
                for _, name, png in images:  # PNGs are compressed already
                    zf.writestr(zipfile.ZipInfo(f"word/media/{name}", date_time=(2026, 1, 1, 0, 0, 0)), png,
                                compress_type=zipfile.ZIP_STORED)
        return out.getvalue()

    @staticmethod
    def _render_part(name: str, template: jinja2.Template, context: dict[str, Any]) -> bytes:
        try:
            xml = _render_within_limits(name, template, context)
        except _ValueTooLarge as exc:
            raise RenderLimit(N_("The template %(part)s makes a value too large (%(reason)s); nothing was "
                                 "rendered."), params={"part": name, "reason": str(exc)}) from None
        except jinja2.TemplateError as exc:
            raise TemplateRenderError(f"{name}: {exc} (run tripartito templates check)") from exc
        xml = _DOCXTPL.resolve_listing(re.sub(r"\n<w:p([ >])", r"<w:p\1", xml))
        xml = _non_breaking_hyphens(xml)
        data = xml.encode("utf-8")
        try:
            etree.fromstring(data, _PARSER)  # never hand out a corrupt document
        except etree.XMLSyntaxError as exc:
            raise TemplateRenderError(f"{name}: the rendered XML is not well formed: {exc}") from exc
        return data


_TEXT_RUN = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*\u2011[^<]*)(</w:t>)")


def _non_breaking_hyphens(xml: str) -> str:
    """U+2011 in text becomes Word's own non-breaking hyphen: the document fonts have no glyph for U+2011."""
    def split(found: re.Match[str]) -> str:
        pieces = found[2].split("\u2011")
        return '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'.join(
            [found[1].replace("<w:t>", '<w:t xml:space="preserve">') + pieces[0], *pieces[1:]]) + found[3]
    return _TEXT_RUN.sub(split, xml) if "\u2011" in xml else xml


def _render_within_limits(name: str, template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render chunk by chunk, stopping once the part is larger or has taken longer than we allow."""
    chunks, size, started = [], 0, time.monotonic()
    for chunk in template.generate(context):
        size += len(chunk)
        chunks.append(chunk)
        if size > MAX_PART_BYTES or time.monotonic() - started > MAX_RENDER_SECONDS:
            raise RenderLimit(N_("The document's part %(part)s grows beyond %(limit)s MiB or %(seconds)s s "
                                 "when rendered; nothing was rendered."),
                              params={"part": name, "limit": MAX_PART_BYTES // 1024 // 1024,
                                      "seconds": int(MAX_RENDER_SECONDS)})
    return "".join(chunks)


_CORE = {"dc": "http://purl.org/dc/elements/1.1/",
         "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}


def _core_properties(blob: bytes, header: dict[str, Any], language: str | None) -> bytes:
    """File > Properties shows the document's title and reference (set as data, never templated)."""
    root = etree.fromstring(blob, _PARSER)
    values = {"dc:title": header["title"], "dc:identifier": header["reference"],
              "dc:subject": header["reference"]}
    if language:
        values["dc:language"] = {"es": "es-419", "en": "en"}.get(language, language)
    for tag, value in values.items():
        prefix, local = tag.split(":")
        element = root.find(f"{{{_CORE[prefix]}}}{local}")
        if element is None:
            element = etree.SubElement(root, f"{{{_CORE[prefix]}}}{local}")
        element.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def institution_logo(name: str) -> bytes | None:
    """The institution's image for a logo slot (``logo_st_crm.png`` ← ``<logos folder>/st_crm.png``), if any.

    The slot keeps the template's size, so a square PNG fits best."""
    folder = templates_location.logos_dir()
    if folder is None:
        return None
    path = folder / name.removeprefix("logo_")
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if data.startswith(b"\x89PNG\r\n\x1a\n") else None  # the slot is a PNG part: PNGs only


def _fresh_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    fresh = zipfile.ZipInfo(info.filename, date_time=info.date_time)
    fresh.external_attr = info.external_attr
    fresh.compress_type = zipfile.ZIP_DEFLATED
    return fresh


# By the template file's SHA-256: a replaced template compiles anew, and the same file in several data folders
# (test apps, the benchmarks' fresh apps, a restarted instance folder) once per process. Reading and hashing
# the ~45 KB file costs far less than a millisecond a render.
_compiled: dict[str, CompiledTemplate] = {}
_cache_lock = threading.Lock()


def compiled_template(kind: str, language: str) -> CompiledTemplate:
    """The compiled template of the file as it is now (an administrator may have replaced it)."""
    content = get_kind(kind).template_path(language).read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    with _cache_lock:
        compiled = _compiled.get(digest)
    if compiled is None:
        compiled = CompiledTemplate.from_bytes(content)
        with _cache_lock:
            _compiled[digest] = compiled
    return compiled


def display_context(kind: DocumentKind, language: str, context: dict[str, Any]) -> dict[str, Any]:
    """Validate through the kind's schema, add derived values, turn every value into display text."""
    context = dict(context)
    header = dict(context.get("header") or {})
    header.setdefault("language", language)
    header.setdefault("title", kind.titles[language])
    context["header"] = header
    schema = kind.schema()
    try:
        data = schema.load(context)
    except ValidationError as exc:
        raise ContextError(kind.name, exc.messages_dict) from exc
    if data["header"]["language"] != language:
        raise ContextError(kind.name, {"header": {"language": [f"Does not match the template language "
                                                                f"{language!r}."]}})
    derive_common(data, language)
    if kind.derive:
        kind.derive(data, language)
    return _display_object(schema, data, language)


def _display_object(schema: Schema, data: dict[str, Any], language: str) -> dict[str, Any]:
    return {name: _display(field, data.get(name), language) for name, field in context_fields(schema).items()}


def _display(field: fields.Field, value: Any, language: str) -> Any:
    """Plain strings (and booleans, for {% if %}) in the document's language; None shows as nothing."""
    if value is None:
        return ""
    if isinstance(field, fields.Nested):
        schema = field.schema
        if isinstance(value, list):
            return [_display_object(schema, v, language) for v in value]
        return _display_object(schema, value, language)
    if isinstance(field, fields.List):
        return [_display(field.inner, v, language) for v in value]
    if isinstance(field, Choice):
        return label(field.vocabulary, value, language)
    if isinstance(field, Picture):
        return pictures_module.inline_picture(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return format_datetime(value, language)
    if isinstance(value, date):
        return format_date(value, language)
    if isinstance(value, Decimal | float):
        places = getattr(field, "places", None)  # marshmallow 4 keeps it as a quantum, Decimal("0.01")
        if isinstance(places, Decimal):
            places = -int(places.as_tuple().exponent)
        return format_number(value, language, decimals=places)
    return str(value)  # ints stay unformatted: years and counts must not read "2,027"


def render_docx(kind: str, language: str, context: dict[str, Any]) -> bytes:
    """The .docx of a document of ``kind`` in ``language`` ('es' | 'en') from a context (see schemas/rendering).

    Raises ContextError (422, names the field) for bad data, TemplateRenderError for a broken template.
    """
    document_kind = get_kind(kind)
    template = compiled_template(kind, language)  # first: an unknown language fails here, clearly
    return template.render(display_context(document_kind, language, context), language)


def render_template_bytes(docx: bytes, kind: str, language: str, context: dict[str, Any]) -> bytes:
    """Render a candidate template (not the shipped one), e.g. to try a replacement before installing it."""
    document_kind = get_kind(kind)
    document_kind.template_path(language)  # validates the language
    return CompiledTemplate.from_bytes(docx).render(display_context(document_kind, language, context), language)
