"""Stage `language`: document language from the body, paragraph languages that differ only when clearly so."""
from __future__ import annotations

import json

import pytest
from conftest import shared_path

import communique
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


# Short news pages in languages the detector names but no events are read in.
OTHER_PAGES = {
    "uk": ("Міністр закордонних справ України провів переговори зі своїм польським колегою у Варшаві. Сторони "
           "обговорили питання безпеки, торгівлі та відновлення інфраструктури. Після зустрічі міністри підписали "
           "спільну заяву про співпрацю в енергетичній галузі."),
    "be": ("Міністр замежных спраў Беларусі правёў перамовы са сваім казахстанскім калегам у Мінску. Бакі "
           "абмеркавалі пытанні гандлю, транспарту і адукацыі. Пасля сустрэчы міністры падпісалі пагадненне аб "
           "супрацоўніцтве ў галіне сельскай гаспадаркі."),
    "kk": ("Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев Ақордада Өзбекстанның Сыртқы істер министрін "
           "қабылдады. Кездесу барысында тараптар екі ел арасындағы сауда-экономикалық ынтымақтастықты дамыту "
           "мәселелерін талқылады. Мемлекет басшысы көршілес елдермен қарым-қатынасты нығайтудың маңызына тоқталды."),
    "pt": ("O presidente do Brasil recebeu nesta terça-feira o chefe de Estado do Cazaquistão no Palácio do "
           "Planalto, em Brasília. Os dois governos assinaram oito acordos de cooperação em agricultura, energia e "
           "educação. Segundo o Itamaraty, o comércio bilateral cresceu nos últimos anos."),
    "de": ("Der deutsche Bundeskanzler hat am Dienstag den Präsidenten Kasachstans im Kanzleramt in Berlin "
           "empfangen. Beide Seiten unterzeichneten mehrere Abkommen über die Zusammenarbeit im Energiebereich. Nach "
           "Angaben des Auswärtigen Amtes soll der Handel zwischen beiden Ländern weiter ausgebaut werden."),
    "fr": ("Le président français a reçu mardi son homologue kazakh au palais de l'Élysée à Paris. Les deux "
           "dirigeants ont signé plusieurs accords de coopération dans les domaines de l'énergie et des transports. "
           "Selon le ministère des Affaires étrangères, les échanges commerciaux ont fortement augmenté cette année."),
    "it": ("Il presidente del Consiglio italiano ha ricevuto martedì a Palazzo Chigi il presidente del Kazakistan. "
           "I due leader hanno firmato diversi accordi di cooperazione nei settori dell'energia e dei trasporti. "
           "Secondo la Farnesina, gli scambi commerciali tra i due paesi sono cresciuti negli ultimi anni."),
    "pl": ("Minister spraw zagranicznych Polski przyjął we wtorek w Warszawie swojego odpowiednika z Kazachstanu. "
           "Strony omówiły współpracę gospodarczą, transport oraz bezpieczeństwo energetyczne. Po spotkaniu "
           "ministrowie podpisali wspólną deklarację o partnerstwie strategicznym między obu krajami."),
    "tr": ("Türkiye Cumhurbaşkanı salı günü Ankara'da Kazakistan Cumhurbaşkanı'nı resmi törenle karşıladı. İki lider "
           "enerji, ulaştırma ve savunma alanlarında işbirliği anlaşmaları imzaladı. Dışişleri Bakanlığı'na göre iki "
           "ülke arasındaki ticaret hacmi son yıllarda önemli ölçüde arttı."),
    "zh": ("哈萨克斯坦总统周二在北京人民大会堂与中国国家主席举行会谈。双方签署了能源、交通和农业领域的多项合作协议。"
           "中国外交部表示，两国贸易额近年来持续增长，双方同意进一步加强战略伙伴关系。"),
}


@pytest.mark.parametrize("code", sorted(OTHER_PAGES))
def test_a_page_in_a_language_not_analysed_is_named_warned_and_has_no_events(code):
    record = communique.extract("Noticias | Home\n\n" + OTHER_PAGES[code] + "\n\n" + OTHER_PAGES[code])
    assert record["language"] == code
    assert any(f"language {code} is not analysed" in w for w in record["warnings"]), record["warnings"]
    assert record["events"] == []


def test_a_spanish_page_with_a_portuguese_quote_stays_spanish():
    spanish = ("El presidente de Kazajistán, Kasim-Yomart Tokáyev, se reunió este martes en Brasilia con su homólogo "
               "brasileño. Ambos mandatarios firmaron ocho acuerdos de cooperación en agricultura y energía, según "
               "informó la cancillería kazaja en un comunicado.")
    record = communique.extract(spanish + "\n\n" + OTHER_PAGES["pt"][:120] + "\n\n" + spanish)
    assert record["language"] == "es" and record["events"]


def test_lingua_models_load_per_script_with_the_answers_of_a_detector_preloaded_with_all():
    """A fresh process reading English loads the Latin languages' models only; then Russian adds the Cyrillic ones,
    Chinese the Han ones, and every confidence is that of a detector built with all the models preloaded."""
    import subprocess
    import sys

    texts = [EN, ES, RU, OTHER_PAGES["uk"], OTHER_PAGES["pt"], OTHER_PAGES["zh"], "Moscú, 12 nov", "Путин"]
    code = (
        "import json, sys\n"
        "from communique.reading import language as L\n"
        "from lingua import LanguageDetectorBuilder\n"
        "texts = json.loads(sys.argv[1])\n"
        "wide = ('en', 'es', 'ru') + L.OTHER_LANGUAGES\n"
        "loaded, ours = [], []\n"
        "for text in texts:\n"
        "    ours.append(L.confidences(text, wide))\n"
        "    loaded.append(sorted(L._LOADED))\n"
        "full = LanguageDetectorBuilder.from_iso_codes_639_1(*L.lingua_codes(wide)).with_preloaded_language_models()"
        ".build()\n"
        "theirs = [tuple((v.language.iso_code_639_1.name.lower(), v.value) for v in "
        "full.compute_language_confidence_values(t)) for t in texts]\n"
        "print(json.dumps({'loaded': loaded, 'ours': [dict(v) for v in ours], 'theirs': [dict(v) for v in theirs]}))\n")
    done = subprocess.run([sys.executable, "-c", code, json.dumps(texts)], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    latin = ["az", "de", "en", "es", "fr", "it", "pl", "pt", "tr"]
    assert result["loaded"][0] == latin                      # English: no Cyrillic, Arabic or CJK models
    assert result["loaded"][2] == sorted(latin + ["be", "kk", "ru", "uk"])
    assert "zh" in result["loaded"][5] and "ar" not in result["loaded"][-1]
    for ours, theirs in zip(result["ours"], result["theirs"]):     # lingua sums in no fixed order: the last bits
        assert ours.keys() == theirs.keys()                          # differ even between two calls of one detector
        assert all(ours[k] == pytest.approx(theirs[k], rel=1e-9, abs=0) for k in ours), (ours, theirs)


# --- marker words: the check for other languages without lingua ------------------------------------------------

def test_marker_words_vouch_for_supported_pages_and_never_for_the_others():
    from communique.datafiles import extraction_languages
    from communique.reading.language import vouched_by

    supported = extraction_languages()
    assert [vouched_by(text, supported) for text in (EN, ES, RU)] == ["en", "es", "ru"]
    for code, page in OTHER_PAGES.items():
        assert vouched_by(page, supported) is None, code
    # a Russian sentence with none of the marker words, vouched for by its letters; Ukrainian's і rules it out
    assert vouched_by("Казахстан отправил в Афганистан более двух тысяч тонн гуманитарной помощи", supported) == "ru"
    assert vouched_by("Казахстан відправив до Афганістану понад дві тисячі тонн гуманітарної допомоги",
                      supported) is None


def cleaned_corpus_articles():
    """Every seed, development, stream and sample article, read and cleaned, with its input: the evidence the
    marker-word shortcut rests on."""
    folders = [shared_path(name) for name in ("seeds", "dev-articles", "dev-articles-2", "stream")]
    paths = [p for folder in folders for p in sorted(folder.glob("*.txt"))] + [articles_dir()]
    for raw in read_paths(paths):
        article = Article.from_input(raw)
        for stage in (ReadStage(SETTINGS), CleanStage(SETTINGS)):
            stage.run_one(article)
        yield raw, article


def test_a_page_vouched_for_is_one_lingua_finds_in_no_other_language():
    """Where the marker words skip lingua's check among twenty languages, that check finds no other language: on
    every seed, development, stream and sample article."""
    from communique.datafiles import extraction_languages
    from communique.reading import language as L

    vouched = 0
    for raw, article in cleaned_corpus_articles():
        texts = [article.text[p.start:p.end] for p in article.paragraphs]
        if L.vouched_share(texts, extraction_languages()) >= L.VOUCHED_SHARE:
            vouched += 1
            votes = L.language_votes(texts, ("en", "es", "ru") + L.OTHER_LANGUAGES)
            assert max(votes, key=votes.__getitem__) in extraction_languages(), (raw.path, votes)
    assert vouched >= 170


@pytest.mark.parametrize("body,expected", [(EN, "en"), (ES, "es"), (RU, "ru")])
def test_paragraphs_their_markers_vouch_for_need_no_lingua(body, expected, monkeypatch):
    """The document's language and each paragraph's, where the marker words or letters vouch for them, are read
    without lingua (a twentieth of its cost); a paragraph vouched for by another language than the document's is
    still put to lingua (it changes only where lingua is sure)."""
    from communique.reading import language as L

    monkeypatch.setattr(L, "confidences", lambda *args, **kwargs: pytest.fail("lingua was asked"))
    article = detect(body, body)
    assert article.language == expected and [p.language for p in article.paragraphs] == [expected, expected]


def test_a_paragraph_vouched_for_is_in_the_language_lingua_finds_first():
    """The evidence for reading a vouched paragraph without lingua: on every body paragraph of the seeds, the
    development sets, the stream and the sample corpus, the language that vouches for it is lingua's first."""
    from communique.reading import language as L

    vouched = 0
    for raw, article in cleaned_corpus_articles():
        for p in article.paragraphs:
            sample = article.text[p.start:p.end][:L.PARAGRAPH_SAMPLE_CHARS]
            if L.letters(sample) >= L.SHORT_PARAGRAPH_LETTERS and (found := L.vouched_by(sample, LANGS)):
                vouched += 1
                assert L.detect(sample, tuple(LANGS))[0] == found, (raw.path, sample[:80])
    assert vouched >= 1000


def test_letters_and_scripts_are_counted_as_letter_by_letter():
    from communique.reading.language import dominant_script, letters

    samples = ["The minister said on Tuesday: 42 talks, 3 visits.", "El canciller habló el martes (año 2024).",
               "Министр заявил во вторник, что 2 страны подпишут соглашение.", "Ñandú ½ ² _x_ 9", "", "1234 ...",
               "Mixed текст with Latin and кириллица", "ÀÉÎ õü ÿ"]
    for text in samples:
        letters.cache_clear()
        dominant_script.cache_clear()
        assert letters(text) == sum(map(str.isalpha, text))
        cyrillic = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
        latin = sum(1 for c in text if c.isascii() and c.isalpha() or "\u00c0" <= c <= "\u024f")
        expected = None if cyrillic + latin == 0 else "Cyrillic" if cyrillic >= 0.7 * (cyrillic + latin) \
            else "Latin" if latin >= 0.7 * (cyrillic + latin) else None
        if text.isascii():
            expected = "Latin" if letters(text) else None
        assert dominant_script(text) == expected
