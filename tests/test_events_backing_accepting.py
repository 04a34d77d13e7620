"""Support and agreement typed right (issue 15): a support noun in a phrase of purpose backs its "of" phrase ("spoke
out in support of", "en apoyo de", "в поддержку"); a stance or a bid welcomed is backed, no guest hosted
("welcomed Sudan's position", "acogió con beneplácito la candidatura", "приветствовал позицию"); condolences offered
are given, not promised; an invitation, a proposal or an offer accepted is agreed to ("accepted the invitation",
"aceptó la propuesta", "приняла предложение"), and refused when the acceptance is denied.
Real-looking sentences, parsed by the real models (see test_events_lang)."""
from __future__ import annotations

import pytest
from test_events_lang import code_events, triples

ON_BEHALF = [
    ("en", "The French foreign minister spoke out in support of Morocco's autonomy plan on Tuesday.",
     ("SUPPORT", "FRA", "MAR")),
    ("en", "Brazil voted in support of Argentina's candidacy for the council.", ("SUPPORT", "BRA", "ARG")),
    ("es", "El canciller de Francia se pronunció el martes en apoyo de Marruecos.", ("SUPPORT", "FRA", "MAR")),
    ("es", "Brasil votó en respaldo de la candidatura de Argentina al consejo.", ("SUPPORT", "BRA", "ARG")),
    ("ru", "Франция выступает в поддержку Марокко по вопросу Западной Сахары.", ("SUPPORT", "FRA", "MAR")),
    ("ru", "Бразилия высказалась в поддержку кандидатуры Аргентины в совет.", ("SUPPORT", "BRA", "ARG")),
]

WELCOMED_STANCES = [
    ("en", "Egypt welcomed Sudan's position on the Nile dam.", ("SUPPORT", "EGY", "SDN")),
    ("en", "Japan welcomed India's bid for a permanent seat on the Security Council.", ("SUPPORT", "JPN", "IND")),
    ("en", "Japan voiced its backing for India's bid for a permanent seat.", ("SUPPORT", "JPN", "IND")),
    ("es", "Egipto acogió con beneplácito la posición de Sudán sobre la presa del Nilo.", ("SUPPORT", "EGY", "SDN")),
    ("es", "Japón saludó la candidatura de la India a un puesto permanente.", ("SUPPORT", "JPN", "IND")),
    ("ru", "Египет приветствовал позицию Судана по плотине на Ниле.", ("SUPPORT", "EGY", "SDN")),
]

HOSTED = [
    # a guest welcomed is still hosted
    ("en", "Japan welcomed the Indian delegation in Tokyo.", ("CONSULT", "IND", "JPN")),
    ("es", "Egipto acogió al presidente de Sudán en El Cairo.", ("CONSULT", "SDN", "EGY")),
]

CONDOLENCES = [
    ("en", "Kenya offered its condolences to Turkey over the earthquake.", ("SUPPORT", "KEN", "TUR")),
    ("es", "Kenia ofreció sus condolencias a Turquía por el terremoto.", ("SUPPORT", "KEN", "TUR")),
    ("ru", "Кения выразила соболезнования Турции в связи с землетрясением.", ("SUPPORT", "KEN", "TUR")),
]

ACCEPTED = [
    ("en", "Ethiopia's government said it has accepted an invitation from the African Union to join peace talks.",
     ("AGREE", "ETH", "AFU")),
    ("en", "Ethiopia accepted Kenya's proposal for a ceasefire.", ("AGREE", "ETH", "KEN")),
    ("es", "El gobierno de Etiopía aceptó una invitación de la Unión Africana para participar en las conversaciones.",
     ("AGREE", "ETH", "AFU")),
    ("es", "Etiopía aceptó la propuesta de Kenia de un alto el fuego.", ("AGREE", "ETH", "KEN")),
    ("ru", "Правительство Эфиопии приняло приглашение Африканского союза к мирным переговорам.",
     ("AGREE", "ETH", "AFU")),
    ("ru", "Эфиопия приняла предложение Кении о прекращении огня.", ("AGREE", "ETH", "KEN")),
]

REFUSED = [
    ("en", "Ethiopia did not accept Kenya's proposal.", ("REJECT", "ETH", "KEN")),
    ("es", "Etiopía no aceptó la propuesta de Kenia.", ("REJECT", "ETH", "KEN")),
    ("ru", "Эфиопия не приняла предложение Кении.", ("REJECT", "ETH", "KEN")),
]

ALL = ON_BEHALF + WELCOMED_STANCES + HOSTED + CONDOLENCES + ACCEPTED + REFUSED


@pytest.mark.parametrize("language,text,expected", ALL, ids=[f"{c[0]}-{n}" for n, c in enumerate(ALL)])
def test_typed_and_directed(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found, found


@pytest.mark.parametrize("language,text,expected", ON_BEHALF + WELCOMED_STANCES + CONDOLENCES,
                         ids=[f"{c[0]}-{n}" for n, c in enumerate(ON_BEHALF + WELCOMED_STANCES + CONDOLENCES)])
def test_no_reverse_nor_other_type(language, text, expected):
    found = triples(code_events(text, language))
    type_, source, target = expected
    assert (type_, target, source) not in found, found
    assert not {t for t in found if t[0] in ("CONSULT", "AGREE")}, found


IN_FAVOUR = [
    # a stance "in favour of" a side or its claim backs it; a vote in favour stays a vote (votes.py), no support
    ("en", "Brazil spoke out in favour of Argentina's claim to the islands.", ("SUPPORT", "BRA", "ARG")),
    ("es", "Brasil se pronunció a favor de la candidatura de Argentina al consejo.", ("SUPPORT", "BRA", "ARG")),
    ("ru", "Бразилия высказалась в пользу кандидатуры Аргентины в совет.", ("SUPPORT", "BRA", "ARG")),
]

VOTED_IN_FAVOUR = [
    ("en", "Brazil voted in favour of the resolution on Cuba."),
    ("es", "Brasil votó a favor de la resolución sobre Cuba."),
    ("ru", "Бразилия проголосовала в пользу резолюции по Кубе."),
]


@pytest.mark.parametrize("language,text,expected", IN_FAVOUR, ids=[f"{c[0]}-{n}" for n, c in enumerate(IN_FAVOUR)])
def test_stance_in_favour_backs_its_side(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found, found
    assert (expected[0], expected[2], expected[1]) not in found, found


@pytest.mark.parametrize("language,text", VOTED_IN_FAVOUR, ids=[f"{c[0]}-{n}" for n, c in enumerate(VOTED_IN_FAVOUR)])
def test_vote_in_favour_is_no_support(language, text):
    assert not {t for t in triples(code_events(text, language)) if t[0] == "SUPPORT"}
