"""A meeting, visit or talks said not to take place is no CONSULT (the gold sets code acts held or planned); a
meeting held or planned stays, and a refusal to meet stays the refusal it is."""
from __future__ import annotations

import pytest

from test_events_received_things import consults


@pytest.mark.parametrize("language,text", [
    ("en", "The President of Chile will not receive the Foreign Minister of Bolivia this week."),
    ("en", "Kenya said the summit should not be hosted by Somalia this year."),
    ("es", "El canciller de Chile no se reunirá con su homólogo de Bolivia durante la cumbre."),
    ("es", "El presidente de Argentina no visitará Uruguay este mes, informó la Casa Rosada."),
    ("ru", "Президент Сербии не будет встречаться с премьер-министром Албании."),
    ("ru", "Министр иностранных дел Венгрии не посетит Украину в этом месяце."),
])
def test_a_meeting_not_held_is_no_consultation(language, text):
    assert not consults(text, language)


@pytest.mark.parametrize("language,text,pair", [
    ("en", "The President of Chile will receive the Foreign Minister of Bolivia this week.", ("BOL", "CHL")),
    ("es", "El canciller de Chile se reunirá con su homólogo de Bolivia durante la cumbre.", ("CHL", "BOL")),
    ("ru", "Министр иностранных дел Венгрии посетит Украину в этом месяце.", ("HUN", "UKR")),
])
def test_a_meeting_held_or_planned_stays(language, text, pair):
    found = consults(text, language)
    assert pair in found or pair[::-1] in found
