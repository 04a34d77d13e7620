"""An act named in what a protest note answers is the protested side's, not the protester's (issue 15, twelfth swap,
acts read the wrong way round; `events/reported_acts.reacts`): "Guatemala sent a protest note to Mexico over the
incursion of its forces" is Mexico's incursion into Guatemala, the note carrying the protest as a verb would."""
from __future__ import annotations

import pytest
from event_readers import directions


HOSTILE = {"COERCE", "ASSAULT"}


@pytest.mark.parametrize("text, doer, victim", [
    ("Guatemala sent a protest note to Mexico over the incursion of its security forces into Guatemalan territory "
     "on Sunday.", "MEX", "GTM"),
    ("El Gobierno de Costa Rica envió una nota de protesta a Nicaragua por la incursión de sus militares en "
     "territorio costarricense.", "NIC", "CRI"),
    ("Гватемала направила Мексике ноту протеста в связи с вторжением ее сил безопасности на территорию Гватемалы.",
     "MEX", "GTM"),
])
def test_the_act_a_protest_note_answers_is_the_protested_sides(text, doer, victim):
    acts = directions(text, HOSTILE)
    assert (doer, victim) in acts
    assert (victim, doer) not in acts
