"""Configuration: defaults here, one line per key; TRIPARTITO_* environment variables override."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def default_data_dir() -> Path:
    return Path(os.environ.get("TRIPARTITO_DATA_DIR", Path.cwd() / "instance"))


def defaults(data_dir: Path) -> dict[str, Any]:
    return {
        # Folder for the SQLite database, issued documents and uploads.
        "DATA_DIR": str(data_dir),
        # The institution's Word templates (issuing reads, `templates install` writes); seeded from the package.
        "TEMPLATES_DIR": str(data_dir / "templates_docx"),
        # Database; SQLite in the data folder unless TRIPARTITO_DATABASE_URL says otherwise.
        "DATABASE_URL": f"sqlite:///{data_dir / 'tripartito.sqlite3'}",
        # Largest request body accepted (bytes); larger ones get 413. Uploads (concept notes) need room.
        "MAX_CONTENT_LENGTH": 20 * 1024 * 1024,
        # Secret for sessions and CSRF; a random one is generated into the data folder when unset.
        "SECRET_KEY": None,
        # Host name used in calendar UIDs and absolute links.
        "PUBLIC_HOST": "tripartito.localhost",
        # Base URL used for subscribe links when no request is at hand.
        "PUBLIC_URL": "http://127.0.0.1:5000",
        # LibreOffice conversion servers: "auto" starts CPU-count local unoservers; or "host:port,host:port".
        "CONVERTERS": "auto",
        # Accept converters on public addresses (unoserver has no authentication; see conversion/addresses.py).
        "ALLOW_PUBLIC_CONVERTERS": False,
        # Python that runs the unoservers (imports uno and unoserver); unset: found by conversion/uno_python.py.
        "UNO_PYTHON": None,
        # Seconds a conversion may take before its LibreOffice is killed and restarted.
        "CONVERSION_TIMEOUT": 60,
        # Start the local converter pool with the app (off in unit tests).
        "START_CONVERTERS": False,
        # API paths (regular expressions) that take a file body instead of JSON.
        "RAW_UPLOAD_PATHS": (r"^/api/v1/ppt-terms/\d+/concept-note$", r"^/api/v1/ppt-terms/\d+/work-plan$",
                             r"^/api/v1/templates/\w+/(es|en)$", r"^/api/v1/translations\.xlf$",
                             r"^/api/v1/monitoring-tools/\d+/responses/\w+/evidence$", r"^/api/v1/verify$"),
        # SMTP server for distributing documents (smtp://user:password@host:587); unset: DATA_DIR/outbox.
        "SMTP_URL": None,
        # Default language of documents, pages and feeds.
        "DEFAULT_LANGUAGE": "es",
        # Days a cancelled meeting stays in the calendar feed.
        "FEED_KEEP_CANCELLED_DAYS": 365,
        # Hours calendar clients should wait between refreshes.
        "FEED_REFRESH_HOURS": 6,
        # Address of the ST-CRM, the ORGANIZER of every event in the calendar feeds.
        "ORGANIZER_EMAIL": "secretaria@crmsv.org",
        # The seal on issued PDFs (issue 13): a PKCS#12 file and the file holding its passphrase. Unset: the demo
        # authority `tripartito init` creates in DATA_DIR/seal (its subjects say DEMO; see the README to replace it).
        "SIGNING_KEY": None,
        "SIGNING_PASSPHRASE_FILE": None,
        # PEM file of the roots a seal must chain to (verification); unset: the self-signed ones of the key's chain.
        "SIGNING_TRUST_ROOTS": None,
        # Or a PKCS#11 token (HSM, smart card, SoftHSM2): the module (.so), the token's label, a file holding the
        # user PIN, and the labels of the key and of its certificate on the token (the certificate label defaults
        # to the key's). Set, it wins over SIGNING_KEY.
        "SIGNING_PKCS11_MODULE": None,
        "SIGNING_PKCS11_TOKEN": None,
        "SIGNING_PKCS11_PIN_FILE": None,
        "SIGNING_PKCS11_KEY_LABEL": None,
        "SIGNING_PKCS11_CERT_LABEL": None,
        # RFC 3161 time-stamping authority (PAdES B-T); unset: the seal carries the signer's own clock only.
        "TSA_URL": None,
        # Let the session cookie travel over plain http (local `scripts/run.sh` on 127.0.0.1 only; never in production).
        "INSECURE_COOKIES": False,
    }


_INT_KEYS = {"MAX_CONTENT_LENGTH", "CONVERSION_TIMEOUT", "FEED_KEEP_CANCELLED_DAYS", "FEED_REFRESH_HOURS"}
_BOOL_KEYS = {"START_CONVERTERS", "INSECURE_COOKIES", "ALLOW_PUBLIC_CONVERTERS"}


def from_environment(environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Every TRIPARTITO_<KEY> variable, typed like its default."""
    environ = dict(os.environ if environ is None else environ)
    found: dict[str, Any] = {}
    for name, value in environ.items():
        if not name.startswith("TRIPARTITO_"):
            continue
        key = name.removeprefix("TRIPARTITO_")
        if key in _INT_KEYS:
            found[key] = int(value)
        elif key in _BOOL_KEYS:
            found[key] = value.lower() in {"1", "true", "yes", "on"}
        else:
            found[key] = value
    return found
