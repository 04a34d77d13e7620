"""A report without a publication date: a day and month named with their weekday and no year are the first such
day after the latest past date the text gives that falls on that weekday (`events.dates.resolve_by_weekday`;
issue 15, twelfth swap). Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_dates import _article, _stage_dates


@pytest.mark.parametrize("language, sentences, expression", [
    ("en", ["The free trade agreement entered into force on August 1, 2017.",
            "The two prime ministers took part in a signing ceremony in Toronto on Tuesday, April 11."],
     "Tuesday, April 11"),
    ("es", ["El tratado de libre comercio entró en vigor el 1 de agosto de 2017.",
            "Los dos primeros ministros firmaron el martes 11 de abril un nuevo protocolo en Toronto."],
     "martes 11 de abril"),
    ("ru", ["Соглашение о свободной торговле вступило в силу 1 августа 2017 года.",
            "Премьер-министры двух стран во вторник, 11 апреля, подписали в Торонто новый протокол."],
     "вторник, 11 апреля"),
])
def test_the_weekday_fixes_the_year_after_the_latest_past_date(language, sentences, expression):
    article = _stage_dates(_article(sentences, None, language))
    found = {t.text: t.value for t in article.times}
    assert any(expression in text and value == "2023-04-11" for text, value in found.items()), found


@pytest.mark.parametrize("language, sentences", [
    # no weekday: nothing places the day after the floor (the lead's 2017 date anchors it, `reference_day`)
    ("en", ["The free trade agreement entered into force on August 1, 2017.",
            "The two prime ministers took part in a signing ceremony in Toronto on April 11."]),
    # no past date with a year to count from
    ("es", ["Los dos primeros ministros firmaron el martes 11 de abril un nuevo protocolo en Toronto."]),
])
def test_without_a_weekday_or_a_floor_no_year_is_guessed(language, sentences):
    article = _stage_dates(_article(sentences, None, language))
    assert not [t for t in article.times if t.value and t.value.startswith("2023")], article.times
