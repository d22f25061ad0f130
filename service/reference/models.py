"""Reference data: member and observer countries, the three parties, the liaison networks.

Names are data (an administrator can correct them); `tripartito init` adds what is missing and never
overwrites a corrected name.
"""

from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from service.extensions import db


class Country(db.Model):
    __tablename__ = "countries"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(2), unique=True)  # ISO 3166-1 alpha-2
    name_es: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    is_member: Mapped[bool] = mapped_column(Boolean, default=True)  # observers are countries too, not members

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_es


class Party(db.Model):
    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # st_crm | st_rrocm | ppt
    short_es: Mapped[str] = mapped_column(String(40))
    short_en: Mapped[str] = mapped_column(String(40))
    name_es: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_es


class Network(db.Model):
    __tablename__ = "networks"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_es: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_es
