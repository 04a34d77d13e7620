"""A receiving verb hosts a guest, not a thing received: "received a message from the EU", "recibió una carta del
Gobierno de Chile", "приняла ответные меры в отношении Молдавии" are no visits to the receiver; a person received
(a title, a counterpart, a delegation, a name, a Spanish object marked with "a", a Russian animate noun) still is."""
from __future__ import annotations

import pytest

from test_events_lang import code_events


def consults(text: str, language: str) -> set[tuple[str, str]]:
    return {(e.source.code, e.target.code) for e in code_events(text, language).events if e.type == "CONSULT"}


@pytest.mark.parametrize("language,text", [
    ("en", "On arrival at the presidential palace in Lima, the ambassador of Kenya received a guard of honour from "
           "the Peruvian army."),
    ("en", "The President of Chile received a letter from the Prime Minister of Japan on Tuesday."),
    ("es", "El presidente de Argelia recibió ayer un mensaje de la Unión Europea sobre la crisis."),
    ("es", "La canciller de Colombia recibió una carta del Gobierno de Ecuador sobre la frontera."),
    ("ru", "В ответ российская сторона принимает аналогичные меры в отношении дипломата посольства Эстонии в Москве."),
    ("ru", "Правительство Сербии приняло послание президента Франции."),
])
def test_a_thing_received_is_no_guest(language, text):
    assert not consults(text, language)


@pytest.mark.parametrize("language,text,pair", [
    ("en", "The President of Chile received the Foreign Minister of Japan on Tuesday.", ("JPN", "CHL")),
    ("en", "The President of Chile received a delegation from Japan on Tuesday.", ("JPN", "CHL")),
    ("en", "The Emir of Qatar received a visit from the Foreign Minister of Japan.", ("JPN", "QAT")),
    ("en", "The President of Chile received the Crown Prince of Japan in Santiago.", ("JPN", "CHL")),
    ("es", "El presidente de Argelia recibió la visita del canciller de Venezuela.", ("VEN", "DZA")),
    ("es", "El presidente de Argelia recibió ayer al canciller de Venezuela en el palacio presidencial.",
     ("VEN", "DZA")),
    ("es", "El presidente de Argelia recibió a una delegación de Venezuela.", ("VEN", "DZA")),
    ("ru", "Президент Сербии принял министра иностранных дел Франции.", ("FRA", "SRB")),
    ("ru", "Президент Сербии принял делегацию Франции.", ("FRA", "SRB")),
])
def test_a_person_received_is_a_guest(language, text, pair):
    assert pair in consults(text, language)
