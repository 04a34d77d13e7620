"""Who did an act named inside another, coordinated doers, pronoun objects and senses that name no act (issue 15,
classes read on the dev6/dev7 training sets). Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text, expected", [
    ("en", "France, Britain and Germany imposed new sanctions on Iran.",
     {("SANCTION", "FRA", "IRN"), ("SANCTION", "GBR", "IRN"), ("SANCTION", "DEU", "IRN")}),
    ("es", "Francia y Alemania impusieron sanciones a Irán.", {("SANCTION", "FRA", "IRN"), ("SANCTION", "DEU", "IRN")}),
    ("ru", "Франция и Германия ввели санкции против Ирана.", {("SANCTION", "FRA", "IRN"), ("SANCTION", "DEU", "IRN")}),
])
def test_each_coordinated_subject_of_a_light_verb_acts(language, text, expected):
    # "X, Y and Z imposed sanctions": the subject's conjuncts are doers too, not only its first name
    assert expected <= triples(code_events(text, language))


def test_an_object_pronoun_stands_for_the_actor_named_before_it():
    found = triples(code_events("Canada imposed sanctions on Nicaragua, accusing it of rigging the election.", "en"))
    assert ("ACCUSE", "CAN", "NIC") in found, found


@pytest.mark.parametrize("language, text", [
    ("en", "Russia condemned the new Western sanctions against Serbia."),
    ("es", "Rusia condenó las nuevas sanciones occidentales contra Serbia."),
    ("ru", "Россия осудила новые западные санкции против Сербии."),
])
def test_an_act_a_condemnation_answers_is_not_the_condemning_sides(language, text):
    # the sanctions are someone else's (unnamed here), and Serbia, at whom they were aimed, is not condemned
    found = triples(code_events(text, language))
    assert ("SANCTION", "RUS", "SRB") not in found and ("ACCUSE", "RUS", "SRB") not in found, found


@pytest.mark.parametrize("language, text", [
    ("en", "Tehran condemned London for imposing sanctions on Syrian officials."),
    ("es", "Teherán condenó a Londres por imponer sanciones a funcionarios sirios."),
    ("ru", "Тегеран осудил Лондон за введение санкций против сирийских чиновников."),
])
def test_the_act_in_a_reason_clause_is_the_condemned_sides(language, text):
    found = triples(code_events(text, language))
    assert ("ACCUSE", "IRN", "GBR") in found, found
    assert ("SANCTION", "GBR", "SYR") in found, found
    assert not {("SANCTION", "IRN", "SYR"), ("ACCUSE", "IRN", "SYR")} & found, found


def test_what_a_punished_side_is_blamed_for_is_its_own_act():
    found = triples(code_events(
        "The EU imposed sanctions on a Belarusian general for supplying weapons to Russia.", "en"))
    assert ("SANCTION", "EU", "BLR") in found, found
    assert not [t for t in found if t[1] == "EU" and t[2] == "RUS"], found


@pytest.mark.parametrize("text, absent", [
    ("Spain recalled its ambassador to Israel for consultation.", "CONSULT"),
    ("The grant from Japan will meet the basic needs of flood victims in Pakistan.", "CONSULT"),
    ("Brazil backed off its threat against Paraguay.", "SUPPORT"),
    ("Ukraine moved troops to the border to defend itself against Russia.", "SUPPORT"),
    ("The Japanese minister asked about the aid reaching Afghanistan.", "REQUEST"),
])
def test_senses_that_name_no_such_act(text, absent):
    found = triples(code_events(text, "en"))
    assert absent not in {t for t, _, _ in found}, found


def test_a_currency_is_no_side():
    found = triples(code_events("Britain pledged US $22 million to Pakistan for flood relief.", "en"))
    assert not [t for t in found if "USA" in t], found


@pytest.mark.parametrize("language, text", [
    ("en", "The EU sanctioned a Syrian general for allegedly supplying weapons to Russia."),
    ("es", "La UE sancionó a un general sirio por supuestamente suministrar armas a Rusia."),
    ("ru", "ЕС ввел санкции против сирийского генерала за якобы поставки оружия России."),
])
def test_an_act_only_alleged_is_not_stated_and_the_reason_is_no_target(language, text):
    found = triples(code_events(text, language))
    assert ("SANCTION", "EU", "SYR") in found, found
    assert not [t for t in found if t[2] == "RUS"], found


def test_the_side_an_imposed_measure_was_aimed_at_is_not_condemned():
    found = triples(code_events("Russia has condemned the imposition of new sanctions against Belarus by the West.", "en"))
    assert ("ACCUSE", "RUS", "BLR") not in found, found


def test_he_or_she_refers_to_no_organisation():
    found = triples(code_events(
        "The UN adopted a resolution on Syria on Monday. He then discussed trade with the Prime Minister of Spain.", "en"))
    assert not [t for t in found if "UN" in t], found


def test_english_nouns_of_talks_and_protest():
    talks = triples(code_events("The United States held discussions with Russia on Syria.", "en"))
    assert {("CONSULT", "USA", "RUS"), ("CONSULT", "RUS", "USA")} & talks, talks
    protest = triples(code_events("China lodged stern representations with Japan over the remarks.", "en"))
    assert ("ACCUSE", "CHN", "JPN") in protest, protest


def test_monitors_deployed_are_no_mobilisation():
    found = triples(code_events("The OSCE is deploying a monitoring mission to Armenia.", "en"))
    assert not [t for t in found if t[0] == "MOBILIZE"], found



def test_an_alleged_reproach_still_accuses():
    # "alleged provocations" is the speaker's accusation; "allegedly supplying" an act the text does not state
    from communique.api import process
    from communique.events.reported_acts import alleged_act
    from communique.events.rules import Tree
    from communique.lexicon import lexicon
    from communique.records import RawInput
    text = ("Ukraine protested against alleged Russian provocations. "
            "Britain sanctioned Iran for allegedly supplying drones to Russia.")
    article = next(process([RawInput(path=None, text=text)]))
    verdicts = {}
    for sentence in article.sentences:
        tree = Tree(sentence)
        for tok in sentence.tokens:
            if tok.text in ("provocations", "supplying"):
                verdicts[tok.text] = alleged_act(tree, tok.i, lexicon("en"))
    assert verdicts == {"provocations": False, "supplying": True}, verdicts
