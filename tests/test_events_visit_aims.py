"""Ties a visit is said to be for are its aim, no act of their own (`events/purposes.py` `visit_aim`): "a visit
aimed at strengthening bilateral ties", "una visita destinada a fortalecer los lazos", "визит, направленный на
укрепление связей" state the visit (CONSULT) and no COOPERATE; cooperation agreed during a visit still counts."""
from __future__ import annotations

import pytest
from event_readers import triples


@pytest.mark.parametrize("text, pair", [
    ("President Ruto arrived in Accra on Monday for a two-day official visit aimed at strengthening bilateral ties "
     "between Kenya and Ghana.", ("KEN", "GHA")),
    ("El presidente de Chile llegó el miércoles a Perú para una visita oficial de tres días destinada a fortalecer "
     "los lazos bilaterales.", ("CHL", "PER")),
    ("Президент Казахстана прибыл в Баку с официальным визитом, направленным на укрепление двусторонних связей с "
     "Азербайджаном.", ("KAZ", "AZE")),
])
def test_ties_a_visit_is_for_are_no_event_of_their_own(text, pair):
    events = triples(text)
    assert ("CONSULT", *pair) in events
    assert not {e for e in events if e[0] == "COOPERATE"}, events


def test_cooperation_agreed_during_a_visit_still_counts():
    events = triples("During the visit, Kenya and Ghana agreed to expand their cooperation in energy.")
    assert {e for e in events if e[0] in ("AGREE", "COOPERATE")}, events
