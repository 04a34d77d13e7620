"""Distinct acts of one type between one pair (issue 15, twelfth swap), in en/es/ru: agreeing to act and signing
documents are two events ([kinds.AGREE] documents / commitment); the same signing told twice, or an agreement to act
told twice, stays one event. Condolences are an act apart from praise or thanks (kind "condolence"), and the
condolences one side thanks for are no act of the one who thanks. Real models parse each text."""
from __future__ import annotations

import pytest

from test_events_lang import code_events


def agreements(text: str, language: str) -> list[tuple[str, str]]:
    """The pair of each AGREE event, one entry per event."""
    return sorted(tuple(sorted((e.source.code, e.target.code))) for e in code_events(text, language).events
                  if e.type == "AGREE")


@pytest.mark.parametrize("language,text", [
    ("en", "Kenya and Ethiopia agreed to double bilateral trade within five years. "
           "The ministers of the two countries also signed six agreements on energy and transport."),
    ("es", "Chile y Bolivia acordaron duplicar el comercio bilateral en cinco años. "
           "Los cancilleres de los dos países firmaron además seis convenios sobre energía y transporte."),
    ("ru", "Казахстан и Монголия договорились удвоить товарооборот в течение пяти лет. "
           "Министры двух стран также подписали шесть соглашений об энергетике и транспорте."),
])
def test_an_agreement_to_act_and_documents_signed_are_two_events(language, text):
    assert len(agreements(text, language)) == 2


@pytest.mark.parametrize("language,text", [
    ("en", "Kenya and Ethiopia signed an agreement on energy cooperation. "
           "The agreement was signed by the foreign ministers of the two countries in Nairobi."),
    ("es", "Chile y Bolivia firmaron un convenio de cooperación energética. "
           "El convenio fue firmado por los cancilleres de los dos países en Santiago."),
    ("ru", "Казахстан и Монголия подписали соглашение о сотрудничестве в энергетике. "
           "Соглашение подписали министры иностранных дел двух стран в Астане."),
    ("en", "Kenya and Ethiopia agreed to double bilateral trade. "
           "The two countries also agreed to expand cooperation in energy."),
])
def test_one_signing_or_one_agreement_told_twice_stays_one_event(language, text):
    assert len(agreements(text, language)) == 1


# condolences over a loss are an act apart from the praise or thanks of the same pair ([nouns.condolence] kind)
@pytest.mark.parametrize("language,text", [
    ("en", "Tokayev thanked the Turkish president for his support in the negotiations. "
           "Later Tokayev also expressed condolences to Turkey over the victims of the earthquake."),
    ("es", "Tokayev agradeció al presidente de Turquía su apoyo en las negociaciones. "
           "Más tarde Tokayev también expresó sus condolencias a Turquía por las víctimas del terremoto."),
    ("ru", "Токаев поблагодарил президента Турции за поддержку на переговорах. "
           "Позднее Токаев также выразил соболезнования Турции в связи с жертвами землетрясения."),
])
def test_condolences_and_thanks_of_one_pair_are_two_events(language, text):
    support = [e for e in code_events(text, language).events if e.type == "SUPPORT"]
    assert sorted((e.source.code, e.target.code) for e in support) == [("KAZ", "TUR"), ("KAZ", "TUR")]


# the condolences one side thanks for are the other side's act, no condolence of the one who thanks
@pytest.mark.parametrize("language,text", [
    ("en", "Tokayev expressed condolences to Turkey over the victims of the earthquake. "
           "The Turkish president thanked for the condolences."),
    ("es", "Tokayev expresó sus condolencias a Turquía por las víctimas del terremoto. "
           "El presidente turco agradeció las condolencias."),
    ("ru", "Токаев выразил соболезнования Турции в связи с жертвами землетрясения. "
           "Президент Турции поблагодарил за соболезнования."),
])
def test_condolences_thanked_for_are_no_act_of_the_one_who_thanks(language, text):
    support = [e for e in code_events(text, language).events if e.type == "SUPPORT"]
    assert ("TUR", "KAZ") not in {(e.source.code, e.target.code) for e in support if e.trigger.text.lower()[:4] in
                                  ("cond", "собо")}
    assert ("KAZ", "TUR") in {(e.source.code, e.target.code) for e in support}


# an envoy summoned or a protest lodged is an act of its own ([kinds.ACCUSE] summons, `merge.OWN_ACT_KINDS`): a
# reproach naming no kind, in another sentence, is a second ACCUSE event of the pair, not the summons told again
def accusations(text: str, language: str) -> list[tuple[str, str]]:
    """The direction of each ACCUSE event, one entry per event."""
    return sorted((e.source.code, e.target.code) for e in code_events(text, language).events if e.type == "ACCUSE")


@pytest.mark.parametrize("language,text,pair", [
    ("en", "Poland summoned the Belarusian ambassador on Monday over the incident at the border. "
           "Warsaw blamed Minsk for the incident at the border.", ("POL", "BLR")),
    ("es", "Perú convocó el lunes al embajador de Bolivia por el incidente en la frontera. "
           "El Gobierno peruano culpó a Bolivia del incidente.", ("PER", "BOL")),
    ("ru", "Литва вызвала посла Белоруссии в МИД в понедельник из-за инцидента на границе. "
           "Вильнюс возложил ответственность за инцидент на Минск.", ("LTU", "BLR")),
])
def test_a_summons_and_a_reproach_are_two_events(language, text, pair):
    assert accusations(text, language) == [pair, pair]


@pytest.mark.parametrize("language,text,pair", [
    ("en", "Poland summoned the Belarusian ambassador over the incident at the border. "
           "The ambassador of Belarus was summoned to the Polish Foreign Ministry on Monday.", ("POL", "BLR")),
    ("es", "Perú convocó al embajador de Bolivia por el incidente en la frontera. "
           "El embajador boliviano fue convocado a la Cancillería peruana el lunes.", ("PER", "BOL")),
    ("ru", "Литва вызвала посла Белоруссии в МИД из-за инцидента на границе. "
           "Посол Белоруссии был вызван в МИД Литвы в понедельник.", ("LTU", "BLR")),
])
def test_a_summons_told_twice_stays_one_event(language, text, pair):
    assert accusations(text, language) == [pair]


# a protest lodged by the verb ("protested", "protestó", "протестовал") is the summons kind's act, as the noun is
@pytest.mark.parametrize("language,text,pair", [
    ("en", "The Mexican ambassador protested to the Ecuadorian Foreign Ministry over the raid on the embassy. "
           "The Mexican government condemned Ecuador for the raid.", ("MEX", "ECU")),
    ("es", "El embajador mexicano protestó ante la Cancillería ecuatoriana por el asalto a la embajada. "
           "El Gobierno mexicano condenó a Ecuador por el asalto.", ("MEX", "ECU")),
    ("ru", "Посол Мексики протестовал в МИД Эквадора против штурма посольства. "
           "Правительство Мексики осудило Эквадор за штурм.", ("MEX", "ECU")),
])
def test_a_protest_lodged_and_a_condemnation_are_two_events(language, text, pair):
    assert accusations(text, language) == [pair, pair]


# a meeting held online or remotely ("online meeting", "encuentro telemático", "дистанционная встреча") is a call of
# the pair ([kinds.CONSULT] phone), an act apart from their meeting in person
def consultations(text: str, language: str) -> int:
    return sum(1 for e in code_events(text, language).events if e.type == "CONSULT")


@pytest.mark.parametrize("language,text", [
    ("en", "The foreign ministers of Kenya and Ethiopia met in Nairobi on Thursday. The meeting came a month after an "
           "online meeting between the foreign ministers of Kenya and Ethiopia."),
    ("es", "Los cancilleres de Kenia y Etiopía se reunieron el jueves en Nairobi. El encuentro se produce un mes "
           "después de un encuentro telemático entre los cancilleres de Kenia y Etiopía."),
    ("ru", "Министры иностранных дел Кении и Эфиопии встретились в четверг в Найроби. Встреча прошла через месяц "
           "после дистанционной встречи министров иностранных дел Кении и Эфиопии."),
])
def test_a_meeting_in_person_and_an_earlier_online_one_are_two_events(language, text):
    assert consultations(text, language) == 2
