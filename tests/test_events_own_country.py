""""His country", "her country", "его страна", "su país" as a subject is the owner's one side (the speaker's
country), never the two sides the text is about nor the last country named before it."""
from __future__ import annotations

import pytest

from test_events_lang import code_events


def sanctions(text: str, language: str) -> set[tuple[str, str]]:
    return {(e.source.code, e.target.code) for e in code_events(text, language).events if e.type == "SANCTION"}


@pytest.mark.parametrize("language,text", [
    ("en", "Peru has deployed police to its border with Bolivia. Peru also signed a security pact with Bolivia. "
           "Ecuador's foreign minister said on Friday that her country would expel Colombia's ambassador."),
    ("es", "Perú desplegó policías en su frontera con Bolivia. Perú también firmó un pacto de seguridad con Bolivia. "
           "La canciller de Ecuador dijo el viernes que su país expulsará al embajador de Colombia."),
    ("ru", "Перу направило полицию на границу с Боливией. Перу также подписало с Боливией соглашение о безопасности. "
           "Министр иностранных дел Эквадора заявил в пятницу, что его страна вышлет посла Колумбии."),
])
def test_his_country_is_the_speakers_country(language, text):
    found = sanctions(text, language)
    assert ("ECU", "COL") in found
    assert not any(source == "PER" for source, _ in found)


@pytest.mark.parametrize("language,text", [
    ("en", "Peru and Bolivia have quarrelled over water for years. Both countries recalled their ambassadors."),
    ("es", "Perú y Bolivia discuten por el agua desde hace años. Ambos países retiraron a sus embajadores."),
])
def test_both_countries_still_stand_for_the_two_sides(language, text):
    events = code_events(text, language).events
    assert {frozenset((e.source.code, e.target.code)) for e in events} & {frozenset(("PER", "BOL"))}
