"""People of a counted group act for its states (`events/discourse.py` `_group_size`, [groups] of_heads in
data/lang/<iso>/discourse.toml): "officials of the two countries signed", "funcionarios de los dos países
firmaron", "чиновники двух стран подписали" are the two sides the text is about, as "the two countries" are,
though "officials" is no group noun of its own."""
from __future__ import annotations

import pytest
from event_readers import triples


@pytest.mark.parametrize("text", [
    "Iraqi Prime Minister Mohammed al-Sudani arrived in Ankara on Tuesday for an official visit. Officials of the two "
    "countries signed nine agreements on cooperation in energy and water.",
    "El primer ministro de Irak, Mohammed al Sudani, llegó el martes a Ankara en visita oficial. Funcionarios de los "
    "dos países firmaron nueve acuerdos de cooperación en energía y agua.",
    "Премьер-министр Ирака Мохаммед ас-Судани во вторник прибыл в Анкару с официальным визитом. Чиновники двух стран "
    "подписали девять соглашений о сотрудничестве в энергетике и водном хозяйстве.",
])
def test_officials_of_the_two_countries_sign_for_both(text):
    events = triples(text)
    assert {("AGREE", "IRQ", "TUR"), ("AGREE", "TUR", "IRQ")} & events, events
