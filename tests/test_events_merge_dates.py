"""The document merge keeps one pair's acts of one type apart when their sentences date them apart, and a mention
its sentence does not date joins the act it repeats (`events/merge.py`, `date_parts`; dates read by
`events/dates.py`, `ActDates`)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from communique import extract
from communique.events.merge import date_parts, dated_apart

PUBLISHED = "2024-05-10"          # a Friday: "on Thursday" is 2024-05-09


def _events(text: str, event_type: str = "CONSULT") -> list[dict]:
    return [e for e in extract(text, published=PUBLISHED)["events"] if e["type"] == event_type]


def _dates(text: str, event_type: str = "CONSULT") -> list[str]:
    return sorted(e["date"] or "" for e in _events(text, event_type))


# --- two visits of one pair in different years: two events, each with its own date --------------------------------

@pytest.mark.parametrize("text", [
    "Turkish President Erdogan visited Hungary in 2019. "
    "On Thursday, Erdogan visited Hungary again for talks on gas supplies.",
    "El presidente de Turquía, Erdogan, visitó Hungría en 2019. "
    "El jueves, Erdogan visitó de nuevo Hungría para conversar sobre el suministro de gas.",
    "Президент Турции Эрдоган посетил Венгрию в 2019 году. "
    "В четверг Эрдоган снова посетил Венгрию для переговоров о поставках газа.",
])
def test_visits_in_different_years_stay_two_events(text):
    visits = [e for e in _events(text) if (e["source"]["code"], e["target"]["code"]) == ("TUR", "HUN")]
    assert sorted(e["date"] for e in visits) == ["2019", "2024-05-09"]
    assert all(e["also_evidence"] == [] for e in visits)          # each act keeps its own sentence only


@pytest.mark.parametrize("text", [
    "The foreign ministers of Brazil and Argentina met in 2015 in Brasilia. "
    "The foreign ministers of Brazil and Argentina met again on 7 May 2024 in Buenos Aires.",
    "Los cancilleres de Brasil y Argentina se reunieron en 2015 en Brasilia. "
    "Los cancilleres de Brasil y Argentina se reunieron de nuevo el 7 de mayo de 2024 en Buenos Aires.",
    "Министры иностранных дел Бразилии и Аргентины встретились в 2015 году в Бразилиа. "
    "Министры иностранных дел Бразилии и Аргентины снова встретились 7 мая 2024 года в Буэнос-Айресе.",
])
def test_meetings_in_different_years_stay_apart(text):
    dates = _dates(text)
    assert len(dates) >= 2 and any(d.startswith("2015") for d in dates) and any(d.startswith("2024") for d in dates)


@pytest.mark.parametrize("text", [
    "The photo taken on 7 May 2024 shows the flags of Turkey and Hungary in Budapest. Turkish President Erdogan "
    "visited Hungary on Tuesday for talks on gas supplies. Erdogan had visited Hungary in 2019.",
    "La foto tomada el 7 de mayo de 2024 muestra las banderas de Turquía y Hungría en Budapest. El presidente de "
    "Turquía, Erdogan, visitó Hungría el martes para conversar sobre el gas. Erdogan ya había visitado Hungría en 2019.",
    "На снимке, сделанном 7 мая 2024 года, флаги Турции и Венгрии в Будапеште. Президент Турции Эрдоган во вторник "
    "посетил Венгрию для переговоров о поставках газа. Эрдоган уже посещал Венгрию в 2019 году.",
])
def test_without_a_publication_date_the_lead_day_resolves_the_merge_dates(text):
    """No publication date: "on Tuesday" resolves against the day the lead gives (`reference_day`), in the merge
    as in the dates stage, so Tuesday's visit and the 2019 one stay apart."""
    record = extract(text)
    assert record["published"] is None
    visits = {e["date"]: e for e in record["events"] if e["type"] == "CONSULT"}
    assert sorted(visits) == ["2019", "2024-05-07"]


# --- a dated act repeated undated later in the text: one event ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Turkish President Erdogan visited Hungary on 8 May 2024. "
    "Erdogan visited Hungary with a large delegation of ministers and business leaders.",
    "El presidente de Turquía, Erdogan, visitó Hungría el 8 de mayo de 2024. "
    "Erdogan visitó Hungría acompañado de una amplia delegación de ministros y empresarios.",
    "Президент Турции Эрдоган посетил Венгрию 8 мая 2024 года. "
    "Эрдоган посетил Венгрию в сопровождении большой делегации министров и предпринимателей.",
])
def test_a_dated_visit_repeated_undated_stays_one(text):
    visits = _events(text)
    assert [e["date"] for e in visits] == ["2024-05-08"] and len(visits[0]["also_evidence"]) == 1


@pytest.mark.parametrize("text", [
    "The foreign ministers of Brazil and Argentina met on 7 May 2024 in Brasilia. "
    "The foreign ministers of Brazil and Argentina met to discuss trade.",
    "Los cancilleres de Brasil y Argentina se reunieron el 7 de mayo de 2024 en Brasilia. "
    "Los cancilleres de Brasil y Argentina se reunieron para hablar de comercio.",
    "Министры иностранных дел Бразилии и Аргентины встретились 7 мая 2024 года в Бразилиа. "
    "Министры иностранных дел Бразилии и Аргентины встретились для обсуждения торговли.",
])
def test_a_mention_without_a_date_still_joins_the_event(text):
    assert _dates(text) == ["2024-05-07"]


@pytest.mark.parametrize("text", [
    "Turkish President Erdogan visited Hungary in 2019. On Thursday, Erdogan visited Hungary again. "
    "Erdogan visited Hungary with a large delegation of ministers.",
    "El presidente de Turquía, Erdogan, visitó Hungría en 2019. El jueves, Erdogan visitó de nuevo Hungría. "
    "Erdogan visitó Hungría acompañado de una amplia delegación de ministros.",
    "Президент Турции Эрдоган посетил Венгрию в 2019 году. В четверг Эрдоган снова посетил Венгрию. "
    "Эрдоган посетил Венгрию в сопровождении большой делегации министров.",
])
def test_an_undated_mention_tells_the_news_not_the_old_visit(text):
    visits = {e["date"]: e for e in _events(text)}
    assert sorted(visits) == ["2019", "2024-05-09"]
    assert visits["2019"]["also_evidence"] == [] and len(visits["2024-05-09"]["also_evidence"]) == 1


@pytest.mark.parametrize("text", [
    "Turkish President Erdogan visited Hungary in 2019. On Thursday, Erdogan visited Hungary again. "
    "Erdogan's visit to Hungary followed the gas agreement signed in 2015.",
    "El presidente de Turquía, Erdogan, visitó Hungría en 2019. El jueves, Erdogan visitó de nuevo Hungría. "
    "La visita de Erdogan a Hungría siguió al acuerdo de gas firmado en 2015.",
    "Президент Турции Эрдоган посетил Венгрию в 2019 году. В четверг Эрдоган снова посетил Венгрию. "
    "Визит Эрдогана в Венгрию последовал за газовым соглашением, подписанным в 2015 году.",
])
def test_a_time_of_another_clause_does_not_date_the_repeated_act(text):
    """The sentence states a time, but of the agreement it names ("signed in 2015", "firmado en 2015"): the visit
    it repeats is still undated, and it joins the news."""
    visits = {e["date"]: e for e in _events(text)}
    assert sorted(visits) == ["2019", "2024-05-09"]
    assert visits["2019"]["also_evidence"] == [] and len(visits["2024-05-09"]["also_evidence"]) == 1


@pytest.mark.parametrize("text", [
    "Turkish President Erdogan visited Hungary in 2019. During the visit, Erdogan met Hungarian Prime Minister "
    "Orban. On Thursday, Erdogan visited Hungary again.",
    "El presidente de Turquía, Erdogan, visitó Hungría en 2019. Durante la visita, Erdogan se reunió con el primer "
    "ministro húngaro, Orbán. El jueves, Erdogan visitó de nuevo Hungría.",
    "Президент Турции Эрдоган посетил Венгрию в 2019 году. В ходе визита Эрдоган встретился с премьер-министром "
    "Венгрии Орбаном. В четверг Эрдоган снова посетил Венгрию.",
])
def test_a_sentence_that_continues_a_dated_one_joins_its_act(text):
    """"During the visit, ..." continues the sentence before: the meeting it tells took place in 2019."""
    visits = {e["date"]: e for e in _events(text)}
    assert sorted(visits) == ["2019", "2024-05-09"]
    assert len(visits["2019"]["also_evidence"]) == 1 and visits["2024-05-09"]["also_evidence"] == []


# --- the news told undated in the lead, a like act dated long before: two events ------------------------------------

@pytest.mark.parametrize("text", [
    "Chile has ordered the immediate recall of its ambassador to Peru for consultations. "
    "In March 2022, Chile recalled its ambassador to Peru over a border dispute.",
    "Chile ordenó la retirada inmediata de su embajador en Perú para consultas. "
    "En marzo de 2022, Chile retiró a su embajador en Perú por una disputa fronteriza.",
    "Чили отозвала своего посла из Перу для консультаций. "
    "В марте 2022 года Чили уже отзывала посла из Перу из-за пограничного спора.",
])
def test_the_leads_undated_act_is_the_news_not_the_same_act_years_before(text):
    assert _dates(text, "SANCTION") == ["2022-03", PUBLISHED]


@pytest.mark.parametrize("text", [
    "Chile recalled its ambassador to Peru for consultations. "
    "Chile recalled its ambassador to Peru on 3 May 2024 over a border dispute.",
    "Chile retiró a su embajador en Perú para consultas. "
    "Chile retiró a su embajador en Perú el 3 de mayo de 2024 por una disputa fronteriza.",
    "Чили отозвала своего посла из Перу для консультаций. "
    "Чили отозвала посла из Перу 3 мая 2024 года из-за пограничного спора.",
])
def test_the_leads_undated_act_dated_days_before_the_report_is_one_act(text):
    assert _dates(text, "SANCTION") == ["2024-05-03"]


def test_date_parts_keeps_the_leads_undated_news_apart_from_a_like_act_long_before():
    lead, old, later = _candidate(0), _candidate(4), _candidate(5)
    dates = {0: None, 4: "2022-03", 5: None}
    assert date_parts([lead, old, later], lambda c: dates[c.sentence], PUBLISHED) == [[lead, later], [old]]
    # not in the lead, or no report date: the undated mention repeats the dated act
    dates = {4: None, 3: "2022-03"}
    assert date_parts([_candidate(3), _candidate(4)], lambda c: dates[c.sentence], PUBLISHED) == \
        [[_candidate(3), _candidate(4)]]
    dates = {0: None, 4: "2022-03"}
    assert len(date_parts([lead, old], lambda c: dates[c.sentence])) == 1


# --- talks and a later phone call on another date: two events ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Indian Foreign Minister Jaishankar held talks with his Japanese counterpart in Tokyo on 12 March. "
    "In April, Jaishankar had a phone call with the Japanese foreign minister.",
    "El canciller de la India, Jaishankar, mantuvo conversaciones con su homólogo japonés en Tokio el 12 de marzo. "
    "En abril, Jaishankar habló por teléfono con el canciller de Japón.",
    "Министр иностранных дел Индии Джайшанкар провёл переговоры с японским коллегой в Токио 12 марта. "
    "В апреле Джайшанкар провёл телефонный разговор с министром иностранных дел Японии.",
])
def test_talks_and_a_later_phone_call_stay_apart(text):
    assert _dates(text) == ["2024-03-12", "2024-04"]


# --- the rules ------------------------------------------------------------------------------------------------------

def test_dated_apart():
    assert dated_apart("2015", "2024-05-07")
    assert dated_apart("2024-01-14", "2024-07-01")
    assert dated_apart("2024-03", "2024-06")                     # talks in March, a call in June
    assert dated_apart("2024-03-12", "2024-06")
    assert not dated_apart("2024-05-06", "2024-05-07")          # talks on Monday and Tuesday of one visit
    assert not dated_apart("2023-12-30", "2024-01-02")          # one visit over the new year
    assert not dated_apart("2024-05", "2024-05-07")
    assert not dated_apart("2024", "2024-05-07")
    assert not dated_apart(None, "2024-05-07")


def _candidate(sentence: int) -> SimpleNamespace:
    return SimpleNamespace(sentence=sentence)


def test_date_parts_sends_undated_mentions_to_the_act_nearest_the_report():
    old, news, repeated, headline = _candidate(3), _candidate(1), _candidate(5), _candidate(0)
    dates = {3: "2019", 1: "2024-05-09", 5: None, 0: None}
    parts = date_parts([headline, news, old, repeated], lambda c: dates[c.sentence], PUBLISHED)
    assert parts == [[headline, news, repeated], [old]]
    # without a report date, the latest act is the news
    assert date_parts([headline, news, old, repeated], lambda c: dates[c.sentence]) == parts


def test_date_parts_keeps_a_group_whole_when_its_dates_agree():
    a, b, c = _candidate(0), _candidate(2), _candidate(4)
    dates = {0: "2024-05", 2: "2024-05-07", 4: None}
    assert date_parts([a, b, c], lambda x: dates[x.sentence], PUBLISHED) == [[a, b, c]]
    assert date_parts([a], lambda x: "2019", PUBLISHED) == [[a]]


@pytest.mark.parametrize("text", [
    "Kazakhstan and Turkey have signed six agreements, officials said this afternoon. "
    "The agreements between Kazakhstan and Turkey were signed in October 2016 during a state visit.",
    "Kazajistán y Turquía han firmado seis acuerdos, dijeron esta tarde los funcionarios. "
    "Los acuerdos entre Kazajistán y Turquía se firmaron en octubre de 2016 durante una visita de Estado.",
    "Казахстан и Турция подписали шесть соглашений, сообщили сегодня днём официальные лица. "
    "Соглашения между Казахстаном и Турцией были подписаны в октябре 2016 года во время государственного визита.",
])
def test_a_time_that_cannot_be_resolved_gives_way_to_the_acts_dated_statement(text):
    """No publication date: "this afternoon" cannot be resolved, so it dates nothing; the act keeps the date its
    other statement gives (the merge read it as undated and joined the two)."""
    signed = [e for e in extract(text)["events"] if e["type"] == "AGREE"]
    assert [(e["date"], len(e["also_evidence"])) for e in signed] == [("2016-10", 1)]


# --- no publication date: the lead's undated act is the news, a like act told as the last one before is another -----

@pytest.mark.parametrize("text", [
    "Kenyan President William Ruto arrived in Indonesia on a state visit. Ruto held talks on trade with Indonesian "
    "officials. Kenyan President Mwai Kibaki last visited Indonesia in 2009.",
    "El presidente de Kenia, William Ruto, llegó a Indonesia en visita de Estado. Ruto mantuvo conversaciones sobre "
    "comercio con funcionarios indonesios. El último presidente keniano que visitó Indonesia fue Mwai Kibaki, en 2009.",
    "Президент Кении Уильям Руто прибыл в Индонезию с государственным визитом. Руто провел переговоры о торговле с "
    "индонезийскими официальными лицами. В последний раз президент Кении посещал Индонезию в 2009 году.",
])
def test_without_a_publication_date_the_last_visit_before_is_not_the_news(text):
    record = extract(text)
    assert record["published"] is None
    visits = [e for e in record["events"] if e["type"] == "CONSULT" and e["status"] == "occurred"
              and {e["source"]["code"], e["target"]["code"]} == {"KEN", "IDN"}]
    assert sorted(str(e["date"]) for e in visits) == ["2009", "None"]


def test_date_parts_without_a_report_date_keeps_the_news_apart_from_the_last_like_act():
    lead, old = _candidate(0), _candidate(4)
    dates = {0: None, 4: "2009"}
    assert date_parts([lead, old], lambda c: dates[c.sentence], None, frozenset({4})) == [[lead], [old]]
    # the dated act not told as the last one before: the undated mention repeats it
    assert date_parts([lead, old], lambda c: dates[c.sentence], None, frozenset({0})) == [[lead, old]]


# --- the lead's undated act is the news when every like act the text dates lies long before the report --------------

@pytest.mark.parametrize("text", [
    "Kenya and Ethiopia signed a protocol expanding their free trade agreement. Kenya and Ethiopia had signed the "
    "free trade agreement in March 2017. Kenya and Ethiopia first signed a memorandum on trade in 2010.",
    "Kenia y Etiopía firmaron un protocolo que amplía su tratado de libre comercio. Kenia y Etiopía habían firmado "
    "el tratado de libre comercio en marzo de 2017. Kenia y Etiopía firmaron un primer memorando sobre comercio en 2010.",
    "Кения и Эфиопия подписали протокол о расширении соглашения о свободной торговле. Кения и Эфиопия подписали "
    "соглашение о свободной торговле в марте 2017 года. Первый меморандум о торговле Кения и Эфиопия подписали в "
    "2010 году.",
])
def test_the_leads_undated_act_is_the_news_beside_several_acts_long_before(text):
    signed = [e for e in _events(text, "AGREE") if {e["source"]["code"], e["target"]["code"]} == {"KEN", "ETH"}]
    dates = sorted(str(e["date"]) for e in signed)
    assert dates == ["2010", "2017-03", PUBLISHED]
