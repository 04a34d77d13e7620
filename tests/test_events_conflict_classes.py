"""Conflict acts per language (issue 15, classes read on the training sets dev6 and dev9): troops massed along a
border, sanctions named as penalties, a conditional that looks ahead from the past. Sentences written for these
tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, status_of, triples


@pytest.mark.parametrize("language, text", [
    ("es", "Rusia desplegó tropas a lo largo de su frontera con Ucrania."),
    ("es", "Rusia concentró unos 10.000 soldados cerca de la frontera ucraniana."),
    ("en", "Russia massed troops along its border with Ukraine."),
    ("ru", "Россия стянула войска к границе с Украиной."),
])
def test_troops_massed_along_a_border_mobilise_against_the_neighbour(language, text):
    assert ("MOBILIZE", "RUS", "UKR") in triples(code_events(text, language))


def test_a_meeting_near_a_border_has_no_target_there():
    assert not code_events("Los presidentes se reunieron cerca de la frontera con Chile.", "es").events


@pytest.mark.parametrize("language, text, expected", [
    ("es", "Estados Unidos podría imponer penalizaciones sectoriales a Venezuela.", ("THREATEN", "USA", "VEN")),
    ("en", "The United States could impose sectoral penalties on Venezuela.", ("THREATEN", "USA", "VEN")),
])
def test_penalties_that_could_be_imposed_threaten(language, text, expected):
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("language, text, status", [
    ("es", "Washington advirtió el domingo que impondría sanciones a Venezuela.", "planned"),
    ("es", "Washington impuso sanciones a Venezuela el domingo.", "occurred"),
])
def test_a_conditional_reported_from_the_past_is_still_ahead(language, text, status):
    assert status_of(code_events(text, language), "SANCTION", "USA", "VEN") == status
