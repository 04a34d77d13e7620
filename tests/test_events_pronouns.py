"""Actors outside the sentence that a word inside it points to: an object pronoun ("lo respaldó", "apoyarla", written
on the verb or on its own), a generic office ("el ministro") when one person named before holds such an office, and
a parse that takes a source for an object ("los ataques recibidos de X" is no visit received). Real models parse each
text; entities come from the real `entities` stage."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("text,expected", [
    # the verb's lemma with the pronoun written on it ("respaldar él") is still the verb's
    ("Bolivia pidió apoyo a Uruguay en la OEA. El gobierno uruguayo decidió respaldarlo sin demora.",
     ("SUPPORT", "URY", "BOL")),
    # (promised: offered, an AGREE)
    ("Paraguay solicitó ayuda tras las inundaciones. Horas después, el canciller argentino prometió apoyarlo.",
     ("AGREE", "ARG", "PRY")),
    # a pronoun object on its own, its actor named in the sentence before
    ("Ecuador presentó una queja formal contra Colombia. El gobierno venezolano la respaldó el jueves.",
     ("SUPPORT", "VEN", "ECU")),
    ("Honduras expulsó a dos diplomáticos nicaragüenses. El presidente de Nicaragua lo acusó de mentir.",
     ("ACCUSE", "NIC", "HND")),
])
def test_a_pronoun_object_is_the_actor_named_before(text, expected):
    assert expected in triples(code_events(text, "es"))


@pytest.mark.parametrize("text,unexpected", [
    # a pronoun for a text signed is no party: a signing takes its sides from its own sentence
    ("Perú y Chile negociaron un tratado de límites. Bolivia lo firmó meses después.", ("AGREE", "BOL", "PER")),
])
def test_a_pronoun_for_a_thing_is_no_party(text, unexpected):
    assert unexpected not in triples(code_events(text, "es"))


def test_an_object_under_its_own_preposition_is_no_guest():
    """"las críticas que han recibido de Israel": a source the parser hung as an object, not a visitor received."""
    found = triples(code_events(
        'Los dos gobiernos darán una respuesta "firme" a las "críticas" que han recibido de Turquía por su decisión, '
        "anunció el canciller de Grecia, Nikos Dendias.", "es"))
    assert not any(t[0] == "CONSULT" for t in found), found


@pytest.mark.parametrize("language,text,expected", [
    ("es", "Al aeropuerto acudieron el director de la agencia, Juan Pérez; la embajadora de Japón en Chile, Aiko "
           "Tanaka; y el canciller chileno, Pedro Soto.\n"
           '"Es un gesto notable", agregó el ministro, quien también elogió la asistencia técnica de Canadá.',
     ("AID", "CAN", "CHL")),
    ("en", "The plane was met by the agency's director, John Perry; the Japanese ambassador, Aiko Tanaka; and the "
           "Chilean foreign minister, Pedro Soto.\n"
           '"This is a remarkable gesture," the minister said, praising the technical assistance of Canada.',
     ("AID", "CAN", "CHL")),
])
def test_the_minister_is_the_one_minister_named_before(language, text, expected):
    """"el ministro" after a director, an ambassador and a foreign minister were named: the foreign minister, whose
    country receives the help he praises."""
    assert expected in triples(code_events(text, language))


@pytest.mark.parametrize("language,text,expected", [
    ("es", "Uruguay anunció la apertura de una embajada en Indonesia.", ("COOPERATE", "URY", "IDN")),
    ("en", "Uruguay announced the opening of an embassy in Indonesia.", ("COOPERATE", "URY", "IDN")),
    ("ru", "Уругвай объявил об открытии посольства в Индонезии.", ("COOPERATE", "URY", "IDN")),
])
def test_an_embassy_in_a_country_is_not_that_countrys(language, text, expected):
    """"una embajada en Indonesia": the country after "en"/"in"/"в" is where the embassy is, not whose it is; the
    one opening it is the subject."""
    events = code_events(text, language).events
    assert any((e.type, e.source.code, e.target.code) == expected for e in events), events
    assert not any(e.source.code == expected[2] for e in events), events
