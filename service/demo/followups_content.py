"""The Spanish content of the follow-up demo (real CRM instrument titles; the rest is illustrative)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

NNA = ("Lineamientos Regionales de Actuación para la Protección Integral de la Niñez y Adolescencia en el Contexto "
       "de la Migración")

# (instrument, key of its monitoring below)
INSTRUMENTS = [
    ({"title_es": NNA,
      "title_en": "Regional Guidelines for the Comprehensive Protection of Children and Adolescents in the Context "
                  "of Migration",
      "kind": "guideline", "adopted_on": date(2016, 6, 30), "network": "migrant_children",
      "adopted_by": "Aprobados por la XXI Reunión Viceministerial de la CRM (2016), que encargó a la Red de "
                    "Protección de Niños, Niñas y Adolescentes Migrantes su seguimiento."}, "nna"),
    ({"title_es": "Lineamientos regionales para la identificación preliminar de perfiles y mecanismos de referencia "
                  "de poblaciones migrantes en condición de vulnerabilidad",
      "title_en": "Regional guidelines for the preliminary identification of profiles and referral mechanisms for "
                  "migrant populations in vulnerable situations",
      "kind": "guideline", "adopted_on": date(2013, 6, 28), "network": None,
      "adopted_by": "Aprobados por la XVIII Reunión Viceministerial de la CRM (2013)."}, "perfiles"),
    ({"title_es": "Lineamientos Generales de Cooperación entre los Países Miembros de la CRM para el Retorno de "
                  "Migrantes Extrarregionales",
      "title_en": "General Guidelines for Cooperation among RCM Member Countries on the Return of Extra-regional "
                  "Migrants",
      "kind": "guideline", "adopted_on": None, "network": "consular_protection", "adopted_by": None}, "retorno"),
    ({"title_es": "Guía de Protección Consular", "title_en": "Consular Protection Guide", "kind": "guide",
      "adopted_on": None, "network": "consular_protection", "adopted_by": None}, "consular"),
    ({"title_es": "Lineamientos Regionales para la Protección Especial en Casos de Repatriación de Niños, Niñas y "
                  "Adolescentes Víctimas de Trata de Personas",
      "title_en": "Regional Guidelines for Special Protection in Cases of Repatriation of Child and Adolescent "
                  "Victims of Trafficking in Persons",
      "kind": "guideline", "adopted_on": None, "network": "trafficking_smuggling", "adopted_by": None}, "trata"),
]


def _people(value: int) -> list[dict]:
    return [{"name": "Funcionarios capacitados", "value": str(value), "unit": "personas"}]


# key -> [(period, country or None for regional, status, observations, indicators, (month, day) recorded)]
MONITORING = {
    "nna": [
        ("{prev}-S2", None, "partial", "Cinco países cuentan con protocolos de recepción diferenciada; la "
         "determinación del interés superior aún no es sistemática.", [], (1, 25)),
        ("{year}-S1", None, "advanced", "Siete países aplican la evaluación inicial de necesidades de protección "
         "en frontera; la Red acordó un formato común de referencia.", [], (7, 10)),
        ("{year}-S1", "HN", "advanced", "Centros de atención a niñez migrante retornada con equipos psicosociales "
         "en San Pedro Sula y Omoa.", _people(86), (7, 8)),
        ("{year}-S1", "GT", "partial", "Protocolo nacional de recepción actualizado; falta presupuesto para "
         "albergues especializados.", _people(41), (7, 8)),
        ("{year}-S1", "MX", "advanced", "Las procuradurías de protección participan en la evaluación del interés "
         "superior en los puntos de internación.", _people(120), (7, 9)),
        ("{year}-S1", "PA", "not_started", "Se designó un punto focal; la hoja de ruta se presentará en la PPT "
         "panameña.", [], (7, 9)),
    ],
    "perfiles": [
        ("{year}-S1", None, "partial", "Cuatro países incorporaron el formulario de identificación preliminar en "
         "sus puestos fronterizos; la Red solicitó una versión en inglés para Belice.", [], (7, 12)),
        ("{year}-S1", "CR", "complete", "Formulario en uso en todos los puestos fronterizos terrestres.",
         _people(64), (7, 11)),
        ("{year}-S1", "BZ", "partial", "Piloto en el puesto de Benque Viejo del Carmen.", _people(12), (7, 11)),
    ],
    "retorno": [
        ("{year}-S1", None, "partial", "Tres acuerdos operativos de retorno asistido firmados con apoyo de la OIM.",
         [{"name": "Retornos asistidos", "value": "214", "unit": "personas"}], (7, 15)),
    ],
    "consular": [
        ("{year}-S1", None, "advanced", "La Red de Protección Consular actualizó el directorio regional de "
         "consulados y lo comparte en línea.", [], (7, 15)),
        ("{year}-S1", "SV", "complete", "Consulados móviles en diez ciudades; guía distribuida a todo el personal "
         "consular.", _people(150), (7, 14)),
        ("{year}-S1", "DO", "partial", "Capacitación del personal consular en curso.", _people(35), (7, 14)),
    ],
}

# (recommendation, outcome: (state, decision number) or "draft", [(status, (month, day), evidence, url)])
RECOMMENDATIONS = [
    ({"title": "Puntos focales de protección consular en cada País Miembro",
      "addressee": "consular_protection",
      "text": "Que cada País Miembro designe, antes del cierre del año, un punto focal de protección consular "
              "con capacidad de respuesta las 24 horas para casos de personas migrantes en situación de "
              "vulnerabilidad.",
      "rationale": "La Red de Protección Consular reportó demoras de hasta diez días en la atención de casos "
                   "transfronterizos por falta de contrapartes designadas."},
     ("approved", 5),
     [("in_progress", (9, 15), "Seis de once Países Miembros comunicaron su punto focal a la ST-CRM.", None),
      ("in_progress", (11, 20), "Nueve Países Miembros designaron su punto focal; el directorio está en línea.",
       "https://www.crmsv.org/es/red-proteccion-consular")]),
    ({"title": "Participación de la sociedad civil en los talleres nacionales sobre niñez migrante",
      "addressee": "member_countries",
      "text": "Que los Países Miembros inviten a las organizaciones de la RROCM a los talleres nacionales de "
              "implementación de los lineamientos regionales sobre niñez y adolescencia migrante.",
      "rationale": "El mecanismo tripartito prevé la participación de la sociedad civil en todos los espacios "
                   "de la CRM; los talleres nacionales no la contemplan de forma sistemática."},
     ("approved", 6),
     [("implemented", (10, 30), "Los talleres de Honduras, Guatemala y Costa Rica incluyeron a organizaciones "
       "de la RROCM, según las listas de asistencia.", None)]),
    ({"title": "Fondo regional para el retorno de migrantes extrarregionales",
      "addressee": "viceministerial",
      "text": "Que la Reunión Viceministerial cree un fondo regional para financiar el retorno voluntario de "
              "migrantes extrarregionales.",
      "rationale": "Los retornos dependen hoy de fondos de cooperación que varían cada año."},
     ("rejected", 7), []),
    ({"title": "Indicadores comunes de seguimiento de la Guía de Protección Consular",
      "addressee": "grcm",
      "text": "Que el GRCM adopte cinco indicadores comunes para el seguimiento de la Guía de Protección Consular.",
      "rationale": "Los informes nacionales no son comparables entre sí; la Red propuso indicadores mínimos."},
     "draft", []),
]

# (title, kind, (month, day), extra fields)
EVENTS = [
    ("Reunión virtual de la Red de Protección Consular", "network", (2, 24), {"network": "consular_protection"}),
    ("Taller regional sobre identificación de perfiles de vulnerabilidad", "workshop", (4, 14), {}),
    ("Grupo de trabajo ad hoc sobre flujos migratorios extrarregionales", "working_group", (5, 7),
     {"members_only": True, "members_only_requested_by": "MX", "members_only_requested_on": (4, 20),
      "location": "Ciudad de México"}),
    ("Reunión del GRCM, Tegucigalpa {year}", "grcm", (6, 16), {"location": "Tegucigalpa, Honduras"}),
    ("Taller regional sobre trata de personas y tráfico ilícito de migrantes", "workshop", (9, 9),
     {"network": "trafficking_smuggling", "location": "San Salvador"}),
    ("Reunión Viceministerial de la CRM", "viceministerial", (11, 12), {"location": "Tegucigalpa, Honduras"}),
]


def WORK_PLAN(year: int) -> dict:  # noqa: N802 - reads as the constant it stands for
    return {
        "year": year,
        "introduction": "Plan de trabajo anual del Equipo Tripartito, con mecanismos de implementación, "
                        "monitoreo y seguimiento, y la identificación de recursos.",
        "objectives": [
            {"code": "O1", "text": "Dar seguimiento a la implementación de los lineamientos y guías de la CRM."},
            {"code": "O2", "text": "Fortalecer la participación de la sociedad civil en los espacios de la CRM."},
            {"code": "O3", "text": "Apoyar a las tres redes de enlace en sus planes de trabajo."},
        ],
        "activities": [
            {"objective": "O1", "description": "Informe de monitoreo para el GRCM de junio", "responsible": "st_crm",
             "starts_on": date(year, 1, 15), "ends_on": date(year, 4, 16), "network": None,
             "indicator": "Informe enviado a los Países Miembros dos meses antes del GRCM"},
            {"objective": "O2", "description": "Mapeo de la participación de la sociedad civil en los talleres",
             "responsible": "st_rrocm", "starts_on": date(year, 3, 1), "ends_on": date(year, 9, 30),
             "network": None, "indicator": "Porcentaje de eventos con participación de la RROCM"},
            {"objective": "O3", "description": "Taller regional sobre niñez migrante no acompañada",
             "responsible": "ppt", "starts_on": date(year, 7, 1), "ends_on": date(year, 9, 30),
             "network": "migrant_children", "indicator": "Taller realizado con los once Países Miembros"},
            {"objective": "O3", "description": "Directorio regional de puntos focales consulares",
             "responsible": "st_crm", "starts_on": date(year, 6, 20), "ends_on": date(year, 12, 15),
             "network": "consular_protection", "indicator": "Directorio publicado"},
        ],
        "resources": [
            {"description": "Taller regional sobre niñez migrante", "source": "OIM, Programa Mesoamérica",
             "amount": Decimal("18500.00"), "currency": "USD", "status": "secured"},
            {"description": "Traducción al inglés de los informes", "source": "Presupuesto de la ST-CRM",
             "amount": Decimal("4200.00"), "currency": "USD", "status": "committed"},
            {"description": "Logística de la reunión previa a la PPT", "source": "Cancillería de Panamá",
             "amount": Decimal("6000.00"), "currency": "USD", "status": "identified"},
            {"description": "Participación de organizaciones de la RROCM", "source": "Fondo de la RROCM",
             "amount": Decimal("95000.00"), "currency": "HNL", "status": "committed"},
        ],
    }


FEEDBACK = {
    "summary": "El Equipo Tripartito valora la nota conceptual de la PPT de Panamá y propone precisar metas e "
               "incluir a la sociedad civil en su plan de trabajo.",
    "items": [
        {"section": "Objetivos", "document": "concept_note",
         "comment": "Precisar metas medibles para el eje de niñez y adolescencia migrante."},
        {"section": "Objetivos", "document": "work_plan",
         "comment": "Vincular cada objetivo con el lineamiento regional que desarrolla."},
        {"section": "Participación de la sociedad civil", "document": "concept_note",
         "comment": "Prever la participación de la RROCM en todos los talleres, salvo solicitud expresa de un "
                    "País Miembro."},
        {"section": "Cronograma", "document": "work_plan",
         "comment": "Programar el informe de monitoreo dos meses antes del GRCM de marzo."},
    ],
    "joint_actions": [
        {"action": "Taller regional sobre niñez migrante no acompañada", "responsible": "ppt",
         "timeline": "T1", "network": "migrant_children"},
        {"action": "Hoja de ruta para los indicadores de la Guía de Protección Consular", "responsible": "st_crm",
         "timeline": "T1–T2", "network": "consular_protection"},
        {"action": "Consulta a la sociedad civil sobre el plan de trabajo de la PPT", "responsible": "st_rrocm",
         "timeline": "Diciembre", "network": None},
    ],
}
