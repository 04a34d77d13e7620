"""Trade measures as conflict acts (issue 15, the eleventh swap's classes read on dev16, dev17 and dev-articles-2
half A): tariffs and duties on a state's goods, bans and restrictions on its imports, a freeze of trade with it are
sanctions on that state; a list of targets after a light verb's preposition is each target's; a High Commissioner
is an envoy. Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text", [
    ("en", "Brazil imposed tariffs on Argentine beef last week."),
    ("es", "Brasil impuso aranceles a la carne argentina la semana pasada."),
    ("ru", "Бразилия ввела пошлины на аргентинскую говядину на прошлой неделе."),
])
def test_tariffs_on_a_states_goods_sanction_it(language, text):
    assert ("SANCTION", "BRA", "ARG") in triples(code_events(text, language))


def test_each_state_listed_as_doer_of_a_tariff_acts():
    # (the Spanish tagger takes "aranceles" after a coordinated subject for an adjective: no trigger there yet)
    found = triples(code_events("Norway and Iceland are preparing retaliatory duties on British fish.", "en"))
    assert {("SANCTION", "NOR", "GBR"), ("SANCTION", "ISL", "GBR")} <= found


@pytest.mark.parametrize("language, text", [
    ("en", "Egypt imposed a ban on imports of citrus from Turkey."),
    ("en", "Egypt imposed restrictions on imports of citrus from Turkey."),
    ("en", "Egypt restricted imports of citrus from Turkey."),
    ("es", "Egipto restringió las importaciones de cítricos procedentes de Turquía."),
    ("ru", "Египет ввел ограничения на ввоз цитрусовых из Турции."),
    ("ru", "Египет ограничил ввоз цитрусовых из Турции."),
])
def test_bans_and_restrictions_on_imports_from_a_state_sanction_it(language, text):
    assert ("SANCTION", "EGY", "TUR") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "Peru announced a freeze of trade with Bolivia."),
    ("es", "Perú anunció la congelación del comercio con Bolivia."),
    ("ru", "Перу объявило о заморозке торговли с Боливией."),
])
def test_a_freeze_of_trade_named_as_a_noun_sanctions_the_partner(language, text):
    assert ("SANCTION", "PER", "BOL") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "Australian officers on duty met the Indonesian delegation in Bali."),
    ("en", "Chile's foreign minister said the new restrictions on parking in Santiago would help Peruvian tourists."),
    ("es", "Las restricciones de agua en Lima preocupan a los turistas chilenos y argentinos."),
])
def test_other_senses_of_the_words_are_no_sanction(language, text):
    assert not [t for t in triples(code_events(text, language)) if t[0] == "SANCTION"]


def test_a_list_of_targets_after_a_light_verb_is_each_targets():
    found = triples(code_events("Washington extended its steel tariffs to Brazil, Argentina and Chile.", "en"))
    assert {("SANCTION", "USA", c) for c in ("BRA", "ARG", "CHL")} <= found


def test_a_high_commissioner_summoned_is_his_states_envoy():
    text = "Kenya summoned the Ugandan High Commissioner on Tuesday over the border incident."
    assert ("ACCUSE", "KEN", "UGA") in triples(code_events(text, "en"))


def test_a_measure_pledged_is_still_ahead():
    text = "Norway and Iceland have pledged to impose retaliatory tariffs on British fish before June 1."
    article = code_events(text, "en")
    assert {e.status for e in article.events if {e.source.code, e.target.code} == {"NOR", "GBR"}} == {"planned"}


@pytest.mark.parametrize("language, text", [
    ("en", "Estonia reduced the staff of the Russian embassy in Tallinn."),
    ("es", "Estonia redujo el personal de la embajada rusa en Tallin."),
    ("ru", "Эстония сократила штат российского посольства в Таллине."),
])
def test_an_embassys_staff_cut_by_the_host_sanctions_its_state(language, text):
    assert ("SANCTION", "EST", "RUS") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "Estonia announced a reduction in the number of Russian diplomats in Tallinn."),
    ("es", "Estonia anunció la reducción del número de diplomáticos rusos en Tallin."),
    ("ru", "Эстония объявила о сокращении числа сотрудников российского посольства в Таллине."),
])
def test_a_reduction_in_the_number_of_a_states_diplomats_sanctions_it(language, text):
    assert ("SANCTION", "EST", "RUS") in triples(code_events(text, language))
