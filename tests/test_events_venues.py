"""What a meeting is about and where it is held is no party to it (issue 15, class 5; `events/topics.py`): a country
whose situation is discussed ("discussed the war in Sudan"), a session on whose sidelines two sides met ("on the
sidelines of the UN General Assembly"), a country named as a description of the venue ("in Dakar, the Senegalese
capital") and the host city of an organisation's own gathering. Visits to a place and talks with a named partner
stay events; a protest handed at a meeting held for it goes to the envoy's state (`events/purposes.py`)."""
from __future__ import annotations

import pytest
from event_readers import PUBLISHED, codes, directions

from communique import extract


@pytest.mark.parametrize("text, absent", [
    ("Ministers from Egypt and Jordan discussed the war in Sudan at a meeting in Cairo on Monday.", "SDN"),
    ("Los ministros de Egipto y Jordania analizaron la guerra en Sudán en una reunión en El Cairo el lunes.", "SDN"),
    ("Министры Египта и Иордании обсудили войну в Судане на встрече в Каире в понедельник.", "SDN"),
    ("Главы МИД Египта и Иордании встретились в Аммане, чтобы обсудить конфликт в Судане.", "SDN"),
])
def test_a_country_whose_situation_is_discussed_is_no_party(text, absent):
    assert absent not in codes(text)                     # neither met nor attacked by those who talk about it
    assert directions(text, "CONSULT") & {("EGY", "JOR"), ("JOR", "EGY")}


@pytest.mark.parametrize("text, absent", [
    ("The foreign ministers of Egypt and Jordan met in Cairo on Monday. During the meeting, regional developments, "
     "particularly in Sudan and Libya, were discussed.", {"SDN", "LBY"}),
    ("Los cancilleres de Egipto y Jordania se reunieron en El Cairo el lunes. Durante el encuentro se analizó la "
     "situación en Sudán y Libia.", {"SDN", "LBY"}),
    ("Министры иностранных дел Египта и Иордании встретились в Каире в понедельник. В ходе встречи была обсуждена "
     "ситуация в Судане и Ливии.", {"SDN", "LBY"}),
])
def test_what_a_passive_talk_verb_says_was_discussed_is_no_party(text, absent):
    assert not absent & codes(text)                      # the subject of "was discussed" is the topic
    assert directions(text, "CONSULT") & {("EGY", "JOR"), ("JOR", "EGY")}


@pytest.mark.parametrize("text, absent", [
    ("The two ministers met in New York on the sidelines of the United Nations General Assembly.", {"UN", "USA"}),
    ("El canciller de Chile se reunió con su par argentino al margen de la Asamblea General de la ONU.", {"UN"}),
    ("Министр иностранных дел Казахстана провёл встречу с министром иностранных дел России на полях заседания "
     "СМИД СНГ в Минске.", {"CIS", "BLR"}),
])
def test_the_session_on_whose_sidelines_two_sides_met_is_no_party(text, absent):
    assert not absent & codes(text)


@pytest.mark.parametrize("text", [
    "Leaders of the Shanghai Cooperation Organisation met in Astana on Thursday for their annual summit.",
    "Los cancilleres de la región participaron en la cumbre de la OEA celebrada en Lima, la capital peruana.",
    "Лидеры стран ШОС провели встречу в Астане, столице Казахстана.",
])
def test_an_organisations_gathering_in_a_city_is_no_consultation_with_the_host(text):
    assert directions(text, "CONSULT") == set()


@pytest.mark.parametrize("text, pair", [
    ("Tokayev met Erdogan on the sidelines of the SCO summit in Astana.", ("KAZ", "TUR")),
    ("Токаев встретился с Эрдоганом на полях саммита ШОС в Астане.", ("KAZ", "TUR")),
    ("The French president arrived in Algiers, the Algerian capital, on Sunday for a state visit.", ("FRA", "DZA")),
    ("El presidente de Francia llegó a Dakar, la capital senegalesa, para una visita oficial.", ("FRA", "SEN")),
    ("Президент Франции прибыл в Дакар, столицу Сенегала, с официальным визитом.", ("FRA", "SEN")),
    ("Lavrov discussed with Wang Yi the situation in Ukraine.", ("RUS", "CHN")),
    ("Лавров обсудил с Ван И ситуацию на Украине.", ("RUS", "CHN")),
    ("Los cancilleres de Perú y Bolivia se reunieron en Madrid para analizar la situación en Venezuela.",
     ("PER", "BOL")),
])
def test_meetings_and_visits_beside_a_setting_stay(text, pair):
    assert pair in directions(text, "CONSULT")


@pytest.mark.parametrize("text", [
    "Ethiopian and Somali officials held talks in Ankara on Tuesday.",
    "Funcionarios de Etiopía y Somalia mantuvieron conversaciones en Ankara el martes.",
    "Представители Эфиопии и Сомали провели переговоры в Анкаре во вторник.",
])
def test_two_sides_talking_in_a_third_countrys_city_talk_to_each_other(text):
    assert directions(text, "CONSULT") == {("ETH", "SOM")}


@pytest.mark.parametrize("text", [
    "The summit of the African Union held in Addis Ababa, the Ethiopian capital, condemned the coup in Niger.",
    "La cumbre de la Unión Africana celebrada en Adís Abeba condenó el golpe de Estado en Níger.",
    "Саммит Африканского союза, прошедший в Аддис-Абебе, осудил переворот в Нигере.",
])
def test_the_city_a_summit_was_held_in_is_no_side_of_what_it_does(text):
    assert "ETH" not in codes(text)


@pytest.mark.parametrize("text, pair", [
    ("Russian missiles struck Kharkiv, the Ukrainian city near the border.", ("RUS", "UKR")),
    ("Misiles rusos atacaron Járkov, la ciudad ucraniana cercana a la frontera.", ("RUS", "UKR")),
    ("Российские ракеты ударили по Харькову, украинскому городу у границы.", ("RUS", "UKR")),
])
def test_a_place_described_in_apposition_is_still_where_an_attack_hit(text, pair):
    assert pair in {(e["source"]["code"], e["target"]["code"]) for e in extract(text, published=PUBLISHED)["events"]}


@pytest.mark.parametrize("text", [
    "The Philippine foreign minister met the Chinese ambassador in Manila to hand him a protest note.",
    "El canciller filipino se reunió con el embajador de China en Manila para entregarle una nota de protesta.",
    "Министр иностранных дел Филиппин встретился с послом Китая в Маниле, чтобы вручить ноту протеста.",
])
def test_a_protest_handed_at_a_meeting_held_for_it_goes_from_the_host_to_the_envoys_state(text):
    assert ("PHL", "CHN") in {(e["source"]["code"], e["target"]["code"])
                              for e in extract(text, published=PUBLISHED)["events"] if e["type"] == "ACCUSE"}


@pytest.mark.parametrize("text, absent", [
    ("March 3, 2024 (ADDIS ABABA) – Somalia's government said on Monday it would join peace talks to end the "
     "fighting in the south.", "ETH"),
    ("UNITED NATIONS, United States -- Brazil on Tuesday called for talks between Armenia and Azerbaijan.", "USA"),
    ("12 de marzo de 2024 (LIMA) – El Gobierno de Bolivia anunció que participará en las negociaciones con Chile.",
     "PER"),
    ("14 марта 2024 года (МОСКВА) – Казахстан примет участие в переговорах с Киргизией.", "RUS"),
])
def test_a_place_in_the_dateline_is_no_party(text, absent):
    assert absent not in codes(text)


def test_a_headline_of_two_names_with_a_dash_keeps_its_sides():
    assert directions("Kazakhstan – Russia: Tokayev met Putin in Moscow on Monday.", "CONSULT") == {("KAZ", "RUS")}


@pytest.mark.parametrize("text, absent", [
    ("The foreign ministers of Egypt and Jordan held a meeting in Cairo to discuss the issue of Sudan.", "SDN"),
    ("Los cancilleres de Egipto y Jordania se reunieron en El Cairo para discutir la cuestión de Sudán.", "SDN"),
    ("Министры иностранных дел Египта и Иордании провели встречу в Каире, чтобы обсудить вопрос Судана.", "SDN"),
])
def test_a_country_named_in_what_is_discussed_is_no_partner_of_the_talk(text, absent):
    assert absent not in codes(text)
    assert directions(text, "CONSULT") & {("EGY", "JOR"), ("JOR", "EGY")}


def test_a_partner_named_inside_the_object_still_talks():
    assert ("RUS", "KAZ") in directions("Putin discussed trade with Tokayev on Monday.", "CONSULT")


@pytest.mark.parametrize("text, absent", [
    ("ASEAN foreign ministers held a special meeting on Friday to discuss the issue of Myanmar.", "MMR"),
    ("EU foreign ministers discuss Ukraine and Syria in Luxembourg.", "UKR"),
    ("Los cancilleres de la Unión Europea celebraron una reunión para discutir la cuestión de Venezuela.", "VEN"),
    ("Министры ЕС провели встречу, чтобы обсудить вопрос Сирии.", "SYR"),
])
def test_what_a_meeting_is_held_to_discuss_is_no_partner_of_it(text, absent):
    assert absent not in codes(text)


def test_a_side_also_named_outside_what_is_discussed_keeps_its_part():
    text = ("Министры иностранных дел Азербайджана и Армении при посредничестве США обсудили в Вашингтоне элементы "
            "возможного мирного договора между Баку и Ереваном.")
    assert {("ARM", "USA"), ("AZE", "USA")} <= directions(text, "CONSULT")
