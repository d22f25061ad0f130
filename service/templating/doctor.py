"""The template doctor: is this .docx a template the renderer can use safely? Says what is wrong and where.

Checks, in order (a file that fails an early check is not examined further where that makes no sense):
1. it opens as a Word file;
2. no Jinja tag is split across runs (Word splits text it spell-checks or re-formats: ``{{ meet`` + ``ing }}``);
3. row loops are well formed: ``{%tr for %}`` … ``{%tr endfor %}`` in the same table, one row tag per row,
   column loops ``{%tc for %}`` … ``{%tc endfor %}`` in the same row, one cell per tag,
   and plain ``{% for %}``/``{% if %}`` blocks do not span table cells;
4. the docxtpl-preprocessed XML parses as Jinja, every variable is declared by the kind's context schema
   (loop variables and nested schemas resolved), and nothing could escape the sandbox: no ``_``/dunder
   attributes, no calls, no globals (``cycler``, ``joiner``, ``range`` …), only allowlisted filters, no
   ``{% autoescape %}``/``{% include %}``/macros.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

import docx
import jinja2
from jinja2 import nodes
from lxml import etree
from marshmallow import Schema, fields

from schemas.rendering import context_fields
from service.common.i18n import LANGUAGES, N_
from service.errors import DomainError
from service.templating.kinds import KINDS
from service.templating.location import live_dir
from service.templating.render import _CONTENT_TYPES, _PARSER, ALLOWED_FILTERS, make_environment, preprocess
from service.uploads import gate, sandbox

DOCTOR_LIMITS = sandbox.Limits(memory=768 * sandbox.MiB, cpu=30, wall=45)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAG = re.compile(r"\{([{%#])((?:(?!\{[{%#]).)*?)([}%#])\}", re.DOTALL)  # a tag never contains an opener
_OPENER = re.compile(r"\{[{%#]")
_BLOCK = re.compile(r"\{%-?\s*(tr|tc|p|r)?\s*(for|endfor|if|endif)\b")
_LOOP_ATTRS = frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth",
                         "depth0", "previtem", "nextitem"})
_UNSAFE_NAMES = frozenset({"cycler", "joiner", "namespace", "lipsum", "range", "dict", "self", "config",
                           "request", "session", "g", "url_for", "get_flashed_messages", "varargs", "kwargs",
                           "caller"})
_REFUSED_STATEMENTS = {
    nodes.Macro: "macros", nodes.CallBlock: "{% call %} blocks", nodes.FilterBlock: "{% filter %} blocks",
    nodes.Include: "{% include %}", nodes.Import: "{% import %}", nodes.FromImport: "{% from … import %}",
    nodes.Extends: "{% extends %}", nodes.Block: "{% block %}",
    nodes.EvalContextModifier: "{% autoescape %} (it would turn off escaping)",
    nodes.ScopedEvalContextModifier: "{% autoescape %} (it would turn off escaping)",
}


@dataclass(frozen=True)
class Problem:
    code: str      # not-docx, unknown-kind, split-tag, unclosed-tag, row-loop, syntax, unknown-variable, unsafe
    message: str   # what is wrong, for the person editing the template
    where: str     # part and paragraph/table location, or the text around the tag

    def __str__(self) -> str:
        return f"[{self.code}] {self.where}: {self.message}"


# ---------------------------------------------------------------- entry points


def check_template(source: str | Path | bytes, kind: str) -> list[Problem]:
    """Every problem found in a template for ``kind``; an empty list means the renderer can use it."""
    data = Path(source).read_bytes() if isinstance(source, str | Path) else source
    if kind not in KINDS:
        return [Problem("unknown-kind", f"Unknown document kind {kind!r}; known: {', '.join(KINDS)}.", "file")]
    try:
        docx.Document(io.BytesIO(data))
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            types = zf.read("[Content_Types].xml").decode("utf-8")
            parts = {name: etree.fromstring(zf.read(name), _PARSER) for name in _CONTENT_TYPES.findall(types)}
    except Exception as exc:
        return [Problem("not-docx", f"Does not open as a Word (.docx) file: {exc}", "file")]
    problems: list[Problem] = []
    for name, root in parts.items():
        problems += _check_runs(name, root)
        problems += _check_tables(name, root)
    if any(p.code in {"split-tag", "unclosed-tag"} for p in problems):
        return problems  # the preprocessed Jinja would only repeat these, more confusingly
    for name, xml in preprocess(data).items():
        problems += _check_jinja(name, xml, KINDS[kind].schema())
    return problems


def check_untrusted(data: bytes, kind: str) -> list[Problem]:
    """An uploaded or candidate template: the upload gate (raises its 413/415/422), then the doctor in a child
    process with memory and time limits, never in the web worker."""
    try:
        gate.check(data, accept=frozenset({gate.DOCX}), limits=gate.TEMPLATE_LIMITS,
                   wrong_type=N_("A template must be a Word (.docx) file."))
    except gate.UnsupportedType as wrong:  # templates answered 422 for this before the gate: kept
        raise gate.UploadRefused("not-docx", wrong.template, **wrong.params) from None
    try:
        found = sandbox.call("service.templating.doctor:problems_json", data, limits=DOCTOR_LIMITS, kind=kind)
    except sandbox.SandboxRefused as refused:
        return [Problem("limits", f"The template could not be checked within the limits ({refused.problem}: "
                        f"{refused.detail}); simplify it.", "file")]
    return [Problem(**problem) for problem in found]


def problems_json(data: bytes, kind: str) -> list[dict[str, str]]:
    """The sandboxed child's side of check_untrusted."""
    return [asdict(problem) for problem in check_template(data, kind)]


def kind_of(path: Path) -> tuple[str | None, str | None]:
    """(kind, language) from a file named ``{kind}.{lang}.docx``."""
    parts = path.name.split(".")
    if len(parts) == 3 and parts[2] == "docx" and parts[0] in KINDS and parts[1] in LANGUAGES:
        return parts[0], parts[1]
    return None, None


def check_file(path: Path, *, untrusted: bool = True) -> list[Problem]:
    """A template file; `untrusted` (a candidate) goes through the gate and the sandbox (the shipped ones need not)."""
    kind, _language = kind_of(path)
    if kind is None:
        return [Problem("unknown-kind", "Cannot tell the document kind from the file name: name it "
                        f"{{kind}}.{{es|en}}.docx with kind one of {', '.join(KINDS)}.", path.name)]
    if not path.is_file():
        return [Problem("not-docx", "No such file.", str(path))]
    if not untrusted:
        return check_template(path, kind)
    if path.stat().st_size > gate.TEMPLATE_LIMITS.max_bytes:
        return [Problem("refused", f"The file is larger than {gate.TEMPLATE_LIMITS.max_bytes // 1024} KiB.", "file")]
    try:
        return check_untrusted(path.read_bytes(), kind)
    except DomainError as refused:
        return [Problem("refused", refused.message, "file")]


def check_all(directory: Path | None = None) -> dict[Path, list[Problem]]:
    """The templates in use (default: ``live_dir()``): every kind in every language must exist and pass."""
    directory = directory or live_dir()
    expected = [directory / f"{kind}.{lang}.docx" for kind in KINDS for lang in LANGUAGES]
    extra = sorted(set(directory.glob("*.docx")) - set(expected))
    return {path: check_file(path, untrusted=path in extra) for path in [*expected, *extra]}


def run_check(files: list[Path] | None = None) -> tuple[int, str]:
    """For ``tripartito templates check [FILE…]``: (exit code 0 if all pass else 1, report text)."""
    results = check_all() if not files else {Path(f): check_file(Path(f)) for f in files}
    lines = []
    for path, problems in results.items():
        lines.append(f"{'OK  ' if not problems else 'FAIL'} {path}")
        lines += [f"     {p}" for p in problems]
    failed = sum(1 for p in results.values() if p)
    lines.append(f"{len(results) - failed} of {len(results)} template(s) pass.")
    return (1 if failed else 0), "\n".join(lines)


# ---------------------------------------------------------------- raw XML: runs and tables


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


def _locate(part: str, paragraph, index: int) -> str:
    cell = next(paragraph.iterancestors(f"{W}tc"), None)
    if cell is None:
        return f"{part}, paragraph {index}"
    row = cell.getparent()
    table = row.getparent()
    tables = list(table.getroottree().iter(f"{W}tbl"))
    return (f"{part}, table {tables.index(table) + 1}, row {list(table.iterchildren(f'{W}tr')).index(row) + 1}, "
            f"cell {list(row.iterchildren(f'{W}tc')).index(cell) + 1}")


def _check_runs(part: str, root) -> list[Problem]:
    problems = []
    for index, p in enumerate(root.iter(f"{W}p"), start=1):
        pieces = [t for t in p.iter(f"{W}t") if next(t.iterancestors(f"{W}p")) is p]
        owner, text = [], ""
        for i, t in enumerate(pieces):
            owner += [i] * len(t.text or "")
            text += t.text or ""
        closed = [(m.start(), m.end()) for m in _TAG.finditer(text)]
        for m in _TAG.finditer(text):
            if owner[m.start()] != owner[m.end() - 1]:
                problems.append(Problem(
                    "split-tag", f"The tag {m.group(0)!r} is split across {owner[m.end() - 1] - owner[m.start()] + 1}"
                    " runs (Word does this when text is retyped or formatted): select the whole tag, delete it "
                    "and type it again in one go, or clear its formatting.", _locate(part, p, index)))
        for m in _OPENER.finditer(text):
            if any(start <= m.start() < end for start, end in closed):
                continue
            problems.append(Problem("unclosed-tag", f"{text[m.start():m.start() + 40]!r} opens a tag that is not "
                                    "closed in the same paragraph.", _locate(part, p, index)))
            break
    return problems


def _check_tables(part: str, root) -> list[Problem]:
    problems = []
    for p in root.iter(f"{W}p"):
        if next(p.iterancestors(f"{W}tc"), None) is None and "{%tr" in _text(p):
            problems.append(Problem("row-loop", "A {%tr %} tag outside a table: use {%p %} for paragraphs.",
                                    _locate(part, p, 0).rsplit(",", 1)[0] + f", text {_text(p)[:60]!r}"))
    for t_index, table in enumerate(root.iter(f"{W}tbl"), start=1):
        stack: list[tuple[str, int]] = []
        for r_index, row in enumerate(table.iterchildren(f"{W}tr"), start=1):
            where = f"{part}, table {t_index}, row {r_index}"
            tags = [m for m in _BLOCK.finditer(_text(row)) if m.group(1) == "tr"]
            if len(tags) > 1:
                problems.append(Problem("row-loop", "Two {%tr %} tags in one row: docxtpl replaces the whole "
                                        "row by its tag, so each {%tr %} tag needs a row of its own.", where))
            for m in tags:
                keyword = m.group(2)
                if keyword in {"for", "if"}:
                    stack.append((keyword, r_index))
                elif not stack or stack[-1][0] != keyword[3:]:
                    problems.append(Problem("row-loop", f"{{%tr {keyword} %}} without a matching "
                                            f"{{%tr {keyword[3:]} %}} above it in the same table.", where))
                else:
                    stack.pop()
            problems += _check_column_loops(row, where)
            for c_index, cell in enumerate(row.iterchildren(f"{W}tc"), start=1):
                problems += _check_cell(cell, f"{where}, cell {c_index}")
        for keyword, r_index in stack:
            problems.append(Problem("row-loop", f"{{%tr {keyword} %}} is never closed by {{%tr end{keyword} %}} "
                                    "in the same table.", f"{part}, table {t_index}, row {r_index}"))
    return problems


def _check_column_loops(row, where: str) -> list[Problem]:
    """{%tc for %} … {%tc endfor %} repeat cells: each tag in a cell of its own (docxtpl replaces that cell by
    the tag), opened and closed in the same row."""
    depth: list[str] = []
    for c_index, cell in enumerate(row.iterchildren(f"{W}tc"), start=1):
        tags = [m for m in _BLOCK.finditer(_text(cell)) if m.group(1) == "tc"]
        if len(tags) > 1:
            return [Problem("row-loop", "Two {%tc %} tags in one cell: each needs a cell of its own.",
                            f"{where}, cell {c_index}")]
        for m in tags:
            keyword = m.group(2)
            if keyword in {"for", "if"}:
                depth.append(keyword)
            elif depth and depth[-1] == keyword[3:]:
                depth.pop()
            else:
                return [Problem("row-loop", f"{{%tc {keyword} %}} without a matching {{%tc {keyword[3:]} %}} "
                                "before it in the same row.", f"{where}, cell {c_index}")]
    if depth:
        return [Problem("row-loop", f"{{%tc {depth[-1]} %}} is never closed in the same row.", where)]
    return []


def _check_cell(cell, where: str) -> list[Problem]:
    depth: list[str] = []
    for m in _BLOCK.finditer(_text(cell)):
        prefix, keyword = m.group(1), m.group(2)
        if prefix in ("tr", "tc"):
            continue
        if keyword in {"for", "if"}:
            depth.append(keyword)
        elif depth and depth[-1] == keyword[3:]:
            depth.pop()
        else:
            return [Problem("row-loop", f"{{% {keyword} %}} closes a block opened in another cell: a block in a "
                            "table must open and close in the same cell; to repeat rows use {%tr for %} … "
                            "{%tr endfor %} in rows of their own.", where)]
    if depth:
        return [Problem("row-loop", f"{{% {depth[-1]} %}} opened in this cell is not closed in it: to repeat "
                        "rows use {%tr for %} … {%tr endfor %} in rows of their own.", where)]
    return []


# ---------------------------------------------------------------- Jinja: variables and the sandbox

SCALAR, ANY, LOOP = "scalar", "any", "loop"


@dataclass(frozen=True)
class _List:
    item: object


def _field_type(field: fields.Field) -> object:
    if isinstance(field, fields.Nested):
        return _List(field.schema) if field.many else field.schema
    if isinstance(field, fields.List):
        return _List(_field_type(field.inner))
    return SCALAR


class _Checker:
    def __init__(self, part: str, xml: str, schema: Schema) -> None:
        self.part, self.lines, self.problems = part, xml.split("\n"), []
        self.env = make_environment()
        self.root = schema

    def where(self, node: nodes.Node) -> str:
        line = self.lines[node.lineno - 1] if 0 < node.lineno <= len(self.lines) else ""
        text = re.sub(r"<[^>]+>", "", line).strip()
        return f"{self.part}, near {text[:80]!r}" if text else f"{self.part}, line {node.lineno}"

    def add(self, code: str, message: str, node: nodes.Node) -> None:
        problem = Problem(code, message, self.where(node))
        if problem not in self.problems:
            self.problems.append(problem)

    # statements
    def body(self, body: list[nodes.Node], scope: dict[str, object]) -> None:
        for node in body:
            self.stmt(node, scope)

    def stmt(self, node: nodes.Node, scope: dict[str, object]) -> None:
        refused = next((what for cls, what in _REFUSED_STATEMENTS.items() if isinstance(node, cls)), None)
        if refused:
            self.add("unsafe", f"{refused} are not allowed in document templates.", node)
        elif isinstance(node, nodes.Output):
            for child in node.nodes:
                self.expr(child, scope)
        elif isinstance(node, nodes.For):
            iterated = self.expr(node.iter, scope)
            item = iterated.item if isinstance(iterated, _List) else ANY
            if iterated == SCALAR:
                self.add("unknown-variable", "Loops over something that is not a list.", node)
            inner = {**scope, "loop": LOOP}
            self.bind(node.target, item, inner)
            if node.test is not None:
                self.expr(node.test, inner)
            self.body(node.body, inner)
            self.body(node.else_, scope)
        elif isinstance(node, nodes.If):
            self.expr(node.test, scope)
            self.body(node.body, scope)
            for elif_ in node.elif_:
                self.stmt(elif_, scope)
            self.body(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            if isinstance(node.target, nodes.Name) and any(
                    n.name == node.target.name for n in node.node.find_all(nodes.Name)):
                self.add("unsafe", f"{{% set {node.target.name} = … {node.target.name} … %}} grows a value from "
                         "itself (it can make a document of any size); use a new name.", node)
            self.bind(node.target, self.expr(node.node, scope), scope)
        elif isinstance(node, nodes.AssignBlock):
            self.body(node.body, scope)
            self.bind(node.target, SCALAR, scope)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=True):
                self.bind(target, self.expr(value, scope), inner)
            self.body(node.body, inner)
        else:
            for child in node.iter_child_nodes():
                (self.expr if isinstance(child, nodes.Expr) else self.stmt)(child, scope)

    def bind(self, target: nodes.Node, value: object, scope: dict[str, object]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = value
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = ANY

    # expressions: return the type of the value
    def expr(self, node: nodes.Node, scope: dict[str, object]) -> object:
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in _UNSAFE_NAMES:
                self.add("unsafe", f"{node.name!r} is not available in document templates (it could reach "
                         "outside the sandbox).", node)
                return ANY
            declared = context_fields(self.root)
            if node.name in declared:
                return _field_type(declared[node.name])
            self.add("unknown-variable", f"Unknown variable {node.name!r}: the {type(self.root).__name__} "
                     f"context has {', '.join(sorted(declared))}.", node)
            return ANY
        if isinstance(node, nodes.Pow) or (isinstance(node, nodes.Mul) and _amplifies(node)):
            self.add("unsafe", "Repeating text or raising to a power ('x' * n, a ** b) is not allowed in document "
                     "templates (it can make a document of any size).", node)
            self.children(node, scope)
            return SCALAR
        if isinstance(node, nodes.Getattr):
            return self.attribute(node, self.expr(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            base = self.expr(node.node, scope)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.attribute(node, base, node.arg.value)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, int):
                return base.item if isinstance(base, _List) else ANY
            if isinstance(node.arg, nodes.Slice):
                self.children(node.arg, scope)
                return base
            self.add("unsafe", "Subscripts must be literal ('name' or 0): computed keys can reach hidden "
                     "attributes.", node)
            return ANY
        if isinstance(node, nodes.Call):
            self.add("unsafe", "Calls are not allowed in document templates (use filters such as "
                     f"|upper; allowed filters: {', '.join(sorted(ALLOWED_FILTERS))}).", node)
            self.children(node, scope)
            return ANY
        if isinstance(node, nodes.Filter):
            if node.name not in ALLOWED_FILTERS:
                self.add("unsafe", f"The filter |{node.name} is not allowed (allowed: "
                         f"{', '.join(sorted(ALLOWED_FILTERS))}).", node)
            base = self.expr(node.node, scope) if node.node is not None else ANY
            for arg in [*node.args, *(k.value for k in node.kwargs)]:
                self.expr(arg, scope)
            if node.name in {"first", "last"} and isinstance(base, _List):
                return base.item
            return SCALAR
        if isinstance(node, nodes.Test):
            if node.name not in self.env.tests:
                self.add("unsafe", f"Unknown test 'is {node.name}'.", node)
            self.children(node, scope)
            return SCALAR
        if isinstance(node, nodes.CondExpr):
            self.children(node, scope)
            return ANY
        self.children(node, scope)
        return SCALAR

    def children(self, node: nodes.Node, scope: dict[str, object]) -> None:
        for child in node.iter_child_nodes():
            self.expr(child, scope)

    def attribute(self, node: nodes.Node, base: object, attr: str) -> object:
        if attr.startswith("_"):
            self.add("unsafe", f"Access to the hidden attribute {attr!r} is not allowed (sandbox escape).", node)
            return ANY
        if base is LOOP:
            if attr not in _LOOP_ATTRS:
                self.add("unsafe", f"loop.{attr} is not allowed (allowed: {', '.join(sorted(_LOOP_ATTRS))}).",
                         node)
            return SCALAR
        if isinstance(base, Schema):
            declared = context_fields(base)
            if attr not in declared:
                self.add("unknown-variable", f"{type(base).__name__} has no field {attr!r} (it has "
                         f"{', '.join(sorted(declared))}).", node)
                return ANY
            return _field_type(declared[attr])
        if base == ANY:
            return ANY
        self.add("unknown-variable", f"{attr!r} is looked up on a text value or a list, which has no fields.",
                 node)
        return ANY


def _amplifies(node: nodes.Mul) -> bool:
    """`*` on anything but two small numbers: 'x' * 999999999 built a 300 MB string in the renderer."""
    small = [isinstance(side, nodes.Const) and isinstance(side.value, int | float) and abs(side.value) <= 1000
             for side in (node.left, node.right)]
    nested = any(isinstance(side, nodes.Mul | nodes.Pow) for side in (node.left, node.right))
    return nested or not any(small)


def _check_jinja(part: str, xml: str, schema: Schema) -> list[Problem]:
    checker = _Checker(part, xml, schema)
    try:
        tree = checker.env.parse(xml)
    except jinja2.TemplateSyntaxError as exc:
        line = xml.split("\n")[exc.lineno - 1] if exc.lineno else ""
        text = re.sub(r"<[^>]+>", "", line).strip()[:80]
        return [Problem("syntax", f"Template syntax error: {exc.message}", f"{part}, near {text!r}")]
    checker.body(tree.body, {})
    return checker.problems
