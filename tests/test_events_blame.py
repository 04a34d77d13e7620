"""Blame and responsibility put on the other side are its accusation (issue 15, twelfth swap): a side that lays the
blame for an act on another ("возложила ответственность за ... на", "atribuyó la responsabilidad del ... a"), says it guilty ("считает ... ответственным", "considera a ... responsable") or claims it was
behind the act ("said ... was behind the attack", "afirmó que ... estaba detrás del atentado", «заявил, что за
терактом стоит ...») accuses it; the act blamed is alleged, not stated. Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "Министерство обороны России возложило ответственность за обстрел Белгорода на Украину.",
     ("ACCUSE", "RUS", "UKR")),
    ("ru", "Китай возлагает на Филиппины ответственность за столкновение у рифа.", ("ACCUSE", "CHN", "PHL")),
    ("ru", "Правительство Армении считает Азербайджан ответственным за эскалацию на границе.",
     ("ACCUSE", "ARM", "AZE")),
    ("es", "El gobierno de Pakistán atribuyó la responsabilidad del atentado a la India.", ("ACCUSE", "PAK", "IND")),
    ("es", "El presidente de Guatemala hizo responsable a México de la incursión armada.", ("ACCUSE", "GTM", "MEX")),
    ("es", "La cancillería de Colombia considera a Venezuela responsable del ataque contra la base.",
     ("ACCUSE", "COL", "VEN")),
])
def test_blame_laid_on_the_other_side_accuses_it(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found, found


@pytest.mark.parametrize("language, text, expected", [
    ("en", "Iran said Israel was behind the assassination of the nuclear scientist.", ("ACCUSE", "IRN", "ISR")),
    ("es", "Irán afirmó que Israel estaba detrás del asesinato del científico nuclear.", ("ACCUSE", "IRN", "ISR")),
    ("ru", "Иран заявил, что за убийством физика-ядерщика стоит Израиль.", ("ACCUSE", "IRN", "ISR")),
    ("ru", "Россия считает, что за терактом на Крымском мосту стоит Украина.", ("ACCUSE", "RUS", "UKR")),
])
def test_a_side_said_to_be_behind_an_act_is_accused(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found, found


@pytest.mark.parametrize("language, text", [
    ("ru", "Министерство обороны России возложило ответственность за обстрел Белгорода на Украину."),
    ("es", "El gobierno de Pakistán atribuyó la responsabilidad del atentado a la India."),
])
def test_the_act_blamed_is_not_stated_as_done_by_the_one_who_blames(language, text):
    found = triples(code_events(text, language))
    assert not {t for t in found if t[0] == "ASSAULT"}, found


@pytest.mark.parametrize("language, text", [
    ("en", "Iran said Israel was not behind the assassination of the nuclear scientist."),
    ("en", "Russia said Ukraine was behind schedule on its gas payments."),
    ("es", "La empresa considera a Chile un socio responsable y fiable."),
    ("ru", "Суд возложил ответственность за ущерб на компанию из Казахстана."),
])
def test_no_blame_where_none_is_laid_on_a_side(language, text):
    found = triples(code_events(text, language))
    assert not {t for t in found if t[0] == "ACCUSE"}, found
