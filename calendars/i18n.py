"""Spanish (default) and English labels used inside the calendar."""

from typing import Literal

Language = Literal["es", "en"]

LABELS: dict[str, dict[str, str]] = {
    "es": {
        "kind.ordinary": "Reunión ordinaria",
        "kind.pre_ppt": "Reunión previa a la PPT",
        "kind.extraordinary": "Reunión extraordinaria",
        "kind.grcm": "Reunión del GRCM",
        "kind.deadline": "Fecha límite",
        "modality.virtual": "Virtual",
        "modality.in_person": "Presencial",
        "agenda": "Orden del día",
        "modality": "Modalidad",
        "place": "Lugar",
        "video": "Enlace de videoconferencia",
        "join": "Unirse a la videoconferencia",
        "cancelled.prefix": "Cancelada: ",
        "cancelled.note": "Esta reunión ha sido cancelada.",
        "deadline.monitoring_report_due": "Fecha límite: informe de monitoreo para {title}",
        "deadline.pre_ppt_meeting_latest": "Fecha límite para la reunión previa a la PPT de {title}",
        "deadline.monitoring_report_due.note": (
            "El informe de monitoreo vence dos meses antes de la reunión del GRCM."
        ),
        "deadline.pre_ppt_meeting_latest.note": (
            "La reunión previa a la PPT debe celebrarse a más tardar dos meses antes del inicio de la PPT."
        ),
        "deadline.monitoring_response_due": "Fecha límite: respuesta al cuestionario de monitoreo de {title}",
        "deadline.monitoring_response_due.note": (
            "Su país responde el cuestionario en el portal del Equipo Tripartito (Cuestionarios)."
        ),
        "calendar.name": "Equipo Tripartito CRM",
        # No commas, semicolons or backslashes: X-WR-CALDESC is written raw (see build.py).
        "calendar.description": (
            "Reuniones y fechas límite del Equipo Tripartito de la Conferencia Regional sobre Migración "
            "(incluye las reuniones del GRCM)."
        ),
    },
    "en": {
        "kind.ordinary": "Ordinary meeting",
        "kind.pre_ppt": "Pre-PPT meeting",
        "kind.extraordinary": "Extraordinary meeting",
        "kind.grcm": "GRCM meeting",
        "kind.deadline": "Deadline",
        "modality.virtual": "Virtual",
        "modality.in_person": "In person",
        "agenda": "Agenda",
        "modality": "Modality",
        "place": "Place",
        "video": "Video conference link",
        "join": "Join the video conference",
        "cancelled.prefix": "Cancelled: ",
        "cancelled.note": "This meeting has been cancelled.",
        "deadline.monitoring_report_due": "Deadline: monitoring report for {title}",
        "deadline.pre_ppt_meeting_latest": "Latest date for the pre-PPT meeting of {title}",
        "deadline.monitoring_report_due.note": ("The monitoring report is due two months before the GRCM meeting."),
        "deadline.pre_ppt_meeting_latest.note": (
            "The pre-PPT meeting must be held no later than two months before the PPT starts."
        ),
        "deadline.monitoring_response_due": "Deadline: answers to the monitoring questionnaire on {title}",
        "deadline.monitoring_response_due.note": (
            "Your country answers the questionnaire in the Tripartite Team's portal (Questionnaires)."
        ),
        "calendar.name": "CRM Tripartite Team",
        "calendar.description": (
            "Meetings and deadlines of the Tripartite Team of the Regional Conference on Migration "
            "(GRCM meetings included)."
        ),
    },
}


def label(language: Language, key: str) -> str:
    return LABELS[language][key]
