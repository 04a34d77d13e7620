"""A single side that agrees to act against another states that act, no agreement with the side it acts against
(issue 15, the pair with the wrong type; `frame_constraints.agreed_to_punish`): "the EU agreed to impose new
sanctions on Belarus", "la UE acordó imponer nuevas sanciones a Bielorrusia", "Евросоюз договорился ввести
санкции против Белоруссии" are a SANCTION of the EU on Belarus and no AGREE between them. Sides that agree
together, acts agreed that are no punishment, and punishments stopped or lifted still agree. Sentences written for
these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text, act", [
    ("en", "The European Union agreed on Tuesday to impose new sanctions on Belarus.", ("SANCTION", "EU", "BLR")),
    ("en", "ECOWAS leaders said on Sunday they had agreed to impose further sanctions on Guinea.",
     ("SANCTION", "ECOWAS", "GIN")),
    ("en", "The European Union agreed on Monday to expel two Russian diplomats.", ("SANCTION", "EU", "RUS")),
    ("es", "La Unión Europea acordó el martes imponer nuevas sanciones a Bielorrusia.", ("SANCTION", "EU", "BLR")),
    ("ru", "Евросоюз договорился ввести новые санкции против Белоруссии.", ("SANCTION", "EU", "BLR")),
])
def test_a_punishment_agreed_is_the_punishment(language, text, act):
    found = triples(code_events(text, language))
    assert act in found and not {t for t in found if t[0] == "AGREE"}, found


@pytest.mark.parametrize("language, text, pair", [
    ("en", "Russia and Ukraine agreed to stop shelling the nuclear plant.", {"RUS", "UKR"}),
    ("en", "Kenya agreed to expand trade with Ghana.", {"KEN", "GHA"}),
    ("es", "Chile acordó con Perú ampliar el comercio bilateral.", {"CHL", "PER"}),
    ("ru", "Россия и Китай договорились расширить торговлю.", {"RUS", "CHN"}),
    # a clause of manner beside the agreement is not what is agreed
    ("en", "Without giving up its claim to the sea, Bolivia agreed with Chile on a joint commission.", {"BOL", "CHL"}),
    ("es", "Sin renunciar a su reclamo marítimo, Bolivia acordó con Chile una comisión conjunta.", {"BOL", "CHL"}),
    ("ru", "Не отказываясь от своих претензий, Боливия договорилась с Чили о создании совместной комиссии.",
     {"BOL", "CHL"}),
])
def test_agreements_that_punish_no_one_still_count(language, text, pair):
    found = triples(code_events(text, language))
    assert any(t[0] == "AGREE" and {t[1], t[2]} == pair for t in found), found
