"""A mediator is no side of the talks it mediates (`events/discourse.py`, `events/arguments.py`): "the sides" of the
next sentence are the two that met, not the mediator and one of them, whether the mediation is named before or after
the talks; a mediation named in a comitative phrase of the verb that holds the talks ("with US mediation, A and B
held talks") names no partner of the talks. The mediator's own act (CONSULT, mode mediation) stays."""
from __future__ import annotations

import pytest
from event_readers import triples


@pytest.mark.parametrize("text, sides, mediator", [
    ("With the mediation of the United States, the foreign ministers of Armenia and Azerbaijan held talks in "
     "Washington. The sides agreed to speed up the negotiations.", ("ARM", "AZE"), "USA"),
    ("Con la mediación de Estados Unidos, los cancilleres de Armenia y Azerbaiyán sostuvieron conversaciones en "
     "Washington. Las partes acordaron acelerar las negociaciones.", ("ARM", "AZE"), "USA"),
    ("Главы МИД Сербии и Косово при посредничестве Евросоюза провели переговоры в Брюсселе. Стороны договорились "
     "продолжить диалог.", ("SRB", "XKX"), "EU"),
])
def test_the_sides_after_mediated_talks_are_the_two_that_met(text, sides, mediator):
    events = triples(text, mutual_both_ways=True)
    a, b = sides
    assert ("AGREE", a, b) in events, events
    assert not {e for e in events if e[0] == "AGREE" and mediator in e[1:]}, events
    assert ("CONSULT", mediator, a) in events or ("CONSULT", a, mediator) in events   # the mediation itself


@pytest.mark.parametrize("text", [
    "With Qatar's mediation, Rwanda and Uganda held talks in Doha.",
    "Con la mediación de Noruega, los delegados de Colombia y Venezuela sostuvieron conversaciones en Oslo.",
])
def test_talks_held_with_a_mediation_are_between_the_two_sides(text):
    events = triples(text, mutual_both_ways=True)
    consults = {e for e in events if e[0] == "CONSULT"}
    pairs = {frozenset(e[1:]) for e in consults}
    assert any(len(p & {"RWA", "UGA", "COL", "VEN"}) == 2 for p in pairs), consults
