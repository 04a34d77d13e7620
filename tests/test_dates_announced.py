"""A time on the verb that announces a planned meeting or visit dates the announcement, not the meeting (issue 15,
event dates): "said on Monday that he would meet ...", "anunció este lunes que se reunirá ...", "заявил в
понедельник, что встретится ...". A measure announced keeps the announcement's day; a visit's own time still
dates it."""
from __future__ import annotations

import pytest

from communique.api import extract


def consults(text: str, published: str) -> list[tuple[str, str | None, str]]:
    return [(e["type"], e["date"], e["status"]) for e in extract(text, published=published)["events"]
            if e["type"] == "CONSULT"]


@pytest.mark.parametrize("text", [
    "Kenya's foreign minister said on Monday that he would meet his Ethiopian counterpart in Addis Ababa.",
    "El canciller peruano anunció este lunes que se reunirá con su homólogo boliviano en La Paz.",
    "Глава МИД Казахстана заявил в понедельник, что встретится с коллегой из Узбекистана в Ташкенте.",
])
def test_the_day_a_planned_meeting_was_announced_does_not_date_it(text):
    found = consults(text, "2024-03-14")
    assert found and all(date != "2024-03-11" and status == "planned" for _, date, status in found), found


@pytest.mark.parametrize("text,date", [
    ("Ethiopia announced on Wednesday that Prime Minister Abiy Ahmed will travel to Kenya on March 25.", "2024-03-25"),
    ("La cancillería informó el martes que el presidente Gabriel Boric visitará Perú el 25 de marzo.", "2024-03-25"),
    ("МИД Армении сообщил во вторник, что Никол Пашинян посетит Францию 25 марта.", "2024-03-25"),
    # a meeting held is dated by its own day, told before the saying
    ("Kenya's foreign minister met his Ethiopian counterpart on Monday, the ministry said.", "2024-03-11"),
])
def test_a_meeting_keeps_its_own_day(text, date):
    assert any(d == date for _, d, _ in consults(text, "2024-03-14")), consults(text, "2024-03-14")


def test_a_measure_announced_keeps_the_announcement_day():
    events = extract("Canada said on Monday it would impose sanctions on Nicaraguan officials.",
                     published="2024-03-14")["events"]
    assert any(e["type"] == "SANCTION" and e["date"] == "2024-03-11" for e in events), events
