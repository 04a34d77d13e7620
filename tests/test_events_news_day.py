"""The day of the news: an act a report tells without a date happened on the day its lead gives the news, when
that day lies within a week before publication (`events.dates.news_day`); an answer of the side the news act was
aimed at keeps the report's date."""
from __future__ import annotations

import pytest

from communique import extract

PUBLISHED = "2024-05-13"          # a Monday: "on Sunday" is 2024-05-12


def _dates(text: str, published: str = PUBLISHED) -> dict[str, str | None]:
    return {e["type"]: e["date"] for e in extract(text, published=published)["events"]}


@pytest.mark.parametrize("text", [
    "Kazakhstan's foreign ministry on Sunday summoned the ambassador of Chile over the remarks of its consul. "
    "The ministry also demanded an official apology from Chile.",
    "El Ministerio de Exteriores de Kazajistán convocó el domingo al embajador de Chile por las declaraciones de su "
    "cónsul. La cancillería también exigió a Chile una disculpa oficial.",
    "МИД Казахстана в воскресенье вызвал посла Чили в связи с высказываниями консула. "
    "Министерство также потребовало от Чили официальных извинений.",
])
def test_an_act_told_without_a_date_happened_on_the_day_of_the_news(text):
    dates = _dates(text)
    assert dates["ACCUSE"] == "2024-05-12"
    assert dates["REQUEST"] == "2024-05-12"


@pytest.mark.parametrize("text", [
    "The European Union imposed sanctions on Iran on Friday. Iran condemned the sanctions and accused the EU of "
    "hypocrisy.",
    "La Unión Europea impuso sanciones a Irán el viernes. Irán condenó las sanciones y acusó a la UE de hipocresía.",
    "Евросоюз в пятницу ввел санкции против Ирана. Иран осудил санкции и обвинил ЕС в лицемерии.",
])
def test_the_answer_of_the_side_the_news_was_aimed_at_keeps_the_reports_date(text):
    dates = _dates(text)
    assert dates["SANCTION"] == "2024-05-10"
    assert dates["ACCUSE"] == PUBLISHED


@pytest.mark.parametrize("text,published", [
    # the lead's day is the publication day
    ("Kazakhstan's foreign ministry on Monday summoned the ambassador of Chile over the remarks of its consul. "
     "The ministry also demanded an official apology from Chile.", PUBLISHED),
    # the lead's day lies more than a week before publication: no longer the news of the report
    ("Kazakhstan's foreign ministry on May 2 summoned the ambassador of Chile over the remarks of its consul. "
     "The ministry also demanded an official apology from Chile.", PUBLISHED),
])
def test_without_a_recent_past_day_in_the_lead_the_report_dates_the_act(text, published):
    assert _dates(text, published)["REQUEST"] == published
