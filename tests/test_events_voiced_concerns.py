"""Criticism voiced as concern over the other side's hostile act (issue 15, eleventh swap): the one concerned
accuses the act's doer; concern over a state of things, or over an act that names only whom it hit, accuses no one.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text, expected", [
    ("en", "Canada remained concerned over human rights violations in Nicaragua.", ("ACCUSE", "CAN", "NIC")),
    ("en", "Japan expressed deep concern over China's incursions into its waters.", ("ACCUSE", "JPN", "CHN")),
    ("en", "Canada said it remained concerned over human rights violations in Nicaragua.", ("ACCUSE", "CAN", "NIC")),
    ("es", "Colombia expresó su preocupación por la injerencia de Venezuela en sus asuntos internos.",
     ("ACCUSE", "COL", "VEN")),
    ("ru", "Казахстан выразил обеспокоенность вмешательством США во внутренние дела страны.", ("ACCUSE", "KAZ", "USA")),
    ("ru", "Россия обеспокоена нарушениями режима прекращения огня со стороны Азербайджана.", ("ACCUSE", "RUS", "AZE")),
])
def test_concern_over_the_other_sides_hostile_act_accuses_it(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found, found


@pytest.mark.parametrize("language, text", [
    ("en", "Canada expressed concern over the humanitarian situation in Sudan."),
    ("en", "Germany voiced concern over the attacks on Kyiv in recent weeks."),
    ("es", "México manifestó su preocupación por la situación humanitaria en Haití."),
    ("ru", "Китай выразил озабоченность гуманитарной ситуацией в Судане."),
])
def test_concern_over_a_state_of_things_or_an_act_with_no_doer_accuses_no_one(language, text):
    # a situation is no act; "attacks on Kyiv" names only whom they hit
    assert not {t for t in triples(code_events(text, language)) if t[0] == "ACCUSE"}


@pytest.mark.parametrize("language, text, expected", [
    ("en", "Spain regretted Argentina's decision to expel its ambassador.", ("ACCUSE", "ESP", "ARG")),
    ("es", "España lamentó la decisión de Argentina de expulsar a su embajador.", ("ACCUSE", "ESP", "ARG")),
])
def test_regret_over_the_other_sides_decision_reproaches_it(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found, found


@pytest.mark.parametrize("language, text", [
    ("en", "Spain regretted the death of the Argentine ambassador."),
    ("es", "México lamentó la muerte del embajador de Chile."),
])
def test_regret_over_a_death_is_sorrow_not_reproach(language, text):
    assert not {t for t in triples(code_events(text, language)) if t[0] == "ACCUSE"}
