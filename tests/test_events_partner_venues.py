"""A place named "in" a city that the parser hung on a meeting's partner is where they meet, not a third partner
(issue 15, twelfth swap, wrong actors; `events/arguments.partners_venue`): "talks with Somalia's leader in Addis
Ababa" are talks of Kenya and Somalia, none with Ethiopia. Talks named only with a city stay the host's."""
from __future__ import annotations

import pytest
from event_readers import directions


@pytest.mark.parametrize("text", [
    "Kenya's president will hold talks with Somalia's leader in Addis Ababa next week.",
    "El canciller de Kenia mantuvo un encuentro con su par de Somalia en Adís Abeba.",
    "Президент Кении проведет переговоры с лидером Сомали в Аддис-Абебе.",
])
def test_a_city_hung_on_the_partner_is_the_venue(text):
    consults = directions(text, "CONSULT")
    assert ("KEN", "SOM") in consults
    assert not any("ETH" in pair for pair in consults)


@pytest.mark.parametrize("text, pair", [
    ("Лавров провел переговоры в Пекине.", ("RUS", "CHN")),
    ("Lavrov met the ambassador of China in Moscow.", ("RUS", "CHN")),
])
def test_talks_named_with_a_city_alone_stay(text, pair):
    assert pair in directions(text, "CONSULT")
