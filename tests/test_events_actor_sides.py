"""Which side acts, per construction and per language (issue 15: the pair half right). Real models parse each text;
entities come from the real `entities` stage."""
from __future__ import annotations

import pytest

from event_readers import triples

# (language, text, events that must be found, events that must not)
CASES = {
    # a singular title as the subject is one person, the one it names, never "the two sides" named before
    "one office holder": [
        ("en", "Kenyan President William Ruto arrived in Uganda on Monday for a tour of the region. Tanzanian President, "
               "Samia Suluhu Hassan, said during her meeting with Rwandan President Paul Kagame on Tuesday that trade "
               "between the two countries was growing.",
         {("CONSULT", "TZA", "RWA")}, {("CONSULT", "KEN", "RWA"), ("CONSULT", "UGA", "RWA")}),
        ("es", "El presidente keniano, William Ruto, llegó el lunes a Uganda para una gira por la región. La presidenta "
               "tanzana, Samia Suluhu Hassan, dijo durante su reunión con el presidente ruandés, Paul Kagame, que el "
               "comercio entre ambos países crece.",
         {("CONSULT", "TZA", "RWA")}, {("CONSULT", "KEN", "RWA"), ("CONSULT", "UGA", "RWA")}),
        ("ru", "Президент Кении Уильям Руто в понедельник прибыл в Уганду в рамках турне по региону. Президент Танзании "
               "Самия Сулуху Хассан заявила в ходе своей встречи с президентом Руанды Полом Кагаме, что торговля между "
               "странами растет.",
         {("CONSULT", "TZA", "RWA")}, {("CONSULT", "KEN", "RWA"), ("CONSULT", "UGA", "RWA")}),
    ],
}
PARAMS = [(k, *c) for k, cases in CASES.items() for c in cases]


@pytest.mark.parametrize("construction,language,text,wanted,unwanted", PARAMS,
                         ids=[f"{p[0]}-{p[1]}-{n}" for n, p in enumerate(PARAMS)])
def test_sides_by_construction(construction, language, text, wanted, unwanted):
    found = triples(text)
    assert wanted <= found, found
    assert not unwanted & found, found
