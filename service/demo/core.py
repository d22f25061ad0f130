"""Demo: a PPT handover, GRCM meetings, four quarterly meetings, a pre-PPT meeting (consented by each party),
minutes with agreements (approved by the three parties, the third meeting's still awaiting the PPT)."""

from __future__ import annotations

from datetime import date, datetime

from service.auth.principals import Principal
from service.grcm.operations import create_grcm_meeting
from service.meetings.models import Meeting
from service.meetings.operations import create_meeting, save_minutes, update_meeting
from service.meetings.tripartite import approve_minutes, record_consent
from service.ppt.operations import create_term

ZONE = "America/Costa_Rica"  # the ST-CRM sits in San José
# The demo loader writes as the system, on behalf of the ST-CRM, which keeps the team's calendar and minutes;
# each party answers for itself (consents, approvals), the PPT as the country of the meeting's term.
ACTOR = Principal.system_actor("demo", party="st_crm")
RROCM = Principal.system_actor("demo", party="st_rrocm")


def _ppt(country: str) -> Principal:
    return Principal(party="ppt", ppt_country=country, system="demo")


def _meeting(now: datetime, *, ppt_country: str | None = None, **fields) -> Meeting:
    """Create a demo meeting; one needing the three consents gets them from each party (`ppt_country`); one
    already over is marked held, as the secretariat would have."""
    meeting = create_meeting(fields, actor=ACTOR, now=now)
    if ppt_country is not None:
        record_consent(meeting.id, True, actor=RROCM, now=now)
        record_consent(meeting.id, True, actor=_ppt(ppt_country), now=now)
    if meeting.ends_at_utc < now:
        update_meeting(meeting, {"status": "held"}, actor=ACTOR, now=now)
    return meeting


def _approve(meeting: Meeting, ppt_country: str | None, *, now: datetime) -> None:
    """ST-CRM and ST-RROCM approve the minutes; the PPT too when `ppt_country` is given."""
    for actor in (ACTOR, RROCM, *([_ppt(ppt_country)] if ppt_country else [])):
        approve_minutes(meeting, meeting.minutes.version, actor=actor, now=now)


def load(year: int, *, now: datetime) -> str:
    outgoing = create_term({"country": "HN", "starts_on": date(year - 1, 12, 1), "ends_on": date(year, 11, 30)},
                           actor=ACTOR, now=now)
    incoming = create_term({"country": "PA", "starts_on": date(year, 12, 1), "ends_on": date(year + 1, 11, 30)},
                           actor=ACTOR, now=now)
    create_grcm_meeting({"title": f"Reunión del GRCM, Tegucigalpa {year}", "starts_at": datetime(year, 6, 16, 9),
                         "ends_at": datetime(year, 6, 18, 17), "timezone": "America/Tegucigalpa",
                         "location": "Tegucigalpa, Honduras"}, actor=ACTOR, now=now)
    create_grcm_meeting({"title": f"Reunión del GRCM, Ciudad de Panamá {year + 1}",
                         "starts_at": datetime(year + 1, 3, 9, 9), "ends_at": datetime(year + 1, 3, 11, 17),
                         "timezone": "America/Panama", "location": "Ciudad de Panamá, Panamá"}, actor=ACTOR, now=now)

    common = {"kind": "ordinary", "timezone": ZONE, "modality": "virtual"}
    q1 = _meeting(now, **common, title="Primera reunión ordinaria del Equipo Tripartito",
                  starts_at=datetime(year, 2, 12, 10), ends_at=datetime(year, 2, 12, 12),
                  video_url="https://reuniones.crmsv.org/et/primera", ppt_term_id=outgoing.id,
                  agenda=["Bienvenida y aprobación de la agenda", "Plan de trabajo anual: avances",
                          "Preparación del informe de monitoreo para el GRCM"])
    q2 = _meeting(now, **common, title="Segunda reunión ordinaria del Equipo Tripartito",
                  starts_at=datetime(year, 5, 14, 10), ends_at=datetime(year, 5, 14, 12),
                  video_url="https://reuniones.crmsv.org/et/segunda", ppt_term_id=outgoing.id,
                  agenda=["Seguimiento de acuerdos", "Recomendaciones para el GRCM de junio",
                          "Participación de la sociedad civil en los espacios de la CRM"])
    q3 = _meeting(now, **common, title="Tercera reunión ordinaria del Equipo Tripartito",
                  starts_at=datetime(year, 8, 13, 10), ends_at=datetime(year, 8, 13, 12),
                  video_url="https://reuniones.crmsv.org/et/tercera", ppt_term_id=outgoing.id,
                  agenda=["Seguimiento de las recomendaciones aprobadas", "Monitoreo de lineamientos regionales"])
    pre_ppt = _meeting(now, kind="pre_ppt", timezone="America/Panama", modality="in_person",
                       title=f"Reunión previa a la PPT de Panamá {year + 1}",
                       starts_at=datetime(year, 9, 24, 9), ends_at=datetime(year, 9, 24, 16),
                       location="Ciudad de Panamá, Cancillería", consents={"st_crm": True}, ppt_country="PA",
                       ppt_term_id=incoming.id,
                       agenda=["Presentación de la nota conceptual de la PPT entrante",
                               "Análisis del plan de trabajo", "Definición de acciones conjuntas"])
    _meeting(now, **common, title="Cuarta reunión ordinaria del Equipo Tripartito",
             starts_at=datetime(year, 12, 10, 10), ends_at=datetime(year, 12, 10, 12),
             video_url="https://reuniones.crmsv.org/et/cuarta", ppt_term_id=incoming.id,
             agenda=["Traspaso de la PPT: Honduras → Panamá", "Balance del año y plan de trabajo " + str(year + 1)])

    for meeting, agreements in ((q1, _Q1_AGREEMENTS), (q2, _Q2_AGREEMENTS), (q3, _Q3_AGREEMENTS),
                                (pre_ppt, _PRE_PPT_AGREEMENTS)):
        save_minutes(meeting, _minutes(meeting, agreements, year), actor=ACTOR, now=now)
    for meeting, ppt_country in ((q1, "HN"), (q2, "HN"), (q3, None), (pre_ppt, "PA")):
        _approve(meeting, ppt_country, now=now)
    return "2 PPT terms (HN → PA), 2 GRCM meetings, 5 meetings, 4 minutes (3 approved by the three parties)"


_ATTENDEES = [
    {"name": "María José Rodríguez", "party": "st_crm", "role": "Coordinadora de la Secretaría Técnica"},
    {"name": "Andrés Gutiérrez Peña", "party": "st_crm", "role": "Oficial de programas"},
    {"name": "Lucía Ramírez Ortiz", "party": "st_rrocm", "role": "Secretaria Técnica de la RROCM"},
    {"name": "José Antonio Núñez", "party": "st_rrocm", "role": "Enlace de la Red de Protección Consular"},
    {"name": "Karla Mejía Zelaya", "party": "ppt", "role": "Directora de Asuntos Migratorios, Cancillería"},
]

_Q1_AGREEMENTS = [
    ("Circular a los Países Miembros el borrador del plan de trabajo anual.", "st_crm", (3, 6), "done"),
    ("Recopilar los aportes de las organizaciones de la sociedad civil sobre los lineamientos de niñez.",
     "st_rrocm", (3, 31), "done"),
]
_Q2_AGREEMENTS = [
    ("Presentar tres recomendaciones del Equipo Tripartito al GRCM de junio.", "st_crm", (6, 2), "done"),
    ("Solicitar a la PPT la lista de eventos de la CRM del segundo semestre.", "ppt", (6, 30), "in_progress"),
]
_Q3_AGREEMENTS = [
    ("Elaborar el instrumento de monitoreo de la Guía de protección consular.", "st_crm", (10, 15), "pending"),
    ("Sistematizar la participación de la sociedad civil en los talleres de trata de personas.", "st_rrocm",
     (9, 30), "in_progress"),
    ("Confirmar con Panamá la fecha de la reunión previa a la PPT.", "ppt", (8, 31), "done"),
]
_PRE_PPT_AGREEMENTS = [
    ("Enviar a Panamá la retroalimentación escrita sobre la nota conceptual.", "st_crm", (10, 8), "done"),
    ("Incluir en el plan de trabajo de la PPT un taller regional sobre niñez migrante no acompañada.", "ppt",
     (11, 15), "pending"),
]


def _minutes(meeting, agreements, year: int) -> dict:
    return {
        "language": "es",
        "attendees": _ATTENDEES,
        "agenda_items": [{"title": item, "discussion": f"Se conversó sobre «{item}». Las tres partes "
                          "coincidieron en la importancia de dar seguimiento oportuno y acordaron los pasos "
                          "que constan en los acuerdos de esta minuta."} for item in meeting.agenda],
        "agreements": [{"text": text, "responsible": who, "due_on": date(year, month, day), "status": status}
                       for text, who, (month, day), status in agreements],
        "next_meeting": "Próxima reunión ordinaria: según el calendario trimestral, modalidad virtual.",
    }
