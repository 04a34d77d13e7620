"""Stage `metadata`: publication dates (read or inferred), datelines, outlets, authors and titles."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import shared_path

from communique.reading.clean import CleanStage
from communique.reading.decode import ReadStage
from communique.reading.language import LanguageStage
from communique.reading.metadata import (
    YEAR_WINDOW,
    MetadataStage,
    find_authors,
    find_dates,
    infer_year,
    is_date_line,
    parse_dateline,
    place_country,
    tenure_bounds,
)
from communique.reading.readers import read_paths
from communique.records import Article, RawInput
from communique.samples import articles_dir, gold_path
from communique.settings import Settings

SETTINGS = Settings()
STAGES = (ReadStage(SETTINGS), CleanStage(SETTINGS), LanguageStage(SETTINGS), MetadataStage(SETTINGS))


def run(text: str, **given) -> Article:
    article = Article.from_input(RawInput(path="t.txt", text=text, **given))
    for stage in STAGES:
        stage.run_one(article)
    assert not article.failed, article.error
    return article


@pytest.mark.parametrize("paragraph,place,country,agency,month_day", [
    ("ASUNCION, June 3 (EFE) – Kazakhstan is seeking new perspectives", "ASUNCION", "PRY", "EFE", (6, 3)),
    ("Moscú, 12 nov (EFE).- El presidente de Rusia recibió hoy", "Moscú", "RUS", "EFE", (11, 12)),
    ("МОСКВА, 5 марта. /ТАСС/. Президент Казахстана провел", "МОСКВА", "RUS", "TASS", (3, 5)),
    ("BUENOS AIRES. KAZINFORM First Deputy Foreign Minister", "BUENOS AIRES", "ARG", "Kazinform", None),
    ("Havana. October 16. Kazakhstan Today - A delegation from Kazakhstan", "Havana", "CUB", "Kazakhstan Today",
     (10, 16)),
    ("ASTANA – President of Kazakhstan Kassym-Jomart Tokayev", "ASTANA", "KAZ", None, None),
    ("CARACAS (Sputnik) — El canciller de Venezuela", "CARACAS", "VEN", "Sputnik", None),
    ("ВАШИНГТОН, 12 июн — РИА Новости. Министерство финансов США", "ВАШИНГТОН", "USA", "RIA Novosti", (6, 12)),
    ("Lima, set. 22 (ANDINA). La República de Kazajistán inauguró", "Lima", "PER", "Andina", (9, 22)),
    ("САН-ПАУЛУ. КАЗИНФОРМ – В крупнейшем городе Бразилии", "САН-ПАУЛУ", "BRA", "Kazinform", None),
    # the place's own country after it, perhaps a regional agency in capitals
    ("KINGSTON, Jamaica, CMC – The Jamaican government said on Monday", "KINGSTON", "JAM", None, None),
    ("LIMA, Peru – El canciller peruano dijo", "LIMA", "PER", None, None),
    # the place's country in square brackets, the agency's name then a colon (issue 15)
    ("New Delhi [India], May 5 (ANI): External Affairs Minister S Jaishankar held talks", "New Delhi", "IND", "ANI",
     (5, 5)),
    ("Caracas [Venezuela], 12 nov (Prensa Latina): El canciller venezolano recibió a su homólogo", "Caracas", "VEN",
     "Prensa Latina", (11, 12)),
    ("Минск [Беларусь], 5 марта (БелТА): Министр иностранных дел Беларуси провел переговоры", "Минск", "BLR",
     "BelTA", (3, 5)),
])
def test_datelines(paragraph, place, country, agency, month_day):
    found = parse_dateline(paragraph)
    assert found is not None and found.place == place and place_country(found.place) == country
    assert found.agency == agency
    assert ((found.date.month, found.date.day) if found.date else None) == month_day


@pytest.mark.parametrize("paragraph", [
    "Moscow, meanwhile, said it would respond to the sanctions.",
    "El presidente de Rusia, Vladímir Putin, recibió hoy a su homólogo.",
    "Kazakhstan will soon enjoy stronger ties with the European Union.",
    "“Para Kazajstán, Rusia siempre ha sido el principal socio”, dijo Tokayev.",
    "LIMA, Chile – a place and another country is no dateline",
    "Moscow [Russia] said on Monday it would respond to the sanctions.",
    "Madrid [la capital] respondió el lunes a las críticas.",
])
def test_running_text_is_not_a_dateline(paragraph):
    assert parse_dateline(paragraph) is None


@pytest.mark.parametrize("paragraph,body", [
    ("New Delhi [India], May 5 (ANI): External Affairs Minister held talks", "External"),
    ("Lima [Perú], 5 de mayo (EFE): Los cancilleres firmaron un acuerdo", "Los"),
    ("Москва [Россия], 5 мая (ТАСС): Министр иностранных дел провел переговоры", "Министр"),
])
def test_a_dateline_ends_after_the_colon_that_closes_it(paragraph, body):
    found = parse_dateline(paragraph)
    assert found is not None and paragraph[found.end:].startswith(body)


@pytest.mark.parametrize("line,expected", [
    ("04 июля 2014, 10:43", True), ("03 de abril 2016 - 01:05", True), ("26 Nov 2021", True),
    ("24 de noviembre", True), ("16-03-2023 | 18:02", True), ("Publicado: jueves, 7 marzo 2024 14:32", True),
    ("19:14 12.06.2024 (обновлено: 00:05 13.06.2024)", True), ("Viernes, 22 de septiembre de 2023 | 1:40 p.m.", True),
    ("Kazakhstan and Brazil signed a deal on 14 May 2024", False), ("Intendencia", False),
])
def test_date_lines(line, expected):
    assert is_date_line(line) is expected


def test_month_first_dates_need_a_capital_so_may_and_ago_stay_words():
    assert [(d.month, d.day) for d in find_dates("They may 3 times ... two years ago 20 people came")] == []
    assert [(d.year, d.month, d.day) for d in find_dates("on May 14, 2024 and Oct. 17")] == [(2024, 5, 14),
                                                                                            (None, 10, 17)]


def test_infer_year_prefers_the_latest_year_not_before_the_text_years():
    # 7 October was a Monday in 2019 and 2024; the text mentions 2023, so 2024.
    assert infer_year(10, 7, [0], "trade reached $86.5 million in 2023") == 2024
    # Thursday 7 October does not fit after 2023: the next weekday named (Monday) does.
    assert infer_year(10, 7, [3, 0], "in 2023", today=dt.date(2025, 1, 1)) == 2024
    assert infer_year(6, 3, [1], "founded in 2013", today=dt.date(2016, 1, 1)) == 2014


def test_a_titled_office_holder_bounds_the_year():
    text = ("ASUNCION, June 3 (EFE) – The conference got under way on Tuesday. CICA emerged in 1992 at the initiative "
            "of Kazakh President Nursultan Nazarbayev.")
    if tenure_bounds(text) == YEAR_WINDOW:
        pytest.skip("no office-holder data (data/officials.toml, data/lang/*/actors.toml)")
    assert tenure_bounds(text) == (1991, 2019)
    # 3 June fell on a Tuesday in 1997, 2003, 2008, 2014 and 2025: the latest within his presidency.
    assert infer_year(6, 3, [1], text) == 2014
    # "the first president" is a former office: no bound
    assert tenure_bounds("el primer presidente de Kazajistán, Nursultán Nazarbáyev") == YEAR_WINDOW


@pytest.mark.parametrize("text,published,inferred", [
    (" date 2023-08-24 Kazakhstan and Argentina strengthen cooperation\n\nBUENOS AIRES. KAZINFORM First Deputy "
     "Foreign Minister of Kazakhstan Kairat Umarov arrived in Argentina on a working visit.", "2023-08-24", False),
    ("Kazakhstan-Mexico cooperation details unveiled 04 июля 2014, 10:43\n\nPublic authorities have disclosed the "
     "details of Kazakhstani-Mexican cooperation, Tengrinews reports.", "2014-07-04", False),
    ("Presidente kazajo Nazarbáyev llega a Cuba\n\n03 de abril 2016 - 01:05\n\n(EFE).- El presidente de "
     "Kazajistán, Nursultán Nazarbáyev, llegó hoy a Cuba en su primera visita oficial a la isla.", "2016-04-03",
     False),
    ("Partnership with the EU will anchor Kazakhstan’s future progress\n\nBy Kassym-Jomart Tokayev\n\n26 Nov 2021\n\n"
     "At the dawn of the 1990s, two of Eurasia’s great geographic powerhouses came into being at almost the "
     "exact same moment.", "2021-11-26", False),
    ("SANTIAGO, Oct 7 (EFE) – The foreign minister of Kazakhstan will travel on Thursday to Santiago, the "
     "ministry said on Monday. Trade reached $86.5 million in 2023.", "2024-10-07", True),
    ("La intendenta Mónica Fein participó el lunes 5 de septiembre de 2016 de la inauguración del centro "
     "cultural kazajo en Rosario, oportunidad en la que felicitó a la colectividad.", None, False),
])
def test_publication_date(text, published, inferred):
    article = run(text)
    assert article.published == published and article.published_inferred is inferred
    assert ("no publication date found" in article.warnings) is (published is None)


def test_a_weekday_next_to_a_date_without_year_fixes_it():
    article = run("Mónica Fein saludó a la colectividad de Kazajstán\n\n24 de noviembre\n\nLa intendenta "
                  "participó el lunes 5 de septiembre de la inauguración del centro cultural, y en el 2017 se va a "
                  "realizar la Expo en Astaná.")
    assert article.published_inferred and article.published.endswith("-11-24")
    assert dt.date.fromisoformat(article.published[:4] + "-09-05").weekday() == 0


def test_given_date_is_trusted_over_the_text():
    article = run(" date 2019-05-10 Havana. October 16. Kazakhstan Today - A delegation from Kazakhstan is "
                  "visiting Cuba to strengthen bilateral links.", published="2019-10-16")
    assert article.published == "2019-10-16" and not article.published_inferred
    assert article.outlet == "Kazakhstan Today" and article.dateline == {"place": "Havana", "country": "CUB"}


@pytest.mark.parametrize("text,outlet", [
    ("Public authorities have disclosed the details of cooperation between the two countries, Tengrinews reports.",
     "Tengrinews"),
    ("Казахстанский журналист рассказал об особом отношении лидера Китая к Токаеву, передает NUR.KZ.", "NUR.KZ"),
    ("Официальный представитель МИД РК рассказал о планах по открытию посольства, сообщает Bizmedia.kz.",
     "Bizmedia.kz"),
    ("“The idea was Kazakhstan’s but now it has the backing of the other Asian nations,” Ashikbayev said. EFE",
     "EFE"),
    ("Tokayev commended the development of bilateral partnership, reported the Akorda press service.", None),
])
def test_outlets(text, outlet):
    assert run(text + "\n" + text.replace("the", "a")).outlet == outlet


def test_outlet_from_the_url_when_the_text_names_none():
    article = run("Kazakhstan and Uruguay held their first political consultations in Montevideo on Monday.",
                  url="https://en.inform.kz/news/kazakhstan-and-uruguay")
    assert article.outlet == "Kazinform"


@pytest.mark.parametrize("text,authors", [
    ("Headline of the story here\nBy Kassym-Jomart Tokayev\n", ["Kassym-Jomart Tokayev"]),
    ("Body.\nReporting by Alisher Akhmetov, writing by Assel Satubaldina, editing by Tatyana Kuzmina\n",
     ["Alisher Akhmetov", "Assel Satubaldina"]),
    ("Titular de la nota\nPor Andrea Navarro Ríos\n", ["Andrea Navarro Ríos"]),
    ("Текст новости.\nАвтор: Жанар Альжанова\n", ["Жанар Альжанова"]),
    ("June 13, 2024 | Central Eurasia Report | By Timur Zhaksylykov\n", ["Timur Zhaksylykov"]),
    ("Por su parte, Tulebáyev destacó que Kazajistán ve al Perú como una puerta de entrada a América del Sur.\n", []),
])
def test_authors(text, authors):
    assert find_authors(text, SETTINGS.languages) == authors


def test_title_of_plain_text_is_the_first_headline_line():
    article = run("Kazakhstan and Argentina strengthen bilateral cooperation\n\nBUENOS AIRES. KAZINFORM First "
                  "Deputy Foreign Minister of Kazakhstan Kairat Umarov arrived in Argentina on a working visit.")
    assert article.title == "Kazakhstan and Argentina strengthen bilateral cooperation"
    assert article.outlet == "Kazinform" and article.dateline == {"place": "Buenos Aires", "country": "ARG"}


def test_empty_document_gets_the_warnings_and_no_crash():
    article = run("   ")
    assert article.published is None and "empty document" in article.warnings
    assert "no publication date found" in article.warnings


def _processed(paths):
    for raw in read_paths(paths):
        article = Article.from_input(raw)
        for stage in STAGES:
            stage.run_one(article)
        yield raw.path.rsplit("/", 1)[-1], article


def test_seed_and_dev_dates_that_the_text_states_are_found():
    for folder in ("seeds", "dev-articles"):
        gold = json.loads(shared_path(folder, "gold.json").read_text(encoding="utf-8"))["docs"]
        for name, article in _processed(sorted(shared_path(folder).glob("*.txt"))):
            g = gold[name]
            if g["published"] == "?" or g.get("published_from_url") or "no year" in g.get("published_note", ""):
                continue
            assert article.published == g["published"], name


def test_sample_corpus_metadata():
    gold = json.loads(gold_path().read_text(encoding="utf-8"))["docs"]
    dates = datelines = 0
    dated = with_dateline = 0
    for name, article in _processed([articles_dir()]):
        g = gold.get(name)
        if g is None:
            continue
        if g.get("published", "?") != "?":
            dated += 1
            dates += bool(article.published and article.published.startswith(g["published"]))
        if g.get("dateline"):
            with_dateline += 1
            datelines += bool(article.dateline and article.dateline["country"] == g["dateline"]["country"])
        assert article.language == g["language"], name
    assert dates >= 0.85 * dated and datelines >= 0.85 * with_dateline


BODY_ES = ("En una conversación telefónica ayer por la mañana, los presidentes de México y de Estados Unidos "
           "reiteraron su compromiso de avanzar en la agenda bilateral en materia de seguridad y comercio.")
BODY_RU = ("Министр иностранных дел Франции сообщила, что Париж согласился подписать соглашение о передаче "
           "Армении военной техники, пишет РИА Новости.")


@pytest.mark.parametrize("text,published", [
    ("Miércoles 21 de febrero de 2018, p. 11\n" + BODY_ES, "2018-02-21"),              # a newspaper page number
    ("Франция согласилась передать Армении технику\n3 октября 202320:26\n" + BODY_RU, "2023-10-03"),  # glued time
    ("Посол вызван в МИД\n19:00 12.12.2020 Источник: Информационное агентство России \"ТАСС\"\n" + BODY_RU,
     "2020-12-12"),                                                                      # a stamp opening a line
])
def test_publication_date_lines_found_on_real_page_heads(text, published):
    assert run(text).published == published


def test_a_dateline_without_a_year_takes_it_from_the_same_day_written_in_full():
    text = ("ALMATY, 25 abr (Xinhua) -- Los cancilleres de China y Kazajistán celebraron hoy en Almaty el segundo "
            "diálogo estratégico entre ambos países, según informó la cancillería.\n"
            "El encuentro, celebrado el 25 de abril de 2025, sirvió para preparar la visita del presidente chino.")
    article = run(text)
    assert article.published == "2025-04-25" and article.published_inferred
    anniversary = text.replace("2025", "1993")  # the same day, decades ago, is no year for the page when the text
    assert run(anniversary + " Hoy, en 2023, se cumplen treinta años.").published != "1993-04-25"  # says 2023


@pytest.mark.parametrize("line", [
    "Published: 12.03.2024, 10:45 | Updated June 3, 2024",
    "Madrid, 3 de junio de 2024 (EFE). Actualizado 2024-06-04 a las 09:00",
    "04 июля 2014, 10:43 · Москва, 5 августа; v2.12.2020 и 1.5.2020",
    "Oct. 17 and SEPTEMBER 9th, 2023; 31-12-2021; page 3.4.2020",
])
def test_dates_found_where_days_begin_are_those_of_every_position(line, monkeypatch):
    # the patterns that open with a day's (or year's) digits are tried only where such digits begin: the same
    # dates as searching every position
    from communique.reading import gates
    from communique.reading.datetext import _dates_in

    for lenient in (False, True):
        _dates_in.cache_clear()
        found = _dates_in(line, None, lenient)
        with monkeypatch.context() as patched:
            patched.setattr(gates, "finditer_at", lambda pattern, text, starts: pattern.finditer(text))
            _dates_in.cache_clear()
            assert _dates_in(line, None, lenient) == found
        assert len(found) >= 2
    _dates_in.cache_clear()
