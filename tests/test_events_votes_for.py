"""A vote for a body's text is no support of the body (`events/votes.py`): "supported the UN resolution", "apoyaron
la resolución de la OEA", "поддержали резолюцию ООН" state no SUPPORT of the UN or the OAS (the gold conventions
code votes against as rejections and votes for as nothing); what the text says keeps its own events, and a state's
own draft is still support of that state."""
from __future__ import annotations

import pytest
from event_readers import triples


@pytest.mark.parametrize("text, body", [
    ("Brazil, Mexico and Chile supported the resolution of the UN General Assembly on the protection of migrants.",
     "UN"),
    ("Kenya and Ghana backed the UN resolution on climate financing.", "UN"),
    ("Perú, Chile y Colombia apoyaron la resolución de la OEA sobre la protección de los periodistas.", "OAS"),
    ("Perú expresó su apoyo a la resolución de la ONU.", "UN"),
    ("Казахстан, Киргизия и Армения поддержали резолюцию ООН о сотрудничестве с ОБСЕ.", "UN"),
])
def test_a_vote_for_a_bodys_resolution_is_no_support_of_the_body(text, body):
    events = triples(text)
    assert not {e for e in events if e[0] == "SUPPORT" and e[2] == body}, events


def test_what_the_resolution_says_keeps_its_event():
    events = triples("México y Chile apoyaron la resolución de la OEA que condena a Nicaragua.")
    assert ("ACCUSE", "OAS", "NIC") in events
    assert not {e for e in events if e[0] == "SUPPORT"}, events


@pytest.mark.parametrize("text, pair", [
    ("Russia supported the Kazakh resolution on nuclear tests.", ("RUS", "KAZ")),
    ("Brasil apoya la candidatura de Chile al Consejo de Seguridad de la ONU.", ("BRA", "CHL")),
    ("Россия поддержала инициативу Казахстана.", ("RUS", "KAZ")),
])
def test_support_of_a_state_stays(text, pair):
    assert ("SUPPORT", *pair) in triples(text), triples(text)
