"""A note of protest is the protest (ACCUSE, as the gold sets code protests), not a consultation: "sent a note of
protest to Chile", "envió una nota de protesta a Bolivia", "вручил ноту протеста послу Эстонии"."""
from __future__ import annotations

import pytest

from test_events_lang import code_events


@pytest.mark.parametrize("language,text,pair", [
    ("en", "Peru sent a diplomatic note of protest to Chile over the incursion of its patrol boats.", ("PER", "CHL")),
    ("en", "The Foreign Ministry of Peru delivered a protest note to Chile on Monday.", ("PER", "CHL")),
    ("es", "El Gobierno de Honduras envió una nota diplomática de protesta a Nicaragua por la incursión de sus "
           "tropas.", ("HND", "NIC")),
    ("es", "La cancillería de Honduras entregó una nota de protesta a Nicaragua.", ("HND", "NIC")),
    ("ru", "МИД Латвии вручил дипломатическую ноту протеста временному поверенному России.", ("LVA", "RUS")),
])
def test_a_note_of_protest_accuses(language, text, pair):
    events = {(e.type, e.source.code, e.target.code) for e in code_events(text, language).events}
    assert ("ACCUSE", *pair) in events
    assert not any(t == "CONSULT" for t, _, _ in events)
