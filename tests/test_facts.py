"""Stage `facts` (figures): number parsing, units, types, countries and periods, per language."""
from __future__ import annotations

import pytest

from communique.events.facts import fact_language, figure_type, find_figures, parse_number, sentence_facts
from communique.events.times import find_times
from communique.records import Article, Entity, Mention, Paragraph, Sentence


@pytest.mark.parametrize("text,decimal,expected", [
    ("121.4", ".", 121.4),
    ("1,200", ".", 1200.0),
    ("1,200.5", ".", 1200.5),
    ("27.800", ",", 27800.0),
    ("20.000", ",", 20000.0),
    ("81,31", ",", 81.31),
    ("4,5", ",", 4.5),
    ("1 200", ",", 1200.0),
    ("1\u00a0200,5", ",", 1200.5),
    ("1.5", ",", 1.5),
])
def test_parse_number(text, decimal, expected):
    assert parse_number(text, decimal) == pytest.approx(expected)


# (language, sentence, expected (type, value, unit) list)
FIGURES = [
    ("en", "Trade turnover between Kazakhstan and Mexico has maxed at $121.4 million, with Kazakhstan's export "
           "making only $171 thousand of the amount.",
     [("TRADE_TURNOVER", 121_400_000, "USD"), ("EXPORTS", 171_000, "USD")]),
    ("en", "It will create a $2 trillion market with 170 million consumers.",
     [("MARKET_SIZE", 2e12, "USD"), ("MARKET_SIZE", 170_000_000, "people")]),
    ("en", "Since August 2021, Kazakhstan has delivered about 13,000 tons of humanitarian cargo to Afghanistan.",
     [("AID", 13_000, "tonnes")]),
    ("en", "The aid worth more than 1.2 billion tenge was allocated by the Government.",
     [("AID", 1_200_000_000, "KZT")]),
    ("en", "The sides implement 52 joint projects.", [("JOINT_PROJECTS", 52, "projects")]),
    ("en", "About 25,000 Kazakh tourists visited Turkey last year.", [("VISITORS", 25_000, "people")]),
    ("en", "Kazakhstan has a population of 20 million people.", [("POPULATION", 20_000_000, "people")]),
    ("es", "El volumen del intercambio comercial ascendió el año pasado a 27.800 millones de dólares.",
     [("TRADE_TURNOVER", 27_800_000_000, "USD")]),
    ("es", "Tokayev asumió tras ganar la reelección con el 81,31% de los votos.", [("VOTE_SHARE", 81.31, "percent")]),
    ("es", "Almagro agradeció a Kazajistán su aporte de 100.000 dólares al programa de becas.",
     [("AID", 100_000, "USD")]),
    ("es", "Las inversiones kazajas en Brasil suman US$ 1.200 millones.", [("INVESTMENT", 1_200_000_000, "USD")]),
    ("es", "El comercio bilateral sumó 1,2 mil millones de euros.", [("TRADE_TURNOVER", 1_200_000_000, "EUR")]),
    ("ru", "В 2024 году взаимный товарооборот достиг 4,5 млрд долларов.", [("TRADE_TURNOVER", 4_500_000_000, "USD")]),
    ("ru", "Объём китайских инвестиций в экономику Казахстана составил 230 млн долл. США.",
     [("INVESTMENT", 230_000_000, "USD")]),
    ("ru", "Груз включает более 2 тысяч тонн гуманитарной помощи.", [("AID", 2000, "tonnes")]),
    ("ru", "Экспорт казахстанской пшеницы вырос до 1,1 трлн тенге.", [("EXPORTS", 1.1e12, "KZT")]),
]


@pytest.mark.parametrize("language,text,expected", FIGURES, ids=[f"{f[0]}-{i}" for i, f in enumerate(FIGURES)])
def test_figures_and_types(language, text, expected):
    lang = fact_language(language)
    found = [(figure_type(text, f, lang), f.value, f.unit) for f in find_figures(text, lang)]
    assert [(t, pytest.approx(v), u) for t, v, u in expected] == found


@pytest.mark.parametrize("language,text", [
    ("en", "Call +7 (727) 123 45 67 or visit 12 Abay Avenue, office 44."),
    ("en", "The 44th General Assembly opened on 3 June 2014 with 39 observer nations."),
    ("en", "Trade grew by 12% last year."),
    ("en", "The attack killed 26 tourists near the resort."),
    ("es", "Llame al +54 11 4312-5000; la reunión es el 11 de noviembre de 2025."),
    ("ru", "Звоните +7(700) 388 81 09, 4-й этаж, офис 12."),
    ("ru", "Мы ставим задачу в ближайшие годы довести взаимную торговлю до 10 млрд долларов."),
    ("ru", "В результате теракта погибли 26 туристов."),
])
def test_no_false_facts(language, text):
    article = _article([text], language, countries={})
    times = find_times(text, language, "2024-05-14", sentence_index=0)
    assert sentence_facts(article, 0, times) == []


def _article(sentences: list[str], language: str, countries: dict[str, str], published: str | None = None) -> Article:
    text = " ".join(sentences)
    article = Article(text=text, language=language, published=published)
    article.paragraphs = [Paragraph(0, len(text), language)]
    pos = 0
    for s in sentences:
        article.sentences.append(Sentence(pos, pos + len(s), s, language))
        pos += len(s) + 1
    for name, code in countries.items():
        entity = Entity(id=f"country:{code}", type="COUNTRY", name=name, code=code)
        start = 0
        while (at := text.find(name, start)) >= 0:
            index = next(i for i, s in enumerate(article.sentences) if s.start <= at < s.end)
            entity.mentions.append(Mention(at, at + len(name), name, index))
            start = at + len(name)
        article.entities.append(entity)
    return article


def _facts(article: Article):
    out = []
    for i, s in enumerate(article.sentences):
        times = find_times(s.text, s.language, article.published, sentence=s, base=s.start, sentence_index=i)
        out.extend(sentence_facts(article, i, times))
    return out


def test_fact_countries_and_period_from_the_sentence():
    article = _article(["Trade turnover between Kazakhstan and Mexico reached $121.4 million in 2013."], "en",
                       {"Kazakhstan": "KAZ", "Mexico": "MEX"})
    [fact] = _facts(article)
    assert (fact.type, fact.countries, fact.value, fact.unit, fact.period) == (
        "TRADE_TURNOVER", ["KAZ", "MEX"], 121_400_000, "USD", "2013")
    assert fact.evidence.text == article.sentences[0].text


def test_trade_between_two_countries_takes_the_article_partner():
    article = _article(["Kazakhstan and Brazil signed eight documents.", "Brazil is a key partner.",
                        "Trade turnover between the two countries reached $218.6 million in 2023."], "en",
                       {"Kazakhstan": "KAZ", "Brazil": "BRA"})
    [fact] = _facts(article)
    assert sorted(fact.countries) == ["BRA", "KAZ"]


@pytest.mark.parametrize("language,text,published,period", [
    ("es", "En los primeros nueve meses de este año el intercambio comercial ha alcanzado los 20.000 millones de "
           "dólares.", "2025-11-12", "2025-01/2025-09"),
    ("en", "Trade between Kazakhstan and Paraguay amounted to $3.1 million in January-September 2023.", None,
     "2023-01/2023-09"),
    ("en", "Trade turnover reached $6.4 billion in the first half of 2024.", None, "2024-01/2024-06"),
    ("es", "El comercio bilateral sumó el año pasado 298 millones de dólares.", "2024-05-14", "2023"),
    ("ru", "За девять месяцев 2025 года товарооборот составил 3 млрд долларов.", None, "2025-01/2025-09"),
    ("en", "Since August 2021, Kazakhstan has delivered about 13,000 tons of humanitarian aid.", "2022-10-12",
     "2021-08/2022-10"),
])
def test_fact_period(language, text, published, period):
    article = _article([text], language, {}, published=published)
    [fact] = _facts(article)
    assert fact.period == period


def test_half_year_period_from_a_relative_expression():
    article = _article(["En el primer semestre del año el intercambio comercial sumó 500 millones de dólares."], "es",
                       {}, published="2024-09-10")
    [fact] = _facts(article)
    assert fact.period == "2024-01/2024-06"


@pytest.mark.parametrize("language, text, value, unit", [
    ("en", "Trade reached 2.5 billion Indian rupees last year.", 2.5e9, "INR"),
    ("en", "Exports rose to 300 million Turkish lira.", 3e8, "TRY"),
    ("en", "The fund holds 40 million Kyrgystani soms.", 4e7, "KGS"),
    ("en", "Investment of 12 billion UZS was announced.", 1.2e10, "UZS"),
    ("en", "The deal is worth ₹500 million.", 5e8, "INR"),
    ("en", "They paid 7 million South African rand.", 7e6, "ZAR"),
    ("es", "El intercambio alcanzó 1.200 millones de reales brasileños.", 1.2e9, "BRL"),
    ("es", "Las exportaciones sumaron 80 millones de liras turcas.", 8e7, "TRY"),
    ("es", "La inversión fue de 3.000 millones de rupias indias.", 3e9, "INR"),
    ("ru", "Товарооборот составил 500 млн узбекских сумов.", 5e8, "UZS"),
    ("ru", "Экспорт достиг 2 млрд киргизских сомов.", 2e9, "KGS"),
    ("ru", "Инвестиции составили 40 млрд индийских рупий.", 4e10, "INR"),
    ("ru", "Поставки на 3 млн турецких лир.", 3e6, "TRY"),
])
def test_amounts_in_any_cldr_currency_are_found(language, text, value, unit):
    """Currency names and symbols come from CLDR (babel) in every language, not only the hand list."""
    from communique.events.facts import fact_language, find_figures

    [figure] = [f for f in find_figures(text, fact_language(language)) if f.category == "money"]
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.parametrize("language, text", [
    ("en", "All 5 all-weather roads were opened."), ("en", "The 3 top officials met."),
    ("en", "In 2023 they won 5 seats."), ("es", "Hubo 3 sol y sombra."),
])
def test_iso_codes_and_common_words_are_no_currency(language, text):
    from communique.events.facts import fact_language, find_figures

    assert [f for f in find_figures(text, fact_language(language)) if f.category == "money"] == []


@pytest.mark.parametrize("code,text", [
    ("en", "Trade grew 12.5% to $1,200 million in 2023, with 25,000 tourists, 3 joint projects and 40 companies."),
    ("en", "On 5/6/2024 the fund (No.7) paid 1.5 billion euros; item A-12 cost 300 dollars, up 4 per cent."),
    ("es", "El comercio creció un 12,5 % hasta 1.200 millones de dólares, con 25.000 turistas y 32 empresas."),
    ("ru", "Товарооборот вырос на 12,5% и достиг 1,2 млрд долларов; 25 тысяч туристов, 32 совместных проекта."),
])
def test_number_led_patterns_tried_where_numbers_begin_find_what_a_full_search_finds(code, text):
    # a pattern opening with the number is tried only where a number can begin: the same matches as finditer
    from communique.events.facts import _NUMBER_STARTS, _matches

    lang = fact_language(code)
    starts = [m.start() for m in _NUMBER_STARTS.finditer(text)]
    patterns = [*lang.money, lang.percent, *(regex for regex, _ in lang.counts)]
    for regex in patterns:
        assert [m.span() for m in _matches(regex, text, starts)] == [m.span() for m in regex.finditer(text)]
    assert find_figures(text, lang)
