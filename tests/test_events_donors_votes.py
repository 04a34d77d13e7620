"""Acts of many sides named in one list (issue 15): every donor of aid named together gives it, also where the aid
is received ("aid sent by Egypt and Saudi Arabia", "ayuda enviada por", "помощь от ... и ...") or arrives ("aid from
X arrived in Y": the aid, not a visitor); every voter listed against a resolution rejects it, also where the
preposition stands alone ("проголосовали против.") and where the vote follows a sentence that only names sides
("160 countries, Mexico among them"): a vote answers the latest act (`Discourse.matter`)."""
from __future__ import annotations

import pytest
from event_readers import PUBLISHED, directions

from communique import extract

DONORS = {("EGY", "SDN"), ("SAU", "SDN")}


@pytest.mark.parametrize("text", [
    "Sudan received humanitarian aid sent by Egypt and Saudi Arabia.",
    "Sudán recibió ayuda humanitaria enviada por Egipto y Arabia Saudita.",
    "Судан получил гуманитарную помощь от Египта и Саудовской Аравии.",
])
def test_aid_received_from_listed_donors_is_each_donors(text):
    assert directions(text, "AID") == DONORS


@pytest.mark.parametrize("text", [
    "Humanitarian aid from Egypt and Saudi Arabia arrived in Sudan on Friday.",
    "La ayuda humanitaria enviada por Egipto y Arabia Saudita llegó a Sudán el viernes.",
    "Гуманитарная помощь от Египта и Саудовской Аравии прибыла в Судан в пятницу.",
])
def test_aid_that_arrives_is_given_not_a_visit(text):
    events = extract(text, published=PUBLISHED)["events"]
    assert {(e["source"]["code"], e["target"]["code"]) for e in events if e["type"] == "AID"} == DONORS
    assert not [e for e in events if e["type"] == "CONSULT"]


@pytest.mark.parametrize("text", [
    "The UN General Assembly again adopted a resolution urging the United States to end its embargo on Cuba. "
    "A total of 160 countries, Mexico among them, supported it. The United States, Israel and Ukraine voted against.",
    "La Asamblea General de la ONU aprobó de nuevo una resolución que exige a Estados Unidos poner fin al embargo "
    "contra Cuba. Un total de 160 países, entre ellos México, la apoyaron. Estados Unidos, Israel y Ucrania votaron "
    "en contra.",
    "Генассамблея ООН вновь приняла резолюцию, призывающую США отменить эмбарго против Кубы. За документ выступили "
    "160 стран, в том числе Мексика. Против проголосовали США, Израиль и Украина.",
])
def test_each_voter_listed_against_rejects_the_resolution(text):
    assert directions(text, "REJECT") == {("USA", "UN"), ("ISR", "UN"), ("UKR", "UN")}


@pytest.mark.parametrize("text", [
    "Генассамблея ООН приняла резолюцию по Кубе. США, Израиль и Украина проголосовали против, а Китай воздержался.",
    "Совбез ООН принял резолюцию по Кубе. Против проголосовали США и Израиль.",
])
def test_a_russian_vote_against_with_no_object_still_rejects(text):
    assert directions(text, "REJECT") >= {("USA", "CUB"), ("ISR", "CUB")}


@pytest.mark.parametrize("text", [
    "The UN General Assembly adopted a resolution on Cuba; China and India abstained.",
    "La Asamblea General de la ONU aprobó una resolución sobre Cuba; China e India se abstuvieron.",
    "Генассамблея ООН приняла резолюцию по Кубе, Китай и Индия воздержались.",
])
def test_an_abstention_is_no_event(text):
    assert not directions(text, "REJECT")


@pytest.mark.parametrize("text", [
    "Japan, Germany and the European Union pledged $40 million in humanitarian aid to Sudan on Monday.",
    "Japón, Alemania y la Unión Europea prometieron el lunes 40 millones de dólares en ayuda humanitaria a Sudán.",
    "Япония, Германия и Евросоюз в понедельник пообещали Судану гуманитарную помощь на 40 миллионов долларов.",
])
def test_aid_pledged_by_a_list_of_donors_is_each_donors_aid(text):
    events = extract(text, published=PUBLISHED)["events"]
    assert {(e["source"]["code"], e["target"]["code"]) for e in events if e["type"] == "AID"} == \
        {("JPN", "SDN"), ("DEU", "SDN"), ("EU", "SDN")}
    assert not [e for e in events if e["type"] == "AGREE"]          # the aid offered is the aid pledged


@pytest.mark.parametrize("text", [
    "Japan pledged humanitarian aid to Sudan.",
    "Japón prometió ayuda humanitaria a Sudán.",
    "Япония обещает Судану гуманитарную помощь.",
])
def test_aid_pledged_is_aid_not_an_agreement(text):
    assert {(e["type"], e["source"]["code"], e["target"]["code"])
            for e in extract(text, published=PUBLISHED)["events"]} == {("AID", "JPN", "SDN")}


def test_troops_pledged_stay_an_offer():
    assert directions("Syria pledged troops to Lebanon.", "AGREE") == {("SYR", "LBN")}


@pytest.mark.parametrize("text", [
    "The UN General Assembly adopted a resolution on Cuba. Seven countries voted against, among them the United "
    "States and Israel.",
    "La Asamblea General de la ONU aprobó una resolución sobre Cuba. Siete países votaron en contra, entre ellos "
    "Estados Unidos e Israel.",
    "Генассамблея ООН приняла резолюцию по Кубе. Против проголосовали семь стран, в том числе США и Израиль.",
])
def test_the_members_a_counted_group_of_voters_includes_each_reject(text):
    # the group ("seven countries") is no pair of the sides named before: the members listed vote
    assert directions(text, "REJECT") == {("USA", "CUB"), ("ISR", "CUB")}


@pytest.mark.parametrize("text", [
    "Several countries, including France and Germany, condemned Russia on Monday.",
    "Varios países, entre ellos Francia y Alemania, condenaron a Rusia el lunes.",
    "Ряд стран, в том числе Франция и Германия, осудили Россию в понедельник.",
])
def test_the_members_a_group_subject_includes_each_act(text):
    assert directions(text, "ACCUSE") == {("FRA", "RUS"), ("DEU", "RUS")}


def test_a_list_further_on_in_the_sentence_is_no_group_of_doers():
    text = ("Perú y Colombia firmarán un tratado de extradición; los dos gobiernos analizarán la cooperación en "
            "diferentes áreas, entre ellas la navegación con Brasil.")
    assert ("BRA", "COL") not in directions(text, "AGREE") | directions(text, "COOPERATE")


@pytest.mark.parametrize("text", [
    "China sent medical teams and vaccines to Laos and Cambodia on Monday.",
    "El Gobierno de China envió médicos y vacunas a Laos y Camboya el lunes.",
    "Китай в понедельник направил вакцины и врачей в Лаос и Камбоджу.",
])
def test_relief_goods_sent_are_aid_to_each_recipient(text):
    assert directions(text, "AID") == {("CHN", "LAO"), ("CHN", "KHM")}


@pytest.mark.parametrize("text", [
    "The United States sent diplomats and engineers to Cuba on Monday.",
    "Estados Unidos envió diplomáticos a Cuba el lunes.",
])
def test_people_sent_who_bring_no_relief_are_no_aid(text):
    assert not directions(text, "AID")


@pytest.mark.parametrize("text", [
    "Kazakhstan thanked Turkey for the humanitarian aid sent in April.",
    "Kazajistán agradeció a Turquía la ayuda humanitaria enviada en abril.",
    "Казахстан поблагодарил Турцию за гуманитарную помощь, отправленную в апреле.",
])
def test_aid_thanked_for_was_given_by_the_one_thanked(text):
    events = extract(text, published=PUBLISHED)["events"]
    triples = {(e["type"], e["source"]["code"], e["target"]["code"]) for e in events}
    assert {("AID", "TUR", "KAZ"), ("SUPPORT", "KAZ", "TUR")} <= triples


def test_aid_thanked_for_by_its_own_donor_phrase():
    # the direct object of "agradecer" is the act; its own phrase names who gave it
    assert ("MEX", "CUB") in directions("La Habana agradeció la ayuda humanitaria de México.", "AID")


@pytest.mark.parametrize("text", [
    "The aid, donated by Norway and Sweden, was handed over to the Afghan authorities on Monday.",
    "La ayuda, donada por Noruega y Suecia, fue entregada a las autoridades afganas el lunes.",
    "Помощь от Норвегии и Швеции была передана Афганистану в понедельник.",
])
def test_aid_handed_over_in_the_passive_is_each_donors(text):
    assert directions(text, "AID") == {("NOR", "AFG"), ("SWE", "AFG")}
