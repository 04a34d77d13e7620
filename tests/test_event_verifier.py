"""The learned verifier of rule events (events/learned.py, stage option ``learned``): the shipped artefact is what
scripts/train_event_verifier.py trains, it rejects events a sentence does not state, and the option only drops."""
from __future__ import annotations

import hashlib
import importlib.util
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from communique.api import process, process_paths
from communique.events.actor_mentions import actor_mentions
from communique.events.learned import (FEATURES, LEARNED_BY_DEFAULT, Verifier, candidate_features, default_verifier,
                                       document_view, model_card, model_path)
from communique.records import RawInput
from communique.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHORT = Settings(min_text_chars=0)
LEARNED = Settings(min_text_chars=0, stage_options={"events": {"learned": True}})

TALKS = {
    "en": "Japanese Prime Minister Fumio Kishida held talks with Indian Prime Minister Narendra Modi in Tokyo on "
          "Monday. The two leaders discussed trade and investment.",
    "es": "El canciller de Chile, Alberto van Klaveren, se reunió el lunes en Santiago con su homólogo de Perú, "
          "Javier González-Olaechea, para conversar sobre comercio.",
    "ru": "Президент Казахстана Касым-Жомарт Токаев провел переговоры с президентом Узбекистана Шавкатом "
          "Мирзиёевым в Ташкенте в понедельник.",
}


def train_script():
    spec = importlib.util.spec_from_file_location("train_event_verifier", ROOT / "scripts" / "train_event_verifier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    loaded = default_verifier()
    assert loaded is not None, "the event verifier artefact is missing"
    return loaded


def rule_article(text: str, name: str):
    (article,) = process([RawInput(path=name, text=text, published="2024-05-13")], settings=SHORT)
    return article


# ------------------------------------------------------------------------------------------------ artefact and card

def test_the_artefact_loads_and_its_card_describes_it(verifier):
    card = model_card()
    assert card["model"] == model_path("event_verifier").name
    assert card["artefact_sha256"] == hashlib.sha256(model_path("event_verifier").read_bytes()).hexdigest()
    assert card["features"] == FEATURES and verifier.weights.shape == (len(FEATURES),)
    assert card["keep"] == pytest.approx(verifier.keep) and 0 <= verifier.keep < 1
    assert np.isfinite(verifier.weights).all() and (verifier.scale > 0).all()
    assert "half A" in card["held_out"] and "PLOVER GSR test half" in card["held_out"]
    assert "stream" in card["data"] and "dev2b" in card["data"]


def test_the_cards_figures_add_up():
    figures = model_card()["figures"]
    for name in ("rules", "verified_out_of_fold"):
        for c in figures[name].values():
            if c["gold"] + c["predicted"]:
                assert c["f1"] == pytest.approx(2 * c["matched"] / (c["gold"] + c["predicted"]), abs=0.001)
    rules, verified = figures["rules"], figures["verified_out_of_fold"]
    assert verified["news"]["f1"] >= rules["news"]["f1"]          # the threshold was chosen for that
    assert verified["plover"]["f1"] >= rules["plover"]["f1"]
    assert verified["stream"]["predicted"] == 0
    assert figures["keep"] == model_card()["keep"]


# ------------------------------------------------------------------------------------------------ behaviour

@pytest.mark.parametrize("language", sorted(TALKS))
def test_the_verifier_keeps_stated_talks_and_rejects_an_attack_no_one_states(verifier, language):
    article = rule_article(TALKS[language], f"talks-{language}")
    talks = [e for e in article.events if e.type == "CONSULT"]
    assert talks, [(e.type, e.source.code, e.target.code) for e in article.events]
    invented = replace(talks[0], type="ASSAULT", mode=None, confidence=0.1, id="invented")
    view = document_view(article, [*talks, invented], actor_mentions(article))
    p = verifier.probabilities(candidate_features(view))
    assert p[0] >= verifier.keep > p[-1]
    assert [e.type for e in verifier.decide(view)] == ["CONSULT"] * len(talks)


def test_the_option_is_off_by_default_and_only_drops_events():
    assert LEARNED_BY_DEFAULT is False and "learned" not in Settings().options("events")
    from communique.samples import gold_path

    paths = sorted((gold_path().parent / "articles").glob("*.txt"))[:4]
    rules, learned = (list(process_paths(paths, settings=s)) for s in (SHORT, LEARNED))
    for a, b in zip(rules, learned):
        kept = [(e.type, e.source.code, e.target.code, e.sentence) for e in b.events]
        stated = [(e.type, e.source.code, e.target.code, e.sentence) for e in a.events]
        assert set(kept) <= set(stated)
        assert [e.id for e in b.events] == [f"ev{n}" for n in range(1, len(b.events) + 1)]


def test_settings_check_the_option():
    from communique.settings import stage_option_problems

    assert stage_option_problems({"events": {"learned": True}}, ()) == []
    assert stage_option_problems({"events": {"learned": "yes"}}, ())


# ------------------------------------------------------------------------------------------------ training

def test_training_is_deterministic_and_learns_a_tiny_fixture(tmp_path):
    script = train_script()
    rng = np.random.default_rng(7)
    x = rng.standard_normal((60, len(FEATURES))).astype(np.float32)
    y = (x[:, 0] + 0.5 * x[:, 3] > 0).astype(np.float64)
    w = np.ones(len(y))
    first, second = script.train(x, y, w, l2=0.01), script.train(x, y, w, l2=0.01)
    for a, b in zip(first, second):
        assert np.array_equal(a, b)
    model = Verifier(*first, keep=0.5)
    assert ((model.probabilities(x) >= 0.5) == (y == 1)).mean() >= 0.9
    model.save(tmp_path / "v.npz", {"model": "v.npz"})
    again = Verifier.load(tmp_path / "v.npz")
    assert np.allclose(again.probabilities(x), model.probabilities(x), atol=1e-6)


def test_candidates_are_labelled_as_the_scorer_matches():
    script = train_script()
    article = rule_article(TALKS["en"], "talks-label")
    (event,) = [e for e in article.events if e.type == "CONSULT"][:1]
    s, t = event.source.code, event.target.code
    assert script.gold_label(event, [{"types": ["CONSULT"], "source": s, "target": t}])
    assert script.gold_label(event, [{"types": ["CONSULT", "AGREE"], "source": t, "target": s, "pair": True}])
    assert not script.gold_label(event, [{"types": ["CONSULT"], "source": t, "target": s}])
    assert not script.gold_label(event, [{"types": ["AGREE"], "source": s, "target": t}])
