"""A relative clause says what its antecedent does on its own terms (`events/arguments.py` `fill_target`): a trigger
in it that names no target takes none from the main clause ("Algeria, which supports the independence of the
Sahrawi people, answered France": no support of France), while a target inside the clause stays."""
from __future__ import annotations

import pytest
from event_readers import triples


@pytest.mark.parametrize("text, wrong", [
    ("Morocco, which supports the autonomy plan for the region, responded on Monday to the statement of Algeria.",
     ("SUPPORT", "MAR", "DZA")),
    ("Argelia, que apoya la independencia del pueblo saharaui, respondió ayer a la decisión de Francia.",
     ("SUPPORT", "DZA", "FRA")),
    ("Алжир, который поддерживает независимость сахарского народа, ответил во вторник на решение Франции.",
     ("SUPPORT", "DZA", "FRA")),
])
def test_a_relative_clause_takes_no_target_from_the_main_clause(text, wrong):
    assert wrong not in triples(text)


@pytest.mark.parametrize("text, pair", [
    ("Kazakhstan, which signed a trade agreement with Uzbekistan last year, will host the summit.", ("KAZ", "UZB")),
    ("México, que firmó un acuerdo comercial con Chile el año pasado, será la sede de la cumbre.", ("MEX", "CHL")),
])
def test_a_target_inside_the_relative_clause_stays(text, pair):
    assert ("AGREE", *pair) in triples(text)


@pytest.mark.parametrize("text, event", [
    ("Sánchez recibió al presidente de Chile, al que calificó de aliado fiable de España.", ("SUPPORT", "ESP", "CHL")),
    ("Лукашенко принял президента Венесуэлы, которого назвал надежным партнером Белоруссии.",
     ("SUPPORT", "BLR", "VEN")),
])
def test_a_relative_pronoun_as_object_leaves_its_antecedent_the_target(text, event):
    """Where the relative pronoun is the clause's object ("al que calificó", "которого назвал"), the antecedent outside
    the clause is what the clause's act is aimed at."""
    assert event in triples(text)
