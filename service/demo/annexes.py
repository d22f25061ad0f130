"""Demo: the incoming PPT's concept note, as a Word file the PPT sent (annex of the feedback and dossier)."""

from __future__ import annotations

import io
from datetime import date, datetime

from docx import Document
from sqlalchemy import select

from service.adapters import PdfConverter, services
from service.auth.principals import Principal
from service.documents.annexes import attach_concept_note
from service.extensions import db
from service.ppt.models import PptTerm


def concept_note_docx(country: str, year: int) -> bytes:
    document = Document()
    document.add_heading(f"Nota conceptual de la Presidencia Pro Tempore de {country} {year}", 0)
    document.add_heading("1. Antecedentes", 1)
    document.add_paragraph(
        "La Conferencia Regional sobre Migración (CRM) es un foro regional multilateral sobre migraciones "
        "internacionales. La Presidencia Pro Tempore entrante propone un plan de trabajo centrado en la "
        "protección de las personas migrantes en condición de vulnerabilidad.")
    document.add_heading("2. Ejes temáticos propuestos", 1)
    for axis in ("Protección integral de niñas, niños y adolescentes migrantes",
                 "Migración laboral y movilidad regional ordenada",
                 "Fortalecimiento de la protección consular en tránsito",
                 "Participación de la sociedad civil en los espacios de la CRM"):
        document.add_paragraph(axis, style="List Bullet")
    document.add_heading("3. Calendario indicativo", 1)
    document.add_paragraph(f"Reunión del GRCM: marzo de {year}. Reunión Viceministerial: noviembre de {year}.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def load(year: int, *, now: datetime, converter: PdfConverter | None) -> str:
    """Attach Panamá's concept note to the term the demo's core part created (starting 1 December). With the
    converters running it is normalised now, as an upload through the API is; without them, at the first
    dossier."""
    incoming = db.session.scalar(select(PptTerm).where(PptTerm.starts_on == date(year, 12, 1)))
    if incoming is None:
        return "no concept note"
    attach_concept_note(incoming.id, concept_note_docx("Panamá", year + 1),
                        f"Nota conceptual PPT Panamá {year + 1}.docx",
                        actor=Principal(party="ppt", ppt_country=incoming.country, system="demo"), now=now,
                        store=services().store, converter=converter, normalise_later=converter is None)
    return "the incoming PPT's concept note"
