"""Page junk found across pages and blocks: lines the pages of a batch repeat (a site's chrome) and lists of
linked headlines inside the body go; a syndicated story's own lines and a list of agreements stay."""
from __future__ import annotations

import threading

import pytest

from communique.reading.clean import CleanStage, batch_boilerplate
from communique.records import Article
from communique.settings import Settings

SETTINGS = Settings()

STORIES = {
    "en": [
        ("Kazakhstan and Chile hold political consultations",
         "The deputy foreign ministers of Kazakhstan and Chile held political consultations in Santiago on Monday, "
         "discussing trade, mining and the opening of direct flights.",
         "Both sides agreed to prepare a visit of the Chilean foreign minister to Astana next year."),
        ("Uzbekistan and Kazakhstan sign water deal",
         "The presidents of Uzbekistan and Kazakhstan signed an agreement on the joint use of water resources of the "
         "Syr Darya during a meeting in Tashkent.",
         "The agreement sets quotas for the summer months and creates a joint commission."),
        ("Kazakhstan, Brazil discuss grain exports",
         "Kazakh Agriculture Minister met the Brazilian ambassador in Astana to discuss grain exports and cooperation "
         "in agricultural technology.",
         "The ambassador said Brazilian companies were ready to invest in Kazakh farms."),
        ("Kazakhstan and Japan to expand cooperation",
         "The foreign ministers of Kazakhstan and Japan agreed in Tokyo to expand cooperation in energy, transport and "
         "critical minerals.",
         "Japan will open a trade office in Almaty, the ministry said."),
    ],
    "es": [
        ("Kazajistán y Chile celebran consultas políticas",
         "Los vicecancilleres de Kazajistán y Chile celebraron el lunes en Santiago consultas políticas sobre comercio, "
         "minería y la apertura de vuelos directos entre ambos países.",
         "Ambas partes acordaron preparar una visita del canciller chileno a Astaná el próximo año."),
        ("Uzbekistán y Kazajistán firman un acuerdo sobre el agua",
         "Los presidentes de Uzbekistán y Kazajistán firmaron en Taskent un acuerdo sobre el uso conjunto de los "
         "recursos hídricos del río Sir Daria.",
         "El acuerdo fija cuotas para los meses de verano y crea una comisión conjunta."),
        ("Kazajistán y Brasil conversan sobre exportaciones de grano",
         "El ministro de Agricultura de Kazajistán recibió al embajador de Brasil en Astaná para conversar sobre las "
         "exportaciones de grano y la cooperación tecnológica.",
         "El embajador dijo que las empresas brasileñas están dispuestas a invertir en granjas kazajas."),
        ("Kazajistán y Japón ampliarán su cooperación",
         "Los cancilleres de Kazajistán y Japón acordaron en Tokio ampliar la cooperación en energía, transporte y "
         "minerales críticos.",
         "Japón abrirá una oficina comercial en Almaty, informó el ministerio."),
    ],
    "ru": [
        ("Казахстан и Чили провели политические консультации",
         "Заместители министров иностранных дел Казахстана и Чили провели в понедельник в Сантьяго политические "
         "консультации, обсудив торговлю, горнодобычу и прямые авиарейсы.",
         "Стороны договорились подготовить визит министра иностранных дел Чили в Астану в следующем году."),
        ("Узбекистан и Казахстан подписали соглашение по воде",
         "Президенты Узбекистана и Казахстана подписали в Ташкенте соглашение о совместном использовании водных "
         "ресурсов реки Сырдарья.",
         "Соглашение устанавливает квоты на летние месяцы и создает совместную комиссию."),
        ("Казахстан и Бразилия обсудили экспорт зерна",
         "Министр сельского хозяйства Казахстана встретился в Астане с послом Бразилии и обсудил экспорт зерна и "
         "сотрудничество в аграрных технологиях.",
         "Посол заявил, что бразильские компании готовы инвестировать в казахстанские хозяйства."),
        ("Казахстан и Япония расширят сотрудничество",
         "Министры иностранных дел Казахстана и Японии договорились в Токио расширить сотрудничество в энергетике, "
         "транспорте и критически важных минералах.",
         "Япония откроет торговое представительство в Алматы, сообщили в министерстве."),
    ],
}
CHROME = {
    "en": ["The Astana Times", "Kazakhstan's first English-language newspaper since 2010", "Editor's pick",
           "Nation | Business | Opinion"],
    "es": ["El Diario de Astaná", "El primer periódico en español de Asia Central desde 2010", "Selección del editor",
           "Nación | Negocios | Opinión"],
    "ru": ["Астана Таймс", "Первая ежедневная газета столицы с 2010 года", "Выбор редакции",
           "Страна | Бизнес | Мнения"],
}


def page(chrome: list[str], headline: str, first: str, second: str) -> str:
    return "\n".join([chrome[0], chrome[1], chrome[3], headline, first, chrome[2], second])


def cleaned(pages: list[str]) -> list[Article]:
    batch = [Article(path=f"p{i}.txt", raw_text=text) for i, text in enumerate(pages)]
    return CleanStage(SETTINGS)(batch)


@pytest.mark.parametrize("language", ["en", "es", "ru"])
def test_lines_repeated_across_the_pages_of_a_batch_are_boilerplate(language):
    chrome, stories = CHROME[language], STORIES[language]
    pages = [page(chrome, *story) for story in stories]
    assert batch_boilerplate(pages, SETTINGS.languages) == frozenset(chrome)
    for article, story in zip(cleaned(pages), stories):
        assert article.text == "\n".join(story), article.text
        assert article.title == story[0]
        assert {s.text for s in article.removed} >= set(chrome)


def test_the_site_slogan_survives_a_page_read_alone_but_not_the_batch():
    chrome, stories = CHROME["en"], STORIES["en"]
    alone = Article(raw_text=page(chrome, *stories[0]))
    CleanStage(SETTINGS).run_one(alone)
    assert chrome[1] in alone.text           # the page alone cannot tell its slogan from a line of the story
    assert chrome[1] not in cleaned([page(chrome, *s) for s in stories])[0].text


@pytest.mark.parametrize("language", ["en", "es", "ru"])
def test_a_syndicated_story_keeps_its_own_repeated_lines(language):
    headline, first, second = STORIES[language][0]
    subhead = {"en": "Direct flights", "es": "Vuelos directos", "ru": "Прямые рейсы"}[language]
    sites = [["Agency A news", "World"], ["Daily B", "Politics"], ["C Online", "Region"]]
    pages = [f"{site[0]}\n{site[1]}\n{headline}\n{first}\n{subhead}\n{second}" for site in sites]
    assert not batch_boilerplate(pages, SETTINGS.languages) & {headline, first, subhead, second}
    for article, text in zip(cleaned(pages), pages):
        alone = Article(raw_text=text)
        CleanStage(SETTINGS).run_one(alone)
        assert article.text == alone.text and first in article.text and second in article.text


def test_one_stage_cleans_batches_of_two_sites_at_once_without_mixing_them(monkeypatch):
    """A process pool or Dask worker may hand one stage instance two batches at once (threads): what a batch
    taught the stage (its repeated lines) must reach only that batch's articles."""
    import communique.reading.clean as clean_module

    both_inside = threading.Barrier(2, timeout=10)
    waited: set[int] = set()
    plain_clean = clean_module.clean_article

    def clean_once_both_batches_started(*args, **kwargs):
        if threading.get_ident() not in waited:        # each batch waits once, so both are inside at once
            waited.add(threading.get_ident())
            both_inside.wait()
        return plain_clean(*args, **kwargs)

    monkeypatch.setattr(clean_module, "clean_article", clean_once_both_batches_started)
    stage = CleanStage(SETTINGS)
    # two English sites whose slogans a page read alone keeps: only the batch's repeated lines remove them
    sites = [CHROME["en"], ["The Steppe Herald", "Uzbekistan's independent English-language news site since 2015",
                            "Most read", "World | Markets | Sport"]]
    batches = [[Article(path=f"site{s}-{i}.txt", raw_text=page(chrome, *story))
                for i, story in enumerate(STORIES["en"])] for s, chrome in enumerate(sites)]
    threads = [threading.Thread(target=stage, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for batch in batches:
        for article, story in zip(batch, STORIES["en"]):
            assert article.text == "\n".join(story), article.text


def test_two_pages_repeating_a_line_are_not_enough():
    chrome, stories = CHROME["en"], STORIES["en"]
    pages = [page(chrome, *s) for s in stories[:2]]
    assert batch_boilerplate(pages, SETTINGS.languages) == frozenset()


# --- lists of linked headlines inside the body ---------------------------------------------------------------------

RELATED = {
    "en": ["U.S., Israeli clocks on Iran action \"ticking at different pace\"",
           "Iraq demands evidence from U.S. of weapons shipments to Syria",
           "Iranian navy aims to sail off U.S. shores",
           "Israeli leader demands \"clear red line\" on Iran"],
    "es": ["Irán y EE.UU., relojes \"a distinto ritmo\" sobre el programa nuclear",
           "Irak exige a EE.UU. pruebas de envíos de armas a Siria",
           "La Armada iraní quiere navegar frente a las costas de EE.UU.",
           "El líder israelí exige una \"línea roja clara\" sobre Irán"],
    "ru": ["Часы США и Израиля по Ирану «идут с разной скоростью»",
           "Ирак требует от США доказательств поставок оружия в Сирию",
           "ВМС Ирана намерены выйти к берегам США",
           "Израильский лидер требует «четкой красной линии» по Ирану"],
}
BODY = {
    "en": ["(CBS/AP) TORONTO - Canada has shut its embassy in Tehran, severed diplomatic relations and ordered "
           "Iranian diplomats in Canada to leave, accusing the Islamic Republic of being a threat to world peace.",
           "Canada's Foreign Affairs Minister John Baird said that the embassy in Tehran would close immediately and "
           "Iranian diplomats in Canada have been given five days to leave.",
           "Baird said Canada was officially designating Iran a state sponsor of terrorism and gave a long list of "
           "reasons for Canada's decision."],
    "es": ["TORONTO (AP) - Canadá cerró su embajada en Teherán, rompió relaciones diplomáticas y ordenó a los "
           "diplomáticos iraníes abandonar el país, acusando a la República Islámica de amenazar la paz mundial.",
           "El canciller canadiense John Baird dijo que la embajada en Teherán cerraría de inmediato y que los "
           "diplomáticos iraníes tienen cinco días para salir de Canadá.",
           "Baird dijo que Canadá designaba oficialmente a Irán como Estado patrocinador del terrorismo y dio una "
           "larga lista de razones."],
    "ru": ["ТОРОНТО, 7 сентября. Канада закрыла посольство в Тегеране, разорвала дипломатические отношения с Ираном "
           "и приказала иранским дипломатам покинуть страну, назвав Исламскую Республику угрозой миру.",
           "Министр иностранных дел Канады Джон Бэрд заявил, что посольство в Тегеране закрывается немедленно, а "
           "иранским дипломатам дано пять дней на выезд.",
           "Бэрд сообщил, что Канада официально признает Иран государством — спонсором терроризма, и перечислил "
           "причины этого решения."],
}
HEADLINE = {"en": "Canada shuts Tehran embassy, kicks out diplomats",
            "es": "Canadá cierra su embajada en Teherán y expulsa a diplomáticos",
            "ru": "Канада закрыла посольство в Тегеране и выслала дипломатов"}


@pytest.mark.parametrize("language", ["en", "es", "ru"])
def test_a_list_of_linked_headlines_inside_the_body_goes_whole(language):
    body = BODY[language]
    raw = "\n\n".join([HEADLINE[language], body[0], body[1], "\n".join(RELATED[language]), body[2]])
    article = Article(raw_text=raw)
    CleanStage(SETTINGS).run_one(article)
    for teaser in RELATED[language]:
        assert teaser not in article.text, teaser
    for line in body:
        assert line in article.text


@pytest.mark.parametrize("items", [
    ["Agreement on visa-free travel for diplomats", "Memorandum on cooperation in agriculture",
     "Programme of cultural exchanges for 2024-2026"],
    ["Соглашение о безвизовом режиме для дипломатов", "Меморандум о сотрудничестве в сельском хозяйстве",
     "Программа культурного обмена на 2024-2026 годы"],
])
def test_a_list_of_agreements_in_the_body_stays(items):
    body = BODY["en"] if items[0].isascii() else BODY["ru"]
    raw = "\n\n".join([body[0], body[1] + " The ministers signed:", "\n".join(items), body[2]])
    article = Article(raw_text=raw)
    CleanStage(SETTINGS).run_one(article)
    for item in items:
        assert item in article.text, item
