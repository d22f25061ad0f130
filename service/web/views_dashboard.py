"""The secretariat's dashboard page (what it shows is composed in service/web/dashboard.py)."""

from __future__ import annotations

from flask import render_template

from service.web.blueprints import web
from service.web.common import now, today
from service.web.dashboard import build_dashboard
from service.web.signin import requires_party


@web.get("/dashboard")
@requires_party
def dashboard() -> str:
    return render_template("dashboard.html", board=build_dashboard(today=today(), now=now()))
