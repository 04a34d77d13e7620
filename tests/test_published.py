"""Publication dates and where they came from (`published_source`), per language and per source, most trusted first;
a body date of a past event is never the publication date."""
from __future__ import annotations

import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import communique
from communique.reading.gates import fold
from communique.reading.published import Candidate, _relative_month_gate, choose, relative_month
from communique.reading.warc import http_date, modified_date
from test_metadata import run

NONE = "no publication date found"

BODY = {
    "en": ("The foreign ministers of Kazakhstan and Chile met in Santiago to discuss trade, mining and education, "
           "and agreed to open direct flights between the two capitals next year."),
    "es": ("Los cancilleres de Kazajistán y Chile se reunieron en Santiago para conversar sobre comercio, minería y "
           "educación, y acordaron abrir vuelos directos entre ambas capitales el próximo año."),
    "ru": ("Министры иностранных дел Казахстана и Чили встретились в Сантьяго и обсудили торговлю, горнодобывающую "
           "отрасль и образование, договорившись открыть прямые рейсы между столицами в следующем году."),
}


# --- a body date of a past event is not the publication date ----------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kazakhstan and Chile mark 30 years of ties\nJune 25, 1993, relations were established between the two "
    "countries.\n" + BODY["en"],
    "Kazakhstan and Chile mark 30 years of ties\nDiplomatic relations were established on June 25, 1993.\n" + BODY["en"],
    "Kazakhstan and Chile mark 30 years of ties\nThe two countries have been partners since June 25, 1993\n" + BODY["en"],
    "Kazajistán y Chile celebran 30 años de relaciones\nEl 25 de junio de 1993 se establecieron las relaciones "
    "diplomáticas entre ambos países.\n" + BODY["es"],
    "Kazajistán y Chile celebran 30 años de relaciones\nLas relaciones diplomáticas se establecieron el 25 de junio de "
    "1993.\n" + BODY["es"],
    "Казахстан и Чили отмечают 30 лет отношений\n25 июня 1993 года были установлены дипломатические отношения между "
    "двумя странами.\n" + BODY["ru"],
    "Казахстан и Чили отмечают 30 лет отношений\nДипломатические отношения установлены 25 июня 1993 г.\n" + BODY["ru"],
])
def test_a_body_date_of_a_past_event_is_never_the_publication_date(text):
    article = run(text)
    assert article.published is None and article.published_source is None
    assert NONE in article.warnings


@pytest.mark.parametrize("text,published", [
    ("Kazakhstan and Chile mark 30 years of ties\nJune 25, 2023 | Central Eurasia Report | By Timur Zhaksylykov\n"
     + BODY["en"], "2023-06-25"),
    ("Kazajistán y Chile celebran 30 años de relaciones\n25/06/2023 10:14 - Fuente: Agencia Kazinform\n" + BODY["es"],
     "2023-06-25"),
    ("Казахстан и Чили отмечают 30 лет отношений\n19:00 25.06.2023 Источник: Информационное агентство\n" + BODY["ru"],
     "2023-06-25"),
])
def test_a_stamp_standing_apart_is_still_read(text, published):
    assert run(text).published == published


# --- a dateline under a photo caption ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,published", [
    ("Foreign ministers of Kazakhstan and China hold the second strategic dialogue in Almaty, Kazakhstan, on April 25, "
     "2025, during the visit of the Chinese minister. (Xinhua/Li Renzi)\nALMATY, April 25 (Xinhua) -- " + BODY["en"],
     "2025-04-25"),
    ("Wang Yi, ministro de Relaciones Exteriores de China, celebra el segundo diálogo estratégico con su homólogo de "
     "Kazajistán en Almaty, Kazajistán, el 25 de abril de 2025. (Xinhua/Li Renzi)\nALMATY, 25 abr (Xinhua) -- "
     + BODY["es"], "2025-04-25"),
    ("Министры иностранных дел Китая и Казахстана провели второй стратегический диалог в Алматы 25 апреля 2025 года "
     "во время визита китайского министра в республику. (Синьхуа/Ли Жэньцзы)\nАЛМАТЫ, 25 апр (Синьхуа) -- "
     + BODY["ru"], "2025-04-25"),
])
def test_a_dateline_below_a_photo_caption_dates_the_page(text, published):
    article = run(text)
    assert article.published == published and article.published_source == "dateline"
    assert article.dateline and article.dateline["country"] == "KAZ"


def test_a_place_after_a_body_paragraph_is_no_dateline():
    text = ("Kazakhstan and Chile hold talks\n" + BODY["en"] + "\nSantiago, June 3 is the date of the next round, "
            "the ministers said, without naming the venue of the talks.")
    assert run(text).dateline is None


# --- a month named relative to the writing -------------------------------------------------------------------------

@pytest.mark.parametrize("text,month", [
    ("The emir said the football World Cup starts in Qatar next month (November). The tournament runs from November 20 "
     "to December 18, 2022.", "2022-10"),
    ("El emir dijo que el próximo mes (noviembre) comenzará en Catar el Mundial de fútbol, que se jugará del 20 de "
     "noviembre al 18 de diciembre de 2022.", "2022-10"),
    ("Эмир заявил, что в следующем месяце (ноябре. – Прим. ред.) в Катаре начнется Чемпионат мира по футболу. "
     "Чемпионат пройдет с 20 ноября по 18 декабря 2022 года.", "2022-10"),
    ("The summit opens next month (January); it was agreed in Astana in 2023 and will run through January 2024.",
     "2023-12"),
    ("В прошлом месяце (сентябре) стороны подписали соглашение; в 2023 году товарооборот вырос.", "2023-10"),
    ("Este mes, octubre, se cumplen treinta años del acuerdo firmado en 1993 y renovado en 2021.", "2021-10"),
])
def test_a_month_named_relative_to_the_writing_dates_it(text, month):
    assert relative_month(text) == month
    assert _relative_month_gate().may_match(text, fold(text))     # the gate lets it through


def test_a_page_without_a_relative_month_phrase_is_not_searched():
    """The gate: a text holding none of the phrases (case-folded) skips the pattern's search."""
    cue = _relative_month_gate()
    for text in ("Real Madrid won 3-1 on Sunday; the return leg is on 14 November 2023.",
                 "El Real Madrid ganó 3-1 el domingo; la vuelta se juega el 14 de noviembre de 2023.",
                 "«Реал» выиграл со счетом 3:1 в воскресенье; ответный матч 14 ноября 2023 года."):
        assert not cue.may_match(text, fold(text)) and relative_month(text) is None
    assert cue.may_match("NEXT MONTH (NOVEMBER)", fold("NEXT MONTH (NOVEMBER)"))


@pytest.mark.parametrize("text", [
    "Las elecciones se celebrarán el próximo mes de noviembre, según el calendario aprobado en 2023.",  # next November
    "The summit opens next month, the ministers said.",                                                   # no month
    "The summit opens next month (November), the ministers said.",                                       # no year
])
def test_no_month_without_the_month_and_a_year(text):
    assert relative_month(text) is None


def test_the_inferred_month_is_recorded_with_its_source():
    article = run("Эмир Катара прибыл в Астану\n" + BODY["ru"] + "\nЭмир заявил, что в следующем месяце (ноябре) в "
                  "Катаре начнется Чемпионат мира, который пройдет с 20 ноября по 18 декабря 2022 года.")
    assert (article.published, article.published_source, article.published_inferred) == ("2022-10", "text", True)
    assert NONE not in article.warnings


# --- where it came from, in order of trust -------------------------------------------------------------------------

DATED = "Kazakhstan and Chile hold talks\n3 March 2024\n" + BODY["en"]


@pytest.mark.parametrize("text,given,published,source", [
    (DATED, {"published": "2024-03-01"}, "2024-03-01", "input"),
    (DATED, {"url": "https://news.example/2024/03/02/kazakhstan-chile"}, "2024-03-02", "url"),
    (DATED, {"url": "https://news.example/2024/03/kazakhstan-chile"}, "2024-03-03", "date-line"),  # refines the month
    (DATED, {"url": "https://news.example/2023/11/kazakhstan-chile"}, "2023-11", "url"),
    (DATED, {}, "2024-03-03", "date-line"),
    ("Kazakhstan and Chile hold talks\nSANTIAGO, March 3, 2024 (EFE) – " + BODY["en"] + "\n1 March 2024\n",
     {}, "2024-03-03", "dateline"),
    ("Kazakhstan and Chile hold talks\nMarch 4, 2024 | Central Eurasia Report | By Timur Zhaksylykov\n3 March 2024\n"
     + BODY["en"], {}, "2024-03-04", "byline"),
    ("Kazajistán y Chile conversan\nSANTIAGO, 3 mar (EFE).- " + BODY["es"] + " El encuentro, celebrado el 3 de marzo de "
     "2024, fue el primero.", {}, "2024-03-03", "dateline"),
])
def test_published_source(text, given, published, source):
    article = run(text, **given)
    assert (article.published, article.published_source) == (published, source)
    assert article.to_record()["published_source"] == source


def test_no_date_anywhere_is_a_warning_and_no_source():
    record = run("Kazakhstan and Chile hold talks\n" + BODY["en"]).to_record()
    assert record["published"] is None and record["published_source"] is None and NONE in record["warnings"]


def test_html_metadata_is_a_source():
    page = ("<html><head><title>Kazakhstan and Chile hold talks</title><meta property=\"article:published_time\" "
            "content=\"2024-05-15T10:00:00+00:00\"></head><body><article><h1>Kazakhstan and Chile hold talks</h1>"
            f"<p>{BODY['en']}</p><p>{BODY['en']}</p></article></body></html>")
    record = communique.extract(page)
    assert (record["published"], record["published_source"]) == ("2024-05-15", "html-meta")


def test_choose_keeps_the_order_of_trust_and_drops_dates_after_the_fetch():
    assert choose([Candidate("2024-03", "url"), Candidate("2024-03-05", "date-line")]).source == "date-line"
    assert choose([Candidate("2024-03-02", "url"), Candidate("2024-03-05", "date-line")]).source == "url"
    assert choose([Candidate("2025-01-01", "html-meta"), Candidate("2024-03-05", "date-line")],
                  fetched="2024-09-11").date == "2024-03-05"
    assert choose([Candidate("2025-01-01", "input")], fetched="2024-09-11").date == "2025-01-01"  # given: trusted


@pytest.mark.parametrize("text", [
    "Kazakhstan and Chile hold talks\nSANTIAGO, March 3, 2024 (EFE) – " + BODY["en"],
    "Kazajistán y Chile conversan\nSANTIAGO, 3 de marzo de 2024 (EFE).- " + BODY["es"],
    "Казахстан и Чили провели переговоры\nАСТАНА, 3 марта 2024. КАЗИНФОРМ – " + BODY["ru"],
    "Kazajistán y Chile conversan\nSANTIAGO, 3 mar (Xinhua) -- " + BODY["es"] + " La reunión del 3 de marzo de 2024 fue la primera.",
])
def test_an_address_one_day_ahead_of_the_text_is_a_time_zone_and_the_text_day_wins(text):
    """A page filed in the evening in Santiago carries the next day in an address stamped in Beijing or UTC."""
    next_day = run(text, url="https://news.example/2024-03/04/c_1130084.htm")
    assert (next_day.published, next_day.published_source) == ("2024-03-03", "dateline")
    days_apart = run(text, url="https://news.example/2024-03/06/c_1130084.htm")  # not a time zone: the address
    assert (days_apart.published, days_apart.published_source) == ("2024-03-06", "url")


def test_choose_takes_the_dateline_day_only_one_day_off_the_address():
    assert choose([Candidate("2024-03-04", "url"), Candidate("2024-03-03", "dateline")]).source == "dateline"
    assert choose([Candidate("2024-03-04", "url"), Candidate("2024-03-03", "date-line")]).source == "url"
    assert choose([Candidate("2024-03-04", "url"), Candidate("2024-03-02", "dateline")]).source == "url"
    assert choose([Candidate("2024-03-04", "input"), Candidate("2024-03-03", "dateline")]).source == "input"


# --- HTTP headers: WARC records ------------------------------------------------------------------------------------

PAGE = ("<html><head><title>Kazakhstan and Chile hold talks</title></head><body><article><h1>Kazakhstan and Chile "
        f"hold talks</h1><p>{BODY['en']}</p><p>{BODY['en']}</p></article></body></html>").encode()


def write_warc(path, url, body, http_headers, warc_date="2024-09-11T08:00:00Z"):
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), *http_headers],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": warc_date}))
    return path


def test_a_last_modified_header_dates_a_page_that_states_no_date(tmp_path):
    warc = write_warc(tmp_path / "c.warc.gz", "https://news.example/kazakhstan-chile",
                      PAGE, [("Date", "Wed, 11 Sep 2024 08:00:00 GMT"), ("Last-Modified", "Mon, 09 Sep 2024 17:30:00 GMT")])
    (record,) = [a.to_record() for a in communique.process_paths([warc])]
    assert (record["published"], record["published_source"]) == ("2024-09-09", "http-last-modified")
    assert record["source"]["last_modified"] == "2024-09-09" and record["source"]["retrieved"] == "2024-09-11"
    assert NONE not in record["warnings"]


def test_the_page_own_date_wins_over_the_headers(tmp_path):
    warc = write_warc(tmp_path / "c.warc.gz", "https://news.example/2024/03/02/kazakhstan-chile",
                      PAGE, [("Date", "Wed, 11 Sep 2024 08:00:00 GMT"), ("Last-Modified", "Mon, 09 Sep 2024 17:30:00 GMT")])
    (record,) = [a.to_record() for a in communique.process_paths([warc])]
    assert (record["published"], record["published_source"]) == ("2024-03-02", "url")


def test_the_fetch_date_stands_in_with_a_warning(tmp_path):
    same = "Wed, 11 Sep 2024 08:00:00 GMT"  # a Last-Modified equal to Date: a page generated for the request
    warc = write_warc(tmp_path / "c.warc.gz", "https://news.example/kazakhstan-chile", PAGE,
                      [("Date", same), ("Last-Modified", same)])
    (record,) = [a.to_record() for a in communique.process_paths([warc])]
    assert (record["published"], record["published_source"], record["published_inferred"]) == (
        "2024-09-11", "fetched", True)
    assert record["source"]["last_modified"] is None
    assert any("fetch date" in w for w in record["warnings"])


@pytest.mark.parametrize("value,date", [
    ("Wed, 21 Oct 2015 07:28:00 GMT", "2015-10-21"), ("Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06"),
    ("not a date", None), ("", None), (None, None),
])
def test_http_dates(value, date):
    assert http_date(value) == date


def test_last_modified_after_the_response_date_is_not_used():
    assert modified_date("Thu, 12 Sep 2024 08:00:00 GMT", "Wed, 11 Sep 2024 08:00:00 GMT") is None
    assert modified_date("Tue, 10 Sep 2024 08:00:00 GMT", "Wed, 11 Sep 2024 08:00:00 GMT") == "2024-09-10"


def test_the_source_survives_the_store(tmp_path):
    from communique.kb.store import article_from_record

    record = run(DATED).to_record()
    again = article_from_record(json.loads(json.dumps(record))).to_record()
    assert again["published_source"] == "date-line" and again == record


# --- several date lines: the earliest; a bracketed dateline stamp ----------------------------------------------------

@pytest.mark.parametrize("text,published", [
    # a site's clock above the story's own date: the clock dates the copy
    ("Tuesday, 14 May 2024, 08:12:40 pm\nKazakhstan and Chile agree on direct flights\nMarch 03, 2023\n" + BODY["en"],
     "2023-03-03"),
    ("Martes, 14 de mayo de 2024\nKazajistán y Chile acuerdan vuelos directos\n3 de marzo de 2023\n" + BODY["es"],
     "2023-03-03"),
    ("14 мая 2024, 20:12\nКазахстан и Чили договорились о прямых рейсах\n03.03.2023\n" + BODY["ru"], "2023-03-03"),
    # a time after "a las" / "at" is still a stamp
    ("Kazajistán y Chile acuerdan vuelos directos\nFecha: 3 de marzo de 2023 a las 15:46:00\n" + BODY["es"],
     "2023-03-03"),
    ("Kazakhstan and Chile agree on direct flights\nMarch 3, 2023 at 3:46 pm\n" + BODY["en"], "2023-03-03"),
])
def test_of_several_date_lines_the_earliest_dates_the_story(text, published):
    assert run(text).published == published


@pytest.mark.parametrize("text,published", [
    ("Kazajistán y Chile acuerdan vuelos directos\nSantiago (Chile), (mar. 03/23). " + BODY["es"], "2023-03-03"),
    ("Kazajistán y Chile acuerdan vuelos directos\nCiudad de México (nov. 21/19). " + BODY["es"], "2019-11-21"),
])
def test_a_bracketed_month_day_and_short_year_after_the_place_dates_the_story(text, published):
    assert run(text).published == published


def test_a_bracketed_stamp_deep_in_a_sentence_is_not_read():
    text = ("Kazajistán y Chile acuerdan vuelos directos\n" + BODY["es"][:-1] + ", según el informe de la comisión "
            "mixta (mar. 03/23).\n")
    assert run(text).published is None


@pytest.mark.parametrize("text", [
    "Kazakhstan and Chile agree on direct flights (Photo: the ministers in Santiago, March 3, 2021.)\n" + BODY["en"],
    "Kazajistán y Chile acuerdan vuelos directos (Foto: los cancilleres en Santiago, 3 de marzo de 2021.)\n"
    + BODY["es"],
    "Казахстан и Чили договорились о прямых рейсах (Фото: министры в Сантьяго, 3 марта 2021 года.)\n" + BODY["ru"],
])
def test_a_captions_date_in_brackets_after_the_headline_is_not_its_stamp(text):
    assert run(text).published is None


def test_the_scrapers_month_marker_is_read_and_the_datelines_day_refines_it():
    from communique.reading.metadata import DATE_MARKER

    assert DATE_MARKER.match(" date 2016-10 Buenos Aires, 14 oct (EFE).- ").group(1) == "2016-10"
    assert DATE_MARKER.match(" date 2016-10-14 Headline").group(1) == "2016-10-14"
    assert DATE_MARKER.match(" date 2016-1012 Headline") is None
    doc = communique.extract(" date 2016-10 Buenos Aires, 14 oct (EFE).- Argentina presentó hoy una nota de protesta al "
                  "Reino Unido por los ejercicios militares en el Atlántico Sur.\n\nEl Gobierno exigió al Reino Unido "
                  "que suspenda las maniobras.")
    assert doc["published"] == "2016-10-14"
    assert not doc["text"].lstrip().startswith("date")
    only_month = communique.extract(" date 2016-10 El Gobierno argentino presentó una nota de protesta al Reino Unido por "
                         "los ejercicios militares en el Atlántico Sur.\n\nLa cancillería exigió que se suspendan.")
    assert only_month["published"] == "2016-10"


# --- the eleventh swap's stamps: a dateline opening with its date, a month's name between slashes, a lower-case
# month opening a date line, a two-digit year in a dateline; a page's clock above them dates the copy only ----------

@pytest.mark.parametrize("text,published", [
    ("Monday, January 8, 2024\nKazakhstan and Chile agree on direct flights\nMarch 3, 2021 (SANTIAGO) – "
     + BODY["en"], "2021-03-03"),
    ("Lunes, 8 de enero de 2024\nKazajistán y Chile acuerdan vuelos directos\n3 de marzo de 2021 (SANTIAGO) – "
     + BODY["es"], "2021-03-03"),
    ("Kazakhstan and Chile agree on direct flights\nMarch 3, 2021 (Xinhua) -- " + BODY["en"], "2021-03-03"),
])
def test_a_dateline_that_opens_with_its_date_wins_over_the_pages_clock(text, published):
    article = run(text)
    assert article.published == published and article.published_source == "dateline"


@pytest.mark.parametrize("text,published", [
    ("Kazakhstan and Chile agree on direct flights\nChile Wednesday 03/March/2021 10:15 AM\n" + BODY["en"],
     "2021-03-03"),
    ("Kazakhstan and Chile agree on direct flights\n03-Mar-2021\n" + BODY["en"], "2021-03-03"),
    ("Kazajistán y Chile acuerdan vuelos directos\nlun. 8 enero, 10:15\nmarzo 3, 2021\n" + BODY["es"], "2021-03-03"),
    ("Казахстан и Чили договорились о прямых рейсах\nСантьяго, 03.03.21. /Кабар/. " + BODY["ru"], "2021-03-03"),
    # a zone after the time, a short weekday, an English ordinal, the year first
    ("Kazakhstan and Chile agree on direct flights\nLast Updated: 03 Mar 2021, 10:15 IST\n" + BODY["en"], "2021-03-03"),
    ("Kazakhstan and Chile agree on direct flights\nWed 3 Mar 2021 10.15 GMT\n" + BODY["en"], "2021-03-03"),
    ("Kazakhstan and Chile agree on direct flights\nWednesday 3rd of March 2021\n" + BODY["en"], "2021-03-03"),
    ("Kazakhstan and Chile agree on direct flights\n2021/03/03 21:38 WIB\n" + BODY["en"], "2021-03-03"),
    ("Kazajistán y Chile acuerdan vuelos directos\nMié 03 Mar 2021\n" + BODY["es"], "2021-03-03"),
    ("Kazajistán y Chile acuerdan vuelos directos\n2021.03.03 - 10:15 hs\n" + BODY["es"], "2021-03-03"),
    ("Казахстан и Чили договорились о прямых рейсах\nСр, 3 марта 2021, 10:15 МСК\n" + BODY["ru"], "2021-03-03"),
])
def test_stamps_written_in_less_usual_ways_date_the_page(text, published):
    assert run(text).published == published


@pytest.mark.parametrize("text", [
    "Kazakhstan and Chile agree on direct flights\nThe plan was approved in version 3.10.21 of the treaty text, "
    "ministers said.\n" + BODY["en"],
    "Kazakhstan and Chile agree on direct flights\nJune 3 (local time) – " + BODY["en"],
])
def test_a_two_digit_year_or_a_bracketed_note_outside_a_dateline_dates_nothing(text):
    assert run(text).published is None


@pytest.mark.parametrize("text", [
    "Kazakhstan and Chile agree on direct flights\nOn the 3rd of March 2021 the ministers signed the plan.\n"
    + BODY["en"],
    "Kazajistán y Chile acuerdan vuelos directos\nMar 3 de los cancilleres en la cumbre\n" + BODY["es"],
])
def test_an_ordinal_date_in_a_sentence_or_a_short_weekday_in_running_text_dates_nothing(text):
    assert run(text).published is None
