"""Stage `clean`: page junk goes, body paragraphs stay, offsets hold, the headline is recorded as the title."""
from __future__ import annotations

import json
import re

import pytest
from conftest import shared_path
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from communique.reading.clean import CleanStage, is_prose
from communique.reading.decode import ReadStage
from communique.reading.readers import read_paths
from communique.records import Article
from communique.samples import articles_dir, gold_path
from communique.settings import Settings

SETTINGS = Settings()

BODY = {
    "en": ["ASTANA, May 14 (Kazinform) – Kazakhstan and Brazil signed a memorandum on cooperation in agriculture on "
           "Tuesday, the Foreign Ministry said.",
           "The two ministers also discussed trade, which reached $1.2 billion in 2023, and agreed to meet again."],
    "es": ["Moscú, 12 nov (EFE).- El presidente de Rusia, Vladímir Putin, recibió hoy a su homólogo kazajo, "
           "Kasim-Yomart Tokáyev, en el Gran Palacio del Kremlin.",
           "Ambos mandatarios firmaron una declaración sobre la asociación estratégica entre los dos países."],
    "ru": ["МОСКВА, 5 марта. /ТАСС/. Президент Казахстана Касым-Жомарт Токаев провел переговоры с президентом "
           "России Владимиром Путиным в Кремле.",
           "Стороны обсудили торговлю, энергетику и транспорт, а также подписали пакет документов."],
}

JUNK = [
    ("en", "Реклама +7(700) 388 81 09"), ("en", "• Found a bug?"), ("en", "Join Telegram"),
    ("en", "Join Kazinform's Telegram channel and stay up to date with the latest news!"),
    ("en", "Flag of Mexico. ©wikipedia.org Flag of Mexico. ©wikipedia.org"), ("en", "Photo credit: mfa.kz"),
    ("en", "Photo: Akorda press service"), ("en", "Reporting by Alisher Akhmetov, writing by Assel Satubaldina, "
                                                  "editing by Tatyana Kuzmina"),
    ("en", "We use cookies to improve your experience. By using this site you accept our cookie policy."),
    ("en", "Read also: Kazakhstan, Türkiye to launch joint production of drones"), ("en", "Share this article"),
    ("en", "5 min read"), ("en", "Subscribe to our newsletter for weekly Central Asia briefings"),
    ("en", "Award-winning coffee fanatic. Problem solver. Travel ninja. Introvert. Twitter lover."),
    ("en", "Comments (14)"), ("en", "Advertisement"), ("en", "Tags: Kazakhstan, Brazil, trade"),
    ("es", "Foto: EFE"), ("es", "Captura de pantalla"), ("es", "Suscríbete a nuestro boletín y recibe las noticias."),
    ("es", "3 minutos"), ("es", "«Aspirante a especialista en café. Solucionador de problemas. Fanático de los "
                                "viajes. Creador. Apasionado aficionado a la televisión»."),
    ("es", "Te puede interesar: Los precios del petróleo suben por tercer día consecutivo"),
    ("es", "Seguinos en Instagram: @lavozdelsurdigital"), ("es", "¿Encontraste un error? Escríbenos"),
    ("es", "Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, "
           "consideramos que acepta su uso."),
    ("es", "Publicación anterior: Los mejores destinos de Asia Central para este verano"),
    ("ru", "Фото: МИД РК"), ("ru", "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter"),
    ("ru", "Подписывайтесь на наш Telegram-канал"), ("ru", "Читайте также: Казахстан и Аргентина договорились"),
    ("ru", '<image>data:image/s3,"s3://crabby-images/54bb4/54bb4ab1bdff2cc54eb02fe56a4c8e3c3bc1fbd2" alt="Фото: © Bizmedia.kz"'
           '</image>'),
    ("ru", "Время чтения: 3 мин"), ("ru", "Реклама +7 (727) 350 12 77"), ("ru", "Теги: Казахстан, Бразилия"),
]


def cleaned(text: str, title: str | None = None) -> Article:
    article = Article(raw_text=text, title=title)
    CleanStage(SETTINGS).run_one(article)
    assert not article.failed, article.error
    return article


def assert_offsets(article: Article) -> None:
    for p in article.paragraphs:
        assert 0 <= p.start <= p.end <= len(article.text)
        assert "\n" not in article.text[p.start:p.end]
    for span in article.removed:
        assert article.raw_text[span.start:span.end] == span.text


@pytest.mark.parametrize("language,junk", JUNK)
def test_junk_line_between_body_paragraphs_is_removed(language, junk):
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{junk}\n\n{second}\n")
    assert junk not in article.text
    assert article.text == f"{first}\n{second}"
    assert any(junk in s.text or s.text in junk for s in article.removed)
    assert_offsets(article)


@pytest.mark.parametrize("language", ["en", "es", "ru"])
def test_body_paragraphs_are_never_lost(language):
    text = "\n".join(BODY[language] * 3)
    article = cleaned(text)
    assert article.text == text and article.removed == []
    assert len(article.paragraphs) == 6


def test_page_head_menu_date_widget_and_headline():
    raw = ("Реклама +7(700) 388 81 09\n  1. Main\n  2. Learn\n  3. Politics\n\n"
           "Kazakhstan-Mexico cooperation details unveiled 04 июля 2014, 10:43\n\n"
           "Public authorities have disclosed the details of Kazakhstani-Mexican cooperation.\n  • Found a bug?\n\n"
           + BODY["en"][1] + "\n\nJoin Telegram\n")
    article = cleaned(raw)
    assert article.title == "Kazakhstan-Mexico cooperation details unveiled"
    assert article.text.splitlines() == ["Kazakhstan-Mexico cooperation details unveiled",
                                         "Public authorities have disclosed the details of Kazakhstani-Mexican "
                                         "cooperation.", BODY["en"][1]]
    assert "04 июля 2014" in article.raw_text  # metadata still reads it
    assert_offsets(article)


def test_section_words_slogan_and_label_above_the_headline():
    raw = ("El canal internacional\nde noticias en español\nmás visto en el mundo\nActualidad\n\n"
           "Putin llega a Kazajistán en visita oficial\n\nPublicado:\n" + "\n".join(BODY["es"]) + "\ncomentarios\n")
    article = cleaned(raw)
    assert article.text.splitlines() == ["Putin llega a Kazajistán en visita oficial", *BODY["es"]]
    assert article.title == "Putin llega a Kazajistán en visita oficial"


def test_lone_section_words_and_date_widget_at_the_top():
    raw = ("24 de noviembre\n\nIntendencia\n\nInternacionales\n\n"
           "Mónica Fein saludó a la colectividad de Kazajstán en la apertura de su sede\n\n" + BODY["es"][1])
    article = cleaned(raw)
    assert article.text.splitlines()[0].startswith("Mónica Fein")
    assert {s.text for s in article.removed} == {"24 de noviembre", "Intendencia", "Internacionales"}


def test_date_marker_is_cut_but_kept_in_raw_text():
    raw = " date 2023-08-24 Kazakhstan and Argentina strengthen bilateral cooperation\n\n" + BODY["en"][0]
    article = cleaned(raw)
    assert article.text.startswith("Kazakhstan and Argentina strengthen")
    assert article.removed[0].text.strip() == "date 2023-08-24"
    assert article.title == "Kazakhstan and Argentina strengthen bilateral cooperation"
    assert_offsets(article)


def test_given_title_is_kept_and_a_repeated_headline_appears_once():
    headline = "Kazakhstan and Uruguay: New stage in development of bilateral relations"
    article = cleaned(f"{headline}\n\n{headline}\nPhoto credit: mfa.kz\n\n{BODY['en'][0]}\n\nCurrently reading\n",
                      title="Given title")
    assert article.title == "Given title"
    assert article.text.count(headline) == 1 and "Currently reading" not in article.text


def test_a_caption_shown_over_and_under_a_photo_goes():
    caption = "El presidente de Kazajistán, Nursultán Nazarbáyev"
    article = cleaned(f"Presidente kazajo Nazarbáyev llega a Cuba en primera visita oficial\n\n{caption}\n{caption}\n\n"
                      + BODY["es"][0])
    assert caption not in article.text and article.text.endswith(BODY["es"][0])


def test_related_list_after_a_header_is_removed():
    raw = "\n".join(BODY["ru"]) + "\nЧитайте также:\nУшаков рассказал о программе визита\nПесков оценил итоги\n"
    article = cleaned(raw)
    assert article.text == "\n".join(BODY["ru"])


def test_truncated_last_line_of_the_body_is_kept():
    raw = "\n".join(BODY["ru"]) + "\n\nБыло отмечено, что открытие Поч"
    assert cleaned(raw).text.endswith("Было отмечено, что открытие Поч")


def test_text_longer_than_the_cap_is_cut_with_a_warning():
    settings = Settings(max_text_chars=1000)
    article = Article(raw_text="\n".join(f"{n}. {BODY['en'][0]}" for n in range(30)))
    CleanStage(settings).run_one(article)
    assert len(article.text) <= 1000 and any("cut" in w for w in article.warnings)
    assert article.paragraphs[-1].end <= len(article.text)


def test_one_megabyte_single_line_and_control_characters():
    line = ("Kazakhstan and Brazil signed a memorandum on agriculture. " * 18000)[:1_000_000]
    article = Article(raw_text=line + "\x00\x07\x1b tail")
    CleanStage(SETTINGS).run_one(article)
    assert not article.failed and len(article.text) <= SETTINGS.max_text_chars
    assert "\x00" not in article.text and "\x07" not in article.text


def test_prose_shape():
    assert is_prose(BODY["en"][0]) and not is_prose("Kazakhstan-Mexico cooperation details unveiled")


def test_seeds_and_dev_articles_lose_their_junk_but_not_their_body():
    for folder in ("seeds", "dev-articles"):
        gold = json.loads(shared_path(folder, "gold.json").read_text(encoding="utf-8"))["docs"]
        for raw in read_paths([shared_path(folder)]):
            name = raw.path.rsplit("/", 1)[-1]
            article = Article.from_input(raw)
            ReadStage(SETTINGS).run_one(article)
            CleanStage(SETTINGS).run_one(article)
            for junk in gold[name].get("must_not_contain", []):
                assert junk not in article.text, (name, junk)
            body_lines = [re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", ln).strip().replace("\xa0", " ")
                          for ln in article.raw_text.splitlines() if len(ln.split()) >= 25]
            assert all(line in article.text for line in body_lines), name


def test_sample_corpus_junk_removed_and_body_kept():
    gold = json.loads(gold_path().read_text(encoding="utf-8"))["docs"]
    for raw in read_paths([articles_dir()]):
        name = raw.path.rsplit("/", 1)[-1]
        if name not in gold:
            continue
        article = Article.from_input(raw)
        ReadStage(SETTINGS).run_one(article)
        CleanStage(SETTINGS).run_one(article)
        for junk in gold[name].get("must_not_contain", []):
            assert junk not in article.text, (name, junk)
        for keep in gold[name].get("must_contain", []):
            assert keep in article.text, (name, keep)
        assert_offsets(article)


@hsettings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_cleaning_arbitrary_text_never_raises_and_offsets_hold(text):
    article = Article(raw_text=text)
    CleanStage(SETTINGS).run_one(article)
    assert not article.failed, article.error
    assert_offsets(article)


@hsettings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from([*BODY["en"], *BODY["ru"], *[j for _, j in JUNK], "", "  ", "1. Main",
                                 " date 2023-08-24 Headline here now", "\x00\x0b\x1c", "<image>x</image>"]),
                max_size=12))
def test_cleaning_page_like_mixtures_keeps_every_body_paragraph(lines):
    article = Article(raw_text="\n".join(lines))
    CleanStage(SETTINGS).run_one(article)
    assert_offsets(article)
    for body in (*BODY["en"], *BODY["ru"]):
        if body in lines:
            assert body in article.text



# --- the eleventh swap's classes: credits closing a caption, editor codes, legal notes, breadcrumbs glued to the
# headline, notification prompts, a phrase written over and over, a product's trade mark ------------------------------

@pytest.mark.parametrize("language,line,junk", [
    ("en", "The ministers shake hands in Santiago on March 3. John Roe/Getty Images/AFP", "John Roe/Getty Images/AFP"),
    ("en", "The two sides will meet again in June, the ministry said. (T/RE2)", "(T/RE2)"),
    ("en", "The ministers shake hands in Santiago. (Photograph: Reuters)", "(Photograph: Reuters)"),
    ("es", "Los cancilleres se saludan en Santiago antes de la reunión. (Fotografía: EFE)", "(Fotografía: EFE)"),
    ("ru", "Министр написал об этом в Facebook (принадлежит компании Meta, признанной экстремистской и запрещенной в "
           "РФ).", "(принадлежит компании Meta"),
    ("ru", "Об этом сообщил проект, который признан в России нежелательной организацией (внесен в реестр "
           "иноагентов).", "(внесен в реестр иноагентов)"),
])
def test_a_credit_code_or_legal_note_is_cut_from_its_line_and_the_sentence_stays(language, line, junk):
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{line}\n\n{second}\n")
    assert junk not in article.text
    assert line.split(junk)[0].rstrip()[:40] in article.text
    assert_offsets(article)


@pytest.mark.parametrize("language,junk", [
    ("en", "Central Asia Daily would like to send you notifications about the latest news"),
    ("es", "Diario del Sur quiere enviarle la actualidad informativa en su dispositivo"),
    ("ru", "Сайт «Вести Азии» хочет отправлять вам уведомления о новостях"),
    ("ru", "НАСТОЯЩИЙ МАТЕРИАЛ ПРОИЗВЕДЕН И РАСПРОСТРАНЕН ИНОСТРАННЫМ АГЕНТОМ ООО «ПРИМЕР»"),
    ("en", "Chile talks Chile talks Chile talks Chile talks"),
    ("es", "Chile y Kazajistán firman Chile y Kazajistán firman"),
    ("en", "The Trade Desk Pro® gives you every tariff in one place."),
])
def test_prompts_notices_repeated_phrases_and_trade_marks_are_junk(language, junk):
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{junk}\n\n{second}\n")
    assert article.text == f"{first}\n{second}"
    assert_offsets(article)


@pytest.mark.parametrize("raw,title", [
    ("Home » World Kazakhstan and Chile agree on direct flights\n\n", "Kazakhstan and Chile agree on direct flights"),
    ("Inicio Internacional Kazajistán y Chile acuerdan vuelos directos\n\n",
     "Kazajistán y Chile acuerdan vuelos directos"),
    ("Домой Политика Казахстан и Чили договорились о прямых рейсах\n\n",
     "Казахстан и Чили договорились о прямых рейсах"),
])
def test_a_breadcrumb_glued_to_the_headline_goes_and_the_headline_stays(raw, title):
    language = "en" if raw.startswith("Home") else "es" if raw.startswith("Inicio") else "ru"
    article = cleaned(raw + "\n".join(BODY[language]) + "\n")
    assert article.title == title
    assert article.text.splitlines()[0] == title
    assert_offsets(article)


@pytest.mark.parametrize("line", [
    "He said: no, no, no, we will never agree to that, no, no, no.",
    "Talks, talks and more talks: the ministers met again on Tuesday in Santiago.",
    "Домой вернулись все члены делегации, сообщил МИД Казахстана в понедельник.",
    "Home Secretary James Cleverly met his Kazakh counterpart in London on Tuesday.",
])
def test_body_lines_like_the_new_junk_stay(line):
    language = "ru" if line.startswith("Домой") else "en"
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{line}\n\n{second}\n")
    assert line in article.text


@pytest.mark.parametrize("language,header,items", [
    ("en", "Other materials of «Diplomacy»", ["Kazakhstan and Peru sign a visa waiver", "12:40, 16 April",
                                          "The two ministers met in Lima on Monday to discuss the agreement and..."]),
    ("es", "Artículos relacionados", ["Chile y Perú firman un acuerdo de pesca",
                                      "Los cancilleres de Chile y Perú se reunieron este lunes en Lima para..."]),
    ("ru", "Другие материалы рубрики «Политика»", ["Казахстан и Перу отменили визы",
                                                   "Министры встретились в Лиме в понедельник и обсудили…"]),
])
def test_a_list_of_linked_headlines_and_cut_teasers_after_its_header_goes(language, header, items):
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{second}\n\n{header}\n\n" + "\n\n".join(items) + "\n")
    assert article.text == f"{first}\n{second}"


@pytest.mark.parametrize("language,junk", [
    ("en", "Hot line 8 017 327-12-44"), ("es", "Teléfono: (01) 4275-3300"), ("ru", "Горячая линия 8 017 327-12-44"),
    ("ru", "Политика 12"),
])
def test_a_labelled_phone_number_or_a_counted_section_label_is_junk(language, junk):
    first, second = BODY[language]
    article = cleaned(f"{junk}\n\n{first}\n\n{second}\n")
    assert article.text == f"{first}\n{second}"


@pytest.mark.parametrize("language,line", [
    ("ru", "Материалы, распространенные иностранным агентом, должны сопровождаться пометкой, напомнили в Минюсте."),
    ("ru", "Журналист был признан иностранным агентом и внесен в реестр в прошлом году, сообщил Минюст России."),
    ("es", "El presidente quiere enviarle un mensaje claro a su homólogo venezolano sobre la frontera común."),
    ("ru", "Президент хочет отправить вам сигнал о готовности к переговорам, заявил министр иностранных дел."),
])
def test_sentences_about_foreign_agents_or_sending_a_message_are_article_text(language, line):
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{line}\n\n{second}\n")
    assert line in article.text


@pytest.mark.parametrize("language,line", [
    ("en", "Other news outlets confirmed the visit."),
    ("es", "Otras noticias apuntan a una visita en mayo."),
    ("ru", "Другие материалы дела засекречены."),
])
def test_a_short_sentence_opening_like_a_list_header_is_article_text(language, line):
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{line}\n\n{second}\n")
    assert line in article.text
