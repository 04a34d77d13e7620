"""Date patterns run only on sentences holding what every match needs, and find exactly what they find everywhere."""
from __future__ import annotations

import dataclasses
import re

from communique.events.date_cues import DIGIT, MONTH, WEEKDAY, YEAR, every_cue, gate_words, required_cues
from communique.events.times import _candidates, date_language, find_times
from communique.reading.gates import fold


def cues(pattern: str, groups: dict[str, str] | None = None) -> frozenset[str]:
    return required_cues(re.compile(pattern, re.IGNORECASE), groups or {})


def test_what_every_match_must_hold_is_read_off_the_pattern():
    assert cues(r"(?P<day>[0-3]?\d)\.(?P<monthnum>[01]\d)") == {DIGIT}
    assert cues(r"(?:last\s+)?(?P<month>\b(?:january|february))", {"month": MONTH}) == {MONTH}
    assert cues(r"\b(?:yesterday|last\s+night)\b") == {"=yesterday", "=night"}    # the longer word of each
    assert cues(r"\b(?P<num>\d+|[a-z]+)\s+days?\s+ago\b") in ({"=day"}, {"=ago"})
    assert cues(r"(?:in\s+)?(?P<month>x)|\d{4}", {"month": MONTH}) == {MONTH, DIGIT}
    assert cues(r"(?:\d+)?\s*percent") == {"=percent"}
    assert cues(r"(?:\d+)?") == frozenset()                   # an optional digit guarantees nothing
    assert cues(r"(?=\d)x") == frozenset()                    # neither does a lookahead
    assert gate_words(frozenset({"=ago", "=Назад", DIGIT})) == ("назад", "ago")


def test_the_cues_every_match_holds_all_of_are_read_off_the_pattern():
    groups = {"month": MONTH, "year": YEAR, "weekday": WEEKDAY}

    def every(pattern: str) -> frozenset[str]:
        return every_cue(re.compile(pattern, re.IGNORECASE), groups)

    # "3 de junio de 2014", "June 3, 2014", "3 июня 2014 г.": the month's name and the year, both
    assert every(r"(?P<day>\d+)\s+de\s+(?P<month>junio|julio)\s+de\s+(?P<year>20\d\d)") == {MONTH, YEAR}
    assert every(r"(?P<month>June)\s+\d+(?:,\s+(?P<year>20\d\d))?") == {MONTH}      # an optional year: not it
    assert every(r"(?:(?P<weekday>lunes),?\s+)?(?P<day>\d+)\s+(?P<month>junio)") == {MONTH}
    assert every(r"(?P<month>junio)|(?P<year>20\d\d)") == frozenset()     # either one: neither is certain
    assert every(r"(?:en\s+(?P<month>junio))+") == {MONTH}                   # repeated at least once
    assert every(r"(?=(?P<year>20\d\d))\d+") == frozenset()                 # a lookahead consumes nothing
    # the patterns of every language: a full date with its month's name needs it
    for code in ("en", "es", "ru"):
        patterns = date_language(code).patterns
        assert any(MONTH in p.every for p in patterns if p.kind == "date"), code


def test_month_and_weekday_cues_are_found_as_their_regexes_find_them():
    for code in ("en", "es", "ru"):
        cues = date_language(code).cues
        assert cues.month_words and cues.weekday_words
        for text in ("Talks on Monday, 3 June 2014", "el MIÉRCOLES 5 de marzo", "в пятницу, 5 марта 2018 г.",
                     "No dates here", "Mayo", "ВТОРНИК", "sábado y domingo", "may be"):
            assert cues.present(text, fold(text)) == cues.present(text), (code, text)


def test_gated_patterns_find_exactly_what_every_pattern_finds(sample_articles):
    sentences = [s.text for a in sample_articles for s in a.sentences]
    sentences += ["Talks resumed on Tuesday, 3 June 2014, in Asunción.", "El 12 de marzo de 2019, ayer y hace dos días.",
                  "В понедельник, 5 марта 2018 г., неделю назад.", "No dates here at all, only words."]
    assert len(sentences) > 300
    for code in ("en", "es", "ru"):
        gated = date_language(code)
        everywhere = dataclasses.replace(gated, cues=None)
        for text in sentences:
            for full in (False, True):
                found = [(c.start, c.end, c.pattern.regex.pattern) for c in _candidates(text, gated, full)]
                assert found == [(c.start, c.end, c.pattern.regex.pattern)
                                 for c in _candidates(text, everywhere, full)], (code, full, text)


def test_dates_are_still_found_and_resolved():
    [date] = find_times("The ministers met on 3 June 2014 in Asuncion.", "en", "2014-06-05")
    assert date.value == "2014-06-03" and date.text == "3 June 2014"
    [yesterday] = find_times("Встреча прошла вчера в Москве.", "ru", "2019-03-20")
    assert yesterday.value == "2019-03-19" and yesterday.text == "вчера"


def test_fewest_words_keeps_the_same_answer_with_fewer_tests():
    from communique.events.date_cues import fewest_words

    words = ("septiembre", "sep", "марта", "мар", "may", "mayo", "jun")
    kept = fewest_words(words)
    assert set(kept) == {"sep", "мар", "may", "jun"}
    for text in ("el 3 de septiembre", "3 марта 2024", "en mayo", "in june", "no month here", "sepia"):
        assert any(w in text for w in kept) == any(w in text for w in words)
