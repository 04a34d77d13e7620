"""Stage `events`, issue 15's event-word side: acts whose doer stands outside the trigger's own phrase (aid carried
by a vehicle or received from a giver), in each language, on realistic sentences parsed by the real models."""
from __future__ import annotations

import pytest
from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text", [
    ("en", "On Tuesday the first Mexican Air Force plane arrived in Chile with 11 tonnes of humanitarian aid sent by "
           "Mexico for the victims of the fires."),
    ("es", "Este martes llegó a Chile el primer avión con ayuda humanitaria enviado por México, que trae 11 toneladas "
           "de alimentos para los damnificados."),
    ("ru", "Во вторник в Чили прибыл самолет из Мексики с гуманитарной помощью для пострадавших от пожаров."),
])
def test_a_vehicle_arriving_with_aid_is_the_senders_aid_not_a_visit(language, text):
    found = triples(code_events(text, language))
    assert ("AID", "MEX", "CHL") in found, found
    assert not [t for t in found if t[0] == "CONSULT"], found


@pytest.mark.parametrize("language, text", [
    ("en", "A French navy ship arrived in Lebanon on Monday."),
    ("es", "Un buque de la Armada francesa llegó el lunes al Líbano."),
    ("ru", "Во вторник в Ливан прибыл французский корабль."),
])
def test_a_vehicle_arriving_with_nothing_said_of_aid_is_no_visit(language, text):
    assert not code_events(text, language).events


@pytest.mark.parametrize("language, text", [
    ("en", "Chile received humanitarian aid from Mexico after the fires."),
    ("es", "El presidente chileno anunció que se recibirá ayuda humanitaria de México."),
    ("ru", "Чили получила гуманитарную помощь от Мексики после пожаров."),
])
def test_aid_received_from_a_giver_is_the_givers_aid_to_the_receiver(language, text):
    found = triples(code_events(text, language))
    assert ("AID", "MEX", "CHL") in found, found
    assert not [t for t in found if t[0] == "CONSULT"], found


@pytest.mark.parametrize("language, text, target", [
    ("en", "Israel refused to accept the Spanish proposal.", "ESP"),
    ("en", "Hungary declined to support Ukraine's bid.", "UKR"),
    ("es", "Venezuela se negó a aceptar la propuesta de Brasil.", "BRA"),
    ("ru", "Венгрия отказалась поддержать инициативу Украины.", "UKR"),
])
def test_a_refusal_is_aimed_at_whom_the_refused_act_concerns(language, text, target):
    found = triples(code_events(text, language))
    assert [t for t in found if t[0] == "REJECT" and t[2] == target], found


@pytest.mark.parametrize("language, text", [
    ("en", "A Kremlin spokesman declined to comment on the report about Ukraine."),
    ("es", "El Gobierno de Chile se negó a comentar la decisión de Perú."),
    ("ru", "Песков отказался комментировать заявление Украины."),
])
def test_declining_to_comment_refuses_no_one(language, text):
    assert not [e for e in code_events(text, language).events if e.type == "REJECT"]


@pytest.mark.parametrize("language, text", [
    ("en", "The United States voted against the UN resolution on Cuba."),
    ("es", "Estados Unidos votó en contra de la resolución de la ONU."),
    ("ru", "США проголосовали против резолюции ООН."),
])
def test_a_vote_against_a_resolution_rejects_its_body(language, text):
    # a preposition of several words ("en contra de") is read whole
    assert ("REJECT", "USA", "UN") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text, pair", [
    ("en", "The Kazakh foreign minister said there are no problems between Kazakhstan and Russia.", ("KAZ", "RUS")),
    ("es", "El canciller argentino dijo que no hay problemas graves entre Argentina y Chile.", ("ARG", "CHL")),
    ("ru", "Лавров заявил, что между Россией и Казахстаном нет проблем.", ("RUS", "KAZ")),
])
def test_one_side_denying_trouble_with_the_other_supports_it(language, text, pair):
    # requires_negated: only the denial is a statement of good terms, and only one of the sides makes it
    assert ("SUPPORT", *pair) in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "Analysts say there are no problems between Kazakhstan and Russia."),
    ("en", "The minister said the problems between Armenia and Azerbaijan remain."),
    ("es", "No hay problemas entre Chile y Perú, según los analistas."),
    ("ru", "Эксперты считают, что проблемы между Арменией и Азербайджаном остаются."),
])
def test_trouble_stated_or_denied_by_no_side_is_no_event(language, text):
    assert not [e for e in code_events(text, language).events if e.type == "SUPPORT"]


@pytest.mark.parametrize("language, text", [
    ("es", "Wang declaró que China y Kazajistán son socios de cooperación inseparables."),
    ("en", "Wang said China and Kazakhstan are inseparable partners."),
])
def test_an_adjective_hung_on_the_partners_bare_noun_still_qualifies_them(language, text):
    assert ("SUPPORT", "CHN", "KAZ") in triples(code_events(text, language))



@pytest.mark.parametrize("language, text", [
    ("es", "El ministro chileno alabó la asistencia tecnológica de Estados Unidos."),
    ("ru", "Министр Чили высоко оценил гуманитарную помощь США."),
])
def test_aid_praised_goes_from_its_giver_to_the_side_praising_it(language, text):
    # like thanks: "alabó la asistencia de X" states X's aid to the praiser's side, besides the praise
    found = triples(code_events(text, language))
    assert ("AID", "USA", "CHL") in found and ("SUPPORT", "CHL", "USA") in found, found


@pytest.mark.parametrize("language, text", [
    ("es", "La firma presidida por Ana Botín vio crecer sus ventas en el mercado de Estados Unidos y México."),
    ("es", "La firma española, con sede en Madrid, abrirá una fábrica en Marruecos."),
])
def test_a_signing_noun_naming_nothing_signed_is_a_company(language, text):
    # "firma" is also a company: the signing reading needs what is signed ("la firma del acuerdo")
    assert not [e for e in code_events(text, language).events if e.type == "AGREE"]


@pytest.mark.parametrize("language, text", [
    ("es", "Tras la firma del acuerdo entre Kazajistán y Chile, los cancilleres hablaron con la prensa."),
    ("en", "After the signing of the agreement between Kazakhstan and Chile, the ministers spoke to the press."),
    ("ru", "После подписания соглашения между Казахстаном и Чили министры выступили перед прессой."),
])
def test_the_signing_of_a_named_agreement_is_agreed_by_the_pair(language, text):
    assert ("AGREE", "KAZ", "CHL") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("es", "El presidente de Chile se reunió con su homólogo de Perú en Santiago, después de la ceremonia de firma de "
           "una decena de textos."),
    ("es", "Los ministros de Perú y Chile hablaron con la prensa al término del acto de firma de un paquete de "
           "instrumentos jurídicos."),
])
def test_the_signing_of_things_the_parser_hung_on_the_ceremony_is_a_signing(language, text):
    # "la ceremonia de firma de X": the parser hangs "de X" on the ceremony; right after "firma" it is what is signed
    assert ("AGREE", "PER", "CHL") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "Iran and Saudi Arabia agreed to restore diplomatic relations after mediation by China."),
    ("es", "Irán y Arabia Saudí acordaron restablecer relaciones diplomáticas tras la mediación de China."),
    ("ru", "Иран и Саудовская Аравия договорились восстановить дипломатические отношения при посредничестве Китая."),
])
def test_a_mediator_consults_each_side_it_mediates_between(language, text):
    found = triples(code_events(text, language))
    assert ("CONSULT", "CHN", "IRN") in found and ("CONSULT", "CHN", "SAU") in found, found


@pytest.mark.parametrize("language, text", [
    ("en", "Ethiopia said Egypt only pretended to negotiate with Addis Ababa for years."),
    ("es", "Según Addis Abeba, Egipto fingió negociar con Etiopía durante años."),
    ("ru", "Эфиопия заявила, что Египет лишь имитировал переговоры с Эфиопией."),
])
def test_a_feigned_act_is_no_act(language, text):
    assert not [e for e in code_events(text, language).events if e.type == "CONSULT"]


@pytest.mark.parametrize("language, text", [
    ("en", "Colombia and Mexico suspended imports of Venezuelan oil, and Caracas rejected the move from the outset."),
    ("es", "Colombia y México suspendieron las importaciones de petróleo de Venezuela, y Caracas rechazó desde el "
           "primer momento la medida."),
    ("es", "Colombia y México suspendieron las importaciones de petróleo de Venezuela pese a la protesta del Gobierno "
           "venezolano que rechazó desde el principio la medida."),
    ("ru", "Колумбия и Мексика приостановили импорт венесуэльской нефти, что вызвало протест Венесуэлы, которая "
           "отвергла это решение."),
])
def test_rejecting_the_measure_of_the_main_clause_is_aimed_at_each_of_its_doers(language, text):
    # "the move" points back to the act the sentence stated first: its subjects, all of them, are the target
    found = triples(code_events(text, language))
    assert ("REJECT", "VEN", "COL") in found and ("REJECT", "VEN", "MEX") in found, found


@pytest.mark.parametrize("language, text", [
    ("en", "The Arab League condemned Israel's strikes on southern Lebanon."),
    ("es", "Wang Yi, miembro del Buró Político del Partido Comunista de China, celebró un diálogo estratégico en Almaty "
           "con el canciller de Kazajistán."),
])
def test_a_sport_word_inside_a_name_does_not_make_the_sentence_sport(language, text):
    # "Partido Comunista", "Arab League": names, not a match or a league
    assert code_events(text, language).events


@pytest.mark.parametrize("language, text", [
    ("en", "Egypt criticised Ethiopia after the opening of the Grand Renaissance Dam on the Blue Nile."),
    ("es", "Egipto criticó a Etiopía tras la inauguración en septiembre de la gran presa sobre el Nilo Azul."),
    ("ru", "Египет раскритиковал Эфиопию после открытия плотины на Голубом Ниле."),
])
def test_opening_something_that_is_no_mission_is_no_cooperation(language, text):
    assert not [e for e in code_events(text, language).events if e.type == "COOPERATE"]


@pytest.mark.parametrize("language, text", [
    ("en", "Egypt welcomed the opening of the new building of the Ethiopian Embassy in Cairo."),
    ("es", "Los cancilleres asistieron a la inauguración en Lima de la nueva sede de la Embajada de Chile en Perú."),
    ("ru", "Египет приветствовал открытие посольства Эфиопии в Каире."),
])
def test_opening_a_mission_is_still_cooperation(language, text):
    assert [e for e in code_events(text, language).events if e.type == "COOPERATE"]


@pytest.mark.parametrize("language, text", [
    ("en", "The minister expressed on behalf of the Government of Chile his gratitude to Mexico for the aid."),
    ("es", "El canciller expresó en nombre del Gobierno de Chile el agradecimiento por el envío de la ayuda por parte "
           "de México."),
    ("ru", "Министр от имени правительства Чили выразил благодарность Мексике за помощь."),
])
def test_who_acts_in_the_name_of_a_side_acts_for_it(language, text):
    assert ("SUPPORT", "CHL", "MEX") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "On Sunday Chile delivered a note verbale to the Peruvian prime minister announcing the decision."),
    ("en", "Chile handed a diplomatic note to the Peruvian ambassador."),
    ("es", "Chile había entregado el domingo una nota verbal al primer ministro de Perú para anunciarle la decisión."),
    ("ru", "В воскресенье Чили вручила вербальную ноту премьер-министру Перу."),
])
def test_a_diplomatic_note_delivered_is_a_consultation_of_its_recipient(language, text):
    assert ("CONSULT", "CHL", "PER") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "Algeria shut its border with Morocco on Monday. The measure answers repeated provocations by Morocco, "
           "it said in a statement."),
    ("es", "Argelia cerró el lunes su frontera con Marruecos. La decisión se adoptó ante las reiteradas provocaciones "
           "de Marruecos, dijo en un comunicado."),
    ("ru", "Алжир заявил, что закрывает границу из-за постоянных провокаций Марокко."),
])
def test_provocations_named_by_a_speaker_accuse_their_author(language, text):
    # a speech verb with no subject of its own (or a pronoun): the speaker is the subject of the sentence before
    assert ("ACCUSE", "DZA", "MAR") in triples(code_events(text, language))


@pytest.mark.parametrize("language, text", [
    ("en", "Algeria accused Morocco of backing a separatist group last month. On Monday Algeria shut its border with "
           "Morocco. The measure answers repeated provocations by Morocco, it said in a statement."),
    ("es", "El mes pasado, Argelia acusó a Marruecos de respaldar a un grupo separatista. El lunes Argelia cerró su "
           "frontera con Marruecos. La decisión se adoptó ante las reiteradas provocaciones de Marruecos, dijo en un "
           "comunicado."),
])
def test_a_speakers_accusation_of_provocations_stays_apart_from_an_earlier_one(language, text):
    # two accusations of one pair about different things ([kinds.ACCUSE]): two events
    assert len([e for e in code_events(text, language).events if e.type == "ACCUSE"]) == 2
