"""Pieces every context builder needs: names of parties and countries, the PPT on a date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select

from schemas.rendering import label
from service.extensions import db
from service.ppt.operations import term_on
from service.reference.models import Country

ContextBuilder = Callable[[int, str, date], dict[str, Any]]  # (subject id, language, today) -> context


def country_name(code: str | None, language: str) -> str | None:
    if not code:
        return None
    country = db.session.scalar(select(Country).where(Country.code == code))
    return country.name(language) if country else code


def responsible_name(code: str, language: str) -> str:
    """A party's label or a member country's name."""
    if code in ("st_crm", "st_rrocm", "ppt"):
        return label("party", code, language)
    return country_name(code, language) or code


def ppt_country_on(day: date, language: str) -> str:
    """The name of the PPT country on a date (the letterhead's third party)."""
    term = term_on(day)
    return country_name(term.country, language) if term else ("—")
