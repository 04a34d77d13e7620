"""False REQUEST and CONSULT events of issue 15: a request to pass on a courtesy asks nothing of the other side
(`frame_constraints.courtesy_asked`, [roles] courtesy_nouns); taking part in an act the lexicon knows as another
act (an exchange of prisoners, an attack) is no meeting of the participants (`frame_constraints.joins_other_act`);
a trip told as planned and as only possible is one consultation (`merge.told_status`)."""
from __future__ import annotations

import pytest

from event_readers import events_of


def _events(text: str, language: str, event_type: str) -> list[tuple[str, str]]:
    """(source, target) of each event of the type, one per event (the language is the text's own)."""
    return [((e["source"] or {}).get("code"), (e["target"] or {}).get("code")) for e in events_of(text, event_type)]


@pytest.mark.parametrize("language,text", [
    ("en", "The President of Portugal asked the Ambassador of Bangladesh to convey his best wishes to President "
           "Mohammed Shahabuddin."),
    ("en", "During the audience, the King of Spain asked the Ambassador of Chile to convey his warm greetings to the "
           "President of Chile."),
    ("es", "El presidente de Portugal pidió al embajador de Bangladesh transmitir sus saludos al presidente de "
           "Bangladesh."),
    ("es", "El rey de España pidió al embajador de Chile que transmitiera sus felicitaciones al presidente chileno."),
    ("ru", "Президент Сербии попросил посла России передать привет президенту России."),
    ("ru", "Премьер-министр Венгрии попросил посла Казахстана передать наилучшие пожелания президенту Казахстана."),
])
def test_a_courtesy_passed_on_is_no_request(language, text):
    assert not _events(text, language, "REQUEST")


@pytest.mark.parametrize("language,text,pair", [
    ("en", "The President of Portugal asked the Ambassador of Bangladesh to release the detained Portuguese "
           "journalists.", ("PRT", "BGD")),
    ("es", "El presidente de Portugal pidió a Bangladesh liberar a los periodistas portugueses detenidos.",
     ("PRT", "BGD")),
    ("ru", "Президент Сербии попросил Россию передать Белграду данные о поставках газа.", ("SRB", "RUS")),
])
def test_a_request_to_act_stays(language, text, pair):
    assert pair in _events(text, language, "REQUEST")


@pytest.mark.parametrize("language,text", [
    ("en", "Turkey participated in the exchange of prisoners between Russia and Ukraine."),
    ("es", "Catar participó en el intercambio de prisioneros entre Rusia y Ucrania."),
    ("es", "Los Emiratos Árabes Unidos participaron en el intercambio de prisioneros de guerra entre Moscú y Kiev."),
    ("ru", "ОАЭ непосредственно участвовали в обмене военнопленными между Москвой и Киевом."),
    ("ru", "Турция участвовала в обмене пленными между Россией и Украиной."),
])
def test_taking_part_in_another_act_is_no_meeting(language, text):
    assert not _events(text, language, "CONSULT")


@pytest.mark.parametrize("language,text,pair", [
    ("en", "Qatar took part in the summit of Gulf states with Saudi Arabia.", ("QAT", "SAU")),
    ("es", "Catar participó en el intercambio de opiniones con Arabia Saudita.", ("QAT", "SAU")),
    ("ru", "Президент Казахстана принял участие в саммите с Китаем.", ("KAZ", "CHN")),
])
def test_taking_part_in_a_meeting_stays(language, text, pair):
    found = _events(text, language, "CONSULT")
    assert pair in found or pair[::-1] in found


@pytest.mark.parametrize("language,text", [
    ("en", "The Foreign Minister of Spain will visit Morocco next week. Mauritania and Senegal could also be included "
           "in the trip of the Spanish minister to Morocco, whose agenda is not yet closed."),
    ("es", "El ministro de Asuntos Exteriores de España visitará Marruecos la próxima semana. Además de Marruecos, en "
           "la agenda del viaje del ministro español a Marruecos podrían incluirse otros países."),
    ("ru", "Министр иностранных дел Испании посетит Марокко на следующей неделе. Визит испанского министра в Марокко "
           "может продлиться три дня."),
])
def test_a_trip_only_possible_is_the_trip_planned(language, text):
    assert _events(text, language, "CONSULT").count(("ESP", "MAR")) == 1

