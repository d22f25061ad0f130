"""The import ladder, read from the source with ast (imports inside functions count: that is how cycles hide).

rules (pure) → models → operations → api / views / web; schemas and calendars below them all; and no import
cycle anywhere in service/, schemas/ and calendars/.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("service", "schemas", "calendars")
FORBIDDEN_IN_PURE = ("flask", "flask_smorest", "flask_sqlalchemy", "sqlalchemy", "service.extensions")
HANDLERS = ("api", "views", "web", "cli", "commands")


@cache
def modules() -> dict[str, Path]:
    """Dotted module name → file, for every module of our packages."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports_of(path: Path) -> set[str]:
    """Every module named by an import anywhere in the file (top level, functions, TYPE_CHECKING blocks)."""
    name = next(n for n, p in modules().items() if p == path) if path in modules().values() else ""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x / from ..a import b
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            for alias in node.names:  # `from package import module` names the module, not the package
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else base)
    return found


def internal_imports(path: Path) -> set[str]:
    return {name for name in imports_of(path) if name in modules()}


def import_graph() -> dict[str, set[str]]:
    return {name: internal_imports(path) - {name} for name, path in modules().items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def layer(name: str) -> str | None:
    """rules | models | operations | handler, from the module's last name (feedback_rules.py is rules)."""
    last = name.rpartition(".")[2]
    if last == "rules" or last.endswith("_rules"):
        return "rules"
    if last == "models" or last.endswith("_models"):
        return "models"
    if last == "operations":
        return "operations"
    if last in HANDLERS or last.endswith(("_api", "_views")) or last.startswith("views") or ".web" in name:
        return "handler"
    return None


def area_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if parts[0] == "service" and len(parts) > 2 else None


def violations(allowed: dict[str, set[str | None]]) -> dict[str, list[str]]:
    """Imports from a layer into a layer it must not reach (per `allowed`: importer layer → forbidden layers)."""
    bad = {}
    for name, path in modules().items():
        forbidden = allowed.get(layer(name) or "", set())
        hits = sorted(target for target in internal_imports(path) if layer(target) in forbidden)
        if hits:
            bad[name] = hits
    return bad


# --- the ladder ----------------------------------------------------------------------------------------------


def pure_modules() -> list[Path]:
    paths = [path for name, path in modules().items() if name.startswith("service.") and layer(name) == "rules"]
    paths += list((ROOT / "calendars").rglob("*.py"))
    paths += [ROOT / "service" / "common" / "localtime.py", ROOT / "service" / "auth" / "principals.py"]
    paths += list((ROOT / "service" / "pdf").rglob("*.py"))
    return paths


def test_every_rules_module_is_found_including_the_prefixed_ones():
    names = {name for name in modules() if layer(name) == "rules"}
    assert "service.ppt.feedback_rules" in names
    assert "service.meetings.rules" in names


def test_domain_rules_calendars_and_pdf_work_import_no_framework():
    offenders = {
        str(path.relative_to(ROOT)): sorted(name for name in imports_of(path)
                                            if name.startswith(FORBIDDEN_IN_PURE))
        for path in pure_modules()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_rules_import_no_models_operations_or_handlers():
    assert violations({"rules": {"models", "operations", "handler"}}) == {}


def test_models_import_no_operations_or_handlers():
    assert violations({"models": {"operations", "handler"}}) == {}


def test_operations_import_no_api_views_or_web():
    assert violations({"operations": {"handler"}}) == {}


def test_web_pages_use_no_other_area_api_module():
    bad = {}
    for name, path in modules().items():
        if not name.startswith("service.web."):
            continue
        hits = sorted(t for t in internal_imports(path) if area_of(t) not in (None, "web") and
                      t.rpartition(".")[2] == "api")
        if hits:
            bad[name] = hits
    assert bad == {}


def test_schemas_do_not_import_models_operations_or_handlers():
    for path in (ROOT / "schemas").rglob("*.py"):
        bad = [name for name in imports_of(path)
               if name.startswith("service.") and not name.endswith((".rules", "errors", "reference.data"))
               and not name.startswith("service.common")]
        assert bad == [], f"{path.name} imports {bad}"


def test_templating_knows_nothing_of_the_register():
    for path in (ROOT / "service" / "templating").rglob("*.py"):
        bad = sorted(name for name in imports_of(path) if name.startswith("service.documents"))
        assert bad == [], f"{path.relative_to(ROOT)} imports {bad}"


def test_conversion_and_pdf_know_nothing_of_documents_flask_or_the_database():
    for package in ("conversion", "pdf"):
        for path in (ROOT / "service" / package).rglob("*.py"):
            bad = sorted(name for name in imports_of(path)
                         if name.startswith((*FORBIDDEN_IN_PURE, "service.documents", "service.adapters")))
            assert bad == [], f"{path.relative_to(ROOT)} imports {bad}"


def test_there_is_no_import_cycle_in_service_schemas_or_calendars():
    assert cycles(import_graph()) == []


# --- the checks check: each must see what it is meant to see ---------------------------------------------------


def test_the_cycle_finder_sees_a_cycle_through_a_function_level_import(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("def later():\n    from service.documents import issuing\n")
    assert "service.documents.issuing" in imports_of(source)
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_layers_are_read_from_module_names():
    assert layer("service.ppt.feedback_rules") == "rules"
    assert layer("service.ppt.feedback_models") == "models"
    assert layer("service.ppt.feedback_api") == "handler"
    assert layer("service.web.views_meetings") == "handler"
    assert layer("service.documents.issuing") is None
