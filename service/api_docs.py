"""Interactive API docs served from this machine: Swagger UI's files come from the swagger-ui-bundle package,
so /api/v1/docs works without reaching a CDN (ministry networks often block them)."""

from __future__ import annotations

from flask import Blueprint, send_from_directory
from swagger_ui_bundle import swagger_ui_path

bp = Blueprint("api_docs_assets", __name__)
ASSETS_URL = "/api/v1/swagger-ui/"


@bp.get(f"{ASSETS_URL}<path:filename>")
def swagger_ui_asset(filename: str):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)
