"""Stage `read`: encodings detected from evidence, binary refused, HTML reduced to its text and metadata."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

import communique
from conftest import shared_path
from communique.reading.decode import (BinaryInputError, ReadStage, decode_bytes, given_date, looks_like_html,
                                       url_date)
from communique.records import Article, RawInput
from communique.settings import Settings

RU = ("МОСКВА, 5 марта. /ТАСС/. Президент Казахстана Касым-Жомарт Токаев провел переговоры с президентом России "
      "Владимиром Путиным. Стороны обсудили торговлю, энергетику и транспорт.")
ES = ("Moscú, 12 nov (EFE).- El presidente de Kazajistán, Kasim-Yomart Tokáyev, llegó hoy a Moscú en visita "
      "oficial. Señaló que la cooperación económica «crece año tras año».")
EN = "ASUNCION, June 3 (EFE) – Kazakhstan is seeking “new perspectives” for cooperation with Latin America."


@pytest.mark.parametrize("text,encoding,expected", [
    (RU, "utf-8", "utf-8"),
    (RU, "cp1251", "cp1251"),
    (RU, "koi8-r", "koi8-r"),
    (RU[:40], "cp1251", "cp1251"),
    (RU[:40], "koi8-r", "koi8-r"),
    (ES, "cp1252", "cp1252"),
    (ES, "latin-1", "cp1252"),           # cp1252 is a superset of latin-1 for text
    (ES, "utf-8", "utf-8"),
    (EN, "utf-8", "utf-8"),
    ("Реклама +7(700) 388 81 09\n" + EN.replace("“", "«").replace("”", "»"), "cp1251", "cp1251"),
])
def test_encoding_is_detected_and_text_recovered(text, encoding, expected):
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.encoding == expected
    assert decoded.text == text
    assert decoded.warnings == []


@pytest.mark.parametrize("bom,codec,name", [
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
])
def test_byte_order_marks(bom, codec, name):
    decoded = decode_bytes(bom + RU.encode(codec))
    assert (decoded.text, decoded.encoding) == (RU, name)


def test_utf16_without_bom_is_recognised():
    assert decode_bytes(EN.encode("utf-16-le")).text == EN


def test_double_encoded_utf8_is_repaired():
    garbled = ES.encode("utf-8").decode("cp1252").encode("utf-8")
    decoded = decode_bytes(garbled)
    assert decoded.text == ES and "double-encoded" in decoded.warnings[0]


def test_a_few_broken_bytes_in_utf8_are_replaced_with_a_warning():
    data = RU.encode("utf-8") + b"\xff\xfe broken " + RU.encode("utf-8")
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and "\ufffd" in decoded.text and "replaced" in decoded.warnings[0]


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    bytes(range(256)) * 4,
    b"\x00\x01\x02\x03" * 100,
])
def test_binary_input_is_refused(data):
    with pytest.raises(BinaryInputError, match="binary input, not text"):
        decode_bytes(data)


def run_read(raw: RawInput) -> Article:
    article = Article.from_input(raw)
    ReadStage(Settings()).run_one(article)
    return article


def test_binary_file_fails_the_document_with_a_clear_reason():
    article = run_read(RawInput(path="x.txt", data=b"PK\x03\x04\x14\x00\x06\x00" + bytes(200)))
    assert article.failed and "binary input, not text" in article.error and article.failed_stage == "read"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", "\ufeff".encode("utf-8")])
def test_empty_document_is_a_record_with_a_warning(data):
    article = run_read(RawInput(path="e.txt", data=data))
    assert not article.failed and article.raw_text == "" and "empty document" in article.warnings


def test_reader_error_fails_the_document():
    article = run_read(RawInput(path="gone.txt", error="no such file or directory: gone.txt"))
    assert article.failed and "no such file" in article.error


PAGE = """<!DOCTYPE html><html lang="en"><head><title>Kazakhstan and Brazil sign farm deal | Kazinform</title>
<meta property="article:published_time" content="2024-05-14T09:30:00+05:00">
<meta name="author" content="Assel Satubaldina"><meta property="og:site_name" content="Kazinform"></head>
<body><nav><a href="/">Home</a> <a href="/p">Politics</a></nav>
<article><h1>Kazakhstan and Brazil sign farm deal</h1>
<p>ASTANA, May 14 (Kazinform) – Kazakhstan and Brazil signed a memorandum on cooperation in agriculture on
Tuesday, the Foreign Ministry said.</p>
<p>The two ministers also discussed trade, which reached $1.2 billion in 2023, and agreed to meet again next
year in Brasilia.</p></article>
<aside><h3>Most read</h3><ul><li>Tenge weakens against the dollar</li></ul></aside>
<footer>© 2024 Kazinform. All rights reserved.</footer></body></html>"""


def test_html_file_gives_main_text_and_trusted_metadata():
    article = run_read(RawInput(path="p.html", data=PAGE.encode("utf-8"), media_type="text/html"))
    assert article.media_type == "text/html" and article.html == PAGE
    assert "signed a memorandum on cooperation in agriculture" in article.raw_text
    assert "Tenge weakens" not in article.raw_text and "All rights reserved" not in article.raw_text
    assert article.published == "2024-05-14" and article.published_given
    assert article.authors == ["Assel Satubaldina"] and article.outlet == "Kazinform"
    assert article.title and article.title.startswith("Kazakhstan and Brazil sign farm deal")
    # paragraphs stay on lines of their own
    assert any(line.startswith("The two ministers") for line in article.raw_text.splitlines())


def test_html_in_cp1251_declared_by_meta_charset():
    page = PAGE.replace("<head>", '<head><meta charset="windows-1251">').replace(
        "Kazakhstan and Brazil signed", "Казахстан и Бразилия подписали меморандум. Kazakhstan and Brazil signed")
    article = run_read(RawInput(path="p.html", data=page.encode("cp1251"), media_type="text/html"))
    assert article.encoding == "cp1251" and "Казахстан и Бразилия" in article.raw_text


def test_html_given_as_text_is_recognised_and_given_date_wins():
    article = run_read(RawInput(path=None, text=PAGE, published="2024-05-15T00:00:00Z"))
    assert article.html == PAGE and article.published == "2024-05-15" and article.published_given


def test_truncated_html_does_not_crash():
    article = run_read(RawInput(path="t.html", data=PAGE[: len(PAGE) // 2].encode(), media_type="text/html"))
    assert not article.failed and "ASTANA" in article.raw_text


def test_scraped_text_with_an_image_tag_is_not_taken_for_html():
    text = ('Посольство откроют в Мексике.\n<image>data:image/s3,"s3://crabby-images/63d59/63d590dfb75ed1dd2ec0b22a70303d35e4c6f04e" alt="Фото"'
            '</image>\nМИД сообщил.')
    assert not looks_like_html(text)


@pytest.mark.parametrize("value,expected", [
    ("2024-05-14T09:30:00+05:00", "2024-05-14"), ("14.05.2024", "2024-05-14"), ("May 14, 2024", "2024-05-14"),
    ("2019-05", "2019-05"), ("soon", None),
])
def test_given_dates_are_normalised(value, expected):
    assert given_date(value) == expected


@hsettings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_decoding_random_bytes_gives_text_or_the_clear_error(data):
    try:
        decoded = decode_bytes(data)
    except BinaryInputError as err:
        assert str(err) == "binary input, not text"
    else:
        assert isinstance(decoded.text, str) and decoded.encoding


@hsettings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400), st.booleans())
def test_read_stage_never_fails_on_arbitrary_text_or_html(text, as_html):
    raw = RawInput(path=None, html=text) if as_html else RawInput(path=None, data=text.encode("utf-8"))
    article = run_read(raw)
    assert not article.failed or "binary input, not text" in article.error


def test_the_same_page_reads_the_same_every_time_in_one_process():
    """Output must not depend on what the process read before (re-ingest is idempotent by content id)."""
    from communique.samples import articles_dir

    page = sorted(articles_dir().glob("*.html"))[0]
    # trafilatura's own deduplication drops a segment once it has been seen more than twice in the process
    texts = {communique.extract(page.read_text(encoding="utf-8"), html=True)["text"] for _ in range(4)}
    assert len(texts) == 1


_ASCII_PUNCTUATION = str.maketrans({"«": '"', "»": '"', "—": "-", "–": "-", "„": '"', "“": '"', "”": '"', "№": "N",
                                    "’": "'", "‘": "'", "…": "...", "\xa0": " "})


@pytest.mark.parametrize("encoding", ["iso-8859-5", "mac-cyrillic", "cp866", "cp1251", "koi8-r"])
def test_russian_in_every_cyrillic_code_page_is_decoded(encoding):
    """Twenty real Russian articles (typographic punctuation made ASCII, what a code page still lacks a "?") each
    come back letter for letter, with the code page named; and a short paragraph does too."""
    texts = [path.read_text(encoding="utf-8").translate(_ASCII_PUNCTUATION)
             for path in sorted(shared_path("dev-articles-2").glob("ru*.txt"))]
    assert len(texts) == 20
    for text in texts + [RU]:
        data = text.encode(encoding, "replace")
        decoded = decode_bytes(data)
        assert decoded.text == data.decode(encoding)
        assert codecs.lookup(decoded.encoding).name == codecs.lookup(encoding).name


def test_russian_utf8_read_as_cp1251_and_saved_again_is_repaired():
    import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1251", the decoding browsers apply
    texts = [path.read_text(encoding="utf-8") for path in sorted(shared_path("dev-articles-2").glob("ru*.txt"))]
    for text in texts + [RU]:
        garbled = text.encode("utf-8").decode("sloppy-windows-1251").encode("utf-8")  # as a browser reads it
        decoded = decode_bytes(garbled)
        assert decoded.text == text and "double-encoded" in decoded.warnings[0]


def test_spanish_n_with_tilde_is_never_read_as_a_central_european_letter():
    texts = [path.read_text(encoding="utf-8") for path in sorted(shared_path("dev-articles-2").glob("es*.txt"))]
    for text in texts + [ES, "España. Año nuevo, señal de cañones."]:
        for encoding in ("cp1252", "latin-1"):
            decoded = decode_bytes(text.encode(encoding, "replace"))
            assert "ń" not in decoded.text and decoded.text == text.encode(encoding, "replace").decode(encoding)
        assert decode_bytes(text.encode("utf-8")).text == text  # real Spanish UTF-8 is not "repaired"


@pytest.mark.parametrize("value,expected", [
    ("2024/05/14", "2024-05-14"), ("05/14/2024", "2024-05-14"), ("14/05/2024", "2024-05-14"),
    ("20240514", "2024-05-14"), ("2024.05", "2024-05"), ("2024", "2024"), ("Tue, 14 May 2024 09:30:00 GMT",
                                                                            "2024-05-14"),
    ("14 мая 2024", "2024-05-14"), ("mayo de 2024", "2024-05"), ("2024/13/01", None),
])
def test_given_dates_keep_their_precision(value, expected):
    assert given_date(value) == expected


@pytest.mark.parametrize("url,expected", [
    ("https://en.mercopress.com/2024/04/15/brazil-and-argentina", "2024-04-15"),
    ("https://ria.ru/20230529/otnosheniya-1874938538.html", "2023-05-29"),
    ("https://www.elconfidencial.com/mundo/2023-03-10/iran-y-arabia", "2023-03-10"),
    ("https://telemadrid.es/programas/Venezuela-llama-2-2706349340--20240913074111.html", "2024-09-13"),
    ("https://example.org/2024/04/cumbre", "2024-04"),
    ("https://www.devdiscourse.com/article/law-order/1505909-france-to-summon", None),
    ("https://20230529.example.org/news", None),     # the host is not the path
    ("https://www.example.ru/news/politika/14032024/551207", "2024-03-14"),   # day first, a whole segment
    ("https://www.example.ru/news/14032024551207", None),                   # inside an identifier: not a date
    ("https://www.example.ru/news/31022024/5512", None),                     # no 31 February
])
def test_url_dates(url, expected):
    assert url_date(url) == expected


def test_url_date_is_trusted_over_the_text_and_refined_by_it():
    # issue 16's order of trust: the input's metadata, the URL, then a dateline or a date line in the text
    dated = communique.extract("26 Nov 2021\n" + EN, url="https://x.org/2019/01/02/visit")
    assert (dated["published"], dated["published_source"]) == ("2019-01-02", "url")
    refined = communique.extract("26 Nov 2021\n" + EN, url="https://x.org/2021/11/visit")
    assert (refined["published"], refined["published_source"]) == ("2021-11-26", "date-line")
    undated = communique.extract(EN, url="https://x.org/2019/01/02/visit")
    assert (undated["published"], undated["published_source"]) == ("2019-01-02", "url")
    given = communique.extract("26 Nov 2021\n" + EN, url="https://x.org/2019/01/02/visit", published="2018-05-05")
    assert (given["published"], given["published_source"]) == ("2018-05-05", "input")


def test_trafilatura_is_given_the_page_address():
    page = ("<html><head><title>Visit</title></head><body><article><h1>Kazakhstan and Brazil</h1>"
            + "<p>" + EN + " " + EN + "</p>" * 1 + "</article></body></html>")
    record = communique.extract(page, html=True, url="https://x.org/news/2022/11/28/visit.html")
    assert record["published"] == "2022-11-28"
