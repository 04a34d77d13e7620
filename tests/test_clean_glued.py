"""Stage `clean`: page furniture glued inside a longer line goes and the rest of the line stays, in every language: a
section and a time or date stamp before the headline, the site's name after it, the update stamp, a "Read more" /
"Also read: ..." link, share buttons, a view counter or the reporters' credit glued after the last sentence. Body
sentences shaped like them stay, and so does the dateline that the metadata stage reads."""
from __future__ import annotations

import pytest

from communique.reading.clean import CleanStage
from communique.records import Article
from communique.settings import Settings

SETTINGS = Settings()

HEADLINE = {
    "en": "Kenya and Ethiopia agree to reopen the Moyale border crossing",
    "es": "Perú y Bolivia firman un acuerdo contra el contrabando en la frontera",
    "ru": "Лавров и Фидан обсудили в Анкаре ситуацию на Ближнем Востоке",
}

BODY = {
    "en": ["NAIROBI, March 13 (Reuters) - Kenya and Ethiopia agreed on Wednesday to reopen their border crossing at "
           "Moyale, the two foreign ministries said in a joint statement.",
           "The ministers also discussed cross-border trade and pledged to meet again in Addis Ababa in June."],
    "es": ["Lima, 13 mar (EFE).- Los cancilleres de Perú y Bolivia firmaron este miércoles un acuerdo para reforzar la "
           "cooperación fronteriza contra el contrabando, informó la Cancillería peruana.",
           "Ambos ministros acordaron reunirse de nuevo en La Paz durante el segundo semestre del año."],
    "ru": ["АНКАРА, 13 марта. /ТАСС/. Министр иностранных дел России Сергей Лавров провел переговоры с турецким "
           "коллегой Хаканом Фиданом, сообщили в МИД РФ.",
           "Стороны обсудили ситуацию на Ближнем Востоке и договорились продолжить контакты в ближайшее время."],
}


def cleaned(text: str) -> Article:
    article = Article(raw_text=text)
    CleanStage(SETTINGS).run_one(article)
    assert not article.failed, article.error
    return article


@pytest.mark.parametrize("language,glued", [
    ("en", "World | 14:05 GMT | {}"), ("en", "Politics | {}"), ("en", "13.03.2024 10:32 {}"),
    ("en", "{} - Reuters"), ("en", "{} | Regional News Online"), ("en", "{} Updated 14:05 GMT"),
    ("es", "Mundo | 12:45 | {}"), ("es", "Internacional | {}"), ("es", "12:45 h {}"), ("es", "{} - EFE"),
    ("es", "{} | Diario del Altiplano"), ("es", "{} Actualizado 13/03/2024 14:05 h"),
    ("ru", "Политика 12:30 {}"), ("ru", "В мире | 13.03.2024 | {}"), ("ru", "13.03.2024 12:30 {}"),
    ("ru", "{} - РИА Новости, 13.03.2024"), ("ru", "{} | Новости Приамурья"), ("ru", "{} Обновлено 14:05"),
    ("en", "Kenyanews.co.ke | {}"), ("en", "{} | World | Regional News Online, 13.03.2024"),
    ("es", "EFE | {}"), ("es", "{} 12:45"), ("ru", "Газета.Ru | {}"), ("ru", "{} | В мире | Известия 14:05"),
])
def test_a_stamp_a_section_or_the_site_glued_to_the_headline_goes(language, glued):
    first, second = BODY[language]
    headline = HEADLINE[language]
    article = cleaned(f"{glued.format(headline)}\n\n{first}\n{second}\n")
    assert article.text == f"{headline}\n{first}\n{second}"
    assert article.title == headline


@pytest.mark.parametrize("language,tail", [
    ("en", "Read more: Ethiopia and Djibouti sign a port deal"), ("en", "Share: Facebook Twitter WhatsApp"),
    ("en", "(Reporting by Jane Mwangi; Editing by John Roe)"), ("en", "Views: 1,245"), ("en", "Continue reading →"),
    ("es", "Lee también: Chile y Argentina abren un nuevo paso"), ("es", "Compartir en Facebook Twitter WhatsApp"),
    ("es", "(Con información de EFE)"), ("es", "Visitas: 1.245"), ("es", "Leer más"),
    ("ru", "Читайте также: Армения и Грузия подписали соглашение"), ("ru", "Поделиться ВКонтакте Одноклассники Telegram"),
    ("ru", "(По материалам ТАСС)"), ("ru", "Просмотров: 1245"), ("ru", "Читать далее →"),
])
def test_a_link_share_buttons_a_counter_or_a_credit_glued_to_the_last_paragraph_goes(language, tail):
    first, second = BODY[language]
    article = cleaned(f"{first}\n{second} {tail}\n")
    assert article.text == f"{first}\n{second}"


@pytest.mark.parametrize("language,line", [
    ("en", "MOSCOW, March 5 (Reuters) - Russia said on Tuesday it would expel two Moldovan diplomats."),
    ("en", "The report, published 12.03.2024, said the talks had failed, diplomats told reporters."),
    ("en", "World leaders gathered in Paris on Monday for the summit on climate finance."),
    ("en", "The video was viewed 2,000 times. Related talks will be held in Geneva next week, officials said."),
    ("en", "Read more about the talks between the two ministers in Addis Ababa, the ministry urged."),
    ("es", "Madrid, 5 mar (EFE).- España expulsará a dos diplomáticos rusos, anunció este martes el Gobierno."),
    ("es", "El informe, publicado el 13 de marzo, señala que el acuerdo se firmó en La Paz."),
    ("es", "Mundo entero observa la cumbre de Lima, dijo el canciller peruano a la prensa."),
    ("es", "Las visitas de Estado se reanudaron en 2023, según la Cancillería boliviana."),
    ("ru", "МОСКВА, 5 марта. /ТАСС/. Россия вышлет двух молдавских дипломатов, сообщили в МИД РФ."),
    ("ru", "5 марта Лавров провел переговоры с Фиданом в Анкаре, сообщили в министерстве."),
    ("ru", "Мир ждет от России и Украины переговоров, заявил генеральный секретарь ООН."),
    ("ru", "Политика Турции в регионе вызывает вопросы у соседей, отметил министр."),
    ("ru", "Подробнее о переговорах рассказал пресс-секретарь МИД на брифинге в Москве."),
])
def test_body_sentences_shaped_like_glued_furniture_stay(language, line):
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{line}\n\n{second}\n")
    assert article.text == f"{first}\n{line}\n{second}"


@pytest.mark.parametrize("language,words", [
    ("en", ("Kenya and Ethiopia agree", "to reopen the Moyale border crossing")),
    ("es", ("Perú y Bolivia firman un acuerdo", "contra el contrabando en la frontera")),
    ("ru", ("Лавров и Фидан обсудили в Анкаре", "ситуацию на Ближнем Востоке")),
])
def test_a_numeric_date_stamp_inside_the_headline_goes(language, words):
    first, second = BODY[language]
    article = cleaned(f"{words[0]} 13.03.2024 {words[1]}\n\n{first}\n{second}\n")
    assert article.title == f"{words[0]} {words[1]}"


@pytest.mark.parametrize("language,headline", [
    ("en", "Kenya and Ethiopia talks - a new start for the Horn of Africa"),
    ("en", "Ministers to meet in Addis Ababa at 14:30"),
    ("es", "Perú y Bolivia - una frontera común contra el contrabando"),
    ("es", "Los cancilleres se reunirán en La Paz a las 12:45"),
    ("ru", "Лавров и Фидан - новый раунд переговоров по Сирии"),
    ("ru", "Переговоры министров в Анкаре начнутся в 12:30"),
    ("en", "Kenya and Ethiopia to sign the treaty on 13.03.2024 in Nairobi"),
    ("es", "Perú y Bolivia firmarán el acuerdo el 13.03.2024 en La Paz"),
    ("ru", "Россия и Турция подпишут соглашение до 13.03.2024 в Анкаре"),
])
def test_a_headline_with_a_dash_a_time_or_a_date_of_its_own_stays_whole(language, headline):
    first, second = BODY[language]
    article = cleaned(f"{headline}\n\n{first}\n{second}\n")
    assert article.text == f"{headline}\n{first}\n{second}"
    assert article.title == headline


@pytest.mark.parametrize("language,glued", [
    ("en", "{} 13.03.2024 14:05"), ("en", "Jane Mwangi | 14:05 | {}"),
    ("es", "{} 13/03/2024 12:45 h"), ("es", "Ana Ruiz | 12:45 | {}"),
    ("ru", "{}13.03.2024, 10:32"), ("ru", "Анна Иванова | 10:32 | {}"),
])
def test_a_date_and_time_or_a_time_between_bars_glued_to_a_paragraph_goes(language, glued):
    first, second = BODY[language]
    article = cleaned(f"{HEADLINE[language]}\n\n{glued.format(first)}\n{second}\n")
    assert f"{first}\n{second}" in article.text
    assert not any(stamp in article.text for stamp in ("13.03.2024", "13/03/2024", "14:05", "12:45", "10:32"))


@pytest.mark.parametrize("language,line", [
    ("en", "The agreement of 13.03.2024 at 14:05 entered into force, the ministry said in a statement."),
    ("es", "El acuerdo del 13/03/2024 a las 12:45 entró en vigor, informó la Cancillería peruana."),
    ("ru", "Соглашение от 13.03.2024 вступило в силу в 10:32 по московскому времени, сообщили в МИД."),
])
def test_a_date_and_time_inside_a_sentence_stay(language, line):
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{line}\n\n{second}\n")
    assert article.text == f"{first}\n{line}\n{second}"


@pytest.mark.parametrize("language,stamp", [
    ("en", "5:34 pm on 13 March 2024"), ("es", "13/03/2024 - 12:45 hs"), ("ru", "13.03.2024 12:30 мск"),
])
def test_a_line_of_a_stamp_alone_goes_whole(language, stamp):
    first, second = BODY[language]
    article = cleaned(f"{HEADLINE[language]}\n\n{stamp}\n\n{first}\n{second}\n")
    assert article.text == f"{HEADLINE[language]}\n{first}\n{second}"
    assert any(s.text == stamp for s in article.removed)
