"""Measures taken are no guest received, no offer accepted and, not taken, no refusal (issue 15, the pair with the
wrong type): Russian "принять/принимать меры" is "take measures", a sense of the verb that names no act of its own
(a NONE frame in data/lang/ru/events.toml); the measures' own words say what they are ("ответные меры"). English
and Spanish take measures with verbs that name no act ("take", "tomar"): the same sentences state no refusal
there either. Guests received, offers refused and participation keep their frames. Sentences written for these
tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text", [
    ("ru", "Ограничения введены потому, что Казахстан не принял меры по обеспечению безопасности зерна, "
           "вывозимого в Россию."),
    ("ru", "Москва принимает аналогичные меры в отношении сотрудника посольства Молдавии в Москве."),
    ("en", "The restrictions were imposed because Kazakhstan did not take measures to ensure the safety of grain "
           "exported to Russia."),
    ("es", "Las restricciones se impusieron porque Kazajistán no tomó medidas para garantizar la seguridad del "
           "grano exportado a Rusia."),
])
def test_measures_taken_or_not_are_no_refusal_nor_hosting(language, text):
    found = triples(code_events(text, language))
    assert not {t for t in found if t[0] in ("REJECT", "CONSULT", "AGREE")}, found


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "Президент России Владимир Путин принял в Кремле президента Казахстана.", ("CONSULT", "KAZ", "RUS")),
    ("ru", "Россия не приняла предложение Украины о перемирии.", ("REJECT", "RUS", "UKR")),
    ("ru", "Министр иностранных дел Молдавии заявил, что Кишинев примет ответные меры против России.",
     ("THREATEN", "MDA", "RUS")),
])
def test_guests_offers_and_responses_keep_their_frames(language, text, expected):
    assert expected in triples(code_events(text, language))
