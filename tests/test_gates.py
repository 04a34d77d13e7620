"""Gates skip only the searches that would find nothing: `PatternSet.any` answers as searching every pattern."""
from __future__ import annotations

import re
import string
import sys

from communique.reading.clean import junk_data
from communique.reading.gates import DIGIT, PatternSet, anchored, first_characters, fold, gate, required_cues


def test_fold_equates_whatever_ignorecase_equates():
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    letters = string.ascii_letters + string.digits + "áéíóúñüÁÉÍÓÚÑÜ" + "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" \
        + "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ" + "©@°/+|()σβµ"
    for letter in letters:
        for same in re.findall(re.escape(letter), everything, re.IGNORECASE):
            assert fold(same) == fold(letter), (letter, same)
    assert fold("ſtate İstanbul ᲂкно") == "state istanbul окно"


def test_a_gate_is_what_every_match_holds():
    assert required_cues(re.compile(r"©"), {}, 1) == {"=©"}
    assert gate(re.compile(r"\bcookies?\b.{0,99}\b(accept|use)")).words == ("cookie",)
    assert gate(re.compile(r"(\+\s?\d{1,3}|(?<![\d.,])8)[\s\-]?\d{3}")).digit
    assert gate(re.compile(r"\b(?:foto|photo)\s*:", re.IGNORECASE)).words in (("foto", "photo"), ("photo", "foto"))
    assert gate(re.compile(r"(?:\d+)?\s*")) is None
    assert DIGIT == "digit"
    assert anchored(re.compile(r"^(home|news)$")) and not anchored(re.compile(r"^home|news$"))
    assert not anchored(re.compile(r"^home", re.MULTILINE)) and not anchored(re.compile(r"\bhome"))


def test_pattern_set_answers_as_every_pattern_searched(sample_articles):
    data = junk_data(("en", "es", "ru"))
    lines = ["Subscribe to our Telegram channel", "Все права защищены. Перепечатка запрещена.",
             "The ministers met on Tuesday to discuss trade and the border, officials said.",
             "Foto: Archivo", "© 2024 Reuters", "Follow @diplomat_news", "+7 (700) 123-45-67",
             "ЧИТАЙТЕ ТАКЖЕ:", "Photo credit: Jane Roe", "We use COOKIES to improve your experience",
             "Мы используем файлы cookie", "ſubscribe", "El canciller llegó a Lima el 3 de mayo.", "",
             "1. Main 2. World", "logo", "Read more", "<img src='a.jpg'> The talks ended.",
             "Nachrichten über Politik und Wirtschaft", "İSTANBUL (AP) — Talks resumed.",
             # first characters of every kind: the anchored rules are tried by the text's first character
             "Copyright 2024 Agencia", "  copyright", "COPYRIGHT", "Advertisement", "ADVERTISEMENT:", "ad",
             "photo: AP", "PHOTO / Reuters", "5 min read", "12 comments", "https://example.com/a-b", "www.example.org",
             "image.jpeg", "foto-2024-06-01", "Share this article", "By Jane Roe", "Por Ana María Pérez", "by jane",
             "\u212aeep reading", "ſhare", "Tags: trade", "(photo)", "«Foto»", "— Reuters", "related", "x"]
    lines += [line for a in sample_articles for line in (a.raw_text or a.text).splitlines()]
    patterns = [p for rule in data.rules for p in rule.patterns] + list(data.inline)
    for group in (tuple(patterns), data.inline, tuple(p for r in data.rules if r.zone == "any" for p in r.patterns)):
        found = PatternSet(group)
        for line in lines:
            assert found.any(line) == any(p.search(line) for p in group), line


def test_the_characters_a_match_begins_with():
    assert first_characters(re.compile(r"^(ap|afp|reuters)\b", re.IGNORECASE)) == {"a", "r"}
    assert first_characters(re.compile(r"^(?=\d)[A-C]x")) == {"a", "b", "c"}
    assert first_characters(re.compile(r"^\s*copyright")) is None           # may begin with a space
    assert first_characters(re.compile(r"^(tags?|\w+ by)\s*:")) is None    # \w: any letter
    assert first_characters(re.compile(r"^(x)?$")) is None                  # may be empty
    assert first_characters(re.compile(r"^Kelvin", re.IGNORECASE)) == {fold("\u212a")}


def test_searching_only_where_a_match_can_start_finds_what_finditer_finds(sample_articles):
    from communique.reading.gates import finditer_at, regex_starts, word_starts
    from communique.reading.metadata import _signature_patterns

    name_then_cue, names, cue_then_name, cues = _signature_patterns(("en", "es", "ru"))
    texts = ["Talks ended, Tengrinews reports. xTASS reports nothing; RIA Novosti reported",
             "По данным, передает Казинформ. СООБЩАЕТ ТАСС и пишет РИА Новости", "Informa EFE desde Lima.",
             "Join Kazinform's Telegram. Subscribe to  «Sputnik»", "İnforma EFE; ſubscribe to TASS"]
    texts += [a.raw_text or a.text for a in sample_articles]
    for text in texts:
        assert [m.span() for m in finditer_at(name_then_cue, text, regex_starts(names, text))] == \
            [m.span() for m in name_then_cue.finditer(text)], text
        assert [m.span() for m in finditer_at(cue_then_name, text, word_starts(cues, fold(text)))] == \
            [m.span() for m in cue_then_name.finditer(text)], text


def test_an_outlet_is_found_by_its_alias_as_a_walk_through_the_aliases_finds_it():
    from communique.reading import metadata

    def walked(text: str) -> str | None:
        return next((name for alias, name in metadata._outlet_aliases()
                     if metadata._alias_matches(alias, text.strip(), whole=True)), None)

    aliases = [alias for alias, _ in metadata._outlet_aliases()]
    for text in aliases + [a.lower() for a in aliases] + [a.upper() for a in aliases] + ["", " EFE ", "Efe", "x"]:
        assert metadata._outlet_by_alias(text) == walked(text), text
