"""Acts stated as nouns under a support verb (issue 15): "reached an understanding", "alcanzaron un consenso",
"достигли договоренности", "пришли к взаимопониманию" are agreements; the same nouns fostered, strengthened or cited
as a frame are no act; a meeting noun that "took place", "tuvo lugar", "прошла" is one between its sides; views
exchanged ("exchanged views", "intercambio de opiniones", "обмен мнениями") are talks; a courtesy
call is paid on whom it visits.
Real-looking sentences, parsed by the real models (see test_events_lang)."""
from __future__ import annotations

import pytest
from test_events_lang import code_events, triples

REACHED = [
    ("en", "Thailand and Vietnam reached an understanding on fishing rights.", ("AGREE", "THA", "VNM")),
    ("en", "Morocco and Spain reached a consensus on migration after two days of talks.", ("AGREE", "MAR", "ESP")),
    ("es", "Argentina y Chile alcanzaron un consenso sobre el trazado de la frontera.", ("AGREE", "ARG", "CHL")),
    ("es", "Perú llegó a un entendimiento con Bolivia sobre el uso del puerto.", ("AGREE", "PER", "BOL")),
    ("ru", "Россия и Китай пришли к консенсусу по вопросам торговли.", ("AGREE", "RUS", "CHN")),
    ("ru", "Россия и Турция достигли взаимопонимания по ситуации в Сирии.", ("AGREE", "RUS", "TUR")),
    ("ru", "Россия и Турция достигли договоренности о прекращении огня в Идлибе.", ("AGREE", "RUS", "TUR")),
    ("ru", "Министр иностранных дел России достиг договоренности с Турцией о новой встрече.", ("AGREE", "RUS", "TUR")),
]


NOT_REACHED = [
    ("en", "The two ministers want to foster mutual understanding between Thailand and Vietnam."),
    ("es", "Los cancilleres de Perú y Chile buscan fomentar el entendimiento mutuo."),
    ("ru", "Россия и Индия стремятся укреплять взаимопонимание."),
    ("ru", "В соответствии с договоренностями между Россией и Китаем поставки газа выросли."),
]

NOT_TALKS = [
    ("en", "Chile and Argentina exchanged prisoners at the border."),
    ("en", "Trade exchange between Chile and Argentina grew last year."),
    ("es", "Chile y Argentina intercambiaron prisioneros en la frontera."),
    ("es", "El intercambio comercial entre Chile y Argentina creció."),
    ("ru", "Чили и Аргентина обменялись пленными."),
]


@pytest.mark.parametrize("language,text", NOT_REACHED, ids=[f"{c[0]}-{n}" for n, c in enumerate(NOT_REACHED)])
def test_understanding_fostered_or_cited_is_no_agreement(language, text):
    assert not {t for t in triples(code_events(text, language)) if t[0] == "AGREE"}


TOOK_PLACE = [
    # the meeting noun opening the sentence is the event, its "between" phrase the sides; "La reunión" is no
    # Réunion island (countries.toml ambiguous_names)
    ("es", "La reunión entre los cancilleres de Chile y Argentina tuvo lugar en Santiago.", ("CONSULT", "CHL", "ARG")),
    ("es", "La reunión entre los presidentes de Chile y Argentina se celebró el lunes.", ("CONSULT", "CHL", "ARG")),
    ("en", "The meeting between the foreign ministers of Chile and Argentina took place in Santiago.",
     ("CONSULT", "CHL", "ARG")),
    ("ru", "Встреча министров иностранных дел Чили и Аргентины прошла в Сантьяго.", ("CONSULT", "CHL", "ARG")),
]

EXCHANGED_VIEWS = [
    # views exchanged, as a verb or a noun, are talks; prisoners exchanged or trade exchange are not
    ("en", "The foreign ministers of Chile and Argentina exchanged views on regional issues.",
     ("CONSULT", "CHL", "ARG")),
    ("en", "The Chilean and Argentine foreign ministers had an exchange of views on the region.",
     ("CONSULT", "CHL", "ARG")),
    ("es", "Los cancilleres de Chile y Argentina intercambiaron opiniones sobre la situación regional.",
     ("CONSULT", "CHL", "ARG")),
    ("es", "El canciller chileno y su par argentino mantuvieron un intercambio de opiniones sobre la región.",
     ("CONSULT", "CHL", "ARG")),
    ("ru", "Министр иностранных дел Чили провел обмен мнениями с послом Аргентины.", ("CONSULT", "CHL", "ARG")),
]

COURTESY_CALLS = [
    # a courtesy call is paid *on* whom it visits (en paid_on_nouns: that "on" is no topic of a meeting)
    ("en", "The Kenyan foreign minister paid a courtesy call on the President of Tanzania.",
     ("CONSULT", "KEN", "TZA")),
    ("en", "The outgoing ambassador of Kenya paid a farewell call on the Tanzanian foreign minister.",
     ("CONSULT", "KEN", "TZA")),
    ("es", "El canciller de Kenia realizó una visita de cortesía al presidente de Tanzania.",
     ("CONSULT", "KEN", "TZA")),
    ("ru", "Министр иностранных дел Кении нанес визит вежливости президенту Танзании.", ("CONSULT", "KEN", "TZA")),
]
# a note handed over, named by a verbal noun under the verb that states it: the act of the note, addressed to the
# dative of the verbal noun ("о вручении ноты протеста послу"), as with the light verb "вручила ноту послу"
NOTES_HANDED_OVER = [
    ("ru", "Варшава заявила о вручении ноты протеста российскому послу.", ("ACCUSE", "POL", "RUS")),
    ("ru", "Румыния заявила о передаче ноты протеста молдавскому послу.", ("ACCUSE", "ROU", "MDA")),
    ("ru", "Варшава объявила о передаче ноты протеста послу Белоруссии.", ("ACCUSE", "POL", "BLR")),
    ("ru", "Президент Польши заявил о направлении ноты протеста в посольство России.", ("ACCUSE", "POL", "RUS")),
    ("es", "Chile anunció la entrega de una nota de protesta al embajador de Perú.", ("ACCUSE", "CHL", "PER")),
]
STATED = REACHED + TOOK_PLACE + EXCHANGED_VIEWS + COURTESY_CALLS + NOTES_HANDED_OVER


@pytest.mark.parametrize("language,text,expected", STATED, ids=[f"{c[0]}-{n}" for n, c in enumerate(STATED)])
def test_an_act_stated_as_a_noun_is_found(language, text, expected):
    """An understanding reached is an agreement; a meeting that took place is one between its sides."""
    found = triples(code_events(text, language))
    assert expected in found, found


@pytest.mark.parametrize("language,text", NOT_TALKS, ids=[f"{c[0]}-{n}" for n, c in enumerate(NOT_TALKS)])
def test_things_exchanged_are_no_talks(language, text):
    assert not {t for t in triples(code_events(text, language)) if t[0] == "CONSULT"}
