"""An act the text places shortly after the one told just before it is dated by that act's time, not by the report's
day (`events.inherited_dates.date_by_sequel`)."""
from __future__ import annotations

import pytest

from communique import extract


@pytest.mark.parametrize("text", [
    "In April 2021 Chile backed Kazakhstan's bid for a seat on the UN Security Council. Shortly afterwards, the "
    "Chilean foreign minister visited Astana and signed a visa agreement with his Kazakh counterpart.",
    "En abril de 2021 Chile respaldó la candidatura de Kazajistán al Consejo de Seguridad de la ONU. Poco después, el "
    "canciller chileno visitó Astaná y firmó un acuerdo de visados con su homólogo kazajo.",
    "В апреле 2021 года Чили поддержала заявку Казахстана на место в Совете Безопасности ООН. Вскоре после этого "
    "министр иностранных дел Чили посетил Астану и подписал с казахстанским коллегой соглашение о визах.",
])
def test_an_act_placed_shortly_after_the_one_before_takes_its_time(text):
    events = extract(text, published="2023-06-01")["events"]
    dated = {e["type"]: e["date"] for e in events if e["type"] in ("CONSULT", "AGREE") and e["status"] == "occurred"}
    assert "CONSULT" in dated and set(dated.values()) == {"2021-04"}, events


@pytest.mark.parametrize("text", [
    # no sequel phrase: the act is the report's news
    "In April 2021 Chile backed Kazakhstan's bid for a seat on the UN Security Council. The Chilean foreign "
    "minister visited Astana and signed a visa agreement with his Kazakh counterpart.",
    # a sequel of an act still ahead is no background
    "Chile will back Kazakhstan's bid for a seat on the UN Security Council in September. Soon after, the Chilean "
    "foreign minister visited Astana and signed a visa agreement with his Kazakh counterpart.",
])
def test_without_a_sequel_of_a_past_act_the_report_dates_it(text):
    events = extract(text, published="2023-06-01")["events"]
    dated = [e["date"] for e in events if e["type"] in ("CONSULT", "AGREE")]
    assert dated and "2021-04" not in dated and "2023-09" not in dated, events


def test_the_day_the_sentence_before_states_is_kept():
    text = ("On 12 May 2023 the foreign ministers of Chile and Kazakhstan met in Santiago. Soon afterwards, the Chilean "
            "minister visited Astana and signed a visa agreement with his Kazakh counterpart.")
    events = extract(text, published="2023-06-01")["events"]
    assert {e["date"] for e in events if e["type"] == "CONSULT" and "Astana" in e["evidence"]["text"]} == \
        {"2023-05-12"}, events
