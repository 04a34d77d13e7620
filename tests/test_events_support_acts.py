"""Statements of support that were missed (issue 15, twelfth swap): greetings one side conveys to another
("conveyed the greetings of the president to the emir", "trasladó el saludo del mandatario", «передал
приветствие президента») are SUPPORT of the side whose greetings they are, not only greetings exchanged; solidarity
or condolences with no one named ("Peru's president also expressed his solidarity") go to the country the text is
about (`events/sympathy`)."""
from __future__ import annotations

import pytest
from event_readers import directions


@pytest.mark.parametrize("text", [
    "Egypt's foreign minister conveyed the greetings of President Sisi to the Emir of Qatar during the meeting.",
    "El canciller de Egipto trasladó al emir de Qatar el saludo del presidente egipcio.",
    "Министр иностранных дел Египта передал эмиру Катара приветствие президента Ас-Сиси.",
])
def test_greetings_conveyed_are_support(text):
    assert ("EGY", "QAT") in directions(text, "SUPPORT")


@pytest.mark.parametrize("text", [
    "A strong earthquake hit Ecuador on Thursday. Dozens were killed along Ecuador's coast. "
    "Peru's president also expressed his solidarity.",
    "Un fuerte terremoto sacudió Ecuador el jueves. Hay decenas de muertos en la costa de Ecuador. "
    "El presidente peruano, Pedro Castillo, expresó su solidaridad, «los acompañamos en este momento».",
    "Сильное землетрясение произошло в Эквадоре. На побережье Эквадора погибли десятки человек. "
    "Президент Перу также выразил солидарность.",
])
def test_solidarity_with_no_one_named_goes_to_the_side_the_text_is_about(text):
    assert ("PER", "ECU") in directions(text, "SUPPORT")


@pytest.mark.parametrize("text", [
    "Chile and Ecuador played a friendly on Sunday. Peru's president also expressed his solidarity.",
    "Peru's president praised the team after the match.",
])
def test_no_main_side_no_target(text):
    assert not any(source == "PER" and target for source, target in directions(text, "SUPPORT"))


@pytest.mark.parametrize("text", [
    "Россия подтвердила поддержку территориальной целостности Сербии.",
    "Кения выразила поддержку заявке Сомали на место в Совете Безопасности.",
    "Президент Казахстана выразил поддержку позиции Узбекистана по водным ресурсам.",
    "Russia reaffirmed its support for the territorial integrity of Serbia.",
    "Rusia reafirmó su apoyo a la integridad territorial de Serbia.",
])
def test_support_for_a_position_is_the_subjects(text):
    supports = directions(text, "SUPPORT")
    assert supports and all(source == text_source(text) for source, _ in supports)


def text_source(text: str) -> str:
    return {"Росс": "RUS", "Russ": "RUS", "Rusi": "RUS", "Кени": "KEN", "През": "KAZ"}[text[:4]]


def test_a_datelines_city_counts_once():
    text = ("BOGOTÁ.- Los gobiernos de América se solidarizaron con Ecuador tras el terremoto que sacudió la costa del "
            "país. El sismo se sintió en todo Ecuador. El presidente peruano, Pedro Castillo, expresó su solidaridad.")
    assert ("PER", "ECU") in directions(text, "SUPPORT")
