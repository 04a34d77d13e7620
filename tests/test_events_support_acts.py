"""Statements of support that were missed (issue 15, twelfth swap): greetings one side conveys to another
("conveyed the greetings of the president to the emir", "trasladó el saludo del mandatario", «передал
приветствие президента») are SUPPORT of the side whose greetings they are, not only greetings exchanged."""
from __future__ import annotations

import pytest

from communique import extract

PUBLISHED = "2024-05-10"


def _supports(text: str) -> set[tuple[str, str]]:
    return {((e["source"] or {}).get("code"), (e["target"] or {}).get("code"))
            for e in extract(text, published=PUBLISHED)["events"] if e["type"] == "SUPPORT"}


@pytest.mark.parametrize("text", [
    "Egypt's foreign minister conveyed the greetings of President Sisi to the Emir of Qatar during the meeting.",
    "El canciller de Egipto trasladó al emir de Qatar el saludo del presidente egipcio.",
    "Министр иностранных дел Египта передал эмиру Катара приветствие президента Ас-Сиси.",
])
def test_greetings_conveyed_are_support(text):
    assert ("EGY", "QAT") in _supports(text)
