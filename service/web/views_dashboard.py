"""The secretariat's dashboard page (what it shows is composed in service/web/dashboard.py) and the count of
what waits for the signed-in party, shown beside "Dashboard" in the navigation of every page."""

from __future__ import annotations

from flask import current_app, render_template, request
from sqlalchemy.exc import SQLAlchemyError

from service.web import documents_port
from service.web.blueprints import web
from service.web.common import now, today
from service.web.dashboard import build_dashboard, next_meetings, work_queue
from service.web.signin import current_principal, requires_reader

_COUNT = "tripartito.queue_count"  # cached in the WSGI environ, which is per request


@web.get("/dashboard")
@requires_reader
def dashboard() -> str:
    principal = current_principal()
    if not principal.party:  # a member country: what it received, and the meetings to come
        return render_template("dashboard_country.html", received=documents_port.received_by(principal.country),
                               meetings=next_meetings(now()))
    board = build_dashboard(today=today(), now=now(), party=current_principal().party)
    request.environ[_COUNT] = board.queue.count
    return render_template("dashboard.html", board=board, today=today())


def queue_count() -> int | None:
    """How many items wait for the signed-in party (None for anyone else); computed once per page."""
    if _COUNT not in request.environ:
        principal = current_principal()
        party = principal.party if principal is not None else None
        try:
            request.environ[_COUNT] = work_queue(party=party, today=today(), now=now()).count if party else None
        except SQLAlchemyError:  # an error page after a failed transaction still renders, without the count
            current_app.logger.warning("work queue count unavailable", exc_info=True)
            request.environ[_COUNT] = None
    return request.environ[_COUNT]


@web.app_context_processor
def _navigation_count() -> dict:
    return {"queue_count": queue_count}
