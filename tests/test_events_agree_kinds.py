"""Two acts of agreement between one pair (issue 15, twelfth swap): agreeing to act and signing documents are two
events ([kinds.AGREE] documents / commitment in en/es/ru), whether the text tells them in two sentences or joins
them in one; the same signing told twice, or an agreement to act told twice, stays one event. Real models parse
each text."""
from __future__ import annotations

import pytest

from test_events_lang import code_events


def agreements(text: str, language: str) -> list[tuple[str, str]]:
    """The pair of each AGREE event, one entry per event."""
    return sorted(tuple(sorted((e.source.code, e.target.code))) for e in code_events(text, language).events
                  if e.type == "AGREE")


@pytest.mark.parametrize("language,text", [
    ("en", "Kenya and Ethiopia agreed to double bilateral trade within five years. "
           "The ministers of the two countries also signed six agreements on energy and transport."),
    ("es", "Chile y Bolivia acordaron duplicar el comercio bilateral en cinco años. "
           "Los cancilleres de los dos países firmaron además seis convenios sobre energía y transporte."),
    ("ru", "Казахстан и Монголия договорились удвоить товарооборот в течение пяти лет. "
           "Министры двух стран также подписали шесть соглашений об энергетике и транспорте."),
])
def test_an_agreement_to_act_and_documents_signed_are_two_events(language, text):
    assert len(agreements(text, language)) == 2


@pytest.mark.parametrize("language,text", [
    ("en", "Kenya and Ethiopia signed an agreement on energy cooperation. "
           "The agreement was signed by the foreign ministers of the two countries in Nairobi."),
    ("es", "Chile y Bolivia firmaron un convenio de cooperación energética. "
           "El convenio fue firmado por los cancilleres de los dos países en Santiago."),
    ("ru", "Казахстан и Монголия подписали соглашение о сотрудничестве в энергетике. "
           "Соглашение подписали министры иностранных дел двух стран в Астане."),
    ("en", "Kenya and Ethiopia agreed to double bilateral trade. "
           "The two countries also agreed to expand cooperation in energy."),
])
def test_one_signing_or_one_agreement_told_twice_stays_one_event(language, text):
    assert len(agreements(text, language)) == 1
