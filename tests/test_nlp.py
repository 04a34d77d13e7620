"""The neutral parse: spaCy (en, es) and natasha (ru) give tokens and NER spans with exact document offsets."""
from __future__ import annotations

import pytest

from communique.nlp import parse_sentences, russian_lemma
from communique.records import Sentence

CASES = [
    ("en", "The deputy foreign minister will travel on Thursday to Cuba.", "travel", "nsubj"),
    ("es", "El presidente kazajo viajará el martes a París.", "viajar", "nsubj"),
    ("ru", "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву.", "прибыть", "nsubj"),
]


@pytest.mark.parametrize("language,text,root_lemma,subject_dep", CASES)
def test_parse_gives_offsets_lemmas_and_dependencies(language, text, root_lemma, subject_dep):
    prefix = "Headline line.\n"
    full = prefix + text
    sentence = Sentence(len(prefix), len(full), text, language)
    parse_sentences([sentence], full)
    assert sentence.parsed
    for tok in sentence.tokens:
        assert full[tok.start:tok.end] == tok.text
        assert 0 <= tok.head < len(sentence.tokens)
    roots = [t for t in sentence.tokens if t.head == t.i]
    assert [t.lemma for t in roots] == [root_lemma]
    assert any(t.dep == subject_dep and t.head == roots[0].i for t in sentence.tokens)
    for span in sentence.ner:
        assert full[span.start:span.end] == span.text


def test_russian_ner_gives_normal_forms():
    text = "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву."
    sentence = Sentence(0, len(text), text, "ru")
    parse_sentences([sentence], text)
    found = {(s.label, s.normal) for s in sentence.ner}
    assert {("PER", "Касым-Жомарт Токаев"), ("LOC", "Москва"), ("LOC", "Казахстан")} <= found


def test_russian_lemmas():
    assert russian_lemma("Казахстана") == "казахстан"
    assert russian_lemma("России") == "россия"


def test_a_language_without_a_model_still_gets_tokens():
    text = "Kazakhstan ja Suomi allekirjoittivat sopimuksen."
    sentence = Sentence(0, len(text), text, "fi")
    parse_sentences([sentence], text)
    assert not sentence.parsed and [t.text for t in sentence.tokens][:2] == ["Kazakhstan", "ja"]
