"""Load and read reference data."""

from __future__ import annotations

from sqlalchemy import select

from service.common.i18n import N_
from service.errors import RuleViolation
from service.extensions import db
from service.reference import data
from service.reference.models import Country, Network, Party


def load_reference_data() -> int:
    """Insert the reference rows that are missing; never overwrite names an administrator corrected."""
    added = 0
    known = set(db.session.scalars(select(Country.code)))
    for code, name_es, name_en, member in data.COUNTRIES:
        if code not in known:
            db.session.add(Country(code=code, name_es=name_es, name_en=name_en, is_member=member))
            added += 1
    known = set(db.session.scalars(select(Party.code)))
    for code, short_es, short_en, name_es, name_en in data.PARTIES:
        if code not in known:
            db.session.add(Party(code=code, short_es=short_es, short_en=short_en, name_es=name_es,
                                 name_en=name_en))
            added += 1
    known = set(db.session.scalars(select(Network.code)))
    for code, name_es, name_en in data.NETWORKS:
        if code not in known:
            db.session.add(Network(code=code, name_es=name_es, name_en=name_en))
            added += 1
    db.session.flush()
    return added


def country(code: str, *, field: str = "country", members_only: bool = False) -> Country:
    found = db.session.scalar(select(Country).where(Country.code == (code or "").upper()))
    if found is None or (members_only and not found.is_member):
        template = (N_("%(code)r is not a CRM member country (ISO 3166 alpha-2).") if members_only
                    else N_("%(code)r is not a CRM country (ISO 3166 alpha-2)."))
        raise RuleViolation(template, params={"code": code}, field=field)
    return found


def member_country_codes() -> list[str]:
    return list(db.session.scalars(select(Country.code).where(Country.is_member).order_by(Country.code)))


def network_codes() -> set[str]:
    return set(db.session.scalars(select(Network.code)))
