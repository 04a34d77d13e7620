"""Event dates against the right anchor (`events/dates.py`, `events/times.py`, `reading/published.py`): "last
evening" and ordinal first days; a story day counted from a day stated far back or from the report; an act done
by saying is not dated by the clause that tells what it is about; an undated act of a meeting's two sides told a
few sentences after the sentence that dates the meeting. All sentences are written for these tests."""
from __future__ import annotations

import pytest

from communique import extract
from communique.events.dates import resolve_story_days
from communique.events.times import find_times
from communique.records import TimeExpression


def _values(text: str, language: str, published: str) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, language, published)}


@pytest.mark.parametrize("language, text, expression, value", [
    ("en", "The two presidents spoke by telephone last evening.", "last evening", "2019-01-08"),
    ("es", "El canciller agradeció su presencia en la asunción del pasado 1° de marzo.", "1° de marzo", "2019-03-01"),
    ("es", "El acuerdo entra en vigor el 1º de febrero de 2019.", "el 1º de febrero de 2019", "2019-02-01"),
    ("ru", "Министры встретились 1-го марта в Минске.", "1-го марта", "2019-03-01"),
])
def test_evening_before_and_ordinal_first_days(language, text, expression, value):
    found = _values(text, language, "2019-01-09" if language == "en" else "2019-04-28")
    assert any(expression in k and v == value for k, v in found.items()), found


def _story(kind: str, sentence: int, start: int) -> TimeExpression:
    return TimeExpression(start, start + 10, "the day before", None, sentence, kind)


def test_story_day_without_a_day_near_it_counts_from_the_last_day_stated_within_a_week():
    times = [TimeExpression(10, 20, "Tuesday 7 May", "2024-05-07", 1, "date"), _story("storyday-1", 6, 500)]
    resolve_story_days(times, "2024-05-08")
    assert times[1].value == "2024-05-06"


def test_story_day_without_any_recent_day_counts_from_the_report():
    times = [TimeExpression(10, 20, "in March 2019", "2019-03", 1, "month"),
             TimeExpression(30, 40, "on 3 March 2019", "2019-03-03", 1, "date"), _story("storyday+1", 7, 500)]
    resolve_story_days(times, "2024-05-08")
    assert times[2].value == "2024-05-09"
    unknown = [_story("storyday-1", 7, 500)]
    resolve_story_days(unknown, "2024-05")       # a report of a known month only: no day to count from
    assert unknown[0].value is None


@pytest.mark.parametrize("text, published, source, target", [
    ("Costa Rica sent a protest note to Nicaragua on Wednesday. Costa Rica also demanded explanations from Nicaragua "
     "over the incursion that took place on Monday near the border.", "2019-08-29", "CRI", "NIC"),
    ("La cancillería de Costa Rica envió este miércoles una nota de protesta a Nicaragua. Costa Rica exigió además "
     "explicaciones a Nicaragua por los hechos ocurridos el lunes en la frontera.", "2019-08-29", "CRI", "NIC"),
    ("МИД Коста-Рики в среду направил ноту протеста Никарагуа. Коста-Рика также потребовала от Никарагуа объяснений "
     "по поводу инцидента, произошедшего в понедельник на границе.", "2019-08-29", "CRI", "NIC"),
])
def test_a_demand_is_not_dated_by_the_clause_that_tells_what_it_is_about(text, published, source, target):
    doc = extract(text, published=published)
    demands = [e for e in doc["events"] if e["type"] == "REQUEST" and e["source"]["code"] == source
               and e["target"]["code"] == target]
    assert demands and all(e["date"] != "2019-08-26" for e in demands), doc["events"]


@pytest.mark.parametrize("text", [
    "On 8 November, the foreign minister of Russia held talks with the foreign minister of Uzbekistan in Moscow. "
    "The ministers reviewed the agenda of the coming summit. They exchanged views on regional security. "
    "The ministers of Russia and Uzbekistan signed an intergovernmental agreement on cooperation in education.",
    "El 8 de noviembre, el canciller de Rusia mantuvo conversaciones con el canciller de Uzbekistán en Moscú. "
    "Los ministros repasaron la agenda de la próxima cumbre. Intercambiaron opiniones sobre la seguridad regional. "
    "Los cancilleres de Rusia y Uzbekistán firmaron un acuerdo intergubernamental de cooperación en educación.",
    "8 ноября министр иностранных дел России провел переговоры с министром иностранных дел Узбекистана в Москве. "
    "Министры обсудили повестку предстоящего саммита. Состоялся обмен мнениями по вопросам региональной безопасности. "
    "Министры России и Узбекистана подписали межправительственное соглашение о сотрудничестве в сфере образования.",
])
def test_an_act_of_the_meetings_two_sides_told_later_takes_the_meetings_day(text):
    doc = extract(text, published="2021-11-19")
    agreements = [e for e in doc["events"] if e["type"] in ("AGREE", "COOPERATE")
                  and {e["source"]["code"], e["target"]["code"]} == {"RUS", "UZB"}]
    assert agreements and all(e["date"] == "2021-11-08" for e in agreements), doc["events"]


def test_an_act_after_another_time_keeps_its_own_date():
    doc = extract("On 8 November, the foreign minister of Russia held talks with the foreign minister of Uzbekistan "
                  "in Moscow. In 2019 the two countries opened new consulates. The ministers of Russia and Uzbekistan "
                  "signed an intergovernmental agreement on cooperation in education.", published="2021-11-19")
    agreements = [e for e in doc["events"] if e["type"] in ("AGREE", "COOPERATE")
                  and e["evidence"]["text"].startswith("The ministers")]
    assert all(e["date"] != "2021-11-08" for e in agreements), doc["events"]
