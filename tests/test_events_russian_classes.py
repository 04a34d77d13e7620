"""Russian classes of errors read on the training sets (dev6, dev7, dev9, dev-articles-2 half A; issue 15): talks
said with "поговорить"/"пообщаться", agreements with "условиться", outrage ("возмущено"), a promised answer with
"остаться", an embassy as the doer, summonses the parser misattached, a currency's country, a response said in
the passive, a quotation after a colon. Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("text, expected", [
    ("Лидеры Франции и Германии поговорили по телефону.", ("CONSULT", "FRA", "DEU")),
    ("Президент Франции поговорил с канцлером Германии о ситуации в Африке.", ("CONSULT", "FRA", "DEU")),
    ("Глава МИД Франции пообщался по телефону с германским коллегой.", ("CONSULT", "FRA", "DEU")),
    ("Главы МИД Польши и Литвы условились о продолжении консультаций.", ("AGREE", "POL", "LTU")),
    ("МИД Ирана возмущено санкциями Канады против иранских компаний.", ("ACCUSE", "IRN", "CAN")),
    ("Решение Оттавы ввести санкции возмутило Тегеран.", ("ACCUSE", "IRN", "CAN")),
    ("Испания доставила в Марокко гуманитарный груз весом 30 тонн.", ("AID", "ESP", "MAR")),
    ("Минск объявил о выдворении польских дипломатов.", ("SANCTION", "BLR", "POL")),
    ("МИД Финляндии вызвал верховного комиссара Индии в связи с заявлениями его посольства.",
     ("ACCUSE", "FIN", "IND")),
    ("В МИД Украины назвали решение Мали недальновидным.", ("ACCUSE", "UKR", "MLI")),
])
def test_russian_trigger_words(text, expected):
    assert expected in triples(code_events(text, "ru"))


def test_an_embassy_announcing_an_expulsion_is_its_state():
    # "посольство" names an act only under "открыть": as a subject it is the doer, and what it announces is no
    # topic of talks
    found = triples(code_events("Посольство Финляндии объявило о высылке двух сотрудников российского посольства.",
                                "ru"))
    assert ("SANCTION", "FIN", "RUS") in found


@pytest.mark.parametrize("text, expected", [
    # the object right after the verb, hung by the parser on a verb after the comma
    ("Министерство иностранных дел Португалии вызвало посла Мексики из-за публикации в соцсетях, где "
     "мексиканский дипломат якобы выразил поддержку протестующим.", ("ACCUSE", "PRT", "MEX")),
    # the object after a purpose phrase, hung by the parser inside it
    ("В ответ мексиканский МИД вызвал для дачи объяснений посла Португалии.", ("ACCUSE", "MEX", "PRT")),
])
def test_a_misattached_object_of_a_summons(text, expected):
    assert expected in triples(code_events(text, "ru"))


def test_a_currency_is_no_side():
    found = triples(code_events("Канцелярия премьер-министра заявила, что Мадрид направит в Рабат гуманитарную "
                                "помощь на сумму 20 миллионов долларов США.", "ru"))
    assert ("AID", "ESP", "MAR") in found
    assert not [t for t in found if "USA" in t]


@pytest.mark.parametrize("text, expected", [
    ("Правительство Японии ввело пошлины на китайские товары. МИД Китая заявил, что этот шаг не останется без "
     "ответа.", ("THREATEN", "CHN", "JPN")),
    # a statement in the impersonal passive is the side the text is about: it threatens, it accuses
    ("МИД Китая передал посольству Японии ноту. Японской стороне жёстко заявлено, что любые враждебные действия "
     "Японии против Китая получат решительный ответ.", ("THREATEN", "CHN", "JPN")),
    # a quotation after a colon is its speaker's: "мы" is the ministry
    ("Правительство Японии ввело санкции против Китая. Ли Мин, официальный представитель МИД Китая: «Мы "
     "ответим жёстко».", ("THREATEN", "CHN", "JPN")),
])
def test_who_promises_a_response(text, expected):
    found = triples(code_events(text, "ru"))
    assert expected in found
    assert (expected[0], expected[2], expected[1]) not in found


def test_hostile_acts_named_by_no_speaker_accuse_no_one_of_them():
    found = triples(code_events("Враждебные действия Японии против Китая продолжаются уже много лет.", "ru"))
    assert not [t for t in found if t[0] == "ACCUSE"]


def test_a_ministry_named_again_as_the_diplomatic_department():
    found = triples(code_events("МИД Литвы вызвал посла Белоруссии. Дипведомство потребовало от Минска принять "
                                "меры для недопущения подобных инцидентов.", "ru"))
    assert ("REQUEST", "LTU", "BLR") in found


def test_a_protest_in_response_answers_the_one_before():
    found = triples(code_events("Министр иностранных дел Индии заявил протест китайскому министру. Глава МИД Китая "
                                "в ответ тоже заявил протест.", "ru"))
    assert {("ACCUSE", "IND", "CHN"), ("ACCUSE", "CHN", "IND")} <= found


@pytest.mark.parametrize("text, expected, reversed_", [
    # a dative spelled as its genitive (nouns in -ия), hung on the protest as a genitive: the addressee, not the doer
    ("Франция заявила протест Германии из-за учений у границы.", ("ACCUSE", "FRA", "DEU"), ("ACCUSE", "DEU", "FRA")),
    # a dative the tagger calls one, hung on the protest noun
    ("Япония заявила протест Южной Корее из-за работ у островов.", ("ACCUSE", "JPN", "KOR"), ("ACCUSE", "KOR", "JPN")),
    # an undeclined name, as before
    ("Китай выразил протест США в связи с заходом корабля.", ("ACCUSE", "CHN", "USA"), ("ACCUSE", "USA", "CHN")),
])
def test_a_protest_declared_to_a_state_in_the_dative(text, expected, reversed_):
    found = triples(code_events(text, "ru"))
    assert expected in found and reversed_ not in found


@pytest.mark.parametrize("text, expected", [
    # a fronted object the parser took for a second subject ("Санкции" plural, "ввела" feminine singular)
    ("Новые санкции против Ирана ввела Канада.", ("SANCTION", "CAN", "IRN")),
    ("Дипломатов из Германии и Польши высылает Россия в связи с их участием в митингах.", ("SANCTION", "RUS", "POL")),
])
def test_a_fronted_object(text, expected):
    assert expected in triples(code_events(text, "ru"))


@pytest.mark.parametrize("language, text, expected", [
    # whose mission: the country named nearest the envoy noun, not the doer named further before it
    ("ru", "США выслали дипломатов Постпредства России при ООН.", ("SANCTION", "USA", "RUS")),
    ("en", "The United States expelled two diplomats of the Russian mission to the UN.", ("SANCTION", "USA", "RUS")),
])
def test_the_owner_of_a_mission_posted_to_an_organisation(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found
    assert not [t for t in found if "UN" in t]


def test_a_quotation_that_began_before_is_the_side_the_text_is_about():
    found = triples(code_events("Япония ввела пошлины на китайские товары. В МИД Китая отметили: «Выражаем "
                                "крайнее недоумение. Этот выпад не останется без ответа».", "ru"))
    assert ("THREATEN", "CHN", "JPN") in found


def test_an_envoy_the_parser_hung_on_itself_is_the_object():
    found = triples(code_events("Министр иностранных дел Кыргызской Республики Руслан Казакбаев принял Чрезвычайного и "
                                "Полномочного Посла Российской Федерации в Кыргызской Республике Николая Удовиченко.",
                                "ru"))
    assert ("CONSULT", "RUS", "KGZ") in found


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "Россия и Китай наложили вето на резолюцию США в СБ ООН по Сирии.", ("REJECT", "RUS", "USA")),
    ("ru", "Россия проголосовала против резолюции США в Совете Безопасности ООН.", ("REJECT", "RUS", "USA")),
])
def test_an_organisation_where_a_vote_was_held_is_no_target(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found
    assert not [t for t in found if "UN" in t]


def test_an_act_a_protest_answers_is_not_the_protesters():
    # "в связи с задержанием журналистов": the detention is the other side's, whoever the protest is made by
    found = triples(code_events("Российская сторона выразила протест в связи с задержанием журналистов в Молдавии.",
                                "ru"))
    assert ("ACCUSE", "RUS", "MDA") in found
    assert not [t for t in found if t[0] == "COERCE" and t[1] == "RUS"]


@pytest.mark.parametrize("text, expected", [
    ("Евросоюз включил в санкционный список двадцать российских чиновников.", ("SANCTION", "EU", "RUS")),
    ("Канада внесла в санкционный список пятерых граждан Ирана.", ("SANCTION", "CAN", "IRN")),
    ("Латвия расширила санкционный список против Белоруссии.", ("SANCTION", "LVA", "BLR")),
    ("Китай ввёл запрет на въезд для японских депутатов.", ("SANCTION", "CHN", "JPN")),
    ("Президент Казахстана направил поздравительную телеграмму президенту Узбекистана.", ("SUPPORT", "KAZ", "UZB")),
    ("Эквадор разорвал дипотношения с Никарагуа.", ("SANCTION", "ECU", "NIC")),
    ("Армения и Турция установили дипотношения.", ("COOPERATE", "ARM", "TUR")),
])
def test_russian_measures_and_messages_named_by_nouns(text, expected):
    assert expected in triples(code_events(text, "ru"))


@pytest.mark.parametrize("text, expected", [
    ("Эммануэль Макрон и Фридрих Мерц рассмотрели вопросы двусторонней повестки дня.", ("CONSULT", "FRA", "DEU")),
    ("МИД Литвы предложил российскому дипломату покинуть страну в течение пяти дней.", ("SANCTION", "LTU", "RUS")),
])
def test_talks_and_expulsions_said_otherwise(text, expected):
    assert expected in triples(code_events(text, "ru"))


def test_considering_a_question_alone_is_no_talks():
    found = triples(code_events("Суд Польши рассмотрел вопрос об экстрадиции гражданина России.", "ru"))
    assert not [t for t in found if t[0] == "CONSULT"]


def test_what_is_expected_is_asked_for_only_when_it_is_help_or_an_answer():
    assert ("REQUEST", "RUS", "USA") in triples(code_events("Москва ждёт от Вашингтона объяснений.", "ru"))
    found = triples(code_events("В Кремле ожидают визита президента Турции в декабре.", "ru"))
    assert ("CONSULT", "TUR", "RUS") in found         # a visit expected is planned, not asked for
    assert not [t for t in found if t[0] == "REQUEST"]


@pytest.mark.parametrize("text, expected", [
    ("Вашингтон ввел санкции против 15 россиян.", ("SANCTION", "USA", "RUS")),
    ("Токио выслал двух китайцев, работавших в посольстве.", ("SANCTION", "JPN", "CHN")),
    ("Варшава объявила о высылке трех белорусов.", ("SANCTION", "POL", "BLR")),
])
def test_a_country_people_named_by_its_noun_is_that_country(text, expected):
    # "россиянин", "китаец", "белорус": the noun for a country's people is its demonym (as "Russians", "rusos")
    assert expected in triples(code_events(text, "ru"))


@pytest.mark.parametrize("language, text", [
    ("ru", "Как сообщает газета, посол России уже прибыл в Лондон."),
    ("en", "The Russian ambassador has already arrived in London, the paper said."),
    ("es", "El embajador ruso ya llegó a Londres, según el diario."),
])
def test_an_ambassador_arriving_at_his_post_makes_no_visit(language, text):
    # resident_envoy_nouns: an ambassador, a chargé or a consulate at a post abroad; a delegation still visits
    assert not [t for t in triples(code_events(text, language)) if t[0] == "CONSULT"]


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "Делегация Китая прибыла в Москву для переговоров.", ("CONSULT", "CHN", "RUS")),
    ("en", "A Chinese delegation arrived in Moscow for talks.", ("CONSULT", "CHN", "RUS")),
    ("es", "Una delegación china llegó a Moscú para conversaciones.", ("CONSULT", "CHN", "RUS")),
])
def test_a_delegation_arriving_still_visits(language, text, expected):
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("language, text, doers, ally", [
    ("ru", "В знак солидарности с Каиром Ливан, Иордания и Ирак тоже отозвали послов из Анкары.",
     {"LBN", "JOR", "IRQ"}, "EGY"),
    ("en", "In solidarity with Cairo, Jordan recalled its ambassador from Ankara.", {"JOR"}, "EGY"),
    ("es", "En solidaridad con El Cairo, Jordania retiró a su embajador en Ankara.", {"JOR"}, "EGY"),
])
def test_whom_a_list_of_doers_sides_with_is_no_party(language, text, doers, ally):
    # a list of subjects natasha hung on the phrase before it (repair_coordinated_subjects); ally_nouns: "solidarity"
    found = {t for t in triples(code_events(text, language)) if t[0] == "SANCTION"}
    assert {t[1] for t in found} == doers and {t[2] for t in found} == {"TUR"}
    assert not [t for t in found if ally in t[1:]]


@pytest.mark.parametrize("text", [
    "Решение о высылке белорусских дипломатов приняли также Польша, Литва и Латвия.",
    "Польша, Литва и Латвия также приняли решение о высылке белорусских дипломатов.",
])
def test_each_country_listed_as_the_subject_does_the_act_its_object_names(text):
    found = triples(code_events(text, "ru"))
    assert {("SANCTION", c, "BLR") for c in ("POL", "LTU", "LVA")} <= found


@pytest.mark.parametrize("language, text", [
    ("ru", "В пятницу Анкара обвинила Дамаск в нападении на турецкое консульство в Ираке."),
])
def test_an_own_envoy_inside_the_act_accused_of_is_no_target_of_the_accusation(language, text):
    # the posting of the doer's own envoy counts only where the envoy is the act's own (own_posting, other_acts)
    found = triples(code_events(text, language))
    assert ("ACCUSE", "TUR", "SYR") in found and ("ACCUSE", "TUR", "IRQ") not in found


def test_persona_non_grata_in_latin_letters_is_the_russian_noun():
    found = triples(code_events("Литва объявила persona non grata сотрудника белорусского посольства.", "ru"))
    assert ("SANCTION", "LTU", "BLR") in found


@pytest.mark.parametrize("language, text", [
    ("ru", "Токио выслал китайского дипломата в качестве ответной меры на действия Пекина."),
    ("en", "Tokyo expelled a Chinese diplomat as a retaliatory measure against Beijing."),
    ("es", "Tokio expulsó a un diplomático chino como medida de respuesta a Pekín."),
])
def test_a_response_measure_the_act_is_said_to_be_is_no_threat(language, text):
    # role_preps: "в качестве", "as", "como" name what the act is; only a measure promised is a threat
    found = triples(code_events(text, language))
    assert ("SANCTION", "JPN", "CHN") in found and not [t for t in found if t[0] == "THREATEN"]


def test_the_side_told_is_never_the_unnamed_speaker():
    # «Американской стороне заявлено, что ...»: no one named says it; the speaker is the side the text was about
    # before, never the one it is said to (a dative of the speech verb: unsaid_speaker)
    text = ("Высылка американских журналистов из России стала ответом на решение Вашингтона. Американской стороне "
            "заявлено, что любые недружественные шаги США получат жесткий ответ.")
    found = triples(code_events(text, "ru"))
    assert ("THREATEN", "RUS", "USA") in found and ("THREATEN", "USA", "RUS") not in found


@pytest.mark.parametrize("language, text, expected, reversed_", [
    ("ru", "Посол Японии получил ноту протеста от МИД Китая.", ("ACCUSE", "CHN", "JPN"), ("ACCUSE", "JPN", "CHN")),
    ("ru", "МИД Китая вызвал посла Японии. Японский посол получил ноту протеста.", ("ACCUSE", "CHN", "JPN"),
     ("ACCUSE", "JPN", "CHN")),
])
def test_who_gets_a_note_is_its_target(language, text, expected, reversed_):
    # receipt_verbs: the subject of "получить" ("receive", "recibir") gets the act its object names; the giver is the "от"
    # phrase, else the side the text was about
    found = triples(code_events(text, language))
    assert expected in found and reversed_ not in found
