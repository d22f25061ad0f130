"""Every record says the language its texts were typed in (issue 12): `original_language` (es | en, default es) on
recommendations, follow-ups, PPT feedback, work plans, instruments, monitoring entries, CRM events and GRCM
meetings; the translations go to the other language, text by text, and an instrument's other title is its
translation until someone saves another."""

from __future__ import annotations

import pytest

from service.content_translations.rules import (
    Stored,
    known_translations,
    main_original,
    source_texts,
    text_languages,
    to_translate,
    without_hints,
)
from service.documents.models import IssuedDocument
from service.extensions import db
from tests.followups_factories import (
    SUBMISSION,
    endorse_by_all,
    entry_body,
    feedback_body,
    grcm_meeting,
    instrument_body,
    recommendation_body,
    work_plan_body,
)

URL = "/api/v1/translations"

# ---------------------------------------------------------------- rules, without Flask


def test_the_nearest_hint_says_a_texts_language_and_unmarked_texts_are_spanish():
    context = {"original_language": "es", "grcm": {"title": "Reunión", "original_language": "en"},
               "recommendations": [{"title": "Uno", "text": "Texto", "rationale": "Razón"},
                                   {"title": "Two", "text": "Text", "rationale": "Why", "original_language": "en"}]}
    languages = text_languages("recommendations", context)
    assert languages == {"grcm.title": "en", "recommendation.1.title": "es", "recommendation.1.text": "es",
                         "recommendation.1.rationale": "es", "recommendation.2.title": "en",
                         "recommendation.2.text": "en", "recommendation.2.rationale": "en"}
    assert text_languages("recommendations", {"recommendations": [{"title": "Uno"}]}) == \
        {"recommendation.1.title": "es"}
    assert main_original(languages) == "en"  # four texts to three
    assert main_original({"a": "en", "b": "es"}) == "es"  # a tie: the team's working language
    assert main_original({}) == "es"
    sources = source_texts("recommendations", context)
    assert set(to_translate(sources, languages, "en")) == {"recommendation.1.title", "recommendation.1.text",
                                                           "recommendation.1.rationale"}
    assert set(to_translate(sources, languages, "es")) == {"grcm.title", "recommendation.2.title",
                                                           "recommendation.2.text", "recommendation.2.rationale"}


def test_a_row_joining_two_records_marks_the_language_per_field():
    context = {"recommendations": [{"title": "Uno", "evidence": "Evidence typed by a country",
                                    "original_language": "es", "original_language_of": {"evidence": "en"}}]}
    assert text_languages("monitoring_report", context) == {"compliance.1.title": "es",
                                                           "compliance.1.evidence": "en"}


def test_the_hints_never_reach_a_template_but_the_headers_original_stays():
    context = {"original_language": "en", "header": {"original_language": "en", "title": "T"},
               "instruments": [{"title": "Guía", "original_language": "es",
                                "known_translations": {"title": {"en": "Guide"}},
                                "latest": {"summary": "S", "original_language": "es"}}],
               "recommendations": [{"title": "R", "original_language_of": {"evidence": "en"}}]}
    assert without_hints(context) == {"header": {"original_language": "en", "title": "T"},
                                      "instruments": [{"title": "Guía", "latest": {"summary": "S"}}],
                                      "recommendations": [{"title": "R"}]}


def test_a_translation_the_record_carries_is_a_final_one_of_the_current_text():
    context = {"instruments": [{"title": "Guía", "known_translations": {"title": {"en": "Guide"}}},
                               {"title": "Otra", "known_translations": {"title": {}}}]}
    assert known_translations("monitoring_report", context, "en") == {
        "instrument.1.title": Stored("Guía", "Guide", "final")}
    assert known_translations("monitoring_report", context, "es") == {}


# ---------------------------------------------------------------- the API


def get(client, auth, subject, language="en"):
    return client.get(URL, query_string={"subject": subject, "language": language}, headers=auth["st_crm"])


def keys(response) -> set[str]:
    assert response.status_code == 200, response.json
    return {i["key"] for i in response.json["items"]}


def presented(client, auth, grcm_id: int, **changes) -> dict:
    rec = client.post("/api/v1/recommendations", json=recommendation_body(grcm_id, **changes),
                      headers=auth["st_crm"]).json
    endorse_by_all(client, auth, rec["id"])
    submitted = client.post(f"/api/v1/recommendations/{rec['id']}/transitions", json=SUBMISSION,
                            headers=auth["st_crm"])
    assert submitted.status_code == 200, submitted.json
    return submitted.json


def test_records_take_their_original_language_spanish_unless_said_and_refuse_others(client, auth):
    grcm = grcm_meeting(client, auth, original_language="en")
    assert grcm["original_language"] == "en"
    spanish = client.post("/api/v1/recommendations", json=recommendation_body(grcm["id"]), headers=auth["st_crm"])
    assert spanish.json["original_language"] == "es"
    refused = client.post("/api/v1/recommendations", json=recommendation_body(grcm["id"], original_language="fr"),
                          headers=auth["st_crm"])
    assert refused.status_code == 422
    assert "original_language" in refused.json["errors"]["json"]
    etag = spanish.headers["ETag"]
    changed = client.patch(f"/api/v1/recommendations/{spanish.json['id']}", json={"original_language": "en"},
                           headers={**auth["st_crm"], "If-Match": etag})
    assert changed.status_code == 200, changed.json
    assert changed.json["original_language"] == "en"
    for url, body in (("/api/v1/instruments", instrument_body(original_language="en")),
                      ("/api/v1/crm-events", {**_event(), "original_language": "en"}),
                      ("/api/v1/work-plans", work_plan_body(original_language="en"))):
        created = client.post(url, json=body, headers=auth["st_crm"])
        assert created.status_code == 201, created.json
        assert created.json["original_language"] == "en"
    instrument = client.get("/api/v1/instruments", headers=auth["st_crm"]).json[0]
    entry = client.post(f"/api/v1/instruments/{instrument['id']}/monitoring", json=entry_body(original_language="en"),
                        headers=auth["st_crm"])
    assert entry.json["original_language"] == "en"


def _event() -> dict:
    return {"title": "Regional workshop on trafficking", "starts_on": "2026-09-10", "kind": "workshop"}


def test_a_grcms_recommendations_typed_in_two_languages_are_translated_each_into_the_other(client, auth,
                                                                                          converter):
    grcm = grcm_meeting(client, auth)
    presented(client, auth, grcm["id"])
    presented(client, auth, grcm["id"], title="Strengthen consular protection", text="That Member Countries act.",
              rationale="Delays reported by the network.", original_language="en")
    subject = f"recommendations:{grcm['id']}"
    into_english = get(client, auth, subject, "en")
    assert into_english.json["original_language"] == "es"
    assert keys(into_english) == {"grcm.title", "recommendation.1.title", "recommendation.1.text",
                                  "recommendation.1.rationale"}
    into_spanish = get(client, auth, subject, "es")  # the main original, yet one recommendation is in English
    assert keys(into_spanish) == {"recommendation.2.title", "recommendation.2.text", "recommendation.2.rationale"}
    assert {i["source"] for i in into_spanish.json["items"]} >= {"Strengthen consular protection"}
    refused = client.post("/api/v1/documents", json={"kind": "recommendations", "subject_id": grcm["id"],
                                                     "language": "es"}, headers=auth["st_crm"])
    assert refused.status_code == 422
    assert set(refused.json["untranslated"]) == keys(into_spanish)
    saved = client.put(URL, query_string={"subject": subject, "language": "es"}, headers=auth["st_crm"], json={
        "items": [{"key": k, "target": f"[es] {k}", "state": "final"} for k in keys(into_spanish)]})
    assert saved.status_code == 200, saved.json
    issued = client.post("/api/v1/documents", json={"kind": "recommendations", "subject_id": grcm["id"],
                                                    "language": "es"}, headers=auth["st_crm"])
    assert issued.status_code == 201, issued.json
    frozen = db.session.get(IssuedDocument, issued.json["id"]).context
    shown = [r["title"] for r in frozen["recommendations"]]
    assert shown == ["Fortalecer la protección consular", "[es] recommendation.2.title"]
    assert frozen["header"]["original_language"] == "es"
    assert "original_language" not in frozen["recommendations"][0]  # hints stay out of the documents


def test_a_record_typed_in_english_is_translated_into_spanish_only(client, auth):
    term = client.post("/api/v1/ppt-terms", json={"country": "PA", "starts_on": "2027-12-01",
                                                   "ends_on": "2028-11-30"}, headers=auth["st_crm"]).json
    client.put(f"/api/v1/ppt-terms/{term['id']}/feedback", json=feedback_body(original_language="en"),
               headers=auth["st_crm"])
    subject = f"ppt_feedback:{term['id']}"
    refused = get(client, auth, subject, "en")
    assert refused.status_code == 422
    assert "language" in refused.json["errors"]["json"]
    into_spanish = get(client, auth, subject, "es")
    assert into_spanish.json["original_language"] == "en"
    assert "feedback.1.text" in keys(into_spanish)
    plan = client.post("/api/v1/work-plans", json=work_plan_body(original_language="en"), headers=auth["st_crm"])
    assert "activity.1.title" in keys(get(client, auth, f"work_plan:{plan.json['id']}", "es"))
    assert get(client, auth, f"work_plan:{plan.json['id']}", "en").status_code == 422


def test_an_instruments_english_title_is_its_final_translation_until_another_is_saved(client, auth):
    grcm = grcm_meeting(client, auth)
    with_english = client.post("/api/v1/instruments", json=instrument_body(), headers=auth["st_crm"]).json
    spanish_only = client.post("/api/v1/instruments", json=instrument_body(
        title_es="Guía de Protección Consular", title_en=None, adopted_on="2017-06-01"), headers=auth["st_crm"]).json
    client.post(f"/api/v1/instruments/{with_english['id']}/monitoring", json=entry_body(original_language="en",
                observations="Border staff were trained."), headers=auth["st_crm"])
    subject = f"monitoring_report:{grcm['id']}"
    items = {i["key"]: i for i in get(client, auth, subject, "en").json["items"]}
    assert items["instrument.1.title"] == {"key": "instrument.1.title", "source": with_english["title_es"],
                                           "target": with_english["title_en"], "state": "final", "stale": False}
    assert (items["instrument.2.title"]["source"], items["instrument.2.title"]["state"]) == (
        spanish_only["title_es"], "missing")
    assert "instrument.1.summary" not in items  # typed in English
    assert "instrument.1.summary" in keys(get(client, auth, subject, "es"))
    assert client.get(f"/api/v1/instruments/{with_english['id']}", headers=auth["st_crm"]).json["title_en"] == \
        with_english["title_en"]  # still readable in the API
    saved = client.put(URL, query_string={"subject": subject, "language": "en"}, headers=auth["st_crm"], json={
        "items": [{"key": "instrument.1.title", "target": "Regional Guidelines (revised)", "state": "draft"}]})
    assert saved.status_code == 200, saved.json
    shown = {i["key"]: i for i in saved.json["items"]}
    assert (shown["instrument.1.title"]["target"], shown["instrument.1.title"]["state"]) == (
        "Regional Guidelines (revised)", "draft")


@pytest.mark.parametrize("original", ["es", "en"])
def test_an_instrument_typed_in_english_shows_its_english_title_as_the_source(client, auth, original):
    grcm = grcm_meeting(client, auth)
    client.post("/api/v1/instruments", json=instrument_body(original_language=original), headers=auth["st_crm"])
    other = "es" if original == "en" else "en"
    [item] = [i for i in get(client, auth, f"monitoring_report:{grcm['id']}", other).json["items"]
              if i["key"] == "instrument.1.title"]
    body = instrument_body()
    assert (item["source"], item["target"], item["state"]) == (
        body[f"title_{original}"], body[f"title_{other}"], "final")


def test_an_activitys_progress_note_is_translated_like_its_title(client, auth):
    body = work_plan_body()
    body["activities"][0].update(progress="in_progress", progress_note="Borrador circulado a las partes.",
                                 progress_on="2026-11-20")
    plan = client.post("/api/v1/work-plans", json=body, headers=auth["st_crm"])
    assert plan.status_code == 201, plan.json
    items = {i["key"]: i for i in get(client, auth, f"work_plan:{plan.json['id']}", "en").json["items"]}
    assert items["activity.1.progress_note"]["source"] == "Borrador circulado a las partes."
