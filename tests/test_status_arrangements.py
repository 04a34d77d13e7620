"""An arrangement told by a copula or auxiliary with an infinitive is still to come (`events/status.py`, `_be_to`;
``[status] planned_be_to`` per language): "are to hold talks and sign", "han de celebrar conversaciones"; Russian
says it with a future or "предстоит" (a planned word already). A past act, an auxiliary of the perfect, stays done;
a copula whose subject names a purpose (``[status] purpose_subjects``: "the aim of the agreement is to boost") says
what an act is for (Spanish "el objetivo es impulsar" has no "haber de"; Russian uses a dash, no copula verb)."""
from __future__ import annotations

import pytest
from event_readers import events_of


@pytest.mark.parametrize("text", [
    "During the visit, the foreign ministers of China and Mongolia are to hold official talks and sign an economic "
    "cooperation agreement.",
    "Durante la visita, los cancilleres de China y Mongolia han de celebrar conversaciones oficiales y firmar un "
    "acuerdo de cooperación económica.",
    "В ходе визита министры иностранных дел Китая и Монголии проведут официальные переговоры и подпишут соглашение "
    "об экономическом сотрудничестве.",
])
def test_an_arrangement_is_planned(text):
    found = {(e["type"], e["status"]) for e in events_of(text, {"CONSULT", "AGREE"})}
    assert found == {("CONSULT", "planned"), ("AGREE", "planned")}


@pytest.mark.parametrize("text", [
    "Turkish President Erdogan is to visit Hungary for talks on gas supplies.",
    "El presidente turco, Erdogan, ha de visitar Hungría para conversar sobre el suministro de gas.",
    "Президент Турции Эрдоган посетит Венгрию для переговоров о поставках газа.",
])
def test_a_visit_arranged_is_planned(text):
    visits = events_of(text, "CONSULT")
    assert visits and all(e["status"] == "planned" for e in visits)


@pytest.mark.parametrize("text", [
    "After signing the agreement, the foreign ministers of China and Mongolia held talks in Beijing.",
    "Tras haber firmado el acuerdo, los cancilleres de China y Mongolia celebraron conversaciones en Pekín.",
    "Подписав соглашение, министры иностранных дел Китая и Монголии провели переговоры в Пекине.",
])
def test_an_act_done_stays_done(text):
    assert {e["status"] for e in events_of(text, "CONSULT")} == {"occurred"}


@pytest.mark.parametrize("text", [
    "Paraguay and Argentina signed a trade agreement on Monday. The aim of the agreement is to boost cooperation "
    "between Paraguay and Argentina.",
    "Paraguay y Argentina firmaron el lunes un acuerdo comercial. El objetivo del acuerdo es impulsar la cooperación "
    "entre Paraguay y Argentina.",
])
def test_a_purpose_told_by_a_copula_is_no_arrangement(text):
    assert {e["status"] for e in events_of(text, "COOPERATE")} == {"occurred"}
