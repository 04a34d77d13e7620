"""Force named as the time of an act announced ahead is no threat (issue 15, the pair with the wrong type;
`frame_constraints.force_as_time`): "would reinforce its border operations after the armed clash", "impondrá
sanciones a Rusia tras el ataque contra Ucrania", "проведут переговоры после столкновений": the clash, the attack
came first; the future of the act they date is not theirs, so neither side threatens the other with them. The
act announced keeps its own type, and force announced itself is still a threat. Sentences written for these
tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text, kept", [
    ("en", "Guatemala said on Monday it would reinforce its operations on the border with Mexico after the armed "
           "clash in Huehuetenango.", None),
    ("en", "Russia and Ukraine will hold talks after the clashes.", ("CONSULT", "RUS", "UKR")),
    ("es", "La Unión Europea impondrá sanciones a Rusia tras el ataque contra Ucrania.", ("SANCTION", "EU", "RUS")),
    ("es", "Guatemala afirmó el lunes que reforzaría sus acciones en la frontera con México tras el enfrentamiento "
           "armado en Huehuetenango.", None),
    ("ru", "Гватемала заявила, что усилит операции на границе с Мексикой после вооруженного столкновения.", None),
    ("ru", "Россия и Украина проведут переговоры после столкновений.", ("CONSULT", "RUS", "UKR")),
])
def test_force_that_dates_an_announced_act_is_no_threat(language, text, kept):
    found = triples(code_events(text, language))
    assert not {t for t in found if t[0] == "THREATEN"}, found
    assert kept is None or kept in found, found


@pytest.mark.parametrize("language, text, threat", [
    ("en", "Russia will strike Ukraine after the talks if Kyiv refuses.", ("THREATEN", "RUS", "UKR")),
    ("es", "Corea del Norte amenazó con atacar a Corea del Sur tras las maniobras.", ("THREATEN", "PRK", "KOR")),
    ("ru", "Россия пригрозила нанести удар по Украине после переговоров.", ("THREATEN", "RUS", "UKR")),
])
def test_force_announced_is_still_a_threat(language, text, threat):
    assert threat in triples(code_events(text, language))
