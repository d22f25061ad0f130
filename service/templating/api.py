"""The Word templates: the team can download them, and replace one (the doctor must accept it)."""

from __future__ import annotations

from flask import Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from service.adapters import services
from service.auth.http import requires_team, requires_writer
from service.common.i18n import LANGUAGES
from service.templating import kinds
from service.templating.admin import describe, replace_template, template_path
from service.uploads.gate import DOCX, TEMPLATE_LIMITS, TooLarge

blp = Blueprint("templates", __name__, url_prefix="/api/v1/templates", description="Institutional Word templates")


@blp.route("")
class Templates(MethodView):
    @requires_team
    def get(self):
        return [describe(kind, language) for kind in kinds.KINDS for language in LANGUAGES]


@blp.route("/<kind>/<language>")
class TemplateItem(MethodView):
    @requires_team
    def get(self, kind, language):
        path = template_path(kind, language)
        return Response(path.read_bytes(), mimetype=DOCX,
                        headers={"Content-Disposition": f'attachment; filename="{path.name}"'})

    @requires_writer
    def put(self, kind, language):
        """Send the .docx as the body. 422 lists what the template doctor found, with where."""
        template_path(kind, language)
        if (request.content_length or 0) > TEMPLATE_LIMITS.max_bytes:
            raise TooLarge("The template is larger than we accept.", field="file")
        return replace_template(kind, language, request.get_data(cache=False), now=services().clock.now())
