"""Further events of a pair already found: words or measures two sides traded ("exchanged accusations", "el
intercambio de acusaciones", "обмен обвинениями", "recalled their respective ambassadors", "взаимно отозвали") are
one event each way, also where the sentence names neither side and the text is about the two; a clash stays one
event of both (`events/merge.py`, `events/discourse.pair_act`). A response promised to an act the text names
("will respond to the expulsion") threatens that act's doer (`events/frame_roles.answers_named`)."""
from __future__ import annotations

import pytest
from event_readers import directions


@pytest.mark.parametrize("text", [
    "Peru and Chile exchanged accusations on Monday over the fishing dispute.",
    "Perú y Chile intercambiaron acusaciones el lunes por la disputa pesquera.",
    "Перу и Чили обменялись обвинениями в понедельник из-за спора о рыболовстве.",
])
def test_accusations_exchanged_by_two_named_sides_go_both_ways(text):
    assert directions(text, "ACCUSE") == {("PER", "CHL"), ("CHL", "PER")}


@pytest.mark.parametrize("text", [
    "Relations between Peru and Chile are tense. The exchange of accusations continued on Monday.",
    "Las relaciones entre Perú y Chile son tensas. El lunes continuó el intercambio de acusaciones.",
    "Отношения Перу и Чили остаются напряжёнными после обмена обвинениями в понедельник.",
])
def test_an_exchange_of_accusations_is_each_side_accusing_the_other(text):
    assert directions(text, "ACCUSE") == {("PER", "CHL"), ("CHL", "PER")}


@pytest.mark.parametrize("text", [
    "Clashes broke out between Thailand and Cambodia on Thursday.",
    "El jueves se produjeron enfrentamientos entre Tailandia y Camboya.",
    "В четверг произошло столкновение между Таиландом и Камбоджей.",
])
def test_clashes_between_two_sides_stay_one_event_of_both(text):
    assert len(directions(text, "ASSAULT")) == 1                 # fighting is one event; words are traded


@pytest.mark.parametrize("text", [
    "Peru accused Chile on Monday of violating the fishing agreement.",
    "Perú acusó el lunes a Chile de violar el acuerdo pesquero.",
    "Перу в понедельник обвинило Чили в нарушении соглашения о рыболовстве.",
])
def test_a_one_sided_accusation_stays_one_way(text):
    assert directions(text, "ACCUSE") == {("PER", "CHL")}


@pytest.mark.parametrize("text", [
    "Peru and Chile held talks on Monday on the fishing dispute.",
    "Perú y Chile sostuvieron conversaciones el lunes sobre la disputa pesquera.",
    "Перу и Чили провели переговоры в понедельник о споре по рыболовству.",
])
def test_talks_between_two_sides_stay_one_event(text):
    assert len(directions(text, "CONSULT")) == 1


# --- each side's own envoys: "respective", "respectivos", "взаимно" --------------------------------------------

@pytest.mark.parametrize("text", [
    "Peru and Chile recalled their respective ambassadors on Monday.",
    "Perú y Chile llamaron a consultas a sus respectivos embajadores el lunes.",
    "Перу и Чили взаимно отозвали послов в понедельник.",
    "Relations between Peru and Chile are tense. The recall of the respective ambassadors followed on Monday.",
    "Las relaciones entre Perú y Chile son tensas. El lunes se produjo la llamada a consultas de los respectivos "
    "embajadores.",
    "Отношения Перу и Чили обострились. В понедельник последовал отзыв соответствующих послов.",
])
def test_recalling_the_respective_envoys_is_each_sides_recall(text):
    assert directions(text, "SANCTION") == {("PER", "CHL"), ("CHL", "PER")}


@pytest.mark.parametrize("text", [
    "Peru recalled its ambassador from Chile on Monday.",
    "Perú llamó a consultas a su embajador en Chile el lunes.",
    "Перу в понедельник отозвало своего посла из Чили.",
])
def test_one_sides_recall_stays_one_way(text):
    assert directions(text, "SANCTION") == {("PER", "CHL")}


# --- a response promised to an act named, not to an actor: the act's doer found before ---------------------------

@pytest.mark.parametrize("text", [
    "Poland expelled 40 Russian diplomats on Monday. Russia will respond to the expulsion in kind, the ambassador said.",
    "Polonia expulsó a 40 diplomáticos rusos el lunes. Rusia responderá a la expulsión de forma recíproca, dijo el "
    "embajador.",
    "Польша в понедельник выслала 40 российских дипломатов. Посол заявил, что Россия ответит на высылку по принципу "
    "взаимности.",
])
def test_a_response_promised_to_a_named_act_threatens_its_doer(text):
    assert directions(text, "SANCTION") == {("POL", "RUS")}
    assert directions(text, "THREATEN") == {("RUS", "POL")}


@pytest.mark.parametrize("text", [
    "The EU imposed sanctions on Iranian officials. Iran reserves the right to respond to this EU move, the "
    "spokesman said.",
    "La UE impuso sanciones a funcionarios iraníes. Irán se reserva el derecho de responder a esta medida de la UE, "
    "dijo el portavoz.",
    "ЕС ввел санкции против иранских чиновников. Иран оставляет за собой право ответить на этот шаг ЕС, заявил "
    "представитель МИД.",
])
def test_a_right_to_respond_claimed_threatens(text):
    assert directions(text, "THREATEN") == {("IRN", "EU")}


@pytest.mark.parametrize("text", [
    "Poland expelled 40 Russian diplomats on Monday. Russia responded to the expulsion last week.",
    "Iran said it would respond firmly to any attempts to question its nuclear programme.",
    "Irán dijo que respondería con firmeza a cualquier intento de cuestionar su programa nuclear.",
    "Иран заявил, что будет твердо отвечать на любые попытки поставить под сомнение его ядерную программу.",
])
def test_no_threat_from_a_past_response_or_one_to_no_act(text):
    assert directions(text, "THREATEN") == set()
