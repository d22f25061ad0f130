"""render_docx: every kind in both languages, user text verbatim, bad data refused with the field named."""

from __future__ import annotations

import io
import shutil
from datetime import date

import docx
import pytest

from schemas.rendering import context_fields
from service.templating.kinds import KINDS, get_kind
from service.templating.render import (
    ContextError,
    TemplateRenderError,
    display_context,
    render_docx,
    render_template_bytes,
)
from tests.documents import samples
from tests.documents.samples import all_text, paragraphs, part_xml, replace_in_part, shipped

ALL = [(kind, lang) for kind in KINDS for lang in ("es", "en")]

# Section headings each rendered document must show, per kind and language.
EXPECTED = {
    ("minutes", "es"): ["1. Datos de la reunión", "2. Participantes", "3. Agenda", "4. Desarrollo de la reunión",
                        "5. Acuerdos", "6. Próxima reunión"],
    ("minutes", "en"): ["1. Meeting details", "2. Participants", "3. Agenda", "4. Discussion", "5. Agreements",
                        "6. Next meeting"],
    ("recommendations", "es"): ["Recomendaciones", "Justificación"],
    ("recommendations", "en"): ["Recommendations", "Rationale"],
    ("ppt_feedback", "es"): ["1. Presidencia Pro Tempore entrante", "2. Retroalimentación por sección",
                             "3. Acciones conjuntas propuestas"],
    ("ppt_feedback", "en"): ["1. Incoming Pro Tempore Presidency", "2. Feedback by section",
                             "3. Proposed joint actions"],
    ("monitoring_report", "es"): ["1. Monitoreo de instrumentos, por red de enlace",
                                  "2. Respuestas de los Países Miembros a las herramientas de monitoreo",
                                  "3. Cumplimiento de las recomendaciones aprobadas",
                                  "4. Participación de la sociedad civil en los espacios de la CRM"],
    ("monitoring_report", "en"): ["1. Monitoring of instruments, by liaison network",
                                  "2. Member Countries' answers to the monitoring tools",
                                  "3. Compliance with approved recommendations",
                                  "4. Civil society participation in RCM spaces"],
    ("work_plan", "es"): ["1. Objetivos", "2. Actividades", "Avance de las actividades", "3. Recursos identificados"],
    ("work_plan", "en"): ["1. Objectives", "2. Activities", "Progress of the activities", "3. Identified resources"],
    ("dossier_cover", "es"): ["Contenido del expediente"],
    ("dossier_cover", "en"): ["Contents of the dossier"],
}
TABLES = {"minutes": 4, "recommendations": 2, "ppt_feedback": 3, "monitoring_report": 10, "work_plan": 4,
          "dossier_cover": 3}


@pytest.mark.parametrize(("kind", "language"), ALL)
def test_every_kind_renders_in_both_languages_with_its_sections_and_tables(kind: str, language: str) -> None:
    data = render_docx(kind, language, samples.sample(kind, language))
    document = docx.Document(io.BytesIO(data))
    text = paragraphs(data)
    for heading in EXPECTED[(kind, language)]:
        assert heading in text
    assert len(document.element.body.findall(".//" + docx.oxml.ns.qn("w:tbl"))) == TABLES[kind]
    assert "{{" not in part_xml(data).replace("{{ 7*7 }}", "")  # every tag was rendered, user text aside
    reference = samples.sample(kind, language)["header"]["reference"]
    assert reference in text[1] or reference in all_text(data)
    footer = part_xml(data, "word/footer1.xml")
    assert reference in footer
    assert " PAGE " in footer
    assert " NUMPAGES " in footer
    assert "Honduras" in part_xml(data, "word/header1.xml")


@pytest.mark.parametrize("language", ["es", "en"])
def test_hostile_user_text_appears_verbatim(language: str) -> None:
    data = render_docx("minutes", language, samples.minutes(language))
    text = all_text(data)
    for hostile in samples.HOSTILE:
        assert hostile in text
    assert samples.HOSTILE_TEXT in paragraphs(data)  # whole, in one paragraph: nothing ate the rest


@pytest.mark.parametrize("kind", ["recommendations", "ppt_feedback", "monitoring_report", "work_plan"])
def test_hostile_user_text_appears_verbatim_in_every_kind(kind: str) -> None:
    text = all_text(render_docx(kind, "es", samples.sample(kind)))
    assert all(hostile in text for hostile in samples.HOSTILE)


def test_template_code_typed_by_users_is_never_evaluated() -> None:
    context = samples.minutes()
    context["next_meeting"] = "{{ header.reference }} {% for x in agreements %}X{% endfor %} {{ 7*7 }}"
    text = paragraphs(render_docx("minutes", "es", context))
    assert "{{ header.reference }} {% for x in agreements %}X{% endfor %} {{ 7*7 }}" in text
    assert not any(t == "49" for t in text)


def test_line_breaks_in_values_become_word_line_breaks() -> None:
    data = render_docx("minutes", "es", samples.minutes())
    assert samples.MULTILINE in paragraphs(data)  # python-docx shows <w:br/> as \n
    xml = part_xml(data)
    assert "Primera línea del acuerdo</w:t><w:br/>" in xml


def test_windows_line_endings_are_kept_as_line_breaks() -> None:
    context = samples.minutes()
    context["next_meeting"] = "Línea uno\r\nLínea dos"
    assert "Línea uno\nLínea dos" in paragraphs(render_docx("minutes", "es", context))


def test_dates_and_amounts_are_formatted_per_language() -> None:
    es = all_text(render_docx("minutes", "es", samples.minutes("es")))
    en = all_text(render_docx("minutes", "en", samples.minutes("en")))
    assert "26 de noviembre de 2026" in es
    assert "10:00–12:30 (hora de Honduras, UTC−06:00)" in es
    assert "26 November 2026" in en
    assert "10:00–12:30 (Honduras Time, UTC−06:00)" in en
    plan = all_text(render_docx("work_plan", "es", samples.work_plan()))
    assert "12,500.00" in plan
    assert "15,750.50" in plan
    assert "Año 2027" in plan


def test_attendees_are_grouped_by_party_then_country() -> None:
    text = paragraphs(render_docx("minutes", "es", samples.minutes()))
    order = ["Secretaría Técnica de la CRM (ST-CRM)", "Secretaría Técnica de la RROCM (ST-RROCM)",
             "Presidencia Pro Tempore (PPT)", "Canadá", "México"]
    assert [text.index(label) for label in order] == sorted(text.index(label) for label in order)


def test_monitoring_report_flags_a_late_report_and_lists_members_only_exceptions() -> None:
    context = samples.monitoring_report()
    context["header"]["issued_on"] = date(2027, 4, 20)  # after the due date, 14 April 2027
    text = all_text(render_docx("monitoring_report", "es", context))
    assert "enviado fuera de plazo" in text
    assert "Estados Unidos de América" in text
    assert "1 de octubre de 2026" in text
    on_time = all_text(render_docx("monitoring_report", "es", samples.monitoring_report()))
    assert "dentro del plazo" in on_time


def test_empty_lists_render_a_sentence_instead_of_an_empty_table() -> None:
    context = samples.minutes(agreements=0)
    assert "No se adoptaron acuerdos en esta reunión." in paragraphs(render_docx("minutes", "es", context))


@pytest.mark.parametrize(("path", "value"), [
    (("agreements", 0, "text"), "texto\ud800roto"),
    (("meeting", "title"), "campana\x07"),
    (("next_meeting",), "nulo\x00"),
    (("attendees", 2, "name"), "escape\x1b[31m"),
])
def test_lone_surrogates_and_control_characters_are_refused_naming_the_field(path: tuple, value: str) -> None:
    context = samples.minutes()
    target = context
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ContextError) as caught:
        render_docx("minutes", "es", context)
    dotted = ".".join(str(p) for p in path)
    assert caught.value.field == dotted
    assert dotted in str(caught.value)
    assert caught.value.status == 422


def test_unknown_and_missing_fields_are_refused_naming_them() -> None:
    context = samples.minutes()
    context["meeting"]["colour"] = "red"
    del context["meeting"]["timezone"]
    with pytest.raises(ContextError) as caught:
        render_docx("minutes", "es", context)
    assert {"meeting.colour", "meeting.timezone"} <= set(caught.value.errors)


def test_members_only_event_needs_the_requesting_country_r1() -> None:
    context = samples.monitoring_report()
    context["events"][1]["requested_by_name"] = None
    with pytest.raises(ContextError) as caught:
        render_docx("monitoring_report", "es", context)
    assert caught.value.field == "events.1.requested_by_name"


def test_header_language_must_match_the_template_language() -> None:
    with pytest.raises(ContextError, match=r"header\.language"):
        render_docx("minutes", "en", samples.minutes("es"))


@pytest.mark.parametrize(("kind", "language"), ALL)
def test_context_has_exactly_the_names_the_schema_declares(kind: str, language: str) -> None:
    document_kind = get_kind(kind)
    values = display_context(document_kind, language, samples.sample(kind, language))
    assert set(values) == set(context_fields(document_kind.schema()))


def test_no_context_field_is_shadowed_by_a_dict_method() -> None:
    # Jinja looks attributes up before keys: a field called "items" would be dict.items
    def walk(schema, seen):
        for name, field in context_fields(schema).items():
            assert not hasattr(dict, name), f"{type(schema).__name__}.{name}"
            inner = getattr(field, "inner", field)
            if hasattr(inner, "schema") and type(inner.schema) not in seen:
                seen.add(type(inner.schema))
                walk(inner.schema, seen)
    for kind in KINDS.values():
        walk(kind.schema(), set())


def test_cached_template_renders_many_times_with_different_data() -> None:
    first = samples.minutes()
    second = samples.minutes(attendees=3, agreements=2)
    second["meeting"]["title"] = "Reunión extraordinaria de diciembre"
    a, b, a_again = (render_docx("minutes", "es", c) for c in (first, second, samples.minutes()))
    assert "Reunión extraordinaria de diciembre" in all_text(b)
    assert "Reunión extraordinaria de diciembre" not in all_text(a_again)
    assert all_text(a) == all_text(a_again)


def test_a_replaced_template_file_is_picked_up(tmp_path, monkeypatch) -> None:
    for path in KINDS["minutes"].template_path("es").parent.glob("minutes.*.docx"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setenv("TRIPARTITO_TEMPLATES_DIR", str(tmp_path))  # outside an app: the configured folder
    render_docx("minutes", "es", samples.minutes())
    changed = replace_in_part(shipped("minutes"), "Próxima reunión", "Siguiente reunión")
    (tmp_path / "minutes.es.docx").write_bytes(changed)
    assert "6. Siguiente reunión" in paragraphs(render_docx("minutes", "es", samples.minutes()))


def test_a_template_that_tries_to_escape_the_sandbox_fails_at_render_time_too() -> None:
    evil = replace_in_part(shipped("minutes"), "{{ next_meeting }}", "{{ cycler.__init__.__globals__ }}")
    with pytest.raises(TemplateRenderError):
        render_template_bytes(evil, "minutes", "es", samples.minutes())


def test_unknown_kind_or_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="Unknown document kind"):
        render_docx("memo", "es", {})
    with pytest.raises(ValueError, match="Unsupported document language"):
        render_docx("minutes", "fr", samples.minutes())


def test_document_properties_carry_title_and_reference() -> None:
    data = render_docx("recommendations", "en", samples.recommendations("en"))
    props = docx.Document(io.BytesIO(data)).core_properties
    assert props.title == "Recommendations of the Tripartite Team to the RCGM"
    assert props.identifier == "ET-CRM/2027/REC-001"
    assert props.language == "en"


def test_cached_renderer_produces_the_same_text_as_a_fresh_docxtpl_render() -> None:
    from docxtpl import DocxTemplate

    from service.templating.render import make_environment

    context = samples.minutes()
    template = DocxTemplate(get_kind("minutes").template_path("es"))
    template.render(display_context(get_kind("minutes"), "es", context), jinja_env=make_environment(),
                    autoescape=True)
    out = io.BytesIO()
    template.save(out)
    # ours turns U+2011 into Word's non-breaking hyphen, which python-docx reads back as "-"
    fresh = [p.replace("\u2011", "-") for p in paragraphs(out.getvalue())]
    assert fresh == paragraphs(render_docx("minutes", "es", context))
