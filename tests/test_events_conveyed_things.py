"""A verb of going that conveys a thing is no trip (issue 15, false CONSULT): "trasladó a la mandataria el saludo
del presidente" passes greetings on, while "se trasladó a Lima" travels (es [verbs.trasladar] person_object).
English and Russian say it with verbs of passing on ("conveyed", «передал»), no visit either way."""
from __future__ import annotations

import pytest

from event_readers import directions


@pytest.mark.parametrize("text", [
    "El canciller de El Salvador trasladó a la presidenta de Chile el saludo del presidente salvadoreño.",
    "El embajador de Colombia trasladó al canciller de Perú la preocupación de su gobierno.",
    "The Foreign Minister of El Salvador conveyed to the President of Chile the greetings of his president.",
    "Министр иностранных дел Сальвадора передал президенту Чили приветствие своего президента.",
])
def test_a_thing_conveyed_is_no_visit(text):
    assert not directions(text, "CONSULT")


@pytest.mark.parametrize("text,pair", [
    ("El canciller de Colombia se trasladó a Lima para reunirse con su homólogo de Perú.", ("COL", "PER")),
    ("El presidente de Chile se trasladó ayer a Buenos Aires.", ("CHL", "ARG")),
    ("The President of Chile travelled to Buenos Aires on Monday.", ("CHL", "ARG")),
    ("Президент Чили в понедельник отправился в Буэнос-Айрес.", ("CHL", "ARG")),
])
def test_a_trip_stays(text, pair):
    assert pair in directions(text, "CONSULT")
