"""Lists carry acts (issue 15, twelfth swap): the items of a list a body sentence announces with a colon, one a
line, are article text, and a list of names joins its sentence, whose verb takes them as coordinated words (the
voters of a vote, the targets of a measure); a bulleted run of clauses after a body paragraph is article text too.
Menus and tag lists stay junk. Sentences written for these tests."""
from __future__ import annotations

import pytest

from communique import extract
from communique.reading.clean import CleanStage
from communique.records import Article
from communique.settings import Settings

SETTINGS = Settings()

VOTES = {
    "en": ("The UN General Assembly on Thursday adopted a resolution on cooperation with the African Union. It "
           "was backed by 120 members, while four countries voted against:\n- Belarus\n- Nicaragua\n- Eritrea\n"
           "- Syria\nAnother 30 countries abstained in the vote."),
    "es": ("La Asamblea General de la ONU aprobó el jueves una resolución sobre la cooperación con la Unión "
           "Africana. La apoyaron 120 miembros, mientras cuatro países votaron en contra:\n- Bielorrusia\n"
           "- Nicaragua\n- Eritrea\n- Siria\nOtros 30 países se abstuvieron en la votación."),
    "ru": ("Генеральная Ассамблея ООН в четверг приняла резолюцию о сотрудничестве с Африканским союзом. Ее "
           "поддержали 120 государств, тогда как четыре страны проголосовали против:\n- Беларусь\n- Никарагуа\n"
           "- Эритрея\n- Сирия\nЕще 30 стран воздержались при голосовании."),
}

MEASURES = {
    "en": ("The European Union on Monday approved new restrictive measures over the crackdown on protesters. The "
           "European Union imposed sanctions on three countries:\n- Iran\n- Syria\n- Belarus\nThe measures "
           "include asset freezes and travel bans for dozens of officials."),
    "es": ("La Unión Europea aprobó el lunes nuevas medidas restrictivas por la represión de las protestas. La "
           "Unión Europea impuso sanciones a tres países:\n- Irán\n- Siria\n- Bielorrusia\nLas medidas incluyen "
           "la congelación de activos y la prohibición de viajar para decenas de funcionarios."),
    "ru": ("Евросоюз в понедельник утвердил новые ограничительные меры из-за подавления протестов. Евросоюз ввел "
           "санкции против трех стран:\n- Иран\n- Сирия\n- Белоруссия\nМеры включают заморозку активов и запрет "
           "на въезд для десятков чиновников."),
}

CLAUSES = {
    "en": ("Several African governments have expelled foreign envoys in recent years over what they called "
           "meddling in their affairs.\n- Malawi ordered the Swedish ambassador to leave\n"
           "- Ghana expelled the Dutch envoy in March 2021\nAfrican nations expel envoys – here are the reasons\n"
           "Watch video\n"),
    "es": ("Varios gobiernos africanos han expulsado a enviados extranjeros en los últimos años por lo que "
           "llamaron injerencia en sus asuntos.\n- Malaui expulsó al embajador sueco en enero\n"
           "- Ghana expulsó al enviado neerlandés en marzo de 2021\nVer video\n"),
    "ru": ("Несколько африканских правительств в последние годы выслали иностранных послов за то, что они "
           "назвали вмешательством в их дела.\n- Малави выслала посла Швеции в январе\n"
           "- Гана выслала посла Нидерландов в марте 2021 года\nСмотреть видео\n"),
}


def _cleaned(text: str) -> Article:
    article = Article(raw_text=text)
    CleanStage(SETTINGS).run_one(article)
    assert not article.failed, article.error
    return article


def _pairs(text: str, event_type: str) -> set[tuple[str, str]]:
    record = extract(text, published="2024-05-10")
    return {(e["source"]["code"], e["target"]["code"]) for e in record["events"] if e["type"] == event_type}


@pytest.mark.parametrize("language, joined", [
    ("en", "voted against: Belarus, Nicaragua, Eritrea, Syria"),
    ("es", "votaron en contra: Bielorrusia, Nicaragua, Eritrea, Siria"),
    ("ru", "проголосовали против: Беларусь, Никарагуа, Эритрея, Сирия"),
])
def test_a_list_of_names_a_sentence_announces_joins_it(language, joined):
    article = _cleaned(VOTES[language])
    assert joined in article.text, article.text
    for p in article.paragraphs:
        assert "\n" not in article.text[p.start:p.end]


@pytest.mark.parametrize("language", ["en", "es", "ru"])
def test_each_listed_voter_rejects_the_resolution(language):
    # (which side the resolution concerns is the vote's matter, found as for any vote)
    assert {source for source, _ in _pairs(VOTES[language], "REJECT")} == {"BLR", "NIC", "ERI", "SYR"}


@pytest.mark.parametrize("language", ["en", "es", "ru"])
def test_each_listed_state_is_a_target_of_the_measure(language):
    assert {("EU", "IRN"), ("EU", "SYR"), ("EU", "BLR")} <= _pairs(MEASURES[language], "SANCTION")


@pytest.mark.parametrize("language, expected", [
    ("en", {("MWI", "SWE"), ("GHA", "NLD")}),
    ("es", {("MWI", "SWE"), ("GHA", "NLD")}),
    ("ru", {("MWI", "SWE"), ("GHA", "NLD")}),
])
def test_a_bulleted_run_of_clauses_after_a_paragraph_is_article_text(language, expected):
    article = _cleaned(CLAUSES[language])
    lines = CLAUSES[language].splitlines()
    assert lines[1] in article.text and lines[2] in article.text, article.text
    assert not any(line in article.text for line in lines[3:] if "video" in line), article.text
    assert expected <= _pairs(CLAUSES[language], "SANCTION")


@pytest.mark.parametrize("raw, junk", [
    ("Menu\n  • $ 99.52 -0.06\n  • 104.86 +0.80\n\n" + VOTES["en"].split("\n")[0] + "\n", "99.52"),
    (VOTES["ru"].split("\n")[0] + "\nПоделиться:\n- ВКонтакте\n- Телеграм\n", "ВКонтакте"),
    (VOTES["es"].split("\n")[0] + "\nEtiquetas:\n- ONU\n- Unión Africana\n", "Etiquetas"),
])
def test_menus_share_buttons_and_tag_lists_stay_junk(raw, junk):
    assert junk not in _cleaned(raw).text


@pytest.mark.parametrize("language, text", [
    ("en", "The foreign ministers of the two countries said: Russia must withdraw its troops from the border."),
    ("es", "Los cancilleres de los dos países dijeron: Rusia debe retirar sus tropas de la frontera."),
    ("ru", "Министры иностранных дел двух стран заявили: Россия должна отвести войска от границы."),
])
def test_a_colon_before_a_clause_lists_no_members(language, text):
    record = extract(text, published="2024-05-10")
    assert not any(e["source"]["code"] == "RUS" for e in record["events"]), record["events"]
