"""Acts the text does not state as happening: a hope voiced that another side will do something asks nothing of
it (no REQUEST), an act in a clause its doer denies is no event, and a negated copular predicate denies what is
said of its subject, not the act the subject names ("our solidarity is not a slogan")."""
from __future__ import annotations

import pytest

from event_readers import events_of, triples


@pytest.mark.parametrize("language,text", [
    ("en", "The Russian Foreign Ministry expressed hope that Latvia would reconsider its unfriendly decision."),
    ("es", "La Cancillería rusa expresó la esperanza de que Letonia reconsidere su decisión hostil."),
    ("ru", "Российский МИД выразил надежду, что в Риге пересмотрят свое недружественное решение."),
])
def test_a_hope_that_another_side_acts_is_no_request(language, text):
    assert not events_of(text, "REQUEST")


def test_a_hope_for_something_given_stays_a_request():
    text = "Министр иностранных дел России выразил надежду на поддержку Индии в Совете Безопасности."
    assert ("REQUEST", "RUS", "IND") in triples(text)


@pytest.mark.parametrize("language,text", [
    ("en", "The Foreign Ministry of Armenia denied reports that it had handed a protest note to Georgia."),
    ("en", "Serbia denied that its president had met the Prime Minister of Kosovo in Brussels."),
    ("es", "El Ministerio de Exteriores de Armenia desmintió que hubiera entregado una nota de protesta a Georgia."),
    ("es", "La Cancillería de Uruguay negó que el canciller se hubiera reunido con el embajador de Venezuela."),
    ("ru", "МИД Армении опроверг сообщения о том, что вручил ноту протеста Грузии."),
    ("ru", "Пресс-секретарь президента Сербии опроверг информацию о том, что он встретился с премьером Косова."),
])
def test_an_act_in_a_denied_clause_is_no_event(language, text):
    assert not events_of(text, {"ACCUSE", "PROTEST", "CONSULT"})


@pytest.mark.parametrize("language,text,triple", [
    ("en", "Armenia denied the reports and summoned the ambassador of Georgia.", ("COERCE", "ARM", "GEO")),
    ("es", "Armenia desmintió las informaciones y convocó al embajador de Georgia.", ("COERCE", "ARM", "GEO")),
    ("ru", "Армения опровергла эти сообщения и вызвала посла Грузии.", ("COERCE", "ARM", "GEO")),
])
def test_an_act_beside_a_denial_stays(language, text, triple):
    found = triples(text)
    assert any(t[1:] == triple[1:] for t in found), found


@pytest.mark.parametrize("language,text", [
    ("en", "\"Our solidarity with Moldova is not a slogan but a daily commitment,\" the EU commissioner said."),
    ("es", "«Nuestra solidaridad con Moldavia no es un eslogan, sino un compromiso diario», dijo la comisaria de la UE."),
    ("ru", "«Наша солидарность с Молдавией — это не лозунг, а ежедневная работа», — заявила еврокомиссар ЕС."),
])
def test_a_negated_predicate_does_not_deny_its_subjects_act(language, text):
    found = [e for e in events_of(text, "SUPPORT") if (e["source"]["code"], e["target"]["code"]) == ("EU", "MDA")]
    assert found and all(e["status"] != "negated" for e in found)


@pytest.mark.parametrize("language,text", [
    ("en", "This is not a sanction against Venezuela, the Colombian foreign minister said."),
    ("es", "No se trata de una sanción contra Venezuela, dijo el canciller de Colombia."),
    ("ru", "Это не санкции против Венесуэлы, заявил министр иностранных дел Колумбии."),
])
def test_a_negated_predicate_act_stays_denied(language, text):
    assert all(e["status"] == "negated" for e in events_of(text, "SANCTION"))


@pytest.mark.parametrize("language,text", [
    ("en", "The government of Canada will not disclose the delivery schedule at the request of Ukrainian officials."),
    ("es", "El Gobierno de Canadá no revelará el calendario de entregas a petición de las autoridades ucranianas."),
    ("ru", "Правительство Канады по просьбе украинских властей не раскрывает график поставок."),
])
def test_a_request_a_denied_act_was_done_at_stays_made(language, text):
    requests = [e for e in events_of(text, "REQUEST")
                if {e["source"]["code"], e["target"]["code"]} == {"UKR", "CAN"}]
    assert requests and all(e["status"] == "occurred" for e in requests)


@pytest.mark.parametrize("language,text", [
    ("en", "Estonia has decided to expel two diplomats of the Belarusian embassy in Tallinn."),
    ("es", "Estonia ha decidido expulsar a dos diplomáticos de la embajada de Bielorrusia en Tallin."),
    ("ru", "Эстония решила выслать двух дипломатов посольства Белоруссии в Таллине."),
])
def test_an_act_decided_is_taken(language, text):
    expulsions = [e for e in events_of(text, "SANCTION") if (e["source"]["code"], e["target"]["code"]) == ("EST", "BLR")]
    assert expulsions and all(e["status"] == "occurred" for e in expulsions)
