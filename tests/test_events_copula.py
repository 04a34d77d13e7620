"""Statements about the other side made with a copula, said by one side: the relationship called excellent ("dijo que
las relaciones con X son excelentes") is SUPPORT from the speaker, the other side's claims called false ("sus
argumentos eran falaces") an ACCUSE. Real models parse each text; entities come from the real `entities` stage."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language,text,expected", [
    ("es", "El canciller uruguayo afirmó que las relaciones con Paraguay son excelentes.", ("SUPPORT", "URY", "PRY")),
    ("es", "El presidente de Ecuador dijo el lunes que las relaciones entre Ecuador y Colombia son sólidas y fraternas.",
     ("SUPPORT", "ECU", "COL")),
    ("en", "The Uruguayan foreign minister said that relations with Paraguay are excellent.", ("SUPPORT", "URY", "PRY")),
])
def test_a_relationship_called_good_is_support_from_the_speaker(language, text, expected):
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("language,text,expected", [
    ("es", "Grecia respondió que Turquía no tenía motivos para cerrar el espacio aéreo y que sus argumentos eran "
           "falsos e incluso absurdos.", ("ACCUSE", "GRC", "TUR")),
    ("es", "Serbia dijo que los argumentos de Kosovo eran infundados.", ("ACCUSE", "SRB", "XKX")),
    ("en", "Greece said Turkey's arguments were baseless and absurd.", ("ACCUSE", "GRC", "TUR")),
])
def test_the_other_sides_claims_called_false_are_an_accusation(language, text, expected):
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("language,text", [
    # no one says it: a description of the relationship is no act
    ("es", "Las relaciones entre Uruguay y Paraguay son excelentes desde hace décadas."),
    # a relationship kept, described in passing, is a state, not said of it
    ("en", "The ministry stressed that Uruguay, which maintains friendly relations with both neighbours, is following "
           "the situation closely."),
    ("es", "La cancillería subrayó que Uruguay, que mantiene excelentes relaciones con Paraguay, sigue de cerca la situación."),
    # the arguments judged are not a side's, nor is it judged by one
    ("es", "Los expertos dijeron que los argumentos del informe eran débiles."),
])
def test_no_statement_by_a_side_no_event(language, text):
    assert not code_events(text, language).events
