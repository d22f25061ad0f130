"""The import ladder: rules, schemas and calendars never import Flask, the ORM or the layers above them."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_IN_PURE = ("flask", "flask_smorest", "flask_sqlalchemy", "sqlalchemy", "service.extensions")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def pure_modules() -> list[Path]:
    paths = list((ROOT / "service").rglob("rules.py")) + list((ROOT / "calendars").rglob("*.py"))
    paths += [ROOT / "service" / "common" / "localtime.py", ROOT / "service" / "auth" / "principals.py"]
    return paths


def test_domain_rules_and_calendars_import_no_framework():
    offenders = {
        str(path.relative_to(ROOT)): sorted(name for name in imports_of(path)
                                            if name.startswith(FORBIDDEN_IN_PURE))
        for path in pure_modules()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_schemas_do_not_import_models_operations_or_handlers():
    for path in (ROOT / "schemas").rglob("*.py"):
        bad = [name for name in imports_of(path)
               if name.startswith("service.") and not name.endswith((".rules", "errors", "reference.data"))
               and not name.startswith("service.common")]
        assert bad == [], f"{path.name} imports {bad}"
