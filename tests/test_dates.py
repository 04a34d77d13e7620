"""Stage `dates`: time expressions per language, resolution against the publication date, event dates."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from communique.events.dates import date_event
from communique.events.times import Anchor, find_times
from communique.records import ActorRef, Article, Event, Paragraph, Sentence, Span


def values(text: str, language: str, published: str | None) -> dict[str, str | None]:
    return {t.text: t.value for t in find_times(text, language, published)}


# (language, sentence, publication date, expression, expected value)
CASES = [
    # full dates, with and without a year, datelines
    ("en", "ASUNCION, June 3 (EFE) – Kazakhstan is seeking new perspectives.", "2014-06-03", "June 3", "2014-06-03"),
    ("en", "The treaty was signed on June 3, 2014 in Astana.", None, "June 3, 2014", "2014-06-03"),
    ("en", "They met during an Oct. 17 meeting in Beijing.", "2023-10-17", "Oct. 17", "2023-10-17"),
    ("en", "The union enters into force on Jan. 1 and will create a market.", "2014-06-03", "Jan. 1", "2015-01-01"),
    ("en", "date 2023-08-24 Kazakhstan and Argentina strengthen cooperation", None, "2023-08-24", "2023-08-24"),
    ("en", "He visited Brussels for the first time in February 1993.", "2021-11-26", "February 1993", "1993-02"),
    ("es", "Tokáyev llegará a Moscú el 11 de noviembre de 2025.", None, "el 11 de noviembre de 2025", "2025-11-11"),
    ("es", "Moscú, 12 nov (EFE).- El presidente recibió a su homólogo.", "2025-11-12", "12 nov", "2025-11-12"),
    ("es", "La intendenta participó el lunes 5 de septiembre de la inauguración.", "2016-09-06",
     "lunes 5 de septiembre",
     "2016-09-05"),
    ("ru", "Соглашение подписано 04 июля 2014 года в Астане.", None, "04 июля 2014 года", "2014-07-04"),
    ("ru", "Переговоры прошли 28.11.2022 в Москве.", None, "28.11.2022", "2022-11-28"),
    ("ru", "12-13 января в городе Мехико состоялась конференция послов.", "2023-01-16", "12-13 января", "2023-01-12"),
    # months and years
    ("en", "In June, Tokayev criticised the recognition of separatist territories.", "2022-11-28", "June", "2022-06"),
    ("en", "Kazakhstan established diplomatic relations with Mexico back in 1992.", "2014-07-04", "1992", "1992"),
    ("en", "The Mexican Embassy will be opened later in 2014.", "2014-07-04", "2014", "2014"),
    ("en", "In mid April the ambassador highlighted the ties.", "2019-05-10", "mid April", "2019-04"),
    ("es", "Putin visitó Astaná en noviembre de 2024 en una visita de Estado.", None, "noviembre de 2024", "2024-11"),
    ("es", "Los dos países tienen una asociación desde 2008.", None, "2008", "2008"),
    ("es", "La movilización parcial fue decretada a finales de septiembre.", "2022-11-28", "a finales de septiembre",
     "2022-09"),
    ("ru", "Кроме того, в ноябре 2022 года депутаты посетили Астану.", None, "ноябре 2022 года", "2022-11"),
    ("ru", "В 2024 году взаимный товарооборот достиг 50 млрд долларов.", None, "2024 году", "2024"),
    ("ru", "Саммит состоялся в Брюсселе в 2000 г.", None, "2000 г.", "2000"),
    # relative words
    ("en", "He mentioned Xi's state visit to Kazakhstan last year.", "2023-10-17", "last year", "2022"),
    ("en", "Tokayev invited Xi to visit Kazakhstan next year.", "2023-10-17", "next year", "2024"),
    ("en", "The initiative was announced a decade ago in Astana.", "2023-10-17", "a decade ago", "2013"),
    ("en", "The agreement was initialled by the two sides last week.", "2015-01-28", "last week", "2015-01"),
    ("en", "The delegation arrives tomorrow in Havana.", "2019-05-10", "tomorrow", "2019-05-11"),
    ("es", "El presidente ruso recibió hoy a su homólogo kazajo.", "2025-11-12", "hoy", "2025-11-12"),
    ("es", "El comercio ascendió el año pasado a 27.800 millones de dólares.", "2025-11-12", "el año pasado", "2024"),
    ("es", "La semana pasada, en una cumbre, Tokayev habló con Putin.", "2022-11-28", "La semana pasada", "2022-11"),
    ("es", "El acuerdo se firmará el próximo año en Astaná.", "2024-05-14", "el próximo año", "2025"),
    ("es", "Putin ha llegado este miércoles a Astaná.", "2024-11-27", "este miércoles", "2024-11-27"),
    ("ru", "Токаев прибыл в Москву вчера вечером.", "2025-11-12", "вчера", "2025-11-11"),
    ("ru", "На прошлой неделе министры обсудили повестку.", "2024-02-15", "На прошлой неделе", "2024-02"),
    ("ru", "В прошлом году товарооборот вырос.", "2024-02-15", "В прошлом году", "2023"),
    ("ru", "Соглашение подписано десять лет назад.", "2025-12-03", "десять лет назад", "2015"),
    ("ru", "Токаев прибыл в Москву накануне вечером.", "2025-11-12", "накануне", "2025-11-11"),
    ("ru", "Эрдоган посетил Астану в октябре прошлого года.", "2023-05-29", "октябре прошлого года", "2022-10"),
    ("en", "A vote will be held at the General Assembly in June next year.", "2015-09-30", "June next year",
     "2016-06"),
    ("es", "Los cancilleres se reunieron en octubre del año pasado.", "2024-03-07", "octubre del año pasado",
     "2023-10"),
    ("es", "Tokayev, quien viajará el martes y miércoles a París.", "2022-11-28", "el martes y miércoles",
     "2022-11-29"),
    ("es", "Invitó al canciller a visitar Astaná en el segundo semestre del año.", "2023-03-16",
     "el segundo semestre del año", "2023"),
    ("ru", "Визит состоится во втором полугодии текущего года.", "2023-03-16", "втором полугодии текущего года",
     "2023"),
    ("es", "A finales del mes pasado, Argelia decidió cortar los lazos diplomáticos.", "2021-09-24",
     "del mes pasado", "2021-08"),
    ("es", "A principios del año pasado el canciller visitó Rabat.", "2021-09-24", "del año pasado", "2020"),
    ("ru", "В конце прошлого месяца Алжир разорвал отношения с Марокко.", "2021-09-24",
     "В конце прошлого месяца", "2021-08"),
    ("ru", "В начале прошлой недели министры провели переговоры.", "2024-02-15", "В начале прошлой недели",
     "2024-02"),
    # a month named after "last/next month" words is that month ("el pasado mes de abril" written in September)
    ("es", "La comisión mixta se reunió el pasado mes de abril en Dakar.", "2023-09-04", "el pasado mes de abril",
     "2023-04"),
    ("es", "Los cancilleres firmaron el acuerdo en el pasado mes de noviembre.", "2024-02-10",
     "el pasado mes de noviembre", "2023-11"),
    ("es", "La cumbre se celebrará el próximo mes de marzo en Quito.", "2024-10-02", "el próximo mes de marzo",
     "2025-03"),
    ("es", "Los ministros ya se habían reunido a finales del pasado mes de junio.", "2024-09-20",
     "a finales del pasado mes de junio", "2024-06"),
    ("en", "The joint commission met last April in Dakar.", "2023-09-04", "last April", "2023-04"),
    ("ru", "Совместная комиссия собиралась в апреле прошлого года в Дакаре.", "2023-09-04", "апреле прошлого года",
     "2022-04"),
    # weekdays: future tense = the next one, past tense = the last one (or the day itself)
    ("en", "The deputy foreign minister will travel on Thursday to Cuba.", "2014-06-03", "on Thursday", "2014-06-05"),
    ("en", "The assembly got under way on Tuesday in Asuncion.", "2014-06-03", "on Tuesday", "2014-06-03"),
    ("en", "The minister met his counterpart on Monday.", "2014-06-03", "on Monday", "2014-06-02"),
    ("es", "Tokáyev llegó a Moscú el martes, cuando mantuvo una reunión.", "2025-11-12", "el martes", "2025-11-11"),
    ("es", "El canciller viajará el martes a París.", "2022-11-28", "el martes", "2022-11-29"),
    ("ru", "Президенты будут вести переговоры в четверг.", "2025-11-12", "в четверг", "2025-11-13"),
    ("ru", "Министры встретились во вторник в Минске.", "2024-04-12", "во вторник", "2024-04-09"),
    # a count after a weekday is no day of the month ("on Saturday 18 agreements"); a day is ("Saturday 18 July")
    ("en", "Chile and Kazakhstan signed on Saturday 14 trade agreements in Astana.", "2024-04-14", "on Saturday",
     "2024-04-13"),
    ("en", "The ministers met Tuesday 12 hours after the vote.", "2024-04-12", "Tuesday", "2024-04-09"),
    ("en", "The ministers met on Saturday 13 April in Astana.", "2024-04-15", "Saturday 13 April", "2024-04-13"),
    # a weekday with a day and no month: the nearest such day to the report
    ("es", "Los cancilleres se reunieron este martes 14 en Astaná.", "2024-05-15", "este martes 14", "2024-05-14"),
    ("es", "Los cancilleres se reunieron el lunes 29 en Astaná.", "2024-05-02", "el lunes 29", "2024-04-29"),
    ("es", "Los cancilleres se reunirán el jueves 16, según la cancillería.", "2024-05-15", "el jueves 16",
     "2024-05-16"),
    ("en", "The foreign ministers met on Tuesday 14th in Astana.", "2024-05-15", "on Tuesday 14th", "2024-05-14"),
    ("en", "The foreign ministers met on Monday the 29th.", "2024-05-02", "on Monday the 29th", "2024-04-29"),
]


@pytest.mark.parametrize("text", [
    "Kazajistán y Chile firmaron el sábado 18 acuerdos de cooperación.",    # a count, not a day
    "Los cancilleres se reunieron el martes 15 en Astaná.",                  # no Tuesday 15 near the report
])
def test_a_weekday_before_a_count_or_a_day_it_never_falls_on_is_no_day_of_the_month(text):
    assert all(t.kind != "date" for t in find_times(text, "es", "2024-05-15"))


@pytest.mark.parametrize("language,text,published,expression,expected", CASES,
                         ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_time_expression_resolves(language, text, published, expression, expected):
    found = values(text, language, published)
    assert expression in found, found
    assert found[expression] == expected


@pytest.mark.parametrize("language,text,expression", [
    ("en", "The minister will travel on Thursday to Cuba.", "on Thursday"),
    ("en", "Trade grew last year.", "last year"),
    ("es", "Tokayev asumió el sábado tras ganar la reelección.", "el sábado"),
    ("es", "En junio, Tokayev criticó públicamente a Putin.", "junio"),
    ("ru", "Президенты встретятся в четверг.", "в четверг"),
])
def test_relative_expression_without_publication_date_is_null(language, text, expression):
    """Never the machine's clock: what needs the publication date stays None without one."""
    found = values(text, language, None)
    assert expression in found
    assert found[expression] is None


@pytest.mark.parametrize("language,text", [
    ("en", "You may call +7(700) 388 81 09 for details on the 44th session."),
    ("en", "It will create a $2 trillion market with 170 million consumers."),
    ("en", "Kazakhstan Today reported the visit of the delegation."),
    ("es", "Para Kazajstán, Rusia siempre ha sido el principal socio; su apoyo es clave."),
    ("es", "El acto comenzó por la mañana en la sede de la cancillería."),
    ("ru", "Среди участников были представители 22 стран."),
])
def test_no_false_time_expressions(language, text):
    assert find_times(text, language, "2024-05-14") == []


def test_russian_dateline_in_an_english_article_is_found():
    times = find_times("Kazakhstan-Mexico cooperation details unveiled 04 июля 2014, 10:43", "en", None,
                       other_languages=("en", "es", "ru"))
    assert [(t.text, t.value) for t in times] == [("04 июля 2014", "2014-07-04")]


def test_spans_are_offsets_into_the_article():
    text = "Intro. The talks were held on 11 November 2024 in Astana."
    times = find_times(text[7:], "en", None, base=7, sentence_index=1)
    assert len(times) == 1
    assert text[times[0].start:times[0].end] == times[0].text == "11 November 2024"
    assert times[0].sentence == 1 and times[0].kind == "date"


def test_anchor_precision():
    assert Anchor.parse("2024-05-14T09:30:00+05:00").precision == "day"
    assert Anchor.parse("2024-05").precision == "month"
    assert Anchor.parse(None) is None


# ----------------------------------------------------------------------------------------------- events

def _article(sentences: list[str], published: str | None, language: str = "en") -> Article:
    text = " ".join(sentences)
    article = Article(text=text, published=published, language=language)
    article.paragraphs = [Paragraph(0, len(text), language)]
    pos = 0
    for s in sentences:
        article.sentences.append(Sentence(pos, pos + len(s), s, language))
        pos += len(s) + 1
    return article


def _event(article: Article, index: int, trigger: str, status: str = "occurred") -> Event:
    sentence = article.sentences[index]
    at = article.text.index(trigger, sentence.start)
    return Event(id="e1", type="CONSULT", source=ActorRef("KAZ"), target=ActorRef("CUB"),
                 evidence=Span(sentence.start, sentence.end, sentence.text), sentence=index, status=status,
                 trigger=Span(at, at + len(trigger), trigger))


def _date(article: Article, event: Event) -> None:
    by_sentence: dict[int, list] = {}
    for i, s in enumerate(article.sentences):
        by_sentence[i] = find_times(s.text, s.language, article.published, sentence=s, base=s.start,
                                    sentence_index=i)
    date_event(article, event, by_sentence)


def test_event_takes_the_time_of_its_sentence():
    article = _article(["The deputy minister will travel on Thursday to Cuba."], "2014-06-03")
    event = _event(article, 0, "travel", status="planned")
    _date(article, event)
    assert (event.date, event.date_text) == ("2014-06-05", "on Thursday")


def test_undated_occurred_event_gets_the_publication_day():
    article = _article(["Headline here.", "The minister held talks with his Cuban counterpart."], "2023-08-24")
    event = _event(article, 1, "talks")
    _date(article, event)
    assert event.date == "2023-08-24" and event.date_text is None


def test_undated_precision_month_keeps_only_the_publication_month():
    article = _article(["Headline here.", "The minister held talks with his Cuban counterpart."], "2023-08-24")
    event = _event(article, 1, "talks")
    date_event(article, event, {}, undated_precision="month")
    assert event.date == "2023-08" and event.date_text is None


def test_undated_planned_event_is_dated_by_the_report_that_announces_it():
    article = _article(["Headline here.", "The minister plans to visit Canada."], "2023-08-24")
    event = _event(article, 1, "visit", status="planned")
    _date(article, event)
    assert event.date == "2023-08-24" and event.date_text is None and event.status == "planned"
    hypothetical = _event(article, 1, "visit", status="hypothetical")
    _date(article, hypothetical)
    assert hypothetical.date is None


@pytest.mark.parametrize("language,text", [
    ("en", "After their summit this Tuesday, the two leaders will visit the temple tomorrow."),
    ("es", "Tras su cumbre de este martes, ambos líderes visitarán mañana, miércoles, el templo Horyuji."),
    ("ru", "После встречи в этот вторник лидеры посетят храм завтра."),
])
def test_this_weekday_written_on_that_weekday_is_the_day_itself_even_in_a_clause_ahead(language, text):
    found = {t.text.lower(): t.value for t in find_times(text, language, "2026-01-13")}    # a Tuesday
    assert "2026-01-13" in found.values(), found


def test_occurred_event_dated_after_publication_becomes_planned():
    article = _article(["The state visit to Russia begins on 11 November 2025."], "2025-11-10")
    event = _event(article, 0, "visit")
    _date(article, event)
    assert event.date == "2025-11-11" and event.status == "planned"


def test_continuing_sentence_inherits_the_previous_date():
    article = _article(["The minister arrived in Havana on 3 April 2016.",
                        "During the visit, he met the Cuban foreign minister."], "2016-04-05")
    event = _event(article, 1, "met")
    _date(article, event)
    assert event.date == "2016-04-03"


def test_no_publication_date_no_default():
    article = _article(["Headline here.", "The minister held talks with his Cuban counterpart."], None)
    event = _event(article, 1, "talks")
    _date(article, event)
    assert event.date is None


@pytest.fixture(scope="module")
def english_parse():
    from communique.nlp.models import parse_sentences
    return parse_sentences


def test_relative_clause_far_from_publication_does_not_date_the_event(english_parse):
    article = _article(["He expressed Kazakhstan's support for China's initiative, announced a decade ago in Astana."],
                       "2023-10-17")
    english_parse(article.sentences, article.text)
    event = _event(article, 0, "support")
    _date(article, event)
    assert event.date == "2023-10-17" and event.date_text is None   # the report's date, not a decade ago


@pytest.mark.parametrize("language,text,published,expression,expected", [
    ("ru", "Президенты проведут переговоры в четверг, сообщил Кремль.", "2025-11-12", "в четверг", "2025-11-13"),
    ("ru", "Президенты провели переговоры в четверг.", "2025-11-12", "в четверг", "2025-11-06"),
    ("es", "Tokáyev viajará el martes a París para reunirse con Macron.", "2022-11-28", "el martes", "2022-11-29"),
    ("es", "La Asamblea General del organismo concluye el viernes en Washington.", "2023-06-22", "el viernes",
     "2023-06-23"),
    ("es", "Putin ha llegado este miércoles a Astaná.", "2024-11-27", "este miércoles", "2024-11-27"),
    ("en", "The visit is scheduled for Thursday.", "2024-05-14", "Thursday", "2024-05-16"),
    ("en", "Tokayev arrived in the Brazilian capital on Monday evening.", "2024-09-10", "on Monday evening",
     "2024-09-09"),
])
def test_tense_from_the_parse_sets_the_weekday(english_parse, language, text, published, expression, expected):
    sentence = Sentence(0, len(text), text, language)
    english_parse([sentence], text)
    found = {t.text: t.value for t in find_times(text, language, published, sentence=sentence)}
    assert found[expression] == expected


# -- anniversaries, other sentences of the event, undated articles ------------------------------------------------

@pytest.mark.parametrize("language, sentence, trigger, published, expected", [
    ("en", "He took part in political consultations marking the 30th anniversary of the establishment of "
           "diplomatic relations between Kazakhstan and Argentina.", "establishment", "2023-08-24", "1993"),
    ("en", "In 2022 the two countries celebrated the 30th anniversary of the establishment of relations.",
     "establishment", "2023-01-10", "1992"),
    ("es", "La reunión coincidió con el 30 aniversario del establecimiento de relaciones diplomáticas.",
     "establecimiento", "2022-06-01", "1992"),
    ("ru", "В этом году Казахстан и Европейский союз отмечают 10-летие с момента подписания Соглашения о "
           "расширенном партнерстве.", "подписания", "2025-12-03", "2015"),
    ("ru", "Стороны отметили 30-летие установления дипломатических отношений.", "установления", "2022-01-05", "1992"),
])
def test_what_an_anniversary_celebrates_happened_that_many_years_before(language, sentence, trigger, published,
                                                                        expected):
    article = _article([sentence], published, language)
    event = _event(article, 0, trigger)
    _date(article, event)
    assert (event.date, event.status) == (expected, "occurred")


def test_an_anniversary_far_from_the_trigger_does_not_date_it():
    article = _article(["On the 30th anniversary of independence, the president visited Cuba for talks with "
                        "his counterpart and signed a treaty."], "2021-12-16")
    event = _event(article, 0, "talks")
    _date(article, event)
    assert event.date == "2021-12-16" and event.date_text is None


def test_a_time_stated_in_another_sentence_of_the_same_event_dates_it():
    article = _article(["The upcoming opening of the Mexican Embassy will let Kazakhstanis get visas directly.",
                        "Tourism is growing.", "Later in 2014 the Mexican Embassy will be opened in Astana."],
                       "2014-07-04")
    event = _event(article, 0, "opening", status="planned")
    event.also = [Span(article.sentences[2].start, article.sentences[2].end, article.sentences[2].text)]
    _date(article, event)
    assert (event.date, event.date_text) == ("2014", "2014")


def test_a_past_time_of_another_sentence_does_not_date_a_planned_event():
    article = _article(["The embassy will open soon.", "The embassy was first announced in 2009."], "2014-07-04")
    event = _event(article, 0, "open", status="planned")
    event.also = [Span(article.sentences[1].start, article.sentences[1].end, article.sentences[1].text)]
    _date(article, event)
    assert (event.date, event.date_text) == ("2014-07-04", None)       # the report's, not 2009


@pytest.mark.parametrize("other,expected", [
    ("At a meeting on March 3, the two delegations agreed on the plan.", ("2022-03-03", "March 3")),
    ("At a meeting on March 3, 2021, the two delegations first discussed the plan.", ("2022", "2022")),
])
def test_another_statement_of_the_event_dates_it_more_finely_within_its_own_period(other, expected):
    article = _article(["Peru agreed with Ecuador a plan of action for 2022.", "Trade is growing.", other],
                       "2022-03-10")
    event = _event(article, 0, "agreed")
    event.also = [Span(article.sentences[2].start, article.sentences[2].end, article.sentences[2].text)]
    _date(article, event)
    assert (event.date, event.date_text) == expected


def _stage_dates(article: Article) -> Article:
    from communique.events.dates import DatesStage
    from communique.nlp.models import parse_sentences
    from communique.settings import Settings

    parse_sentences(article.sentences, article.text)
    DatesStage(Settings()).process(article)
    return article


def test_without_a_publication_date_a_future_date_follows_the_latest_past_one():
    article = _article(["Putin visitó Astaná en noviembre de 2024 en una visita de Estado.",
                        "La visita de Estado del presidente a Rusia comenzará el 11 de noviembre."], None, "es")
    _stage_dates(article)
    assert {t.text: t.value for t in article.times} == {"noviembre de 2024": "2024-11",
                                                        "el 11 de noviembre": "2025-11-11"}


def test_without_a_publication_date_a_past_date_without_year_stays_unresolved():
    article = _article(["Putin visitó Astaná en noviembre de 2024.", "La ofensiva comenzó en febrero."], None, "es")
    _stage_dates(article)
    assert {t.text: t.value for t in article.times} == {"noviembre de 2024": "2024-11", "febrero": None}


def test_an_undated_event_said_during_a_dated_visit_takes_its_date():
    from communique.events.dates import inherit_dates

    article = _article(["Tokáyev viajará a Moscú el 11 de noviembre.",
                        "Durante su próxima visita a Rusia se firmará una declaración."], "2025-11-05", "es")
    visit = _event(article, 0, "viajará", status="planned")
    visit.date, visit.date_text = "2025-11-11", "el 11 de noviembre"
    visit.also = [Span(article.sentences[1].start, article.sentences[1].end, article.sentences[1].text)]
    signing = _event(article, 1, "firmará", status="planned")
    signing.type = "AGREE"
    article.events = [visit, signing]
    inherit_dates(article)
    assert signing.date == "2025-11-11"
    signing.date, signing.status = None, "occurred"          # what happened is not dated by what is planned
    inherit_dates(article)
    assert signing.date is None


# -- properties -------------------------------------------------------------------------------------------------

_FRAGMENTS = ["June 3", "on Thursday", "el 11 de noviembre", "04 июля 2014", "last week", "в прошлом году",
              "a finales de septiembre", "12-13 января", "2024", "Oct. 17", "next year", "hace dos semanas",
              "the 30th anniversary of", "31 февраля", "0 de enero", "99/99/9999", "el lunes 5 de septiembre"]
_WORDS = st.sampled_from(_FRAGMENTS + ["Kazakhstan", "visited", "visitará", "посетит", ",", ".", "  ", "\n", "будет"])


@hsettings(max_examples=150, deadline=None)
@given(st.lists(_WORDS | st.text(max_size=12), max_size=14), st.sampled_from(["en", "es", "ru"]),
       st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.sampled_from(["2024", "2024-05", "junk"])))
def test_time_resolution_never_raises_and_keeps_exact_spans(words, language, published):
    text = " ".join(words)
    for time in find_times(text, language, published):
        assert 0 <= time.start < time.end <= len(text) and text[time.start:time.end] == time.text
        assert time.value is None or Anchor.parse(time.value) is not None
        assert time.kind in ("date", "weekday", "relative", "month", "year", "range")


def test_the_same_event_named_with_a_time_in_the_sentence_before_dates_it():
    article = _article(["La visita de Estado del presidente a Rusia comenzará el 11 de noviembre.",
                        "Tokáyev viajará a Moscú por invitación de Vladímir Putin."], "2025-11-05", "es")
    event = _event(article, 1, "viajará", status="planned")
    from communique.nlp.models import parse_sentences

    parse_sentences(article.sentences, article.text)
    _date(article, event)
    assert (event.date, event.date_text) == ("2025-11-11", "el 11 de noviembre")


def test_a_time_of_the_sentence_before_for_another_kind_of_event_does_not_date_it():
    article = _article(["The trade forum opens on 11 November.", "The minister will travel to Moscow."],
                       "2025-11-05")
    from communique.nlp.models import parse_sentences

    parse_sentences(article.sentences, article.text)
    event = _event(article, 1, "travel", status="planned")
    _date(article, event)
    assert (event.date, event.date_text) == ("2025-11-05", None)       # the report's, not the forum's day


def test_an_undated_event_at_the_place_of_the_visit_just_before_took_place_during_it():
    from communique.events.dates import inherit_dates
    from communique.records import Location

    article = _article(["Putin visitó Astaná en noviembre de 2024 en una visita de Estado.",
                        "En Astaná se firmó un sólido paquete de documentos."], None, "es")
    visit = _event(article, 0, "visitó")
    visit.date, visit.date_text = "2024-11", "noviembre de 2024"
    signing = _event(article, 1, "firmó")
    signing.type, signing.location = "AGREE", Location(name="Astaná", country="KAZ")
    article.events = [visit, signing]
    inherit_dates(article)
    assert signing.date == "2024-11"
    signing.date, signing.location = None, Location(name="Moscú", country="RUS")
    inherit_dates(article)
    assert signing.date is None


@pytest.mark.parametrize("text, language, published", [
    ("It happened last Monday.", "en", "0001-01-01"), ("The talks open next Friday.", "en", "9999-12-31"),
    ("Прошлой неделе они встретились.", "ru", "0001-01-02"), ("Llegará dentro de dos meses.", "es", "9999-12-20"),
    ("They met last year.", "en", "0001"), ("They meet next year.", "en", "9999")])
def test_a_relative_time_past_the_calendars_ends_has_no_value_and_raises_nothing(text, language, published):
    for time in find_times(text, language, published):
        assert time.value is None or Anchor.parse(time.value) is not None


@pytest.mark.parametrize("language, lines, trigger, expected", [
    ("en", ["Foreign Policy: How To Expel A Diplomat",
            "This photo shows the Syrian Embassy May 29, 2012 in Washington, D.C.",
            "On Tuesday the U.S. ordered the expulsion of Syria's top diplomat.",
            "The move follows the closure of the U.S. Embassy in Damascus in February."],
     "ordered", {"On Tuesday": "2012-05-29", "February": "2012-02"}),
    ("es", ["Argelia cierra el espacio aéreo a Marruecos",
            "La puerta de la embajada argelina en Rabat, el viernes 24 de septiembre de 2021.",
            "El Consejo de Seguridad cerró el miércoles el espacio aéreo a los aviones marroquíes.",
            "Argelia ya había cortado las relaciones el mes pasado."],
     "cerró", {"el miércoles": "2021-09-22", "el mes pasado": "2021-08"}),
    ("ru", ["Алжир закрыл воздушное пространство для Марокко",
            "Здание посольства Алжира в Рабате, 24 сентября 2021 года.",
            "Совет безопасности закрыл воздушное пространство в среду.",
            "Вчера МИД Марокко назвал решение абсурдным."],
     "закрыл", {"в среду": "2021-09-22", "Вчера": "2021-09-23"}),
])
def test_without_a_publication_date_the_leads_day_anchors_relative_dates(language, lines, trigger, expected):
    """A caption or lead dated with a year, and no later date in the text: the report is of that day."""
    article = _article(lines, None, language)
    event = _event(article, 2, trigger)
    article.events = [event]
    _stage_times_only(article)
    found = {t.text: t.value for t in article.times}
    assert {k: found.get(k) for k in expected} == expected, found
    assert event.date == next(iter(expected.values()))
    assert article.published is None                 # an anchor for dating, not a publication date


def test_a_lead_date_older_than_another_date_of_the_text_anchors_nothing():
    article = _stage_times_only(_article(["Relations were established on June 25, 1993 in Almaty.",
                                          "In March 2015 the ministers met on Tuesday."], None))
    assert {t.text: t.value for t in article.times}["on Tuesday"] is None


def _stage_times_only(article: Article) -> Article:
    from communique.events.dates import DatesStage
    from communique.nlp.models import parse_sentences
    from communique.settings import Settings

    parse_sentences(article.sentences, article.text)
    DatesStage(Settings()).process(article)
    return article


@pytest.mark.parametrize("language, lines, trigger", [
    ("en", ["Ethiopia accuses Egypt of seeking escalation.",
            "Ethiopia accused Egypt of seeking escalation by rejecting dialogue after the inauguration in September "
            "of the Grand Renaissance Dam."], "accuses"),
    ("es", ["Etiopía acusa a Egipto de querer provocar una escalada.",
            "Etiopía acusó al Gobierno egipcio de querer provocar una escalada al rechazar el diálogo e intensificar "
            "su retórica hostil tras la inauguración en septiembre de la Gran Presa del Renacimiento."], "acusa"),
    ("ru", ["Эфиопия обвинила Египет в эскалации.",
            "Эфиопия обвинила Египет в стремлении к эскалации, так как Каир отказался от диалога после открытия в "
            "сентябре плотины «Возрождение»."], "обвинила"),
])
def test_a_time_of_another_clause_in_a_restatement_does_not_date_the_event(language, lines, trigger):
    """The body restates the headline's act; its month dates the dam's inauguration, not the accusation."""
    from communique.events.dates import date_from_text
    from communique.nlp.models import parse_sentences

    article = _article(lines, "2025-12-04", language)
    parse_sentences(article.sentences, article.text)
    event = _event(article, 0, trigger)
    event.also = [Span(article.sentences[1].start, article.sentences[1].end, article.sentences[1].text)]
    by_sentence = {i: find_times(s.text, s.language, article.published, sentence=s, base=s.start, sentence_index=i)
                   for i, s in enumerate(article.sentences)}
    assert any(t.value == "2025-09" for t in by_sentence[1])
    date_from_text(article, event, by_sentence)
    assert event.date != "2025-09"


@pytest.mark.parametrize("language, lines, trigger, expected", [
    ("en", ["Ethiopia accuses Egypt of seeking escalation.",
            "Ethiopia accused Egypt of a colonial mentality over the Nile.",
            "\"Egypt rejects dialogue,\" the ministry said in a statement issued on Wednesday."],
     "accuses", "2025-12-03"),
    ("es", ["Etiopía acusa a Egipto de querer provocar una escalada.",
            "El ministerio etíope sostuvo que el Ejecutivo egipcio está anclado en una mentalidad colonial.",
            "«Egipto rechaza el diálogo», señaló el ministerio en un comunicado difundido la tarde del miércoles."],
     "acusa", "2025-12-03"),
    ("ru", ["Эфиопия обвинила Египет в эскалации.",
            "МИД Эфиопии заявил, что Египет мыслит колониальными категориями.",
            "«Египет отвергает диалог», говорится в заявлении, опубликованном в среду."],
     "обвинила", "2025-12-03"),
])
def test_what_a_dated_statement_says_is_of_the_statements_day(language, lines, trigger, expected):
    article = _article(lines, "2025-12-04", language)      # a Thursday
    event = _event(article, 0, trigger)
    event.type = "ACCUSE"
    article.events = [event]
    _stage_times_only(article)
    assert event.date == expected, [(t.text, t.value) for t in article.times]


def test_a_meeting_is_not_dated_by_a_statement():
    article = _article(["The ministers held talks in Addis Ababa.",
                        "The ministry said in a statement issued on Wednesday that the talks were useful."],
                       "2025-12-04")
    event = _event(article, 0, "held")
    article.events = [event]
    _stage_times_only(article)
    assert event.date == "2025-12-04"


@pytest.mark.parametrize(("text", "language"), [
    ("The emir of Qatar arrived in Astana on 11 October for talks with Kazakhstan's president.", "en"),
    ("El emir de Catar llegó a Astaná el 11 de octubre para conversar con el presidente de Kazajistán.", "es"),
    ("Эмир Катара прибыл в Астану 11 октября для переговоров с президентом Казахстана.", "ru"),
])
def test_a_day_of_the_month_a_report_is_dated_to_is_its_own(text, language):
    """A report dated to the month only ("2022-10") may be of any of its days: a past day of that month is of that
    year, and the act on it happened (not planned as though it came after the report)."""
    from communique import extract

    record = extract(text, published="2022-10")
    assert [(e["date"], e["status"]) for e in record["events"] if e["type"] == "CONSULT"] == [("2022-10-11", "occurred")]


@pytest.mark.parametrize("text", [
    "Algeria closed its airspace to all Moroccan aircraft on Wednesday. The decision was taken in view of the "
    "continued provocations and hostile practices of Morocco, the Algerian presidency said.",
    "Argelia cerró el miércoles su espacio aéreo a todas las aeronaves marroquíes. La decisión se tomó en vista de "
    "las continuas provocaciones y prácticas hostiles de Marruecos, dijo la presidencia argelina.",
    "Алжир в среду закрыл воздушное пространство для всех марокканских самолётов. Это решение было принято, так как "
    "Алжир обвиняет Марокко во враждебных действиях.",
])
def test_a_sentence_naming_the_act_told_before_takes_its_date(text):
    """"The decision was taken in view of ..." names Wednesday's closure: the accusation it states is of that day,
    not of the report's (2024-05-10)."""
    from communique import extract

    events = extract(text, published="2024-05-10")["events"]
    assert [(e["type"], e["date"]) for e in events if e["type"] in ("SANCTION", "ACCUSE")] == \
        [("SANCTION", "2024-05-08"), ("ACCUSE", "2024-05-08")]
