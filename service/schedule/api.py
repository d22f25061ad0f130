from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.schedule import ScheduleQuerySchema, ScheduleSchema
from service.adapters import services
from service.auth.http import requires_reader
from service.schedule.queries import year_at_a_glance

blp = Blueprint("schedule", __name__, url_prefix="/api/v1/schedule", description="The year at a glance")


@blp.route("")
class Schedule(MethodView):
    @requires_reader
    @blp.arguments(ScheduleQuerySchema, location="query")
    @blp.response(200, ScheduleSchema)
    def get(self, args):
        """Quarters with and without an ordinary meeting (R3), the pre-PPT window (R6), report due dates (R5)."""
        return year_at_a_glance(args["year"], services().clock.today())
