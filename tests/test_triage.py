"""The triage: articles that cannot state an event between states skip the models, and no event is lost to it."""
from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import shared_path

import communique
from communique import Settings
from communique.actors.triage import NO_TWO_ACTORS, candidate_sentences, sentence_codes
from communique.evaluate import match_events
from communique.nlp.sentences import NO_EVENT_WORD
from communique.pipeline import Pipeline
from communique.records import RawInput, Sentence
from communique.samples import articles_dir, gold_path

SPORT = ("LEEDS, 14 March – Leeds United came from behind to beat Millwall 3-1 at Elland Road on Saturday, with two "
         "late goals from their captain. The manager said the players showed great character in the second half. "
         "Millwall remain ninth in the table after a third defeat in a row.")
MARKETS = ("Copper exports from Chile to the Netherlands rose 5% in March, the statistics office said on Monday. "
           "Prices of the metal were flat in London trading.")
DIPLOMACY = ("ASTANA, May 14 (Kazinform) – President of Kazakhstan Kassym-Jomart Tokayev met with Brazilian President "
             "Luiz Inácio Lula da Silva in Brasilia on Tuesday. The two leaders signed an agreement on cooperation.")


def sentence(text: str, language: str = "en") -> Sentence:
    return Sentence(0, len(text), text, language)


@pytest.fixture(scope="module")
def triaged():
    inputs = [RawInput(path=name, text=text, published="2024-03-16")
              for name, text in (("sport", SPORT), ("markets", MARKETS), ("diplomacy", DIPLOMACY))]
    return {a.path: a for a in Pipeline(Settings()).run(inputs)}


def test_candidates_are_sentences_naming_two_actors_with_the_one_before():
    codes = [frozenset({"KAZ"}), frozenset(), frozenset({"ARG"}), frozenset({"ARG", "KAZ"}), frozenset({"CHL"})]
    assert candidate_sentences(codes) == [3, 4]            # the empty sentence breaks KAZ ... ARG; ARG+KAZ, then CHL
    assert candidate_sentences(codes, look_back=2) == [2, 3, 4]
    assert candidate_sentences([frozenset({"RUS"}), frozenset({"RUS"})]) == []


def test_sentence_codes_read_states_people_and_places_without_a_model():
    assert sentence_codes(sentence("Kazakh President Tokayev met his Argentine counterpart in Buenos Aires.")) \
        == {"KAZ", "ARG"}
    assert sentence_codes(sentence("Лавров провёл переговоры с Блинкеном.", "ru")) >= {"RUS", "USA"}
    assert sentence_codes(sentence("El canciller se reunió con el secretario general de la OEA.", "es")) == {"OAS"}
    assert sentence_codes(sentence("The Wildcats beat the Tigers 3-1 on Saturday.")) == frozenset()


def test_people_the_knowledge_base_learned_count_by_their_surname():
    from communique.actors.triage import LearnedSurnames

    learned = LearnedSurnames({"Alibek Bakayev": [["deputy foreign minister", "KAZ", "GOV", "2019-01-01",
                                                   "2019-06-01", 2]]})
    text = "Bakayev met the ambassador of Chile."
    assert sentence_codes(sentence(text)) == {"CHL"}
    assert sentence_codes(sentence(text), learned) == {"CHL", "KAZ"}


def test_an_article_naming_no_two_states_is_skipped_before_the_models(triaged):
    sport = triaged["sport"]
    assert sport.skipped and sport.triage.reason == NO_TWO_ACTORS
    assert sport.sentences and all(not s.tokens and not s.ner for s in sport.sentences)
    assert not sport.events and sport.language == "en" and sport.published == "2024-03-16"


def test_an_article_whose_two_states_meet_no_event_word_is_skipped_after_tagging_them(triaged):
    markets = triaged["markets"]
    assert markets.skipped and markets.triage.reason == NO_EVENT_WORD
    assert markets.triage.candidates == [0, 1]          # London (GBR) with Chile and the Netherlands just before
    assert all(not s.tokens for s in markets.sentences)           # the candidate's tags are not kept
    assert {e.code for e in markets.entities if e.type == "COUNTRY"} == {"CHL", "NLD"}   # the gazetteer's entities


def test_a_skipped_article_keeps_its_record_and_says_why(triaged, schema):
    record = triaged["markets"].to_record()
    jsonschema.validate(record, schema)
    assert record["triage"] == {"skipped": True, "reason": NO_EVENT_WORD}
    assert record["language"] == "en" and record["events"] == [] and record["pipeline"]["parse"]
    assert [e["code"] for e in record["entities"] if e["type"] == "COUNTRY"] == ["CHL", "NLD"]
    assert "triage" not in triaged["diplomacy"].to_record()


def test_an_analysed_article_gets_the_record_it_gets_without_the_triage(triaged):
    diplomacy = triaged["diplomacy"]
    assert not diplomacy.skipped and diplomacy.events
    [without] = Pipeline(Settings(triage=False)).run([RawInput(path="diplomacy", text=DIPLOMACY,
                                                               published="2024-03-16")])
    assert diplomacy.to_record() == without.to_record()


def test_with_the_classifier_fallback_two_actors_are_enough():
    options = {"events": {"classifier_fallback": True}}
    pipeline = Pipeline(Settings(pipeline=("read", "clean", "language", "sentences", "triage"), stage_options=options))
    [markets] = pipeline.run([RawInput(path="markets", text=MARKETS)])
    assert not markets.skipped and markets.triage.candidates == []      # analysed whole, no event word needed


# --- no event lost: triage on and off at the same code --------------------------------------------------------

def _corpus(name: str):
    """(gold documents, input paths): the gold's documents where there is a gold file, else every text."""
    folder = articles_dir() if name == "sample" else shared_path(name)
    gold_file = gold_path() if name == "sample" else folder / "gold.json"
    if not gold_file.exists():
        return {}, sorted(folder.glob("*.txt"))
    gold = json.loads(gold_file.read_text(encoding="utf-8"))["docs"]
    return gold, [folder / doc for doc in gold]


@pytest.mark.parametrize("name", ["sample", "seeds", "dev-articles", "dev-articles-2", "stream"])
def test_no_event_is_lost_to_the_triage(name):
    """Every gold event found without the triage is found with it; an analysed article has the events it has without
    the triage, and on the gold corpora its whole record (the models read the sentences near the candidates: on
    ordinary news a person only the NER finds, or a quote's speaker, far from them may be missing); a skipped one
    had no event to lose. The stream (ordinary news, no gold) is where most articles are skipped."""
    gold, paths = _corpus(name)
    assert paths
    on = {a.path: a.to_record() for a in communique.process_paths(paths, settings=Settings())}
    off = {a.path: a.to_record() for a in communique.process_paths(paths, settings=Settings(triage=False))}
    assert on.keys() == off.keys()
    for path, record in on.items():
        if "triage" in record:
            assert off[path]["events"] == [], (path, record["triage"], off[path]["events"][:2])
        elif gold:
            assert record == off[path], path
        else:
            assert record["events"] == off[path]["events"], path
    for (doc, g), path in zip(gold.items(), on):
        found_off = {gi for gi, _ in match_events(g.get("events", []), off[path]["events"])}
        found_on = {gi for gi, _ in match_events(g.get("events", []), on[path]["events"])}
        assert found_off <= found_on, (doc, found_off - found_on)
    if name == "stream":
        assert sum("triage" in r for r in on.values()) > len(on) / 2      # ordinary news: most are not analysed


def test_the_models_read_the_sentences_near_the_candidates_of_an_analysed_article():
    filler = " ".join(f"The stadium hosted concert number {n} of the season." for n in range(6))
    text = DIPLOMACY + " " + filler + " Fans sang along until midnight."
    settings = Settings()
    [article] = Pipeline(settings).run([RawInput(path="long", text=text, published="2024-03-16")])
    assert not article.skipped and article.events
    tagged = [i for i, s in enumerate(article.sentences) if s.tokens]
    window = 2
    last = max(article.triage.candidates) + window
    assert tagged == list(range(last + 1)) and len(article.sentences) > last + 1
    [whole] = Pipeline(Settings(stage_options={"triage": {"window": 1000}})).run(
        [RawInput(path="long", text=text, published="2024-03-16")])
    assert all(s.tokens for s in whole.sentences) and whole.to_record()["events"] == article.to_record()["events"]


# --- which candidate can state an event: the events stage's own reading of a trigger -------------------------

def _may_state_event(text: str, language: str) -> bool:
    from communique.nlp.models import ModelPass, single_threaded_math
    from communique.nlp.sentences import may_state_event

    s = sentence(text, language)
    with single_threaded_math():
        run = ModelPass()
        run.tag([s])
        return may_state_event(s, run.tagged_words()[id(s)])


@pytest.mark.parametrize("language, text, expected", [
    ("en", "According to figures from Canada, exports of grain to Mexico rose by a tenth.", False),
    ("en", "Peru beat Uruguay 2-0 in the quarter-final of the tournament on Sunday.", False),
    ("en", "Serena Williams of the United States won the Australian Open against a player from France.", False),
    ("en", "The keeper from Ghana stopped a shot from Nigeria before his side broke away to score.", False),
    ("en", "Canada signed a fisheries agreement with Mexico on Tuesday.", True),
    ("es", "De acuerdo con las cifras de Chile, las ventas de vino a Perú subieron un 4%.", False),
    ("es", "Los jugadores de Uruguay atacaron a Paraguay en la semifinal del torneo.", False),
    ("es", "Sin embargo, las ventas de vino de Chile a Perú subieron un 4%.", False),
    ("es", "La caída de las ventas a Chile se debe a la sequía en Argentina.", False),
    ("es", "Chile debe pagar la deuda a Argentina antes de marzo.", True),
    ("es", "Chile y Perú firmaron un acuerdo de cooperación pesquera.", True),
    ("ru", "По приглашению музея из Казахстана в Китае открылась выставка ковров.", False),
    ("ru", "Нападающие сборной Канады атаковали ворота Финляндии в полуфинале чемпионата мира.", False),
    ("ru", "Россия и Китай подписали соглашение о сотрудничестве.", True),
])
def test_a_candidate_holds_an_event_word_only_where_the_events_stage_reads_a_trigger(language, text, expected):
    """Idioms ("according to"), sport and markets, and words in other senses than a trigger's part of speech pass
    no article to the models: the events stage would find nothing there."""
    assert _may_state_event(text, language) is expected
