"""Stage `language`: document language from the body, paragraph languages that differ only when clearly so."""
from __future__ import annotations

import json

import pytest
from conftest import shared_path

from communique.reading.clean import CleanStage
from communique.reading.decode import ReadStage
from communique.reading.language import LanguageStage, detector, dominant_script, paragraph_language
from communique.reading.readers import read_paths
from communique.records import Article, Paragraph
from communique.samples import articles_dir, gold_path
from communique.settings import Settings

SETTINGS = Settings()
LANGS = SETTINGS.languages

EN = ("Kazakhstan established diplomatic relations with Mexico back in 1992, but the two countries are planning "
      "to exchange embassies only now, the Foreign Ministry said on Tuesday.")
ES = ("El presidente de Kazajistán, Kasim-Yomart Tokáyev, llegó hoy a Moscú en visita oficial y se reunió con su "
      "homólogo ruso en el Gran Palacio del Kremlin.")
RU = ("Президент Казахстана Касым-Жомарт Токаев провел переговоры с президентом России Владимиром Путиным, "
      "стороны обсудили торговлю, энергетику и транспорт.")


def detect(*paragraphs: str) -> Article:
    article = Article(text="\n".join(paragraphs))
    pos = 0
    for p in paragraphs:
        article.paragraphs.append(Paragraph(pos, pos + len(p)))
        pos += len(p) + 1
    LanguageStage(SETTINGS).run_one(article)
    assert not article.failed, article.error
    return article


@pytest.mark.parametrize("body,expected", [(EN, "en"), (ES, "es"), (RU, "ru")])
def test_document_language(body, expected):
    article = detect(body, body)
    assert article.language == expected
    assert [p.language for p in article.paragraphs] == [expected, expected]


def test_english_article_with_a_russian_dateline_line_has_one_russian_paragraph():
    article = detect("Kazakhstan-Mexico cooperation details unveiled", "04 июля 2014, 10:43, Астана", EN, EN)
    assert article.language == "en"
    assert [p.language for p in article.paragraphs] == ["en", "ru", "en", "en"]


def test_short_latin_lines_inherit_the_document_language():
    article = detect("Currently reading", ES, "Photo: EFE", ES)
    assert article.language == "es" and {p.language for p in article.paragraphs} == {"es"}


def test_short_cyrillic_line_in_a_spanish_article_is_russian():
    assert paragraph_language("Реклама", "es", LANGS) == "ru"


def test_long_paragraph_in_another_language_of_the_same_script():
    article = detect(ES, ES, EN, ES)
    assert article.language == "es" and article.paragraphs[2].language == "en"


def test_russian_article_with_an_english_quote_paragraph():
    article = detect(RU, RU, EN)
    assert article.language == "ru" and article.paragraphs[2].language == "en"


def test_no_letters_gives_no_language_and_no_crash():
    article = detect("12:45", "2024")
    assert article.language is None and article.paragraphs[0].language is None


def test_empty_text():
    article = Article(text="")
    LanguageStage(SETTINGS).run_one(article)
    assert not article.failed and article.language is None


def test_single_language_setting_needs_no_detector():
    article = Article(text=EN, paragraphs=[Paragraph(0, len(EN))])
    LanguageStage(Settings(languages=("en",))).run_one(article)
    assert article.language == "en"


def test_detector_is_built_once_per_process():
    assert detector(LANGS) is detector(LANGS)


def test_scripts():
    assert dominant_script(RU) == "Cyrillic" and dominant_script(EN) == "Latin" and dominant_script("2024") is None


def _languages_of(paths):
    for raw in read_paths(paths):
        article = Article.from_input(raw)
        for stage in (ReadStage(SETTINGS), CleanStage(SETTINGS), LanguageStage(SETTINGS)):
            stage.run_one(article)
        yield raw.path.rsplit("/", 1)[-1], article.language


def test_every_seed_dev_and_sample_article_gets_its_language():
    golds = []
    for folder in ("seeds", "dev-articles"):
        gold = json.loads(shared_path(folder, "gold.json").read_text(encoding="utf-8"))["docs"]
        golds.append((gold, [p for p in shared_path(folder).glob("*.txt")]))
    golds.append((json.loads(gold_path().read_text(encoding="utf-8"))["docs"], [articles_dir()]))
    for gold, paths in golds:
        for name, language in _languages_of(paths):
            if name in gold:
                assert language == gold[name]["language"], name
