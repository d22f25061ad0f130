from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy import select

from schemas.reference import CountrySchema
from service.auth.http import requires_reader
from service.extensions import db
from service.reference.models import Country

blp = Blueprint("countries", __name__, url_prefix="/api/v1/countries", description="Member and observer countries")


@blp.route("")
class Countries(MethodView):
    @requires_reader
    @blp.response(200, CountrySchema(many=True))
    def get(self):
        return db.session.scalars(select(Country).order_by(Country.is_member.desc(), Country.code)).all()
