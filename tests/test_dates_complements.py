"""A time on the complement of the act's word dates the act: "ordered the ambassador to leave in March 2023",
"invited his counterpart to visit Lima in June" (`events.dates.attachment`: the trigger's xcomp is part of the act;
issue 15). A time of another clause (a relative clause on a noun) still only describes that noun. Sentences written
for these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events

from communique.events.dates import attachment
from communique.events.times import find_times


def _attachments(text: str, language: str, trigger: str) -> dict[str, str]:
    article = code_events(text, language)
    sentence = article.sentences[0]
    word = next(t for t in sentence.tokens if t.text == trigger)
    times = find_times(sentence.text, language, "2024-05-14", sentence=sentence, base=sentence.start,
                       sentence_index=0)
    return {t.text: attachment(sentence, t, word) for t in times}


@pytest.mark.parametrize("language, text, trigger, time", [
    ("en", "Peru ordered the Venezuelan ambassador to leave the country in March 2023.", "ordered", "March 2023"),
    ("en", "The president invited his Chilean counterpart to visit Lima in June.", "invited", "June"),
    ("es", "Perú ordenó al embajador venezolano abandonar el país en marzo de 2023.", "ordenó", "marzo de 2023"),
    ("es", "El presidente invitó a su homólogo chileno a visitar Lima en junio.", "invitó", "junio"),
    ("ru", "Власти Перу приказали послу Венесуэлы покинуть страну в марте 2023 года.", "приказали",
     "марте 2023 года"),
    ("ru", "Президент пригласил чилийского коллегу посетить Лиму в июне.", "пригласил", "июне"),
])
def test_a_time_on_the_acts_complement_dates_the_act(language, text, trigger, time):
    assert _attachments(text, language, trigger)[time] == "direct"


@pytest.mark.parametrize("language, text, trigger, time", [
    ("en", "Peru expelled the ambassador who had arrived in March 2023.", "expelled", "March 2023"),
    ("es", "Perú expulsó al embajador que había llegado en marzo de 2023.", "expulsó", "marzo de 2023"),
    ("ru", "Перу выслало посла, который прибыл в марте 2023 года.", "выслало", "марте 2023 года"),
])
def test_a_time_of_a_relative_clause_still_does_not_date_the_act(language, text, trigger, time):
    assert _attachments(text, language, trigger)[time] != "direct"
