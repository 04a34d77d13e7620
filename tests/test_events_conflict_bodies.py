"""Conflict acts of and against regional bodies and a state's people (issue 15, the eleventh swap's classes read on
dev16 and dev17): an acronym read as a word is written like a name in Spanish and British styles ("Caricom",
"Celac", "Nato") and still names the body; blacklisting a state's officers sanctions the state; a participle on a
document that names its author is the author's act, not its supporter's; a protest carried in the passive by a
light verb is its possessor's; the International Court of Justice acts for the UN, and what it orders a state to do
is a demand of it; a court one threatens to turn to is no target. Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text, expected", [
    ("es", "La Celac exhortó a Nicaragua a liberar a los presos políticos.", ("REQUEST", "CELAC", "NIC")),
    ("es", "Venezuela acusó a la Caricom de parcialidad.", ("ACCUSE", "VEN", "CARICOM")),
    ("en", "Nato urged Belarus to stop the flights.", ("REQUEST", "NATO", "BLR")),
    ("en", "Ecowas condemned the coup in Burkina Faso.", ("ACCUSE", "ECOWAS", "BFA")),
])
def test_an_acronym_written_as_a_word_names_the_body(language, text, expected):
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "The United States blacklisted three Venezuelan army generals."),
    ("ru", "США внесли в черный список трех венесуэльских генералов."),
])
def test_a_states_officers_blacklisted_sanction_the_state(language, text):
    assert ("SANCTION", "USA", "VEN") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "Chile supported an OAS resolution condemning Nicaragua."),
    ("es", "Chile apoyó la resolución de la OEA condenando a Nicaragua."),
    ("ru", "Чили поддержала резолюцию ОАГ, осуждающую Никарагуа."),
])
def test_a_documents_act_is_its_authors_not_its_supporters(language, text):
    found = triples(code_events(text, language))
    assert ("ACCUSE", "OAS", "NIC") in found and ("ACCUSE", "CHL", "NIC") not in found


def test_a_resolution_with_no_author_of_its_own_is_its_adopters():
    found = triples(code_events("The OAS General Assembly adopted a resolution condemning Nicaragua.", "en"))
    assert ("ACCUSE", "OAS", "NIC") in found


@pytest.mark.parametrize("text, expected", [
    ("Kenya's protest was lodged with the Ugandan foreign ministry.", ("ACCUSE", "KEN", "UGA")),
    ("Norway's sanctions were imposed on Belarus in March.", ("SANCTION", "NOR", "BLR")),
])
def test_an_act_carried_in_the_passive_is_its_possessors(text, expected):
    assert expected in triples(code_events(text, "en"))


@pytest.mark.parametrize("text", [
    "UNITED NATIONS, United States -- Russia on Tuesday vetoed a Western bid at the UN Security Council.",
    "GENEVA, Switzerland -- Russia on Tuesday vetoed a Western bid at the UN Security Council to condemn its strikes.",
])
def test_the_country_of_a_datelines_place_is_no_side(text):
    found = triples(code_events(text, "en"))
    assert ("REJECT", "RUS", "UN") in found and not [t for t in found if t[1] in ("USA", "CHE")]


@pytest.mark.parametrize("language, text", [
    ("en", "The ICJ ordered Colombia to refrain from fishing in the disputed waters."),
    ("es", "La Corte Internacional de Justicia ordenó a Colombia abstenerse de pescar en las aguas en disputa."),
])
def test_what_the_world_court_orders_a_state_is_a_demand_of_the_un(language, text):
    assert ("REQUEST", "UN", "COL") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "Nicaragua threatened to go to the International Court of Justice to sue Colombia."),
    ("es", "Nicaragua amenazó con recurrir a la Corte Internacional de Justicia para denunciar a Colombia."),
])
def test_a_court_one_threatens_to_turn_to_is_no_target(language, text):
    found = triples(code_events(text, language))
    assert ("THREATEN", "NIC", "COL") in found and ("THREATEN", "NIC", "UN") not in found


@pytest.mark.parametrize("language, text", [
    ("ru", "Казахстан предупредил о последствиях, если Киргизия закроет границу."),
    ("ru", "Россия предупредила о дополнительных мерах, если враждебные действия Латвии продолжатся."),
    ("en", "Kazakhstan warned of consequences if Kyrgyzstan closes the border."),
    ("es", "Kazajistán advirtió de consecuencias si Kirguistán cierra la frontera."),
])
def test_a_warning_on_a_condition_threatens_whoever_must_meet_it(language, text):
    # the parser may hang the condition on the warning's object or coordinate it with the warning
    found = triples(code_events(text, language))
    assert any(t[0] == "THREATEN" and t[2] in ("KGZ", "LVA") for t in found)
