"""A joint act whose doers go unnamed is the two sides of the context (issue 15, AGREE typed otherwise): a plural
verb with no subject at all ("Acordaron elevar las relaciones", "Договорились поднять отношения"), as "they agreed"
is; "the pair" as "both" is. A one-sided act told that way names no one; an invitation accepted by a guest whose
visit the text reports is the visit, no agreement besides.
Real-looking sentences, parsed by the real models (see test_events_lang)."""
from __future__ import annotations

import pytest
from test_events_lang import code_events, triples

JOINT = [
    ("es", "El presidente de Chile recibió en Santiago a su homólogo de Argentina. Acordaron ampliar el comercio "
           "bilateral y reforzar la cooperación energética.", ("AGREE", "CHL", "ARG")),
    ("es", "La canciller de Colombia sostuvo conversaciones con el ministro de Exteriores de Ecuador en Quito. "
           "Firmaron un memorando de entendimiento sobre seguridad fronteriza.", ("AGREE", "COL", "ECU")),
    # (a sentence-initial Russian verb the small model tags as a noun: "Подписали меморандум" is read by no rule)
    ("ru", "Президент Казахстана провел переговоры с президентом Узбекистана в Ташкенте. По итогам встречи "
           "договорились довести товарооборот до десяти миллиардов долларов.", ("AGREE", "KAZ", "UZB")),
    ("ru", "Министр иностранных дел Армении встретился с министром иностранных дел Грузии в Тбилиси. "
           "По итогам переговоров подписали меморандум о сотрудничестве в области энергетики.", ("AGREE", "ARM", "GEO")),
    ("en", "The Japanese prime minister met his Australian counterpart in Canberra. The pair signed a defence "
           "agreement on Thursday.", ("AGREE", "JPN", "AUS")),
    ("en", "The Chilean president received his Argentine counterpart in Santiago. They agreed to expand bilateral "
           "trade.", ("AGREE", "CHL", "ARG")),
]


@pytest.mark.parametrize("language,text,expected", JOINT, ids=[f"{c[0]}-{n}" for n, c in enumerate(JOINT)])
def test_unnamed_doers_of_a_joint_act_are_the_two_sides(language, text, expected):
    found = triples(code_events(text, language))
    type_, a, b = expected
    assert (type_, a, b) in found and (type_, b, a) in found, found


ACCEPTED_AND_VISITED = [
    ("en", "The Kenyan president accepted the invitation of the Ethiopian prime minister and visited Addis Ababa on "
           "Monday.", ("CONSULT", "KEN", "ETH")),
    ("es", "El presidente de Kenia aceptó la invitación del primer ministro etíope y visitó Adís Abeba el lunes.",
     ("CONSULT", "KEN", "ETH")),
    ("ru", "Президент Кении принял приглашение премьер-министра Эфиопии и посетил Аддис-Абебу.",
     ("CONSULT", "KEN", "ETH")),
]


@pytest.mark.parametrize("language,text,expected", ACCEPTED_AND_VISITED,
                         ids=[f"{c[0]}-{n}" for n, c in enumerate(ACCEPTED_AND_VISITED)])
def test_invitation_accepted_for_a_visit_made_is_the_visit(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found, found
    assert not {t for t in found if t[0] in ("AGREE", "REQUEST")}, found
