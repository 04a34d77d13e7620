"""A side that calls another a name reproaches it (ACCUSE), whatever else the verb could mean: "llamó «racista» a
Rajoy" is no call on Rajoy to act (llamar's REQUEST frame took its "a" phrase), "called the premier a racist on
Tuesday" no call "on" someone (a date's "on" satisfied the REQUEST frame) (issue 15, twelfth swap). Sentences
written for these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text", [
    ("es", "El presidente de Venezuela llamó «racista» al presidente del Gobierno de España."),
    ("es", "El mandatario venezolano llamó mentiroso al canciller de España durante su programa."),
    ("en", "The Venezuelan president called the Spanish prime minister a racist on Tuesday."),
    ("en", "Venezuela's president called the Spanish government a liar on Monday."),
    ("ru", "Президент Венесуэлы назвал премьер-министра Испании расистом."),
])
def test_a_name_called_is_a_reproach_not_a_request(language, text):
    found = triples(code_events(text, language))
    assert ("ACCUSE", "VEN", "ESP") in found and not {t for t in found if t[0] == "REQUEST"}, found


@pytest.mark.parametrize("language, text, expected", [
    ("es", "Venezuela llamó a España a respetar su soberanía.", ("REQUEST", "VEN", "ESP")),
    ("es", "Venezuela llamó a consultas a su embajador en Madrid.", ("SANCTION", "VEN", "ESP")),
    ("en", "Venezuela called on Spain on Tuesday to respect its sovereignty.", ("REQUEST", "VEN", "ESP")),
])
def test_a_call_on_a_side_stays_a_request(language, text, expected):
    found = triples(code_events(text, language))
    assert expected in found, found
