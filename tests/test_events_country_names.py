"""Country names that name another state than their words suggest, in every language: the Republic of China is
Taiwan, not the People's Republic; the plain "Congo" is the Republic of the Congo (Brazzaville), the Democratic
Republic is named as such ("ДР Конго", "RD del Congo", "DRC"). Real models parse each text."""
from __future__ import annotations

import pytest

from communique.actors.gazetteer import gazetteer
from communique.actors.phrases import tokenize
from event_readers import codes, triples

# (language, text, events that must be found, events that must not)
CASES = [
    ("en", "Paraguay's foreign minister Rubén Ramírez arrived in the Republic of China (Taiwan) on Monday for an "
           "official visit.", {("CONSULT", "PRY", "TWN")}, {("CONSULT", "PRY", "CHN")}),
    ("es", "El canciller paraguayo, Rubén Ramírez, inició el lunes una visita oficial a la República de China "
           "(Taiwán).", {("CONSULT", "PRY", "TWN")}, {("CONSULT", "PRY", "CHN")}),
    ("ru", "Министр иностранных дел Парагвая Рубен Рамирес в понедельник начал официальный визит в Китайскую "
           "Республику (Тайвань).", {("CONSULT", "PRY", "TWN")}, {("CONSULT", "PRY", "CHN")}),
    ("en", "Turkish Foreign Minister Hakan Fidan visited Congo on Tuesday and held talks with President Denis Sassou "
           "Nguesso.", {("CONSULT", "TUR", "COG")}, {("CONSULT", "TUR", "COD")}),
    ("es", "El canciller turco, Hakan Fidan, visitó el martes la República del Congo y se reunió con el presidente "
           "Denis Sassou Nguesso.", {("CONSULT", "TUR", "COG")}, {("CONSULT", "TUR", "COD")}),
    ("ru", "Министр иностранных дел Турции Хакан Фидан во вторник побывал в Конго и провел переговоры с президентом "
           "Дени Сассу-Нгессо.", {("CONSULT", "TUR", "COG")}, {("CONSULT", "TUR", "COD")}),
]


@pytest.mark.parametrize("language,text,wanted,unwanted", CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_official_and_plain_names_name_the_right_state(language, text, wanted, unwanted):
    found = triples(text)
    assert wanted <= found, found
    assert not unwanted & found, found


@pytest.mark.parametrize("language,phrase,code", [
    ("en", "the Republic of China", "TWN"), ("es", "la República de China", "TWN"), ("ru", "Китайской Республики", "TWN"),
    ("en", "the People's Republic of China", "CHN"), ("es", "la República Popular China", "CHN"),
    ("ru", "Китайской Народной Республики", "CHN"),
    ("en", "Congo", "COG"), ("es", "el Congo", "COG"), ("ru", "в Конго", "COG"),
    ("en", "the Democratic Republic of the Congo", "COD"), ("es", "la RD del Congo", "COD"), ("ru", "в ДР Конго", "COD"),
])
def test_country_names(language, phrase, code):
    found = [m.best.code for m in gazetteer(language).index.find(tokenize(phrase)) if m.best.kind == "country"]
    assert found == [code], found


@pytest.mark.parametrize("language,text", [
    ("en", "According to a copy of the invitation letter obtained by Sudan Tribune, the AU-led peace talks are scheduled "
           "to take place in Nairobi from Sunday."),
    ("en", "Ethiopia's foreign minister gave an interview to the Sudanese newspaper Al Tayar and discussed the AU-led "
           "talks."),
    ("es", "Según una copia de la carta de invitación obtenida por el diario sudanés Al Tayar, las conversaciones de "
           "paz auspiciadas por la UA se celebrarán en Nairobi."),
    ("ru", "Министр иностранных дел Эфиопии дал интервью суданской газете «Ат-Тагир» и обсудил переговоры под эгидой "
           "АС."),
])
def test_a_newspaper_is_not_its_country(language, text):
    """"the Sudan Tribune", "el diario sudanés", "суданская газета": the outlet that reports or is spoken to is no
    side of the events it reports."""
    assert "SDN" not in codes(text), triples(text)


@pytest.mark.parametrize("language,text", [
    ("en", "During his stay, the Vietnamese leader held talks with the heads of the People's Representative Council and "
           "of the People's Consultative Assembly of Indonesia."),
    ("es", "Durante su estancia, el líder vietnamita sostuvo conversaciones con los titulares del Consejo Representativo "
           "del Pueblo y de la Asamblea Consultiva del Pueblo de Indonesia."),
    ("ru", "Во время визита вьетнамский лидер провел переговоры с руководителями Совета народных представителей и "
           "Народного консультативного конгресса Индонезии."),
])
def test_the_people_is_no_city(language, text):
    """"del Pueblo" (a people's council, the Great Hall of the People) is no spelling of Puebla, Mexico."""
    found = codes(text)
    assert "MEX" not in found and "IDN" in found, triples(text)
