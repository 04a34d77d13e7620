"""Stage `clean`: the page's furniture around the story goes in every language (captions closed by a credit, a
caption naming a person, bylines and desk lines naming no one, a page's date stamp with its label, comment
counters, display switches, a shop's banners, site slogans, related lists with their teasers, source and
syndication notes), and the body sentences shaped like them stay."""
from __future__ import annotations

import pytest

from communique.reading.clean import CleanStage
from communique.records import Article
from communique.settings import Settings

SETTINGS = Settings()

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

FURNITURE = [
    # captions closed by a credit, or the wire's "FILE -" caption, or a credit glued after the caption
    ("en", "Foreign Minister Penny Wong arrives in Suva. (AFP Photo)"),
    ("en", "FILE - Kenyan soldiers patrol the border near Mandera, Jan. 12, 2023."),
    ("es", "El canciller paraguayo Rubén Ramírez Lezcano, en Asunción. (Foto EFE)"),
    ("es", "ARCHIVO - Soldados peruanos patrullan la frontera con Bolivia, el 4 de mayo de 2023."),
    ("es", "Los cancilleres de Perú y Bolivia en La Paz. Foto: Cancillería"),
    ("ru", "Министр иностранных дел России Сергей Лавров в Анкаре. (Фото ТАСС)"),
    ("ru", "Сергей Лавров и Хакан Фидан. Фото: МИД России"),
    # a caption naming the person in the photo
    ("en", "Indonesian President Prabowo Subianto"), ("en", "Prime Minister Sitiveni Rabuka"),
    ("es", "El presidente de Chile, Gabriel Boric"), ("es", "Canciller Elmer Schialer"),
    ("ru", "Президент Ирана Масуд Пезешкиан"), ("ru", "Премьер-министр Индии Нарендра Моди"),
    # bylines and desk lines naming no one, translation and source credits
    ("en", "Staff Reporter"), ("en", "By Our Correspondent"), ("en", "News Desk"),
    ("en", "Edited Translation From Daily News Egypt"),
    ("es", "Redacción / Lima"), ("es", "Agencias"), ("es", "Con información de Canal 13"),
    ("ru", "Наш корреспондент"), ("ru", "Редакция сайта"), ("ru", "Перевод с английского"),
    ("ru", "По материалам РИА Новости"),
    # the page's date stamp with its label
    ("en", "(last modified Wed, 13 Mar 2024 17:02:11 GMT )"), ("en", "AFP ASIA Last updated March 13,2024 Follow"),
    ("es", "Actualizado: 13/03/2024 17:02"), ("es", "Publicado el 13 de marzo de 2024 a las 09:15"),
    ("ru", "Обновлено: 13.03.2024 17:02"), ("ru", "(обновлено: 09:15 13.03.2024)"),
    # comment counters and the page's switches and buttons
    ("en", "No comments:"), ("en", "Be the first to comment"), ("en", "Dark mode"),
    ("en", "Generate a Whatsapp Message"),
    ("es", "No hay comentarios:"), ("es", "Publicar un comentario"), ("es", "Modo oscuro"),
    ("es", "Envíanos un mensaje por WhatsApp"),
    ("ru", "Нет комментариев"), ("ru", "Лента добра деактивирована."), ("ru", "Тёмная тема"),
    ("ru", "Напишите нам в Telegram"),
    # a shop's banners
    ("en", "Buy Huawei, Tecno smartphones in Lusaka"), ("en", "Buy Laptops on Credit."),
    ("es", "Compra celulares Xiaomi y Motorola en Asunción"), ("es", "Compra ahora"),
    ("ru", "Купить смартфоны Xiaomi в рассрочку"), ("ru", "Купите ноутбуки со скидкой"),
    # a byline with its label, the feed's source address, a related story behind an arrow
    ("en", "Reporter: Jane Mwangi"), ("en", "Article source: http://feeds.example.com/click?i=5f2a"),
    ("en", ">> See also: Kenya and Ethiopia sign a trade pact"),
    ("es", "Por: Juan Pérez"), ("es", "Escrito por María López"),
    ("es", ">> Lee también: Perú y Chile firman un acuerdo"),
    ("ru", "Беседовала Анна Иванова"), ("ru", "Источник: https://example.ru/2024/03/13/news"),
    ("ru", ">> Читайте также: Лавров и Фидан провели переговоры"),
    # relative time stamps and comment counters with their label
    ("en", "3 hours ago"), ("en", "Comments: 4"),
    ("es", "Hace 3 horas"), ("es", "Comentarios: 4"),
    ("ru", "3 часа назад"), ("ru", "Комментарии: 4"),
    # a caption closed by its photographer and outlet
    ("en", "Foreign Minister Penny Wong in Suva/ J. Ruiz/ Fiji Times"),
    ("es", "El canciller peruano en Lima/ J. Ruiz/ Andina"),
    ("ru", "Сергей Лавров в Анкаре/ С. Иванов/ Ведомости"),
    # a caption labelled the broadcaster's way or closed by "Photograph:", an agency's name alone
    ("en", "Image source, Getty Images"), ("en", "Image caption, Saudi and Iranian ministers met in Beijing"),
    ("en", "Saudi and Iranian ministers in Beijing. Photograph: Ng Han Guan/AP"), ("en", "Getty Images"),
    ("es", "Fuente de la imagen, Getty Images"), ("es", "Pie de foto, Los cancilleres de Perú y Bolivia en La Paz."),
    ("ru", "Автор фото, Getty Images"), ("ru", "Подпись к фото, Сергей Лавров и Хакан Фидан в Анкаре"),
    # the page's skip links, bylines of several names
    ("en", "Accessibility links"), ("en", "Back to top"), ("en", "By Jane Doe, John Roe and Ali Khan"),
    ("es", "Saltar a la navegación"), ("es", "Volver arriba"), ("es", "Por Juan Pérez, Ana Ruiz y Luis Gómez"),
    ("ru", "Перейти к основному содержанию"), ("ru", "Наверх"),
    # where the story comes from: a bracketed source, a syndication note
    ("en", "(With inputs from PTI)"),
    ("en", "(Except for the headline, this story has not been edited by NDTV staff and is published from a "
           "syndicated feed.)"),
    ("en", "This article was originally published on The Conversation."),
    ("es", "(Con información de EFE)"), ("es", "Este artículo fue publicado originalmente en The Conversation."),
    ("ru", "(По материалам ТАСС)"), ("ru", "Статья впервые опубликована на сайте The Conversation."),
    # a related story or a video after a bar, a prompt to click
    ("en", "Also Read | India, China agree to resume border patrols"), ("en", "WATCH | Modi meets Putin in Kazan"),
    ("es", "Lee también | Perú y Chile firman un acuerdo"), ("es", "VIDEO | El canciller llega a Lima"),
    ("es", "Haz clic aquí para leer el informe completo"),
    ("ru", "Читайте также | Лавров и Фидан провели переговоры"), ("ru", "ВИДЕО | Лавров прибыл в Анкару"),
    ("ru", "Нажмите здесь, чтобы прочитать полный текст"),
]


def cleaned(text: str) -> Article:
    article = Article(raw_text=text)
    CleanStage(SETTINGS).run_one(article)
    assert not article.failed, article.error
    return article


@pytest.mark.parametrize("language,junk", FURNITURE)
def test_page_furniture_between_body_paragraphs_goes(language, junk):
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{junk}\n\n{second}\n")
    assert article.text == f"{first}\n{second}"
    assert any(s.text == junk for s in article.removed)


@pytest.mark.parametrize("language,head", [
    ("en", "Kabar News/ Bishkek"), ("en", "Independent news and views on the Sahel"),
    ("es", "Prensa Latina/ La Habana"), ("es", "Noticias y opinión desde Centroamérica"),
    ("ru", "Кабар/ Бишкек"), ("ru", "Новости и мнения о Центральной Азии"),
])
def test_a_desk_line_or_a_slogan_above_the_story_goes(language, head):
    first, second = BODY[language]
    article = cleaned(f"{head}\n\n{first}\n{second}\n")
    assert article.text == f"{first}\n{second}"


@pytest.mark.parametrize("language,site,headline", [
    ("en", "Kyrgyz Daily Monitor Online", "Kenya and Ethiopia agree to reopen Moyale crossing"),
    ("es", "Diario Digital del Altiplano", "Perú y Bolivia refuerzan la cooperación fronteriza"),
    ("ru", "Новая газета Приамурья онлайн", "Лавров и Фидан обсудили Ближний Восток"),
])
def test_the_site_line_shown_in_head_and_tail_goes_and_the_headline_stays(language, site, headline):
    first, second = BODY[language]
    article = cleaned(f"{site}\n\n{headline}\n\n{first}\n{second}\n\n{site}\n")
    assert article.text == f"{headline}\n{first}\n{second}"
    assert article.title == headline


@pytest.mark.parametrize("language,header,items", [
    ("en", "Latest news", ["Malawi orders EU envoy to leave over interference",
                           "Amnesty says the state of emergency in Zambia is used to silence critics and reporters, "
                           "citing the arrest of two editors on charges of sedition and of spreading false news online",
                           "Key takeaways from Senegal's municipal elections"]),
    ("es", "Últimas noticias", ["Bolivia expulsa al encargado de negocios de Chile",
                                "Amnistía Internacional denuncia que el régimen de excepción en Honduras se utiliza "
                                "para silenciar a periodistas y defensores, y cita la detención de dos dirigentes "
                                "campesinos por presunta sedición",
                                "Claves de la victoria del oficialismo en las elecciones de Paraguay"]),
    ("ru", "Последние новости", ["Молдова выслала российского дипломата",
                                 "Правозащитники заявили, что режим чрезвычайного положения в Киргизии используется "
                                 "для давления на журналистов и оппозицию, и напомнили о задержании двух редакторов "
                                 "по обвинению в призывах к беспорядкам",
                                 "Итоги муниципальных выборов в Армении"]),
])
def test_a_related_list_goes_whole_with_the_teaser_under_its_headline(language, header, items):
    text = "\n".join(BODY[language])
    article = cleaned(text + "\n" + header + "\n" + "\n".join(items) + "\n")
    assert article.text == text


@pytest.mark.parametrize("language,header", [
    ("en", "Latest Posts"), ("en", "You may have missed"),
    ("es", "Entradas recientes"), ("es", "No te pierdas"),
    ("ru", "Похожие новости"), ("ru", "Выбор редакции"),
])
def test_the_linked_headlines_under_a_list_header_go(language, header):
    text = "\n".join(BODY[language])
    items = {"en": ["Malawi orders EU envoy to leave", "Senegal and Mauritania sign gas deal"],
             "es": ["Bolivia expulsa al encargado de negocios de Chile", "Paraguay y Brasil firman acuerdo energético"],
             "ru": ["Молдова выслала российского дипломата", "Армения и Грузия подписали соглашение"]}[language]
    article = cleaned(text + "\n" + header + "\n" + "\n".join(items) + "\n")
    assert article.text == text


@pytest.mark.parametrize("language,line", [
    ("en", "Prime Minister Anthony Albanese met Fijian Prime Minister Sitiveni Rabuka in Suva."),
    ("en", "The statement was published on March 13, 2024 by the foreign ministry."),
    ("en", "Buy Kenyan, the president told traders in Mombasa."),
    ("es", "El presidente de Chile, Gabriel Boric, recibió al canciller peruano en Santiago."),
    ("es", "El acuerdo fue publicado el 13 de marzo de 2024 en el Diario Oficial."),
    ("es", "No hay comentarios del Gobierno boliviano sobre el incidente, dijo la agencia."),
    ("ru", "Президент России Владимир Путин провел переговоры с президентом Ирана в Кремле."),
    ("ru", "Документ опубликован 13 марта 2024 года на сайте правительства."),
    ("ru", "Перевод средств в Анкару задерживается, сообщил министр."),
    ("en", "Reporter Jane Mwangi was detained by police in Nairobi, her newspaper said."),
    ("es", "Por su parte, el canciller chileno pidió calma a ambos gobiernos."),
    ("ru", "Подготовил доклад министр финансов Армении Ваге Ованнисян."),
    ("en", "The ministry released a photograph: the two ministers shaking hands in Riyadh."),
    ("es", "El pie de foto oficial decía que ambos cancilleres se reunieron en La Paz."),
    ("ru", "Подпись к фото в аккаунте МИД гласила, что министры встретились в Анкаре."),
    ("en", "The report was first published by the UN agency in Geneva on Tuesday, diplomats said."),
    ("es", "Este acuerdo fue firmado originalmente en Lima por ambos cancilleres en 2019."),
    ("ru", "Материал расследования был передан в прокуратуру Армении в прошлом месяце."),
])
def test_body_sentences_shaped_like_furniture_stay(language, line):
    first, second = BODY[language]
    article = cleaned(f"{first}\n\n{line}\n\n{second}\n")
    assert article.text == f"{first}\n{line}\n{second}"


@pytest.mark.parametrize("language,intro,names", [
    ("en", "The final communiqué was signed by the following leaders:",
     ["President William Ruto", "President Yoweri Museveni"]),
    ("es", "La declaración final fue firmada por los siguientes mandatarios:",
     ["El presidente de Chile, Gabriel Boric", "El presidente de Perú, Pedro Castillo"]),
    ("ru", "Итоговое заявление саммита в Астане подписали следующие лидеры:",
     ["Президент Казахстана Касым-Жомарт Токаев", "Президент Узбекистана Шавкат Мирзиёев"]),
])
def test_titles_and_names_of_an_announced_list_stay(language, intro, names):
    first, second = BODY[language]
    article = cleaned(f"{first}\n{intro}\n" + "\n".join(f"- {n}" for n in names) + f"\n{second}\n")
    assert all(n in article.text for n in names)


@pytest.mark.parametrize("text", ["Indonesian President Prabowo Subianto", "El presidente de Chile, Gabriel Boric",
                                  "Президент Ирана Масуд Пезешкиан", "Kazakhstan"])
def test_a_text_of_one_line_is_read_whatever_furniture_it_looks_like(text):
    """An actor's name or a headline given alone (`communique evaluate` resolves NGEC's actor strings this way) is
    no page: nothing around it to tell furniture from story, so it stays."""
    assert cleaned(text + "\n").text == text
