"""Credentials received from several envoys at once: each listed state's envoy acts (COOPERATE giver -> receiver),
also when the list hangs on a name of several words ("the United States of America, Qatar and ...") and when the
Russian plural adjective is lemmatised as itself ("верительные")."""
from __future__ import annotations

import pytest

from test_events_lang import code_events


@pytest.mark.parametrize("language,text,expected", [
    ("en", "President Ruto of Kenya accepted credentials from the ambassadors of Qatar, Chile and Monaco on Monday.",
     {("COOPERATE", "QAT", "KEN"), ("COOPERATE", "CHL", "KEN"), ("COOPERATE", "MCO", "KEN")}),
    ("en", "The President of Ghana accepted credentials from the envoys of the United States of America, Peru and "
           "Norway at a ceremony in Accra.",
     {("COOPERATE", "USA", "GHA"), ("COOPERATE", "PER", "GHA"), ("COOPERATE", "NOR", "GHA")}),
    ("es", "El presidente de Paraguay recibió las cartas credenciales de manos de los embajadores de los Estados "
           "Unidos de América, Noruega y Perú.",
     {("COOPERATE", "USA", "PRY"), ("COOPERATE", "NOR", "PRY"), ("COOPERATE", "PER", "PRY")}),
    ("ru", "Президент Казахстана принял верительные грамоты от послов Германии, Египта и Франции.",
     {("COOPERATE", "DEU", "KAZ"), ("COOPERATE", "EGY", "KAZ"), ("COOPERATE", "FRA", "KAZ")}),
    ("ru", "Президент Узбекистана принял верительные грамоты у послов Соединенных Штатов Америки, Чили и Перу.",
     {("COOPERATE", "USA", "UZB"), ("COOPERATE", "CHL", "UZB"), ("COOPERATE", "PER", "UZB")}),
])
def test_each_listed_envoy_presents_credentials(language, text, expected):
    article = code_events(text, language)
    assert {(e.type, e.source.code, e.target.code) for e in article.events} == expected
