"""Words a summons or a protest answers are an accusation by whoever said them (issue 15, twelfth swap, acts read the
wrong way round; `events/answered_words.py`): "China summoned the Japanese ambassador over his comments" states
China's reproach (CHN→JPN) and the Japanese words it answers (JPN→CHN)."""
from __future__ import annotations

import pytest
from event_readers import directions


@pytest.mark.parametrize("text, summoner, speaker", [
    ("Beijing summoned the Japanese ambassador on Monday over his remarks on the East China Sea.", "CHN", "JPN"),
    ("France will summon the Chinese ambassador over threats and insults against French lawmakers.", "FRA", "CHN"),
    ("El Ministerio de Exteriores de Argentina convocó al embajador de Chile para trasladarle su rechazo por las "
     "declaraciones del presidente chileno.", "ARG", "CHL"),
    ("МИД Польши вызвал посла России в связи с заявлениями российского министра иностранных дел.", "POL", "RUS"),
])
def test_the_words_a_summons_answers_accuse_the_summoner(text, summoner, speaker):
    pairs = directions(text, "ACCUSE")
    assert (summoner, speaker) in pairs
    assert (speaker, summoner) in pairs


@pytest.mark.parametrize("text, summoner, other", [
    ("Kyiv summoned the Hungarian ambassador over the detention of two Ukrainian citizens.", "UKR", "HUN"),
    ("Перу вызвала посла Чили в связи с задержанием перуанских рыбаков.", "PER", "CHL"),
])
def test_a_summons_over_deeds_states_no_words(text, summoner, other):
    pairs = directions(text, "ACCUSE")
    assert (summoner, other) in pairs
    assert (other, summoner) not in pairs


@pytest.mark.parametrize("text, answering, speaker", [
    ("Beijing summoned the Japanese ambassador over Japan's criticism of its military drills.", "CHN", "JPN"),
    ("Pekín convocó al embajador japonés por las críticas de Japón a sus maniobras.", "CHN", "JPN"),
    ("МИД КНР вызвал посла Японии в связи с критикой со стороны Токио.", "CHN", "JPN"),
])
def test_criticism_a_summons_answers_is_an_accusation_of_its_author(text, answering, speaker):
    # criticism and condemnation are words too ([roles] offending_words): "Japan's criticism" accuses China
    assert (speaker, answering) in directions(text, "ACCUSE")


@pytest.mark.parametrize("text, answering, speaker", [
    ("Morocco recalled its ambassador over the Algerian minister's claims about its banks.", "MAR", "DZA"),
    ("Marruecos llamó a consultas a su embajador por las declaraciones del ministro argelino.", "MAR", "DZA"),
    ("Марокко отозвало посла из Алжира из-за заявлений алжирского министра.", "MAR", "DZA"),
])
def test_the_words_an_envoy_recalled_answers_accuse_the_recalling_side(text, answering, speaker):
    # a recall or an expulsion of envoys answers words as a summons does: their author accused the other side
    assert (speaker, answering) in directions(text, "ACCUSE")


@pytest.mark.parametrize("text, answering, other", [
    ("Poland expelled a Russian diplomat over espionage.", "POL", "RUS"),
    ("Marruecos llamó a consultas a su embajador por la crisis migratoria en Ceuta.", "MAR", "ESP"),
])
def test_an_envoy_recalled_over_deeds_states_no_words(text, answering, other):
    assert (other, answering) not in directions(text, "ACCUSE")


@pytest.mark.parametrize("text, rejecting, author", [
    ("China rejected Japan's accusations against Beijing.", "CHN", "JPN"),
    ("China rechazó las acusaciones de Japón contra Pekín.", "CHN", "JPN"),
    ("Китай отверг обвинения Японии в адрес Пекина.", "CHN", "JPN"),
])
def test_an_accusation_rejected_was_made_by_its_author(text, rejecting, author):
    # [roles] accusation_nouns: the rejection (CHN→JPN) and the accusation it rejects (JPN→CHN)
    assert (author, rejecting) in directions(text, "ACCUSE")
    assert (rejecting, author) in directions(text, "REJECT")


@pytest.mark.parametrize("text, rejecting, other", [
    ("China rejected Japan's claims to the islands.", "CHN", "JPN"),
    ("China rechazó la propuesta de Japón.", "CHN", "JPN"),
    ("Китай отверг предложение Японии.", "CHN", "JPN"),
])
def test_a_claim_or_proposal_rejected_accuses_no_one(text, rejecting, other):
    assert (other, rejecting) not in directions(text, "ACCUSE")
