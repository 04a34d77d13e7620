"""The learned per-(actor pair, sentence) event typer (events/typer.py, stage option ``typer``): the shipped
artefact and its card agree, every two-actor sentence gives both ordered pairs with their structure, the decision
drops and adds as its thresholds say, and the option (off by default) runs in the stage."""
from __future__ import annotations

import hashlib
from types import SimpleNamespace

import numpy as np
import pytest

from communique.api import process
from communique.events.actor_mentions import actor_mentions
from communique.events.typer import (SINDEX, STRUCTURE, TYPER_BY_DEFAULT, TYPES, PairSentence, Typer, decide,
                                     default_typer, model_card, model_path, pair_examples)
from communique.records import RawInput
from communique.settings import Settings, stage_option_problems

SHORT = Settings(min_text_chars=0)
TYPER = Settings(min_text_chars=0, stage_options={"events": {"typer": True}})

# a meeting between two states, in each language (written for this test)
MEETING = {
    "en": "The foreign minister of Chile met the foreign minister of Peru in Lima on Tuesday to discuss trade.",
    "es": "El canciller de Colombia se reunió el martes en Quito con su homólogo de Ecuador para hablar de comercio.",
    "ru": "Министр иностранных дел Казахстана во вторник встретился в Ташкенте с министром иностранных дел "
          "Узбекистана.",
}


def read(text: str, language: str, settings: Settings = SHORT):
    (article,) = process([RawInput(path=f"{language}-typer.txt", text=text, published="2025-03-11")],
                         settings=settings)
    return article


def test_the_artefact_loads_and_its_card_describes_it():
    typer = default_typer()
    assert typer is not None, "the event typer artefact is missing"
    card = model_card()
    assert card["model"] == model_path("event_typer").name
    assert card["artefact_sha256"] == hashlib.sha256(model_path("event_typer").read_bytes()).hexdigest()
    assert card["structure"] == STRUCTURE
    assert typer.weights.shape[1] == len(TYPES)
    assert typer.weights.shape[0] == len(STRUCTURE) + (512 if card["training"]["vectors"] else 0)
    assert card["thresholds"] == {"drop": pytest.approx(typer.drop), "add": pytest.approx(typer.add),
                                  "further": pytest.approx(typer.further)}
    assert "dev2b" in card["training"]["never_trained_on"] and "dev2b" not in card["training"]["sets"]
    assert set(card["out_of_fold"]["rules"]) >= {"dev9", "dev6", "dev7", "dev4", "dev2a", "dev11", "dev12", "dev13",
                                                 "dev2b", "stream"}
    assert [row["sets"] for row in card["learning_curve"]] == list(range(1, len(card["training"]["sets"])))


def test_the_option_is_off_by_default_and_known():
    assert TYPER_BY_DEFAULT is False and "typer" not in Settings().options("events")
    assert stage_option_problems({"events": {"typer": True}}, ()) == []
    assert stage_option_problems({"events": {"typer": "yes"}}, ())


@pytest.mark.parametrize("language", sorted(MEETING))
def test_a_two_actor_sentence_gives_both_ordered_pairs(language):
    article = read(MEETING[language], language)
    examples, structure, needed = pair_examples(article, list(article.events), actor_mentions(article))
    pairs = {(ex.source, ex.target) for ex in examples}
    assert len(pairs) >= 2 and all((t, s) in pairs for s, t in pairs)
    assert structure.shape == (len(examples), len(STRUCTURE)) and needed == [ex.sentence for ex in examples]
    assert all(row[SINDEX[f"lang:{language}"]] == 1 for row in structure)
    # the rules' meeting is a feature of the pair in its sentence
    consult = [e for e in article.events if e.type == "CONSULT"]
    assert consult, f"the rules found no meeting in {MEETING[language]!r}"
    e = consult[0]
    row = next(r for ex, r in zip(examples, structure) if (ex.source, ex.target) == (e.source.code, e.target.code))
    assert row[SINDEX["rule:CONSULT"]] == 1 and row[SINDEX["rule_any"]] == 1


def fake_event(event_type, source, target, sentence=0):
    return SimpleNamespace(type=event_type, source=SimpleNamespace(code=source), target=SimpleNamespace(code=target),
                           sentence=sentence, also=[])


def test_decide_drops_unlikely_rule_events_and_adds_one_event_per_new_pair():
    article = SimpleNamespace(sentences=[SimpleNamespace(start=0, end=10)])
    examples = [PairSentence(0, "AAA", "BBB"), PairSentence(0, "BBB", "AAA"), PairSentence(0, "AAA", "CCC")]
    p = np.zeros((3, len(TYPES)), dtype=np.float32)
    p[0, TYPES.index("ACCUSE")] = 0.01          # the rules' ACCUSE the model rejects
    p[2, TYPES.index("AGREE")] = 0.95           # a new pair, two likely types: the likelier one only
    p[2, TYPES.index("CONSULT")] = 0.9
    rules = [fake_event("ACCUSE", "AAA", "BBB"), fake_event("PROTEST", "AAA", "ZZZ")]
    make = lambda t, s, g, i, v: fake_event(t, s, g, i)         # noqa: E731
    kept = decide(article, rules, examples, p, drop=0.05, add=0.8, make=make)
    assert [(e.type, e.source.code, e.target.code) for e in kept] == [("PROTEST", "AAA", "ZZZ"),
                                                                       ("AGREE", "AAA", "CCC")]
    assert decide(article, rules, examples, p, drop=0.0, add=2.0, make=make) == rules


def test_decide_adds_a_further_type_of_a_rule_pair_unless_the_gold_gives_it_with_a_rule_type_there():
    article = SimpleNamespace(sentences=[SimpleNamespace(start=0, end=10), SimpleNamespace(start=10, end=20)])
    examples = [PairSentence(0, "AAA", "BBB"), PairSentence(0, "BBB", "AAA"), PairSentence(1, "AAA", "BBB")]
    p = np.zeros((3, len(TYPES)), dtype=np.float32)
    p[0, TYPES.index("PROTEST")] = 0.97         # the co-type of the rules' ACCUSE in its own sentence
    p[1, TYPES.index("REQUEST")] = 0.9          # a further act of the pair, the other way
    p[2, TYPES.index("PROTEST")] = 0.8          # a protest in another sentence
    rules = [fake_event("ACCUSE", "AAA", "BBB", 0)]
    make = lambda t, s, g, i, v: fake_event(t, s, g, i)         # noqa: E731
    together = frozenset({frozenset(("ACCUSE", "PROTEST"))})
    found = lambda events: [(e.type, e.source.code, e.target.code, e.sentence) for e in events]   # noqa: E731
    # one further event per pair, the likeliest: without the co-types, the restated protest
    assert found(decide(article, rules, examples, p, 0.0, 2.0, make, 0.85)) == [("ACCUSE", "AAA", "BBB", 0),
                                                                                ("PROTEST", "AAA", "BBB", 0)]
    assert found(decide(article, rules, examples, p, 0.0, 2.0, make, 0.85, together)) == [
        ("ACCUSE", "AAA", "BBB", 0), ("REQUEST", "BBB", "AAA", 0)]
    assert found(decide(article, rules, examples, p, 0.0, 2.0, make, 0.95, together)) == [("ACCUSE", "AAA", "BBB", 0)]
    # with the document as scope, the protest in the other sentence restates the rules' accusation too
    p[1, TYPES.index("REQUEST")] = 0.0
    assert found(decide(article, rules, examples, p, 0.0, 2.0, make, 0.75, together)) == [
        ("ACCUSE", "AAA", "BBB", 0), ("PROTEST", "AAA", "BBB", 1)]
    assert found(decide(article, rules, examples, p, 0.0, 2.0, make, 0.75, together, "document")) == [
        ("ACCUSE", "AAA", "BBB", 0)]


def test_the_typer_keeps_its_thresholds_and_co_types(tmp_path):
    weights = np.zeros((len(STRUCTURE), len(TYPES)), np.float32)
    typer = Typer(np.zeros(len(STRUCTURE), np.float32), np.ones(len(STRUCTURE), np.float32), weights,
                  np.zeros(len(TYPES), np.float32), 0.05, 2.0, 0.7, frozenset({frozenset(("AGREE", "COOPERATE"))}))
    path = tmp_path / "typer.npz"
    typer.save(path, {"model": path.name})
    again = Typer.load(path)
    assert (again.drop, again.add, again.further) == pytest.approx((0.05, 2.0, 0.7))
    assert again.together == typer.together


@pytest.mark.parametrize("vectors", [0, 512])
def test_the_probabilities_are_a_logistic_regression_per_type(vectors):
    weights = np.zeros((vectors + len(STRUCTURE), len(TYPES)), np.float32)
    weights[vectors + SINDEX["rule:AGREE"], TYPES.index("AGREE")] = 2.0
    typer = Typer(np.zeros(len(STRUCTURE), np.float32), np.ones(len(STRUCTURE), np.float32), weights,
                  np.zeros(len(TYPES), np.float32), 0, 2)
    assert typer.reads_vectors == bool(vectors)
    structure = np.zeros((2, len(STRUCTURE)), np.float32)
    structure[1, SINDEX["rule:AGREE"]] = 1
    p = typer.probabilities(np.zeros((2, 512), np.float32) if vectors else None, structure)
    assert p.shape == (2, len(TYPES)) and np.allclose(p[0], 0.5)
    assert p[1, TYPES.index("AGREE")] == pytest.approx(1 / (1 + np.exp(-2.0)))


@pytest.mark.parametrize("language", sorted(MEETING))
def test_the_option_runs_in_the_stage(language):
    events = read(MEETING[language], language, TYPER).events
    assert [e.id for e in events] == [f"ev{n}" for n in range(1, len(events) + 1)]
    assert any(e.type == "CONSULT" for e in events)
