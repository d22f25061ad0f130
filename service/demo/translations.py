"""Demo: the English of every text the demo year's documents show, saved as final translations, so every kind
issues in English as well as in Spanish. Keyed by the Spanish text; a text without English stops the loader."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from service.auth.principals import Principal
from service.content_translations.operations import save_translations, translation_items
from service.content_translations.rules import Edit, TranslationSubject
from service.extensions import db
from service.grcm.models import GrcmMeeting
from service.meetings.models import Minutes
from service.planning.models import WorkPlan
from service.ppt.feedback_models import PptFeedback

# The ST-CRM pays for the English translation of the reports (see the demo work plan's resources).
ACTOR = Principal.system_actor("demo", party="st_crm")

AGENDA = {
    "Bienvenida y aprobación de la agenda": "Welcome and adoption of the agenda",
    "Plan de trabajo anual: avances": "Annual work plan: progress",
    "Preparación del informe de monitoreo para el GRCM": "Preparation of the monitoring report for the RCGM",
    "Seguimiento de acuerdos": "Follow-up of agreements",
    "Recomendaciones para el GRCM de junio": "Recommendations for the June RCGM meeting",
    "Participación de la sociedad civil en los espacios de la CRM": "Civil society participation in RCM forums",
    "Seguimiento de las recomendaciones aprobadas": "Follow-up of the approved recommendations",
    "Monitoreo de lineamientos regionales": "Monitoring of regional guidelines",
    "Presentación de la nota conceptual de la PPT entrante": "Presentation of the incoming PPT's concept note",
    "Análisis del plan de trabajo": "Review of the work plan",
    "Definición de acciones conjuntas": "Agreement on joint actions",
}

TEXTS = {
    # Minutes: titles, roles, agreements, next meeting
    "Primera reunión ordinaria del Equipo Tripartito": "First ordinary meeting of the Tripartite Team",
    "Segunda reunión ordinaria del Equipo Tripartito": "Second ordinary meeting of the Tripartite Team",
    "Tercera reunión ordinaria del Equipo Tripartito": "Third ordinary meeting of the Tripartite Team",
    "Coordinadora de la Secretaría Técnica": "Coordinator of the Technical Secretariat",
    "Oficial de programas": "Programme Officer",
    "Secretaria Técnica de la RROCM": "Technical Secretary of the RROCM",
    "Enlace de la Red de Protección Consular": "Liaison to the Consular Protection Network",
    "Directora de Asuntos Migratorios, Cancillería": "Director of Migration Affairs, Ministry of Foreign Affairs",
    "Circular a los Países Miembros el borrador del plan de trabajo anual.":
        "Circulate the draft annual work plan to the Member Countries.",
    "Recopilar los aportes de las organizaciones de la sociedad civil sobre los lineamientos de niñez.":
        "Gather the contributions of civil-society organisations on the guidelines on children.",
    "Presentar tres recomendaciones del Equipo Tripartito al GRCM de junio.":
        "Submit three recommendations of the Tripartite Team to the June RCGM meeting.",
    "Solicitar a la PPT la lista de eventos de la CRM del segundo semestre.":
        "Ask the PPT for the list of RCM events in the second half of the year.",
    "Elaborar el instrumento de monitoreo de la Guía de protección consular.":
        "Draw up the monitoring instrument for the Consular Protection Guide.",
    "Sistematizar la participación de la sociedad civil en los talleres de trata de personas.":
        "Document civil-society participation in the workshops on trafficking in persons.",
    "Confirmar con Panamá la fecha de la reunión previa a la PPT.":
        "Confirm with Panama the date of the meeting prior to the PPT.",
    "Enviar a Panamá la retroalimentación escrita sobre la nota conceptual.":
        "Send Panama written feedback on the concept note.",
    "Incluir en el plan de trabajo de la PPT un taller regional sobre niñez migrante no acompañada.":
        "Include a regional workshop on unaccompanied migrant children in the PPT's work plan.",
    "Próxima reunión ordinaria: según el calendario trimestral, modalidad virtual.":
        "Next ordinary meeting: as set in the quarterly calendar, held virtually.",
    # Monitoring: observations by instrument and country
    "Cinco países cuentan con protocolos de recepción diferenciada; la determinación del interés superior aún no "
    "es sistemática.": "Five countries have differentiated reception protocols; best-interests determination is "
                       "not yet systematic.",
    "Siete países aplican la evaluación inicial de necesidades de protección en frontera; la Red acordó un formato "
    "común de referencia.": "Seven countries carry out the initial assessment of protection needs at the border; "
                            "the Network agreed on a common referral form.",
    "Centros de atención a niñez migrante retornada con equipos psicosociales en San Pedro Sula y Omoa.":
        "Care centres for returned migrant children, with psychosocial teams, in San Pedro Sula and Omoa.",
    "Protocolo nacional de recepción actualizado; falta presupuesto para albergues especializados.":
        "National reception protocol updated; funding for specialised shelters is still lacking.",
    "Las procuradurías de protección participan en la evaluación del interés superior en los puntos de "
    "internación.": "Child protection offices take part in best-interests assessments at ports of entry.",
    "Se designó un punto focal; la hoja de ruta se presentará en la PPT panameña.":
        "A focal point has been designated; the roadmap will be presented during Panama's PPT.",
    "Cuatro países incorporaron el formulario de identificación preliminar en sus puestos fronterizos; la Red "
    "solicitó una versión en inglés para Belice.": "Four countries introduced the preliminary identification "
                                                  "form at their border posts; the Network requested an English "
                                                  "version for Belize.",
    "Formulario en uso en todos los puestos fronterizos terrestres.": "Form in use at all land border posts.",
    "Piloto en el puesto de Benque Viejo del Carmen.": "Pilot at the Benque Viejo del Carmen border post.",
    "Tres acuerdos operativos de retorno asistido firmados con apoyo de la OIM.":
        "Three operational agreements on assisted return signed with IOM support.",
    "La Red de Protección Consular actualizó el directorio regional de consulados y lo comparte en línea.":
        "The Consular Protection Network updated the regional directory of consulates and shares it online.",
    "Consulados móviles en diez ciudades; guía distribuida a todo el personal consular.":
        "Mobile consulates in ten cities; the guide was distributed to all consular staff.",
    "Capacitación del personal consular en curso.": "Training of consular staff under way.",
    # Recommendations and their follow-up
    "Puntos focales de protección consular en cada País Miembro":
        "Consular protection focal points in every Member Country",
    "Que cada País Miembro designe, antes del cierre del año, un punto focal de protección consular con capacidad "
    "de respuesta las 24 horas para casos de personas migrantes en situación de vulnerabilidad.":
        "That each Member Country designate, before the end of the year, a consular protection focal point able "
        "to respond 24 hours a day to cases of migrants in vulnerable situations.",
    "La Red de Protección Consular reportó demoras de hasta diez días en la atención de casos transfronterizos por "
    "falta de contrapartes designadas.": "The Consular Protection Network reported delays of up to ten days in "
                                        "handling cross-border cases because no counterparts had been designated.",
    "Seis de once Países Miembros comunicaron su punto focal a la ST-CRM.":
        "Six of the eleven Member Countries have notified the RCM Technical Secretariat of their focal point.",
    "Nueve Países Miembros designaron su punto focal; el directorio está en línea.":
        "Nine Member Countries have designated their focal point; the directory is online.",
    "Participación de la sociedad civil en los talleres nacionales sobre niñez migrante":
        "Civil-society participation in the national workshops on migrant children",
    "Que los Países Miembros inviten a las organizaciones de la RROCM a los talleres nacionales de implementación "
    "de los lineamientos regionales sobre niñez y adolescencia migrante.":
        "That the Member Countries invite RROCM organisations to the national workshops implementing the regional "
        "guidelines on migrant children and adolescents.",
    "El mecanismo tripartito prevé la participación de la sociedad civil en todos los espacios de la CRM; los "
    "talleres nacionales no la contemplan de forma sistemática.":
        "The tripartite mechanism provides for civil-society participation in every RCM forum; the national "
        "workshops do not include it systematically.",
    "Los talleres de Honduras, Guatemala y Costa Rica incluyeron a organizaciones de la RROCM, según las listas de "
    "asistencia.": "The workshops in Honduras, Guatemala and Costa Rica included RROCM organisations, according "
                   "to the attendance lists.",
    "Fondo regional para el retorno de migrantes extrarregionales":
        "Regional fund for the return of extra-regional migrants",
    "Que la Reunión Viceministerial cree un fondo regional para financiar el retorno voluntario de migrantes "
    "extrarregionales.": "That the Vice-Ministerial Meeting establish a regional fund to finance the voluntary "
                         "return of extra-regional migrants.",
    "Los retornos dependen hoy de fondos de cooperación que varían cada año.":
        "Returns currently depend on cooperation funds that vary from year to year.",
    # CRM events
    "Reunión virtual de la Red de Protección Consular": "Virtual meeting of the Consular Protection Network",
    "Taller regional sobre identificación de perfiles de vulnerabilidad":
        "Regional workshop on identifying vulnerability profiles",
    "Grupo de trabajo ad hoc sobre flujos migratorios extrarregionales":
        "Ad hoc working group on extra-regional migration flows",
    "Taller regional sobre trata de personas y tráfico ilícito de migrantes":
        "Regional workshop on trafficking in persons and smuggling of migrants",
    "Reunión Viceministerial de la CRM": "RCM Vice-Ministerial Meeting",
    # Work plan
    "Plan de trabajo anual del Equipo Tripartito, con mecanismos de implementación, monitoreo y seguimiento, y la "
    "identificación de recursos.": "Annual work plan of the Tripartite Team, with its implementation, monitoring "
                                   "and follow-up mechanisms and the resources identified.",
    "Dar seguimiento a la implementación de los lineamientos y guías de la CRM.":
        "Follow up on the implementation of the RCM's guidelines and guides.",
    "Fortalecer la participación de la sociedad civil en los espacios de la CRM.":
        "Strengthen civil-society participation in RCM forums.",
    "Apoyar a las tres redes de enlace en sus planes de trabajo.":
        "Support the three liaison networks in their work plans.",
    "Informe de monitoreo para el GRCM de junio": "Monitoring report for the June RCGM meeting",
    "Informe enviado a los Países Miembros dos meses antes del GRCM":
        "Report sent to the Member Countries two months before the RCGM meeting",
    "Mapeo de la participación de la sociedad civil en los talleres":
        "Mapping of civil-society participation in the workshops",
    "Porcentaje de eventos con participación de la RROCM": "Percentage of events with RROCM participation",
    "Taller regional sobre niñez migrante no acompañada": "Regional workshop on unaccompanied migrant children",
    "Taller realizado con los once Países Miembros": "Workshop held with all eleven Member Countries",
    "Directorio regional de puntos focales consulares": "Regional directory of consular focal points",
    "Directorio publicado": "Directory published",
    "Taller regional sobre niñez migrante": "Regional workshop on migrant children",
    "OIM, Programa Mesoamérica": "IOM, Mesoamerica Programme",
    "Traducción al inglés de los informes": "English translation of the reports",
    "Presupuesto de la ST-CRM": "RCM Technical Secretariat budget",
    "Logística de la reunión previa a la PPT": "Logistics of the meeting prior to the PPT",
    "Cancillería de Panamá": "Ministry of Foreign Affairs of Panama",
    "Participación de organizaciones de la RROCM": "Participation of RROCM organisations",
    "Fondo de la RROCM": "RROCM fund",
    # Feedback on the incoming PPT
    "El Equipo Tripartito valora la nota conceptual de la PPT de Panamá y propone precisar metas e incluir a la "
    "sociedad civil en su plan de trabajo.": "The Tripartite Team welcomes the concept note of Panama's PPT and "
                                             "proposes more precise targets and the inclusion of civil society in "
                                             "its work plan.",
    "Objetivos": "Objectives",
    "Participación de la sociedad civil": "Civil-society participation",
    "Cronograma": "Timetable",
    "Precisar metas medibles para el eje de niñez y adolescencia migrante.":
        "Set measurable targets for the work on migrant children and adolescents.",
    "Vincular cada objetivo con el lineamiento regional que desarrolla.":
        "Link each objective to the regional guideline it implements.",
    "Prever la participación de la RROCM en todos los talleres, salvo solicitud expresa de un País Miembro.":
        "Provide for RROCM participation in every workshop, unless a Member Country expressly asks otherwise.",
    "Programar el informe de monitoreo dos meses antes del GRCM de marzo.":
        "Schedule the monitoring report two months before the March RCGM meeting.",
    "Hoja de ruta para los indicadores de la Guía de Protección Consular":
        "Roadmap for the Consular Protection Guide indicators",
    "Consulta a la sociedad civil sobre el plan de trabajo de la PPT":
        "Consultation with civil society on the PPT's work plan",
    "T1": "Q1",
    "T1–T2": "Q1–Q2",
    "Diciembre": "December",
}


def english(year: int) -> dict[str, str]:
    """Every Spanish text of the demo year's documents → its English."""
    texts = {**AGENDA, **TEXTS,
             f"Reunión previa a la PPT de Panamá {year + 1}":
                 f"Meeting prior to Panama's {year + 1} Pro Tempore Presidency",
             f"Reunión del GRCM, Tegucigalpa {year}": f"RCGM meeting, Tegucigalpa {year}",
             f"Reunión del GRCM, Ciudad de Panamá {year + 1}": f"RCGM meeting, Panama City {year + 1}",
             **{f"Acta del GRCM, Tegucigalpa {year}, acuerdo {n}": f"RCGM minutes, Tegucigalpa {year}, agreement {n}"
                for n in (5, 6, 7)}}
    for item, item_en in AGENDA.items():
        for shown in {item, item.lower()}:  # the discussion quotes the item
            texts[f"Se conversó sobre «{shown}». Las tres partes coincidieron en la importancia de dar seguimiento "
                  "oportuno y acordaron los pasos que constan en los acuerdos de esta minuta."] = (
                f"The meeting discussed “{item_en}”. The three parties agreed on the importance of timely "
                "follow-up and agreed on the steps set out in the agreements of these minutes.")
    return texts


def _subjects() -> list[TranslationSubject]:
    subjects = [TranslationSubject("minutes", m) for m in db.session.scalars(select(Minutes.meeting_id))]
    for grcm_id in db.session.scalars(select(GrcmMeeting.id)):
        subjects += [TranslationSubject("recommendations", grcm_id), TranslationSubject("monitoring_report", grcm_id)]
    subjects += [TranslationSubject("ppt_feedback", t) for t in db.session.scalars(select(PptFeedback.ppt_term_id))]
    subjects += [TranslationSubject("work_plan", p) for p in db.session.scalars(select(WorkPlan.id))]
    return subjects


def load(year: int, *, now: datetime) -> str:
    texts, count = english(year), 0
    for subject in _subjects():
        # Texts whose record carries its English already (an instrument's title_en) are final as they are.
        shown = [i for i in translation_items(subject, "en", now.date()) if i.state != "final"]
        untranslated = [i.source for i in shown if i.source not in texts]
        if untranslated:
            raise LookupError(f"The demo has no English for {subject}: {untranslated}")
        save_translations(subject, "en", [Edit(i.key, texts[i.source], "final") for i in shown], actor=ACTOR,
                          now=now)
        count += len(shown)
    return f"{count} English translations"
