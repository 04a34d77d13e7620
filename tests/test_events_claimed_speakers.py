"""A claim that the other side used force, said by a speaker named only as "the ministry", "the government" or not
at all ("В ведомстве заявили, что ..."): the side the text was speaking of accuses (events/claimed_acts.py, issue 15,
eleventh swap). Sentences written for these tests."""
from __future__ import annotations

import pytest

from test_events_lang import code_events, triples


@pytest.mark.parametrize("language, text, expected", [
    ("es", "La cancillería de Guyana emitió un comunicado el lunes. El gobierno afirmó que tropas venezolanas "
           "violaron la frontera.", ("ACCUSE", "GUY", "VEN")),
    ("ru", "Министерство обороны Армении провело брифинг в Ереване. В ведомстве заявили, что азербайджанские военные "
           "обстреляли три села.", ("ACCUSE", "ARM", "AZE")),
    ("en", "Armenia's defence ministry held a briefing in Yerevan on Sunday. The ministry said Azerbaijani forces "
           "shelled three villages in Tavush overnight.", ("ACCUSE", "ARM", "AZE")),
])
def test_a_claim_whose_speaker_is_the_ministry_or_unnamed_is_the_side_spoken_of(language, text, expected):
    # claimed_acts: "El gobierno afirmó ...", "В ведомстве заявили ...": the side the text was speaking of accuses
    found = triples(code_events(text, language))
    assert expected in found, found


def test_witnesses_who_report_an_attack_accuse_no_one():
    text = ("The Armenian foreign minister met reporters in Yerevan on Monday. Witnesses said Azerbaijani forces "
            "shelled three villages overnight.")
    assert not {t for t in triples(code_events(text, "en")) if t[0] == "ACCUSE"}
