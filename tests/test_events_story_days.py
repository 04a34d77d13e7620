"""Days counted from the story's own day ("A day earlier", "Al día siguiente", "Днем ранее": `resolve_story_days`),
and the acts of a meeting's two sides told right after it (`inherit_dates`)."""
from __future__ import annotations

import pytest

from communique import extract
from communique.events.times import find_times

PUBLISHED = "2024-05-10"


def _dates(text: str) -> dict[str, str | None]:
    return {e["type"]: e["date"] for e in extract(text, published=PUBLISHED)["events"]}


@pytest.mark.parametrize("text,agreed", [
    ("Kazakhstan's president met the president of Chile in Astana on 6 May. A day earlier, the foreign ministers of "
     "Kazakhstan and Chile signed a visa agreement.", "2024-05-05"),
    ("El presidente de Kazajistán se reunió con el presidente de Chile en Astaná el 6 de mayo. Un día antes, los "
     "cancilleres de Kazajistán y Chile firmaron un acuerdo de visados.", "2024-05-05"),
    ("Президент Казахстана встретился с президентом Чили в Астане 6 мая. Днем ранее министры иностранных дел "
     "Казахстана и Чили подписали соглашение о визах.", "2024-05-05"),
    ("The foreign ministers of Kazakhstan and Chile met in Santiago on 6 May. The next day, Kazakhstan and Chile "
     "signed a visa agreement.", "2024-05-07"),
    ("Los cancilleres de Kazajistán y Chile se reunieron en Santiago el 6 de mayo. Al día siguiente, Kazajistán y "
     "Chile firmaron un acuerdo de visados.", "2024-05-07"),
    ("Министры иностранных дел Казахстана и Чили встретились в Сантьяго 6 мая. На следующий день Казахстан и Чили "
     "подписали соглашение о визах.", "2024-05-07"),
])
def test_a_day_counted_from_the_storys_day(text, agreed):
    dates = _dates(text)
    assert dates["CONSULT"] == "2024-05-06" and dates["AGREE"] == agreed


@pytest.mark.parametrize("text,language", [
    ("The ministers met the day before the summit.", "en"),
    ("The ministers will meet the day after the summit.", "en"),
    ("Los ministros se reunieron un día antes de la cumbre.", "es"),
    ("Los ministros se reunirán al día siguiente de la cumbre.", "es"),
    ("Министры встретились за день до саммита.", "ru"),
    ("Министры встретятся на следующий день после саммита.", "ru"),
])
def test_a_day_counted_from_a_named_event_is_no_story_day(text, language):
    assert [t.text for t in find_times(text, language, PUBLISHED)] == []


@pytest.mark.parametrize("text,language", [
    ("A day earlier, the ministers met in Astana.", "en"),
    ("Un día antes, los ministros se reunieron en Astaná.", "es"),
    ("Днем ранее министры встретились в Астане.", "ru"),
])
def test_a_story_day_with_no_day_before_it_stays_unresolved(text, language):
    assert [t.value for t in find_times(text, language, PUBLISHED)] == [None]


@pytest.mark.parametrize("text", [
    "The foreign ministers of Kazakhstan and Chile held talks in Santiago on 2 May.\n\n"
    "The two ministers agreed to open direct flights.",
    "Los cancilleres de Kazajistán y Chile mantuvieron conversaciones en Santiago el 2 de mayo.\n\n"
    "Los dos ministros acordaron abrir vuelos directos.",
    "Министры иностранных дел Казахстана и Чили провели переговоры в Сантьяго 2 мая.\n\n"
    "Министры договорились открыть прямые рейсы.",
])
def test_an_act_of_the_meetings_two_sides_told_right_after_it_took_place_at_it(text):
    """The next paragraph, as web pages set each sentence apart (8 days before the report: no news day)."""
    dates = _dates(text)
    assert dates["CONSULT"] == "2024-05-02" and dates["AGREE"] == "2024-05-02"


@pytest.mark.parametrize("text", [
    "Talks of the presidents of Kazakhstan and Chile in Astana\n\nThe presidents of Kazakhstan and Chile held talks "
    "in Astana. The Chilean delegation at the talks included the trade minister, who until 3 April was the finance "
    "minister.",
    "Conversaciones de los presidentes de Kazajistán y Chile en Astaná\n\nLos presidentes de Kazajistán y Chile "
    "mantuvieron conversaciones en Astaná. En las conversaciones participó el ministro de Comercio, que hasta el 3 "
    "de abril era ministro de Hacienda.",
    "Переговоры президентов Казахстана и Чили в Астане\n\nПрезиденты Казахстана и Чили провели переговоры в Астане. "
    "В переговорах участвует министр торговли Чили, который до 3 апреля был министром финансов.",
])
def test_a_day_of_another_clause_in_another_statement_does_not_date_the_act(text):
    """The restatement's day belongs to a clause about someone else ("who until 3 April was ..."), weeks before the
    report: the talks keep the report's date."""
    assert _dates(text)["CONSULT"] == PUBLISHED
