"""Sample contexts for every document kind: realistic Spanish data, plus the hostile strings users may type.

Used by the tests, the benchmark and to produce the page images in docs/templates/. At the end: helpers to
read rendered documents and to make broken templates for the doctor tests.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from service.templating.kinds import get_kind

# What users type and must see verbatim in the document: never markup, never template code.
HOSTILE = [
    "A & B < C",
    '"quotes" and ’curly’',
    "ñáéíóú ÑÁÉÍÓÚ ü",
    "emoji 🇭🇳✅",
    "RTL مرحبا",
    "{{ 7*7 }}",
    "{% if %}",
    "</w:t><w:t>",
]
HOSTILE_TEXT = " · ".join(HOSTILE)
MULTILINE = "Primera línea del acuerdo\nSegunda línea: revisar el anexo\nTercera línea"

_PEOPLE = [
    ("Ana Lucía Pérez Núñez", "st_crm", None, "Coordinadora de la ST-CRM"),
    ("José Ramírez Oviedo", "st_crm", None, "Oficial de programas"),
    ("María Fernanda Gómez", "st_rrocm", None, "Secretaria Técnica de la RROCM"),
    ("Héctor Iván Zúñiga", "st_rrocm", None, "Enlace de incidencia"),
    ("Sofía Castañeda Ríos", "ppt", None, "Directora de Asuntos Migratorios, Cancillería de Honduras"),
    ("Luis Ángel Medina", "ppt", None, "Asesor de la Viceministra"),
    ("Claire Tremblay", None, "Canadá", "Senior Policy Advisor, IRCC"),
    ("Jorge Peña Álvarez", None, "México", "Director General de Protección Consular"),
    ("Daniela Solís Quirós", None, "Costa Rica", "Jefa de Planificación, DGME"),
    ("Ramón Batista", None, "República Dominicana", "Encargado de Asuntos Multilaterales"),
    ("Elena Chávez", None, "Guatemala", "Subdirectora de Migración"),
    ("Tomás Villeda", None, "El Salvador", "Cónsul General"),
    ("Karen Mejía", None, "Panamá", "Oficial de Enlace"),
    ("Rosa Argüello", None, "Nicaragua", "Asesora Legal"),
    ("David Young", None, "Belice", "Immigration Officer"),
]


def _header(kind_title: str, reference: str, language: str = "es") -> dict[str, Any]:
    """English documents get the kind's default English title (the renderer fills it in)."""
    header = {"reference": reference, "issued_on": date(2026, 11, 28), "language": language,
              "ppt_country_name": "Honduras", "title": kind_title, "version": 1}
    if language != "es":
        del header["title"]
    return header


def minutes(language: str = "es", *, attendees: int = 15, agreements: int = 8, hostile: bool = True) -> dict:
    people = [_PEOPLE[i % len(_PEOPLE)] for i in range(attendees)]
    agreement_rows = [
        {"text": f"La ST-CRM circulará la versión revisada del instrumento n.º {i + 1} a los Países Miembros "
                 "para comentarios.", "responsible": ["ST-CRM", "ST-RROCM", "PPT Honduras"][i % 3],
         "due_on": date(2027, 1 + i % 12, 15), "status": "pending"}
        for i in range(agreements)
    ]
    if agreements:
        agreement_rows[0] = {"text": MULTILINE, "responsible": "ST-RROCM", "due_on": date(2026, 12, 15)}
    if hostile and agreements > 1:
        agreement_rows[1] = {"text": HOSTILE_TEXT, "responsible": "PPT Honduras", "due_on": None}
    return {
        "header": _header("Minuta de la IV reunión ordinaria del Equipo Tripartito", "ET-CRM/2026/MIN-004",
                          language),
        "meeting": {"kind": "ordinary", "title": "Cuarta reunión ordinaria de 2026", "modality": "virtual",
                    "starts_at": datetime(2026, 11, 26, 10, 0), "ends_at": datetime(2026, 11, 26, 12, 30),
                    "timezone": "America/Tegucigalpa", "location": None,
                    "video_url": "https://meet.example.org/et-crm-2026-4"},
        "attendees": [{"name": n, "party": p, "country_name": c, "role": r} for n, p, c, r in people],
        "agenda_items": [
            {"title": "Bienvenida y aprobación de la agenda", "discussion": "La PPT de Honduras dio la "
             "bienvenida a las delegaciones. Se aprobó la agenda sin cambios."},
            {"title": "Seguimiento del plan de trabajo 2026",
             "discussion": "La ST-CRM presentó el avance de las actividades del plan de trabajo.\n"
                           "La ST-RROCM señaló la necesidad de identificar recursos para el taller regional "
                           "sobre niñez migrante."},
            {"title": "Texto tal como se escribió: " + HOSTILE_TEXT if hostile else "Varios",
             "discussion": HOSTILE_TEXT if hostile else ""},
            {"title": "Preparación del informe de monitoreo para el GRCM", "discussion": None},
        ],
        "agreements": agreement_rows,
        "next_meeting": "Primera reunión ordinaria de 2027: semana del 22 de febrero, modalidad virtual.",
    }


def recommendations(language: str = "es") -> dict:
    return {
        "header": _header("Recomendaciones del Equipo Tripartito al GRCM", "ET-CRM/2027/REC-001", language),
        "grcm": _grcm(),
        "introduction": "El Equipo Tripartito presenta a la consideración del Grupo Regional de Consulta "
                        "sobre Migración las siguientes recomendaciones, en cumplimiento de su mandato.",
        "recommendations": [
            {"number": "R-2027-01", "title": "Participación de la sociedad civil en las redes de enlace",
             "text": "Invitar a la RROCM a las reuniones de las tres redes de enlace de funcionarios.\n"
                     "Informar a la ST-RROCM con al menos 30 días de antelación.",
             "rationale": "El Mecanismo Tripartito vela por la participación activa de la sociedad civil en "
                          "todos los espacios de la CRM.", "addressee": "Países Miembros de la CRM",
             "state": "submitted"},
            {"number": None, "title": "Protocolo de atención a niñez migrante no acompañada",
             "text": "Adoptar indicadores comunes de seguimiento. " + HOSTILE_TEXT,
             "rationale": "Los lineamientos regionales carecen de indicadores verificables.",
             "addressee": "Red de Protección de Niños, Niñas y Adolescentes Migrantes", "state": "draft"},
        ],
    }


def _grcm() -> dict:
    return {"title": "XXXII Reunión del Grupo Regional de Consulta sobre Migración",
            "starts_on": date(2027, 6, 14), "ends_on": date(2027, 6, 15), "location": "Tegucigalpa, Honduras"}


def ppt_feedback(language: str = "es") -> dict:
    return {
        "header": _header("Retroalimentación a la nota conceptual y plan de trabajo de la PPT de Panamá",
                          "ET-CRM/2026/FBK-001", language),
        "term": {"country_name": "Panamá", "starts_on": date(2027, 1, 1), "ends_on": date(2027, 12, 31)},
        "concept_note_received_on": date(2026, 9, 15), "work_plan_received_on": date(2026, 9, 30),
        "meeting_on": date(2026, 10, 20),
        "summary": "El Equipo Tripartito valora la propuesta de la PPT entrante y formula los siguientes aportes.",
        "feedback_items": [
            {"section": "Objetivos", "document": "concept_note",
             "text": "Incluir de manera explícita la participación de la sociedad civil."},
            {"section": "Actividades", "document": "work_plan",
             "text": "Calendarizar las reuniones de las redes de enlace.\nPrever la modalidad virtual."},
            {"section": "Objetivos", "document": "work_plan", "text": HOSTILE_TEXT},
            {"section": "Recursos", "document": None, "text": "Identificar fuentes de financiamiento."},
        ],
        "joint_actions": [
            {"action": "Taller regional sobre protección consular", "responsible": "ST-CRM y PPT",
             "timeline": "Segundo trimestre de 2027", "network": "consular_protection"},
            {"action": "Consulta con organizaciones de la sociedad civil sobre trata de personas",
             "responsible": "ST-RROCM", "timeline": None, "network": "trafficking_smuggling"},
        ],
    }


def monitoring_report(language: str = "es") -> dict:
    return {
        "header": _header("Informe de monitoreo del Equipo Tripartito", "ET-CRM/2027/MON-001", language),
        "grcm": _grcm(), "due_on": date(2027, 4, 14), "period_label": "Junio de 2026 – marzo de 2027",
        "summary": "Este informe recoge los resultados del monitoreo de los instrumentos acordados en la CRM.",
        "instruments": [
            {"title": "Lineamientos regionales de protección consular", "kind": "guideline",
             "network": "consular_protection",
             "latest": {"period": "2026-T4", "country_name": "México", "status": "advanced",
                        "summary": "Se capacitó al 80 % del personal consular.", "recorded_on": date(2027, 1, 20)}},
            {"title": "Guía de identificación de víctimas de trata", "kind": "guide",
             "network": "trafficking_smuggling",
             "latest": {"period": "2026-T3", "country_name": None, "status": "partial",
                        "summary": "Avances desiguales entre países. " + HOSTILE_TEXT, "recorded_on": None}},
            {"title": "Manual de retorno de niñez migrante", "kind": "manual", "network": "migrant_children",
             "latest": None},
            {"title": "Indicadores de seguimiento de la Declaración", "kind": "indicator", "network": None,
             "latest": {"period": "2026", "status": "not_started", "summary": "Pendiente de línea de base."}},
        ],
        "recommendations": [
            {"title": "Participación de la sociedad civil en las redes de enlace",
             "decision_reference": "GRCM-XXXI/D-07", "status": "in_progress",
             "evidence": "Invitaciones enviadas a dos de las tres redes.", "updated_on": date(2027, 3, 1)},
            {"title": "Publicación de las minutas", "decision_reference": None, "status": "implemented",
             "evidence": None, "updated_on": None},
        ],
        "events": [
            {"title": "Reunión de la Red de Protección Consular", "starts_on": date(2026, 8, 12),
             "kind": "network", "members_only": False},
            {"title": "Reunión viceministerial", "starts_on": date(2026, 11, 5), "kind": "viceministerial",
             "members_only": True, "requested_by_name": "Estados Unidos de América",
             "requested_on": date(2026, 10, 1)},
            {"title": "Taller sobre niñez migrante", "starts_on": date(2027, 2, 3), "kind": "workshop"},
        ],
        "tools": [monitoring_tool()],
    }


def monitoring_tool() -> dict:
    """One instrument's monitoring tool in the report: four member countries, one without an answer."""
    def country(name: str, standing: str, values: list) -> dict:
        return {"country_name": name, "standing": standing, "answers": values}

    return {
        "instrument_title": "Lineamientos regionales de protección consular", "network": "consular_protection",
        "period": "2026", "questionnaire_version": 2, "due_on": date(2027, 1, 31),
        "questions": [
            {"key": "status", "text": "Estado de implementación", "type": "status"},
            {"key": "trained", "text": "Funcionarios capacitados", "type": "number", "unit": "personas"},
            {"key": "focal_point", "text": "¿Punto focal designado?", "type": "boolean"},
            {"key": "notes", "text": "Observaciones", "type": "text"},
        ],
        "countries": [
            country("Belice", "submitted", ["implemented", "120", "true", "Protocolo vigente desde marzo."]),
            country("Costa Rica", "submitted_late", ["in_progress", "45.5", "false", HOSTILE_TEXT]),
            country("Guatemala", "late", [None, None, None, None]),
            country("Honduras", "clarification_requested", [None, None, None, None]),
        ],
        "previous": {"period": "2025", "statuses": ["in_progress", "not_started", None, "in_progress"]},
    }


def work_plan(language: str = "es") -> dict:
    return {
        "header": _header("Plan de trabajo anual 2027 del Equipo Tripartito", "ET-CRM/2027/WPL-001", language),
        "year": 2027,
        "introduction": "Plan de trabajo con mecanismos de implementación, monitoreo y seguimiento, "
                        "incluida la identificación de recursos.",
        "objectives": [
            {"code": "O1", "text": "Fortalecer la participación de la sociedad civil en los espacios de la CRM."},
            {"code": "O2", "text": "Monitorear la implementación de los instrumentos acordados en la CRM."},
            {"code": None, "text": HOSTILE_TEXT},
        ],
        "activities": [
            {"objective": "O1", "title": "Mapeo de organizaciones de la sociedad civil por país",
             "responsible": "ST-RROCM", "timeline": "T1–T2", "network": None,
             "indicator": "Mapeo publicado"},
            {"objective": "O2", "title": "Informe de monitoreo para el GRCM", "responsible": "ST-CRM",
             "timeline": "T1", "network": "consular_protection", "indicator": "Informe enviado en plazo"},
            {"objective": "O2", "title": "Taller sobre protección de niñez migrante", "responsible": "PPT",
             "timeline": "T3", "network": "migrant_children", "indicator": None},
        ],
        "resources": [
            {"description": "Taller regional (logística)", "source": "Fondo de Cooperación de la CRM",
             "amount": Decimal("12500.00"), "currency": "USD", "status": "committed"},
            {"description": "Traducción de documentos", "source": "OIM", "amount": Decimal("3250.5"),
             "currency": "USD", "status": "committed"},
            {"description": "Sala y equipos", "source": "Gobierno de Honduras", "amount": Decimal("45000"),
             "currency": "HNL", "status": "identified"},
        ],
    }


def dossier_cover(language: str = "es") -> dict:
    return {
        "header": _header("Expediente para la XXXII Reunión del GRCM", "ET-CRM/2027/DOS-001", language),
        "grcm": _grcm(),
        "note": "Documento de trabajo de la CRM. Las minutas del período se incluyen en orden cronológico.",
        "parts": [
            {"title": "Informe de monitoreo del Equipo Tripartito", "reference": "ET-CRM/2027/MON-001",
             "pages": 6},
            {"title": "Recomendaciones del Equipo Tripartito al GRCM", "reference": "ET-CRM/2027/REC-001",
             "pages": 3},
            {"title": "Minutas de las reuniones del período", "reference": None, "pages": 14},
            {"title": "Anexo: nota conceptual de la PPT de Panamá", "reference": None, "pages": None},
        ],
    }


SAMPLES = {"minutes": minutes, "recommendations": recommendations, "ppt_feedback": ppt_feedback,
           "monitoring_report": monitoring_report, "work_plan": work_plan, "dossier_cover": dossier_cover}


def sample(kind: str, language: str = "es") -> dict:
    """A fresh sample context (a new dict each call: tests may mutate it)."""
    return SAMPLES[kind](language)


# ---------------------------------------------------------------- reading and breaking .docx files


def paragraphs(data: bytes) -> list[str]:
    """Text of every paragraph of the body, tables included (w:br shows as \\n)."""
    document = docx.Document(io.BytesIO(data))
    return [Paragraph(p, document).text for p in document.element.body.iter(qn("w:p"))]


def all_text(data: bytes) -> str:
    return "\n".join(paragraphs(data))


def part_xml(data: bytes, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name).decode("utf-8")


def shipped(kind: str, language: str = "es") -> bytes:
    return get_kind(kind).template_path(language).read_bytes()


def replace_in_part(data: bytes, old: str, new: str, name: str = "word/document.xml", count: int = 1) -> bytes:
    """A copy of a .docx with ``old`` replaced by ``new`` in one part's raw XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == name:
                text = content.decode("utf-8")
                assert old in text, f"{old!r} not in {name}"
                content = text.replace(old, new, count).encode("utf-8")
            dst.writestr(info, content)
    return out.getvalue()
