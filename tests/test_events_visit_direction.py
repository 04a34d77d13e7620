"""A visit told with talks gives the talks' direction (issue 15, twelfth swap, acts read the wrong way round;
`events/places.visit_direction`): "X will hold talks with his counterpart from Y, who will arrive in X's country on a
visit" is Y's trip to X (visitor → host), not X's talks with Y."""
from __future__ import annotations

import pytest
from event_readers import directions


@pytest.mark.parametrize("text, visitor, host", [
    ("Russian Foreign Minister Sergei Lavrov will hold talks on May 14 with his Kazakh counterpart Murat Nurtleu, "
     "who will arrive in Russia on a working visit.", "KAZ", "RUS"),
    ("El ministro español de Asuntos Exteriores, José Manuel Albares, mantendrá el jueves conversaciones con su "
     "homólogo chileno, Alberto van Klaveren, que llegará a España en visita oficial.", "CHL", "ESP"),
    ("Глава МИД РФ Сергей Лавров проведет 14 мая переговоры с казахстанским коллегой Муратом Нуртлеу, который "
     "прибудет в Россию с рабочим визитом.", "KAZ", "RUS"),
])
def test_talks_with_a_visitor_go_from_the_visitor_to_the_host(text, visitor, host):
    pairs = directions(text, "CONSULT")
    assert (visitor, host) in pairs
    assert (host, visitor) not in pairs


@pytest.mark.parametrize("text", [
    "Vietnamese President Nguyen Xuan Phuc held talks with Indonesian President Joko Widodo in Jakarta.",
    "El canciller de Vietnam, Bui Thanh Son, mantuvo conversaciones con la canciller de Indonesia, Retno Marsudi.",
    "Глава МИД Вьетнама Буй Тхань Шон провел переговоры с министром иностранных дел Индонезии Ретно Марсуди.",
])
def test_talks_without_a_visit_told_keep_their_reading(text):
    assert directions(text, "CONSULT") & {("VNM", "IDN"), ("IDN", "VNM")}
