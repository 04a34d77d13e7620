"""Stage `events`: trigger data files, document-level merging, the actor adapter and the stage on real text.
Per-language sentence tables are in tests/test_events_lang.py."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from communique.datafiles import language_data
from communique.events.actor_mentions import ActorMention, actor_mentions
from communique.events.extraction import EventsStage
from communique.events.merge import Candidate, merge
from communique.events.rules import plover_types
from communique.lexicon import Frame, lexicon
from communique.nlp.models import parse_sentences
from communique.nlp.sentences import split_sentences
from communique.records import EVENT_STATUSES, EVENT_TYPES, Article, Sentence
from communique.settings import Settings

LANGUAGES = ("en", "es", "ru")
FRAME_FIELDS = set(Frame.__dataclass_fields__)


# ------------------------------------------------------------------------------------------------ data files

def test_plover_codebook_has_every_type_with_modes():
    types = plover_types()
    assert set(types) == set(EVENT_TYPES)
    assert {"visit", "host", "phone", "talks"} <= set(types["CONSULT"]["modes"])
    assert all(t["description"] for t in types.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_trigger_files_are_valid(language):
    raw = language_data(language, "events")
    for group in ("verbs", "nouns"):
        for lemma, spec in raw[group].items():
            for frame in spec if isinstance(spec, list) else [spec]:
                assert set(frame) <= FRAME_FIELDS, (lemma, set(frame) - FRAME_FIELDS)
                assert frame["type"] in EVENT_TYPES or frame["type"] == "NONE", lemma   # NONE: a sense naming no act
    lex = lexicon(language)
    assert lex is not None
    for key in ("target_preps", "source_preps", "pair_preps", "speech_verbs", "pronoun_subjects", "light_verbs"):
        assert lex.words("roles", key), key
    for key in ("planned_lemmas", "negation", "hypothetical"):
        assert lex.words("status", key), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_covers_the_diplomatic_core(language):
    lex = lexicon(language)
    types = {f.type for frames in (*lex.verbs.values(), *lex.nouns.values()) for f in frames}
    assert {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "SANCTION", "ASSAULT",
            "AID", "THREATEN"} <= types
    modes = {f.mode for frames in (*lex.verbs.values(), *lex.nouns.values()) for f in frames if f.type == "CONSULT"}
    assert {"visit", "host", "talks", "meeting", "phone"} <= modes


def test_unknown_language_has_no_lexicon():
    assert lexicon("xx") is None


# ------------------------------------------------------------------------------------------------ merging

def mention(code: str, sentence: int = 0) -> ActorMention:
    return ActorMention(sentence, 0, 3, code, code)


def candidate(type_: str, source: str, target: str, mutual: bool, confidence: float = 0.9, sentence: int = 0,
              status: str = "occurred") -> Candidate:
    return Candidate(type_, Frame(type_, mutual=mutual), mention(source), mention(target), sentence, 0,
                     confidence, status, mutual)


def test_merge_keeps_one_event_per_pair_type_and_status():
    merged = merge([candidate("CONSULT", "KAZ", "RUS", True, 0.6, 0), candidate("CONSULT", "RUS", "KAZ", True, 0.9, 3)])
    assert len(merged) == 1 and merged[0].confidence == 0.9


def test_merge_prefers_a_directed_reading_and_keeps_both_directions():
    merged = merge([candidate("CONSULT", "KAZ", "RUS", True), candidate("CONSULT", "KAZ", "RUS", False, 0.5),
                    candidate("CONSULT", "RUS", "KAZ", False, 0.5, 4)])
    assert {(c.source.code, c.target.code, c.mutual) for c in merged} == {("KAZ", "RUS", False), ("RUS", "KAZ", False)}


def test_merge_keeps_kinds_of_one_type_apart_but_one_per_sentence():
    def kinded(kind: str, sentence: int, confidence: float = 0.9) -> Candidate:
        return Candidate("COOPERATE", Frame("COOPERATE", mutual=True, kind=kind), mention("KAZ"), mention("ARG"),
                         sentence, 0, confidence, "occurred", True)

    merged = merge([kinded("relations", 1), kinded("mission", 4), kinded("mission", 6, 0.5)])
    assert sorted((c.frame.kind, c.sentence) for c in merged) == [("mission", 4), ("relations", 1)]
    same_sentence = merge([kinded("mission", 2, 0.6), kinded("", 2, 0.9)])
    assert [(c.frame.kind, c.confidence) for c in same_sentence] == [("", 0.9)]


def test_merge_keeps_the_sentences_it_merges_away_as_further_evidence():
    merged = merge([candidate("CONSULT", "KAZ", "ARG", False, 0.9, 0), candidate("CONSULT", "KAZ", "ARG", True, 0.6, 5),
                    candidate("CONSULT", "KAZ", "ARG", False, 0.5, 8), candidate("CONSULT", "ARG", "KAZ", False, 0.7, 2)])
    by_direction = {(c.source.code, c.target.code): (c.sentence, sorted(c.also)) for c in merged}
    assert by_direction == {("KAZ", "ARG"): (0, [5, 8]), ("ARG", "KAZ"): (2, [])}


def test_an_event_stated_twice_in_a_document_carries_both_sentences(settings):
    import communique

    text = ("ASTANA, May 14 (Kazinform) - Kazakh Foreign Minister Murat Nurtleu visited Argentina on Monday. "
            "He met with Argentine President Javier Milei at the Casa Rosada.")
    (event,) = [e for e in communique.extract(text, published="2024-05-14")["events"] if e["type"] == "CONSULT"]
    assert event["evidence"]["text"].startswith("ASTANA")
    assert [s["text"] for s in event["also_evidence"]] == [
        "He met with Argentine President Javier Milei at the Casa Rosada."]
    (also,) = event["also_evidence"]
    assert text[also["start"]:also["end"]] == also["text"]


def test_merge_keeps_planned_and_occurred_apart():
    merged = merge([candidate("AGREE", "KAZ", "RUS", True), candidate("AGREE", "KAZ", "RUS", True, status="planned")])
    assert sorted(c.status for c in merged) == ["occurred", "planned"]


# ------------------------------------------------------------------------------------------------ actors

def parsed(text: str, language: str) -> Article:
    article = Article(text=text, language=language)
    for start, end in split_sentences(text, language):
        article.sentences.append(Sentence(start, end, text[start:end], language))
    parse_sentences(article.sentences, text)
    return article


def test_actor_mentions_come_coded_from_the_entities_stage():
    from communique.actors.entities import EntitiesStage

    article = parsed("El presidente kazajo viajó a Moscú para reunirse con Vladímir Putin.", "es")
    EntitiesStage(Settings())([article])
    codes = {m.code for ms in actor_mentions(article).values() for m in ms}
    assert {"KAZ", "RUS"} <= codes and None not in codes


def test_actor_mentions_group_by_sentence():
    article = parsed("Tokayev visited Moscow. Putin met him.", "en")
    from communique.actors.entities import EntitiesStage
    EntitiesStage(Settings())([article])
    grouped = actor_mentions(article)
    assert set(grouped) <= {0, 1} and all(m.sentence == i for i, ms in grouped.items() for m in ms)


# ------------------------------------------------------------------------------------------------ the stage

def test_stage_on_an_unknown_language_gives_no_events_and_stays_picklable():
    article = Article(text="Tokayev a visité Moscou.", language="fr")
    article.sentences.append(Sentence(0, len(article.text), article.text, "fr"))
    stage = pickle.loads(pickle.dumps(EventsStage(Settings())))
    stage([article])
    assert not article.failed and article.events == []


def test_stage_versions_and_statuses(sample_articles):
    for article in sample_articles:
        assert article.stages.get("events") == EventsStage.version
        for event in article.events:
            assert event.type in EVENT_TYPES and event.status in EVENT_STATUSES
            assert event.source.code != event.target.code


def test_min_confidence_option_filters():
    from communique.actors.entities import EntitiesStage
    text = "Kazakhstan is seeking new perspectives for cooperation with Latin America via a series of visits to Paraguay."
    strict = parsed(text, "en")
    EntitiesStage(Settings())([strict])
    EventsStage(Settings(stage_options={"events": {"min_confidence": 0.95}}))([strict])
    assert strict.events == []


def test_sample_corpus_scores_above_baseline(sample_records, sample_gold):
    """Event F1 over the bundled sample corpus stays far above the co-occurrence baseline (0.42)."""
    import importlib.util
    import sys

    score_py = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"
    if not score_py.exists():
        pytest.skip("score.py not available")
    spec = importlib.util.spec_from_file_location("score", score_py)
    score = importlib.util.module_from_spec(spec)
    sys.modules["score"] = score
    spec.loader.exec_module(score)
    hits = gold_n = pred_n = 0
    for rec in sample_records:
        name = Path(str(rec["source"]["path"])).name
        if name not in sample_gold or "events" not in rec:
            continue
        gold = sample_gold[name]["events"]
        hits += len(score.match_events(gold, rec["events"]))
        gold_n += len(gold)
        pred_n += len(rec["events"])
    if not gold_n:
        pytest.skip("no sample gold yet")
    precision, recall = hits / max(pred_n, 1), hits / gold_n
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    assert f1 > 0.5, (precision, recall)
