"""An envoy "invited" to the ministry is summoned (issue 15, false REQUEST): «советник-посланник Молдовы был
приглашен в МИД» is the summons of «вызвать» (ACCUSE, mode summon), whose envoy nouns «пригласить» now shares
(counsellor-envoy, consul, diplomat, attaché); an invitation to visit stays a REQUEST. English and Spanish say
"summoned" / "convocado" and state no invitation either way."""
from __future__ import annotations

import pytest

from event_readers import directions


@pytest.mark.parametrize("text,pair", [
    ("Советник-посланник Молдовы в России сегодня был приглашен в МИД России, где ему вручили ноту.", ("RUS", "MDA")),
    ("Консул Польши был приглашен в МИД Белоруссии, где ему выразили протест.", ("BLR", "POL")),
    ("Советник-посланник посольства Латвии был вызван в МИД России.", ("RUS", "LVA")),
])
def test_an_envoy_invited_to_the_ministry_is_summoned(text, pair):
    assert not directions(text, "REQUEST")
    assert pair in directions(text, "ACCUSE")


@pytest.mark.parametrize("text", [
    "The Moldovan ambassador was invited to the Russian Foreign Ministry, where he was handed a note of protest.",
    "El embajador de Moldavia fue invitado a la Cancillería rusa, donde se le entregó una nota de protesta.",
])
def test_no_invitation_in_a_summons(text):
    assert not directions(text, "REQUEST")


@pytest.mark.parametrize("text,pair", [
    ("Президент России пригласил президента Бразилии посетить Москву.", ("RUS", "BRA")),
    ("The President of Russia invited the President of Brazil to visit Moscow.", ("RUS", "BRA")),
    ("El presidente de Rusia invitó al presidente de Brasil a visitar Moscú.", ("RUS", "BRA")),
])
def test_an_invitation_to_visit_stays(text, pair):
    assert pair in directions(text, "REQUEST")
