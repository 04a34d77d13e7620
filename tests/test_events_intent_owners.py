"""The owner of a decision, plan or move does the act it names ("the Obama administration's decision to impose
sanctions on Cuba", "la decisión del gobierno de Macri de expulsar", "решение администрации Обамы ввести санкции"):
a leader's administration is that leader's state."""
from __future__ import annotations

import pytest

from test_events_lang import code_events


def sanctions(text: str, language: str) -> set[tuple[str, str]]:
    return {(e.source.code, e.target.code) for e in code_events(text, language).events if e.type == "SANCTION"}


@pytest.mark.parametrize("language,text", [
    ("en", "The Obama administration's decision to impose new sanctions on Syria surprised diplomats in Geneva."),
    ("en", "Brazil's move to expel Paraguay's ambassador was criticised in Asunción."),
    ("es", "La decisión de la administración de Obama de imponer nuevas sanciones a Siria sorprendió en Ginebra."),
    ("es", "La decisión de Brasil de expulsar al embajador de Paraguay fue criticada en Asunción."),
    ("ru", "Решение администрации Обамы ввести новые санкции против Сирии удивило дипломатов в Женеве."),
    ("ru", "Решение Бразилии выслать посла Парагвая вызвало критику в Асунсьоне."),
])
def test_the_owner_of_a_decision_does_the_act(language, text):
    found = sanctions(text, language)
    owner, target = ("USA", "SYR") if "Syr" in text or "Сир" in text or "Siria" in text else ("BRA", "PRY")
    assert (owner, target) in found


@pytest.mark.parametrize("language,text", [
    ("en", "Brazil criticised Argentina's decision to expel Paraguay's ambassador."),
    ("es", "Brasil criticó la decisión de Argentina de expulsar al embajador de Paraguay."),
])
def test_the_critic_of_a_decision_does_not_do_its_act(language, text):
    assert not any(source == "BRA" for source, _ in sanctions(text, language))
