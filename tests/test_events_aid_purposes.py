"""Aid named with what it is for (`events/purposes.py`, `events/frame_roles.py`): help named as the purpose of a
delivery ("sent 20 tonnes of aid to support the flood victims in X", "para asistir a los damnificados", "чтобы
поддержать пострадавших") is the giver's AID, no praise (SUPPORT) nor attendance (CONSULT, "asistir a") of its
own; a load of aid that arrives is no visit, and where the sentence names only where it came from ("llegó un
cargamento de ayuda procedente de X") the origin gives and the side the text is about receives."""
from __future__ import annotations

import pytest
from event_readers import triples


@pytest.mark.parametrize("text, giver, receiver", [
    ("Turkey has flown 60 tonnes of tents and blankets to support the families left homeless by the floods in Libya.",
     "TUR", "LBY"),
    ("Chile envió 25 toneladas de ayuda humanitaria para apoyar a las familias afectadas por los incendios en Bolivia.",
     "CHL", "BOL"),
    ("Казахстан направил 40 тонн гуманитарной помощи, чтобы поддержать пострадавших от наводнения в Киргизии.",
     "KAZ", "KGZ"),
])
def test_help_named_as_the_purpose_of_aid_is_the_aid(text, giver, receiver):
    events = triples(text)
    assert ("AID", giver, receiver) in events
    assert not {e for e in events if e[0] in ("SUPPORT", "CONSULT")}, events


def test_assisting_people_with_a_cargo_of_aid_is_no_attendance():
    events = triples("Un barco de la Armada de Colombia llegó a Haití con un cargamento de víveres para asistir "
                     "a los haitianos afectados por el terremoto.")
    assert ("AID", "COL", "HTI") in events
    assert not {e for e in events if e[0] == "CONSULT"}, events


@pytest.mark.parametrize("text", [
    "Japan agreed to support the Philippine bid for a seat on the council.",
    "España se comprometió a apoyar la candidatura de Chile.",
    "Россия готова поддержать инициативу Казахстана.",
])
def test_support_without_aid_stays_support(text):
    assert {e[0] for e in triples(text)} & {"SUPPORT", "AGREE"}, triples(text)


@pytest.mark.parametrize("text, giver, receiver", [
    ("Venezuela agradeció la solidaridad de la región tras el huracán. En la noche del martes llegó una carga de doce "
     "toneladas de ayuda humanitaria procedente de Uruguay.", "URY", "VEN"),
    ("Este martes llegó a Caracas una carga de doce toneladas de alimentos procedente de Uruguay.", "URY", "VEN"),
    ("Куба восстанавливается после урагана. Во вторник прибыл груз гуманитарной помощи из Мексики.", "MEX", "CUB"),
])
def test_a_load_of_aid_from_a_country_is_its_aid_to_the_country_in_question(text, giver, receiver):
    events = triples(text)
    assert ("AID", giver, receiver) in events
    assert not {e for e in events if e[0] == "CONSULT"}, events
