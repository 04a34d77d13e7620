"""Actor codes: organisations never collide with countries, each has its CAMEO actor code, and what a user types
(a code in any case, a country name in English, Spanish or Russian) resolves to the code meant."""
from __future__ import annotations

import re

import pytest

from communique.actors.codes import (
    actor_code,
    countries,
    country_alpha2,
    nearest_codes,
    organisations,
    resolve_actor,
)
from communique.datafiles import load_data


def test_no_organisation_code_equals_a_country_code():
    orgs = {org["code"] for org in load_data("orgs.toml")["org"]}
    assert not orgs & set(countries()), "an organisation code is a country's ISO 3166 alpha-3 code"
    assert not orgs & country_alpha2(), "an organisation code is a country's ISO 3166 alpha-2 code"
    assert actor_code("CAN").name == "Canada" and actor_code("ANDEAN").name == "Andean Community"


def test_every_organisation_has_a_cameo_actor_code():
    for code, org in organisations().items():
        if org.type_code == "IGO":
            assert re.fullmatch(r"IGO[A-Z0-9]{3,12}", org.cameo) and org.country is None, code
            if org.known_group:
                assert org.cameo.endswith(org.known_group) and len(org.known_group) == 3, code
        elif org.country is None:           # an NGO or an armed group of no one country: NGO/IMG and its group
            assert re.fullmatch(r"(NGO|IMG)[A-Z]{3}", org.cameo) and org.type_code in ("NGO", "REB"), code
        else:                               # a national body: its country, and a CAMEO role where stable
            assert org.country in countries() and org.cameo.startswith(org.country), code
    assert (actor_code("UN").cameo, actor_code("UN").known_group) == ("IGOUNO", "UNO")
    assert (actor_code("EU").cameo, actor_code("OSCE").cameo, actor_code("WB").cameo) == (
        "IGOEEC", "IGOSCE", "IGOUNOWBK")
    assert (actor_code("CIA").cameo, actor_code("CIA").country, actor_code("CIA").type_code) == ("USASPY", "USA", "SPY")
    assert actor_code("OSCE").name == "Organization for Security and Co-operation in Europe"   # the first entry's


@pytest.mark.parametrize("typed, code", [
    ("KAZ", "KAZ"), ("kaz", "KAZ"), ("Kazakhstan", "KAZ"), ("Kazajistán", "KAZ"), ("Казахстан", "KAZ"),
    ("Argentina", "ARG"), ("Аргентина", "ARG"), ("canada", "CAN"), ("European Union", "EU"), ("eu", "EU"),
    ("Unión Europea", "EU"), ("Россия", "RUS"),
])
def test_a_code_in_any_case_or_a_name_in_any_language_resolves(typed, code):
    assert resolve_actor(typed) == code


def test_a_mistyped_code_resolves_to_nothing_and_gets_suggestions():
    assert resolve_actor("ARGG") is None and resolve_actor("Atlantis") is None
    assert nearest_codes("ARGG")[0] == "ARG"
