"""The reference data `tripartito init` loads (only rows that are missing)."""

from __future__ import annotations

# (alpha-2, Spanish name, English name, member?) — the 11 member countries of the CRM, then observers.
COUNTRIES: list[tuple[str, str, str, bool]] = [
    ("BZ", "Belice", "Belize", True),
    ("CA", "Canadá", "Canada", True),
    ("CR", "Costa Rica", "Costa Rica", True),
    ("SV", "El Salvador", "El Salvador", True),
    ("US", "Estados Unidos de América", "United States of America", True),
    ("GT", "Guatemala", "Guatemala", True),
    ("HN", "Honduras", "Honduras", True),
    ("MX", "México", "Mexico", True),
    ("NI", "Nicaragua", "Nicaragua", True),
    ("PA", "Panamá", "Panama", True),
    ("DO", "República Dominicana", "Dominican Republic", True),
    ("AR", "Argentina", "Argentina", False),
    ("CO", "Colombia", "Colombia", False),
    ("EC", "Ecuador", "Ecuador", False),
    ("JM", "Jamaica", "Jamaica", False),
    ("PE", "Perú", "Peru", False),
]

# The language a member country's government writes in, where it is not Spanish: what a PPT of that country
# usually submits its concept note in (the upload form's default; the uploader can say otherwise).
ENGLISH_SPEAKING = frozenset({"BZ", "CA", "US", "JM"})


def usual_language(country: str) -> str:
    """'en' for the English-speaking members (and observers), 'es' for the rest."""
    return "en" if country in ENGLISH_SPEAKING else "es"


# (code, short es, short en, full es, full en)
PARTIES: list[tuple[str, str, str, str, str]] = [
    ("st_crm", "ST-CRM", "ST-CRM",
     "Secretaría Técnica de la Conferencia Regional sobre Migración",
     "Technical Secretariat of the Regional Conference on Migration"),
    ("st_rrocm", "ST-RROCM", "ST-RROCM",
     "Secretaría Técnica de la Red Regional de Organizaciones de la Sociedad Civil para la Migración",
     "Technical Secretariat of the Regional Network of Civil Society Organizations for Migration"),
    ("ppt", "PPT", "PPT", "Presidencia Pro Tempore", "Pro Tempore Presidency"),
]

# The three liaison networks named in the founding text (task 3).
NETWORKS: list[tuple[str, str, str]] = [
    ("consular_protection", "Red de Protección Consular", "Consular Protection Network"),
    ("trafficking_smuggling", "Red de Trata de Personas y Tráfico Ilícito de Migrantes",
     "Network on Trafficking in Persons and Smuggling of Migrants"),
    ("migrant_children", "Red en Materia de Protección de Niños, Niñas y Adolescentes Migrantes",
     "Network on the Protection of Migrant Children and Adolescents"),
]

# The official names documents use, one spelling per language (English acronyms as the RCM itself writes them).
# Hyphenated acronyms carry U+2011 (non-breaking hyphen) so "ST‑CRM" never breaks across lines; the renderer
# turns it into Word's own non-breaking hyphen (the document fonts have no U+2011 glyph).
NB = "\u2011"
# key -> (Spanish full name, Spanish acronym, English full name, English acronym)
OFFICIAL_NAMES: dict[str, tuple[str, str, str, str]] = {
    "crm": ("Conferencia Regional sobre Migración", "CRM", "Regional Conference on Migration", "RCM"),
    "grcm": ("Grupo Regional de Consulta sobre Migración", "GRCM", "Regional Consultation Group on Migration",
             "RCGM"),
    "rrocm": ("Red Regional de Organizaciones de la Sociedad Civil para la Migración", "RROCM",
              "Regional Network of Civil Society Organizations for Migration", "RROCM"),
    "ppt": ("Presidencia Pro Tempore", "PPT", "Pro Tempore Presidency", "PPT"),
    "st_crm": ("Secretaría Técnica de la CRM", f"ST{NB}CRM", "RCM Technical Secretariat", f"ST{NB}CRM"),
    "st_rrocm": ("Secretaría Técnica de la RROCM", f"ST{NB}RROCM", "RROCM Technical Secretariat", f"ST{NB}RROCM"),
    "team": ("Equipo Tripartito", "ET", "Tripartite Team", "TT"),
}
# Where the team's documents are signed: the seat of the ST-CRM.
ISSUING_PLACE = {"es": "San José, Costa Rica", "en": "San José, Costa Rica"}


def official_name(key: str, language: str, *, acronym: bool = False, both: bool = False) -> str:
    """The official name in a language: full, its acronym, or "Full name (ACRONYM)"."""
    es, es_short, en, en_short = OFFICIAL_NAMES[key]
    full, short = (es, es_short) if language == "es" else (en, en_short)
    if both:
        return f"{full} ({short})"
    return short if acronym else full
