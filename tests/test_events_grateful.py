"""Thanks stated by a predicate adjective (issue 15, SUPPORT recall): "we are grateful to Kenya for its
hospitality", "estamos agradecidos con Kenia", "мы благодарны Кении за гостеприимство" are the thanks of the
speaker's side to the other ([adjectives] in data/lang/<iso>/events.toml); an attributive adjective ("a grateful
crowd", "благодарные болельщики") states no act.
Real-looking sentences, parsed by the real models (see test_events_lang)."""
from __future__ import annotations

import pytest
from test_events_lang import code_events, triples

GRATEFUL = [
    ("en", "\"We are grateful to Kenya for its hospitality,\" the Ethiopian foreign minister said.",
     ("SUPPORT", "ETH", "KEN")),
    ("en", "The Ethiopian foreign minister said Ethiopia was thankful to Kenya for the hospitality.",
     ("SUPPORT", "ETH", "KEN")),
    ("es", "\"Estamos agradecidos con Kenia por su hospitalidad\", dijo el canciller de Etiopía.",
     ("SUPPORT", "ETH", "KEN")),
    ("es", "El canciller de Etiopía dijo que su país está agradecido a Kenia por su hospitalidad.",
     ("SUPPORT", "ETH", "KEN")),
    ("ru", "«Мы благодарны Кении за гостеприимство», — заявил министр иностранных дел Эфиопии.",
     ("SUPPORT", "ETH", "KEN")),
    ("ru", "Министр иностранных дел Эфиопии заявил, что Эфиопия признательна Кении за гостеприимство.",
     ("SUPPORT", "ETH", "KEN")),
]

NO_ACT = [
    ("en", "A grateful Kenyan crowd cheered the Ethiopian runners in Nairobi."),
    ("ru", "Благодарные болельщики Кении встречали эфиопских бегунов в аэропорту."),
]


@pytest.mark.parametrize("language,text,expected", GRATEFUL, ids=[f"{c[0]}-{n}" for n, c in enumerate(GRATEFUL)])
def test_grateful_is_thanks(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found, found
    assert (expected[0], expected[2], expected[1]) not in found, found


@pytest.mark.parametrize("language,text", NO_ACT, ids=[f"{c[0]}-{n}" for n, c in enumerate(NO_ACT)])
def test_attributive_grateful_is_no_act(language, text):
    assert not {t for t in triples(code_events(text, language)) if t[0] == "SUPPORT"}
