"""Who is signed in to the pages: the session cookie holds the key of a session kept in the database
(service.accounts.sessions); the session gives the account, the account a Principal.

Permissions are the same predicates the API uses (service.auth.principals), applied to that Principal.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import abort, redirect, request, session, url_for

from service.accounts.models import UserAccount
from service.accounts.operations import principal_of
from service.accounts.sessions import close_session, open_session, session_user
from service.adapters import services
from service.auth.principals import Principal, may_read_shared, may_write

_KEY = "tripartito.user"  # cached in the WSGI environ, which is per request (tests share `g` across requests)


def current_user() -> UserAccount | None:
    environ = request.environ
    if _KEY not in environ:
        environ[_KEY] = session_user(session.get("sid"), now=services().clock.now())
    return environ[_KEY]


def current_principal() -> Principal | None:
    user = current_user()
    return principal_of(user) if user is not None else None


def sign_in(user: UserAccount) -> None:
    """A fresh session (nothing from before sign-in survives but the language), opened on the server too."""
    language = session.get("lang")
    session.clear()
    session["sid"] = open_session(user, now=services().clock.now())
    if language:
        session["lang"] = language
    request.environ[_KEY] = user


def sign_out() -> None:
    """End the session on the server as well as in this browser."""
    close_session(session.get("sid"))
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language
    request.environ[_KEY] = None


def safe_next(target: str | None, default: str) -> str:
    """Only same-site paths are followed after sign-in (no open redirects)."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def _requires(predicate: Callable[[Principal | None], bool]):
    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            principal = current_principal()
            if principal is None:
                return redirect(url_for("web.sign_in", next=request.full_path.rstrip("?")))
            if not predicate(principal):
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator


# Secretariat pages: the three parties of the team. The portal: anyone signed in (members read what is shared).
requires_party = _requires(may_write)
requires_reader = _requires(may_read_shared)
