"""/healthz: 200 when the database, the PDF converters, the document store and the sealing key answer."""

from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import text

from service.adapters import services
from service.extensions import db

bp = Blueprint("health", __name__)


def _check_database() -> dict:
    db.session.execute(text("SELECT 1"))
    return {"ok": True, "engine": db.engine.dialect.name}


@bp.get("/healthz")
def healthz():
    report: dict[str, dict] = {}
    checks = {"database": _check_database}
    wired = services()
    for name in ("converter", "store", "mailer", "sealer"):
        adapter = getattr(wired, name)
        if adapter is not None:
            checks[name] = adapter.ping
    for name, check in checks.items():
        try:
            report[name] = check()
        except Exception as error:
            report[name] = {"ok": False, "error": str(error)}
    healthy = all(part.get("ok", False) for part in report.values())
    response = jsonify({"ok": healthy, **report})
    response.status_code = 200 if healthy else 503
    return response
