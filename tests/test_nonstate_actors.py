"""Actors that are not a state's government: armed groups, NGOs, parties (``orgs.toml`` with a `type`) and a country's
forces and groups ("Israeli troops", "la policía serbia", "руандийские повстанцы": `institutions` of each language's
``actors.toml``), carried as the sector of entities and event actors, into the CAMEO actor codes of the exports and
into the PLOVER gold scoring."""
from __future__ import annotations

import pytest

from communique import extract
from communique.actors.codes import actor_code, actor_type, cameo_actor
from communique.evaluate import _plover_code, plover_pair_gold


def _events(text: str) -> list[tuple[str, str, str | None, str]]:
    record = extract(text, published="2004-05-10")
    return [(e["type"], e["source"]["code"], e["source"]["sector"], e["target"]["code"]) for e in record["events"]]


def _entities(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {e["name"]: (e["country"], e["sector"]) for e in extract(text, published="2004-05-10")["entities"]}


def test_organisation_types_and_their_cameo_codes():
    assert (actor_code("HAMAS").country, actor_type("HAMAS"), actor_code("HAMAS").cameo) == ("PSE", "REB", "PSEREB")
    assert (actor_code("AMNESTY").country, actor_type("AMNESTY"), actor_code("AMNESTY").cameo) == (None, "NGO", "NGOAMN")
    assert (actor_code("ALQAEDA").country, actor_code("ALQAEDA").cameo) == (None, "IMGREB")
    assert actor_type("UN") == "IGO" and actor_type("RUS") is None
    assert cameo_actor("ISR", "MIL") == "ISRMIL" and cameo_actor("SRB", "COP") == "SRBCOP"
    assert cameo_actor("ISR") == "ISR" and cameo_actor("HAMAS", "REB") == "PSEREB" and cameo_actor(None) == ""


@pytest.mark.parametrize("text, event", [
    ("Hamas threatened on Monday to resume attacks in Israel.", ("THREATEN", "HAMAS", "REB", "ISR")),
    ("Amnesty International accused the United States of violating human rights.",
     ("ACCUSE", "AMNESTY", "NGO", "USA")),
    ("Israeli troops shot dead two Palestinians in the Gaza Strip on Monday.", ("ASSAULT", "ISR", "MIL", "PSE")),
    ("El grupo palestino Hamás amenazó con reanudar los ataques contra Israel.", ("THREATEN", "HAMAS", "REB", "ISR")),
    ("Las tropas israelíes atacaron a los palestinos en la Franja de Gaza.", ("ASSAULT", "ISR", "MIL", "PSE")),
    ("Amnistía Internacional acusó a Estados Unidos de violar los derechos humanos.",
     ("ACCUSE", "AMNESTY", "NGO", "USA")),
    ("Движение ХАМАС пригрозило возобновить нападения на Израиль.", ("THREATEN", "HAMAS", "REB", "ISR")),
    ("Израильские военные нанесли удар по Ливану.", ("ASSAULT", "ISR", "MIL", "LBN")),
    ("Международная амнистия обвинила США в нарушении прав человека.", ("ACCUSE", "AMNESTY", "NGO", "USA")),
])
def test_non_state_actors_act_with_their_type(text, event):
    assert event in _events(text)


@pytest.mark.parametrize("text, event", [
    ("The IRA killed two British soldiers in Belfast on Monday.", ("ASSAULT", "IRA", "REB", "GBR")),
    ("ETA killed a Spanish policeman with a car bomb.", ("ASSAULT", "ETA", "REB", "ESP")),
    ("The Sandinistas accused the United States of arming the rebels.", ("ACCUSE", "FSLN-NIC", "PTY", "USA")),
    ("El IRA mató a dos soldados británicos en Belfast.", ("ASSAULT", "IRA", "REB", "GBR")),
    ("Los sandinistas acusaron a Estados Unidos de armar a los rebeldes.", ("ACCUSE", "FSLN-NIC", "PTY", "USA")),
    ("Боевики ИРА убили двух британских солдат в Белфасте.", ("ASSAULT", "IRA", "REB", "GBR")),
])
def test_armed_groups_and_movements_named_by_acronym_or_plural_are_no_state(text, event):
    assert event in _events(text)


def test_an_acronym_is_no_country_name_with_its_accent_dropped():
    codes = {e["code"] for e in extract("The IRA claimed the attack.", published="2004-05-10")["entities"]}
    assert "IRN" not in codes               # "IRA" is not the Portuguese "Irã" (Iran) written in capitals


@pytest.mark.parametrize("text, name, country, sector", [
    ("Serbian police detained two Albanian citizens near the border.", "Police of Serbia", "SRB", "COP"),
    ("Ivory Coast rebels rejected a Senegalese peace plan on Friday.", "Rebels of Ivory Coast", "CIV", "REB"),
    ("La policía serbia detuvo a dos ciudadanos albaneses en la frontera.", "Police of Serbia", "SRB", "COP"),
    ("Los rebeldes ruandeses rechazaron el plan de paz.", "Rebels of Rwanda", "RWA", "REB"),
    ("Сербская полиция задержала двух граждан Албании на границе.", "Police of Serbia", "SRB", "COP"),
    ("Руандийские повстанцы отвергли мирный план.", "Rebels of Rwanda", "RWA", "REB"),
    ("The Taliban attacked a police post.", "Taliban", "AFG", "INS"),
])
def test_a_countrys_forces_and_groups_are_its_actors_with_a_sector(text, name, country, sector):
    assert _entities(text).get(name) == (country, sector)


def test_plover_gold_reads_ngo_as_an_organisation_and_stateless_armed_groups_as_img():
    organisations = {"HAMAS": "PSE", "AMNESTY": None, "ALQAEDA": None, "UN": None}
    assert [_plover_code(c, organisations) for c in ("HAMAS", "AMNESTY", "ALQAEDA", "UN", "USA")] == [
        "PSE", "IGO", "IMG", "IGO", "USA"]
    row = {"events": [{"plover": "DISAPPROVE", "source": [{"code": "NGO"}], "target": [{"code": "HRV"}]}]}
    assert plover_pair_gold(row) == {"type": "ACCUSE", "sources": {"IGO"}, "targets": {"HRV"}}
    row = {"events": [{"plover": "CONSULT", "source": [{"code": "RUS"}], "target": [{"code": "JAP"}]}]}
    assert plover_pair_gold(row)["targets"] == {"JPN"}          # the GSR's legacy code for Japan
