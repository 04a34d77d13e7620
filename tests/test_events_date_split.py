"""One pair's acts of one type on clearly different dates stay distinct events; a mention without a date of its
own still joins the event (`events/date_split.py`)."""
from __future__ import annotations

import pytest

from communique import extract
from communique.events.date_split import clearly_apart


def _dated(text: str, event_type: str) -> list[str | None]:
    return sorted(e["date"] or "" for e in extract(text, published="2024-05-10")["events"] if e["type"] == event_type)


@pytest.mark.parametrize("text", [
    "The foreign ministers of Brazil and Argentina met in 2015 in Brasilia. "
    "The foreign ministers of Brazil and Argentina met again on 7 May 2024 in Buenos Aires.",
    "Los cancilleres de Brasil y Argentina se reunieron en 2015 en Brasilia. "
    "Los cancilleres de Brasil y Argentina se reunieron de nuevo el 7 de mayo de 2024 en Buenos Aires.",
    "Министры иностранных дел Бразилии и Аргентины встретились в 2015 году в Бразилиа. "
    "Министры иностранных дел Бразилии и Аргентины снова встретились 7 мая 2024 года в Буэнос-Айресе.",
])
def test_meetings_in_different_years_stay_apart(text):
    dates = _dated(text, "CONSULT")
    assert len(dates) >= 2 and any(d.startswith("2015") for d in dates) and any(d.startswith("2024") for d in dates)


@pytest.mark.parametrize("text", [
    "The foreign ministers of Brazil and Argentina met on 7 May 2024 in Brasilia. "
    "The foreign ministers of Brazil and Argentina met to discuss trade.",
    "Los cancilleres de Brasil y Argentina se reunieron el 7 de mayo de 2024 en Brasilia. "
    "Los cancilleres de Brasil y Argentina se reunieron para hablar de comercio.",
    "Министры иностранных дел Бразилии и Аргентины встретились 7 мая 2024 года в Бразилиа. "
    "Министры иностранных дел Бразилии и Аргентины встретились для обсуждения торговли.",
])
def test_a_mention_without_a_date_still_joins_the_event(text):
    assert _dated(text, "CONSULT") == ["2024-05-07"]


def test_clearly_apart():
    assert clearly_apart("2015", "2024-05-07")
    assert clearly_apart("2024-01-14", "2024-07-01")
    assert not clearly_apart("2024-05-06", "2024-05-07")      # talks on Monday and Tuesday of one visit
    assert not clearly_apart("2024-05", "2024-05-07")
    assert not clearly_apart("2024", "2024-05-07")
    assert not clearly_apart(None, "2024-05-07")
