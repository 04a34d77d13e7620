"""The other side of an act whose target the sentence leaves unsaid is an actor listed with the doer, not a third
state or a city named nearer the trigger (issue 15, twelfth swap, wrong actors; `events/arguments.listed_partners`):
"the presidents of Kenya and Somalia, after talks in Ankara with the Turkish president, agreed to prepare a border
accord" is an accord of Kenya and Somalia, neither with Turkey nor with Ankara."""
from __future__ import annotations

import pytest
from event_readers import pairs


@pytest.mark.parametrize("text, third, sides", [
    ("Ruto and Tshisekedi, after a meeting in Luanda with Angolan President Joao Lourenco, agreed to resume work "
     "on a peace accord.", "AGO", {"KEN", "COD"}),
    ("Ruto y Tshisekedi, tras una reunión en Luanda con el presidente de Angola, João Lourenço, acordaron retomar "
     "el trabajo sobre el acuerdo de paz.", "AGO", {"KEN", "COD"}),
    ("Руто и Чисекеди по итогам встречи в Луанде с президентом Анголы Жоау Лоуренсу договорились возобновить "
     "работу над мирным соглашением.", "AGO", {"KEN", "COD"}),
    ("Министры иностранных дел Сербии и Косово обсудили проект соглашения о нормализации в Брюсселе.", "BEL", {"SRB", "XKX"}),
])
def test_an_accord_of_listed_sides_is_theirs_not_a_third_states(text, third, sides):
    accords = pairs(text, "AGREE")
    assert not any(third in p for p in accords)
    assert frozenset(sides) in accords
