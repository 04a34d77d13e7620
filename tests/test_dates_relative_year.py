"""A day and month with the year named relative to the report ("on 18 April this year", "el 18 de abril del año
pasado", "17-21 апреля текущего года", "5 мая с.г.") is that day of the report's year, or the one before or after:
read as one date, not as a month ("April this year") with its day lost (issue 15; data/lang/<iso>/dates.toml).
A day of the month named without its month ("on the 15th", "el pasado día 15", "15-го числа") is the nearest such
day on the clause's side of the report (`times._resolve_day_of_month`). Sentences written for these tests."""
from __future__ import annotations

import pytest

from communique.events.times import find_times

_PUBLISHED = "2023-12-09"


@pytest.mark.parametrize("language, text, expression, value", [
    ("en", "The talks took place on 18 April this year in Brasilia.", "18 April this year", "2023-04-18"),
    ("en", "The treaty was signed on April 18 last year.", "April 18 last year", "2022-04-18"),
    ("en", "The summit is planned for 3-5 May next year.", "3-5 May next year", "2024-05-03"),
    ("es", "Las conversaciones se celebraron el 18 de abril de este año en Brasilia.", "el 18 de abril de este año",
     "2023-04-18"),
    ("es", "La visita se realizó del 17 al 21 de abril del presente año.", "del 17 al 21 de abril del presente año",
     "2023-04-17"),
    ("es", "El acuerdo se firmó el 2 de marzo del año pasado.", "el 2 de marzo del año pasado", "2022-03-02"),
    ("ru", "Переговоры состоялись 18 апреля текущего года в Бразилиа.", "18 апреля текущего года", "2023-04-18"),
    ("ru", "Визиты прошли 17-21 апреля прошлого года.", "17-21 апреля прошлого года", "2022-04-17"),
    ("ru", "Договор подписан 5 мая с.г. в Москве.", "5 мая с.г.", "2023-05-05"),
])
def test_a_day_of_the_reports_year_named_relative_to_it(language, text, expression, value):
    found = {t.text: t.value for t in find_times(text, language, _PUBLISHED)}
    assert found.get(expression) == value, found


@pytest.mark.parametrize("language, text, expression", [
    ("en", "The talks took place on 18 April this year.", "18 April this year"),
    ("es", "La reunión fue el 18 de abril del año en curso.", "el 18 de abril del año en curso"),
    ("ru", "Встреча прошла 18 апреля этого года.", "18 апреля этого года"),
])
def test_without_a_report_date_the_day_stays_unresolved(language, text, expression):
    found = {t.text: t.value for t in find_times(text, language, None)}
    assert expression in found and found[expression] is None


@pytest.mark.parametrize("language, text, expression, value", [
    # a day of the month without its month: the nearest such day on the clause's side of the report (Saturday
    # 9 December 2023)
    ("en", "The two ministers met on the 5th in Geneva.", "on the 5th", "2023-12-05"),
    ("en", "The summit will open on the 15th.", "on the 15th", "2023-12-15"),
    ("es", "Los ministros se reunieron el pasado día 5 en Ginebra.", "el pasado día 5", "2023-12-05"),
    ("es", "El canciller viajará el próximo día 15 a Rabat.", "el próximo día 15", "2023-12-15"),
    ("es", "Los cancilleres se reunieron el pasado día 28.", "el pasado día 28", "2023-11-28"),
    ("ru", "Министры встретились 5-го числа в Женеве.", "5-го числа", "2023-12-05"),
    ("ru", "Визит начнется 15 числа.", "15 числа", "2023-12-15"),
])
def test_a_day_of_the_month_without_its_month(language, text, expression, value):
    found = {t.text: t.value for t in find_times(text, language, _PUBLISHED)}
    assert found.get(expression) == value, found


@pytest.mark.parametrize("language, text", [
    ("en", "They marked the 15th anniversary of diplomatic ties."),
    ("en", "Relations in the 21st century have grown."),
    ("es", "El 5 por ciento de las exportaciones va a China."),
    ("ru", "Число визитов выросло до 15."),
])
def test_an_ordinal_or_a_count_is_no_day_of_the_month(language, text):
    assert not find_times(text, language, _PUBLISHED)


@pytest.mark.parametrize("language, text, value", [
    # part of this month, the last or the next (the report of 9 December 2023)
    ("en", "The visit took place earlier this month.", "2023-12"),
    ("en", "The talks are due at the beginning of next month.", "2024-01"),
    ("es", "La visita tuvo lugar a principios de este mes.", "2023-12"),
    ("es", "La visita fue a finales del mes pasado.", "2023-11"),
    ("ru", "Визит состоялся в начале этого месяца.", "2023-12"),
    ("ru", "Переговоры пройдут в конце текущего месяца.", "2023-12"),
    ("ru", "Визит состоится в начале следующего месяца.", "2024-01"),
])
def test_part_of_a_month_named_relative_to_the_report(language, text, value):
    assert [t.value for t in find_times(text, language, _PUBLISHED)] == [value]
