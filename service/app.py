"""The app factory: `create_app` wires every area, adapter and blueprint (imported as `service.create_app`)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter

from service import config as config_module
from service.adapters import Services, SystemClock
from service.conversion.protocol import PdfConverter
from service.mail import Mailer
from service.sealing.protocol import Sealer
from service.templating import location as templates_location


class RecordNumber(IntegerConverter):
    """`<int:…>` in routes, bounded to what the database's integer columns hold."""

    def __init__(self, map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(map, *args, **kwargs)


def _secret_key(data_dir: Path) -> str:
    """A stable random secret kept in the data folder, so sessions survive restarts without configuration."""
    path = data_dir / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask("service", instance_relative_config=False)  # the package's name: its logger, root path
    app.url_map.converters["int"] = RecordNumber  # /meetings/99999999999999999999 is a 404, not an overflow

    # 1. configuration: defaults, then TRIPARTITO_* environment, then the caller's overrides
    overrides = {**config_module.from_environment(), **(test_config or {})}
    data_dir = Path(overrides.get("DATA_DIR") or config_module.default_data_dir())
    app.config.from_mapping(config_module.defaults(data_dir))
    app.config.update(overrides)
    data_dir = Path(app.config["DATA_DIR"])
    data_dir.mkdir(parents=True, exist_ok=True)
    app.config["SQLALCHEMY_DATABASE_URI"] = app.config["DATABASE_URL"]
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", _engine_options(app.config["DATABASE_URL"]))
    app.config["SECRET_KEY"] = app.config.get("SECRET_KEY") or _secret_key(data_dir)
    templates_location.seed(Path(app.config["TEMPLATES_DIR"]))  # first use: copy the packaged defaults
    app.config.update(
        API_TITLE="Tripartito API", API_VERSION="v1", OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1", OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={"security": [{"bearer": []}],
                          "info": {"description": "Meetings, minutes, recommendations, monitoring and official "
                                                  "documents of the Equipo Tripartito (CRM · RROCM · PPT). "
                                                  "Send 'Authorization: Bearer <token>'."}},
        OPENAPI_SWAGGER_UI_PATH="docs", OPENAPI_SWAGGER_UI_URL="/api/v1/swagger-ui/",
        JSON_SORT_KEYS=False,
    )

    # 2. extensions
    from service.extensions import api, db, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).parent / "migrations"))
    from service.openapi import PreconditionsAndUploads
    from service.openapi import install as complete_openapi

    api.init_app(app, spec_kwargs={"extra_plugins": [PreconditionsAndUploads()]})
    api.spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    complete_openapi(api)

    # 3. adapters (outside processes and stores)
    from service.documents.storage import DatabaseDocumentStore

    app.extensions["tripartito"] = Services(clock=app.config.get("CLOCK") or SystemClock(),
                                            store=DatabaseDocumentStore(), mailer=_mailer(app),
                                            converter=_converter(app), sealer=_sealer(app))

    # 4. blueprints
    from service import api_docs, health
    from service.audit.api import blp as audit_blp
    from service.content_translations.api import blp as translations_blp
    from service.documents.annexes_api import blp as concept_notes_blp
    from service.documents.api import blp as documents_blp
    from service.documents.package_api import blp as grcm_package_blp
    from service.feeds.api import blp as feed_tokens_blp
    from service.feeds.views import bp as feeds_bp
    from service.grcm.api import blp as grcm_blp
    from service.meetings.api import blp as meetings_blp
    from service.monitoring.api import blp as instruments_blp
    from service.monitoring.tools.api import blp as monitoring_tools_blp
    from service.participation.api import blp as crm_events_blp
    from service.planning.api import blp as work_plans_blp
    from service.ppt.api import blp as ppt_blp
    from service.ppt.feedback_api import blp as ppt_feedback_blp
    from service.recommendations.api import blp as recommendations_blp
    from service.reference.api import blp as countries_blp
    from service.schedule.api import blp as schedule_blp
    from service.sealing.api import blp as verify_blp
    from service.templating.api import blp as templates_blp

    for blueprint in (countries_blp, ppt_blp, grcm_blp, meetings_blp, documents_blp, concept_notes_blp,
                      recommendations_blp, instruments_blp, work_plans_blp, crm_events_blp, ppt_feedback_blp,
                      feed_tokens_blp, schedule_blp, templates_blp, audit_blp, translations_blp,
                      monitoring_tools_blp, verify_blp, grcm_package_blp):
        api.register_blueprint(blueprint)
    app.register_blueprint(health.bp)
    app.register_blueprint(api_docs.bp)
    app.register_blueprint(feeds_bp)  # /calendars/<token>/tripartito.ics: calendar apps, not the JSON API

    from service.compression import init_compression

    init_compression(app)  # gzip for feeds and the JSON API (never pages: see compression.py)

    # 5. errors, and the request limits every handler relies on (registered first: they read the body)
    from service import error_handlers, request_limits

    error_handlers.register(app)
    request_limits.register(app)

    # 5b. web pages: language, CSRF, session cookie, page blueprints, HTML error pages (after the API's handlers)
    from service.web import init_web

    init_web(app)

    # 6. command line
    from service.commands import register_commands

    register_commands(app)
    return app


def _converter(app: Flask) -> PdfConverter | None:
    """The PDF converter pool: injected (tests), remote servers, or local LibreOffices started here.

    Without TRIPARTITO_START_CONVERTERS (set by `tripartito serve`) no LibreOffice is started, so commands
    and tests that never issue a document do not pay for it.
    """
    if app.config.get("CONVERTER") is not None:
        return app.config["CONVERTER"]
    from service.conversion.pools import pool_from_config

    spec = str(app.config["CONVERTERS"])
    if spec.strip().lower() == "auto" and not app.config["START_CONVERTERS"]:
        return None
    uno_python = None
    if spec.strip().lower() == "auto":
        from service.installation_cli import locate

        uno_python = str(locate(app))  # raises UnoPythonMissing naming the command that fixes it
    pool = pool_from_config(spec, timeout=float(app.config["CONVERSION_TIMEOUT"]),
                            workdir=Path(app.config["DATA_DIR"]) / "converters",
                            allow_public=bool(app.config["ALLOW_PUBLIC_CONVERTERS"]), uno_python=uno_python)
    # Local: returns at once, the first conversion waits for a warm instance (stopped at exit). Remote: nothing to
    # launch, but without it /healthz reported the pool "stopped" until a first issue.
    pool.start()
    return pool


def _sealer(app: Flask) -> Sealer | None:
    """The seal on issued PDFs: injected (tests), TRIPARTITO_SIGNING_KEY, or the demo authority (created once in
    the data folder, like the secret key). SEALER=False in the configuration issues unsealed PDFs."""
    if app.config.get("SEALER") is not None:
        return app.config["SEALER"] or None
    from service.sealing.wiring import sealer_from_config

    return sealer_from_config(app.config)


def _mailer(app: Flask) -> Mailer:
    """SMTP when TRIPARTITO_SMTP_URL is set, else an outbox folder in the data folder."""
    from service.mail import OutboxMailer, SmtpMailer

    if app.config.get("SMTP_URL"):
        return SmtpMailer(app.config["SMTP_URL"])
    return OutboxMailer(Path(app.config["DATA_DIR"]) / "outbox")


def _engine_options(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        # Wait for a concurrent writer instead of failing with "database is locked".
        return {"connect_args": {"timeout": 30}}
    return {"pool_pre_ping": True}
