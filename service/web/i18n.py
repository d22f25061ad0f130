"""Page language: `?lang=` (remembered in the session), then the session, then Accept-Language; Spanish default.

Dates and times are formatted with Babel in the page's language.
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlencode

from flask import Flask, request, session
from flask_babel import Babel, format_date, get_locale

from service.common.i18n import LANGUAGES

DEFAULT_LANGUAGE = "es"

babel = Babel()


def select_language() -> str:
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        return asked
    remembered = session.get("lang")
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE


def remember_language() -> None:
    """before_request: a `?lang=` choice sticks for the rest of the visit."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and session.get("lang") != asked:
        session["lang"] = asked


def current_language() -> str:
    locale = get_locale()
    return locale.language if locale is not None and locale.language in LANGUAGES else DEFAULT_LANGUAGE


def long_date(value: date | datetime | None) -> str:
    """10 de febrero de 2027 / February 10, 2027."""
    if value is None:
        return ""
    return format_date(value.date() if isinstance(value, datetime) else value, format="long")


def short_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return format_date(value.date() if isinstance(value, datetime) else value, format="medium")


def wall_time(value: datetime | None) -> str:
    """A local wall time as people read it (the zone is shown beside it, never converted)."""
    if value is None:
        return ""
    return f"{short_date(value)}, {value:%H:%M}"


def lang_url(language: str) -> str:
    """This page's address in another language (other query arguments kept)."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [language]
    return request.path + "?" + urlencode(args, doseq=True)


def init_i18n(app: Flask) -> None:
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    babel.init_app(app, default_locale=DEFAULT_LANGUAGE, locale_selector=select_language)
    app.jinja_env.filters.update(long_date=long_date, short_date=short_date, wall_time=wall_time)
    app.jinja_env.globals.update(current_language=current_language, LANGUAGES=LANGUAGES, lang_url=lang_url)
