"""A call on the public at large asks no state (issue 15, false REQUEST): "called on the international community to
support Ukraine" is no demand of France's on Ukraine, the beneficiary of the act asked for
(`frame_constraints.asks_no_state`, [roles] public_nouns and appeal_preps); a call on a state named stays."""
from __future__ import annotations

import pytest

from event_readers import directions


@pytest.mark.parametrize("text", [
    "The President of France called on the international community to support Ukraine.",
    "The Foreign Minister of Qatar urged the world to send more aid to Sudan.",
    "El presidente de Francia instó a la comunidad internacional a apoyar a Ucrania.",
    "El canciller de Catar pidió al mundo enviar más ayuda a Sudán.",
    "Президент Франции призвал мировое сообщество поддержать Украину.",
    "Министр иностранных дел Катара призвал международное сообщество оказать помощь Судану.",
])
def test_a_call_on_the_public_asks_no_state(text):
    assert not directions(text, "REQUEST")


@pytest.mark.parametrize("text,pair", [
    ("The President of France called on Russia to withdraw its troops from Ukraine.", ("FRA", "RUS")),
    ("El presidente de Francia instó a Rusia a retirar sus tropas de Ucrania.", ("FRA", "RUS")),
    ("Президент Франции призвал Россию вывести войска с Украины.", ("FRA", "RUS")),
    ("Министр иностранных дел Турции призвал Армению и Азербайджан к миру.", ("TUR", "ARM")),
])
def test_a_call_on_a_state_stays(text, pair):
    assert pair in directions(text, "REQUEST")
