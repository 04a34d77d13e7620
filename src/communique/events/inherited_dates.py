"""Dates an undated event takes from another act it is told with (stage `dates`): the dated meeting or visit of
its own sentence, or of the same two sides a few sentences before with no other time between (`inherit_dates`);
the dated visit to the place it happened in (`_inherit_by_place`); the act a sentence-opening anaphor names ("The
decision was taken", "La medida fue", "Это решение было", `date_by_anaphor`); the act told just before one a
sentence places shortly after it ("Shortly afterwards", "Poco después", "Вскоре после этого", `date_by_sequel`).
"""
from __future__ import annotations

import functools

from ..datafiles import language_data
from ..records import Article, Event
from .times import date_language


def date_order(value: str, published: str) -> int:
    """-1, 0 or 1 as the ISO date `value` lies before, within or after `published`, at the precision both know:
    a day of the month of a report dated "2022-10" is neither before nor after it."""
    n = min(len(value), len(published))
    return (value[:n] > published[:n]) - (value[:n] < published[:n])


def inherit_dates(article: Article) -> None:
    """An undated event stated in the same sentence as a dated meeting or visit took place during it: "durante su
    próxima visita a Rusia se firmará una declaración" takes the visit's date, at the visit's status; so does an
    undated act of the meeting's own two sides told after the sentence that dates it, up to five sentences on with
    no other time stated in between ("Jaishankar held talks with Lavrov on Wednesday ... The two ministers also
    agreed to work closely ...", "25 ноября Путин прибыл в Бишкек ... По итогам переговоров они подписали ...")."""
    frames = [e for e in article.events if e.type == "CONSULT" and e.date and e.date_text]
    for event in article.events:
        if event.date or event.type == "CONSULT" or not 0 <= event.sentence < len(article.sentences):
            continue
        sentence = article.sentences[event.sentence].start
        for frame in frames:
            stated_in = {frame.evidence.start} | {span.start for span in frame.also}
            same_sides = {frame.source.code, frame.target.code} == {event.source.code, event.target.code}
            if (sentence in stated_in or (same_sides and _told_after(article, frame, stated_in, event.sentence))) \
                    and _same_status_class(frame.status, event.status):
                event.date, event.date_text = frame.date, frame.date_text
                break
    _inherit_by_place(article, frames)


#: how many sentences after the one that dates a meeting an undated act of its two sides may be told
_NARRATIVE_REACH = 5


def _told_after(article: Article, frame: Event, stated_in: set[int], index: int) -> bool:
    """Is sentence `index` told after the sentence of `frame` (stated in the sentences starting at `stated_in`)
    that states its date, within `_NARRATIVE_REACH` sentences, with no other time stated in the sentences between?"""
    dated_at = max((t.sentence for t in article.times if t.text == frame.date_text and t.sentence is not None
                    and 0 <= t.sentence < index and article.sentences[t.sentence].start in stated_in), default=None)
    if dated_at is None or index - dated_at > _NARRATIVE_REACH:
        return False
    if index - dated_at > 1 and any(t.value and t.sentence is not None and t.sentence < dated_at and date_order(t.value, frame.date) > 0
           for t in article.times):
        return False                 # the story went back in time ("Argel decidió este domingo ... Marruecos había
                                     # reaccionado en una reunión el 13 de julio"): that meeting is background
    return not any(t.value and t.sentence is not None and dated_at < t.sentence < index for t in article.times)


#: how many sentences back the act that "the decision", "la medida", "это решение" names may be told
_ANAPHOR_REACH = 3


def date_by_anaphor(article: Article, event: Event) -> bool:
    """An event the text gives no date, in a sentence that opens by naming the act told just before ("The decision
    was taken in view of ...", "La medida fue coordinada con ...", "Это решение было принято ..."), took place with
    that act: the date of the nearest event up to three sentences before whose date the text states."""
    if not 0 <= event.sentence < len(article.sentences):
        return False
    sentence = article.sentences[event.sentence]
    lang = date_language(sentence.language)
    opening = sentence.text.lower().lstrip("«\"“ ")
    if lang is None or not any(opening.startswith(anaphor) for anaphor in lang.act_anaphors):
        return False
    for index in range(event.sentence - 1, max(event.sentence - 1 - _ANAPHOR_REACH, -1), -1):
        told = next((e for e in article.events if e.sentence == index and e.date and e.date_text), None)
        if told is not None:
            event.date, event.date_text = told.date, told.date_text
            return True
    return False


def _inherit_by_place(article: Article, frames: list[Event]) -> None:
    """An undated event at a place a dated visit or meeting of the sentence before went to happened during it:
    "Putin visitó Astaná en noviembre de 2024 … «En Astaná se firmó un sólido paquete de documentos»"."""
    for event in article.events:
        if event.date or event.location is None or not event.location.name:
            continue
        for frame in frames:
            if 1 <= event.sentence - frame.sentence <= 2 and _same_status_class(frame.status, event.status) \
                    and event.location.name in frame.evidence.text:
                event.date, event.date_text = frame.date, frame.date_text
                break


def _same_status_class(a: str, b: str) -> bool:
    done = ("occurred", "ongoing")
    return a == b or (a in done and b in done)


@functools.lru_cache(maxsize=8)
def sequel_openings(language: str) -> tuple[str, ...]:
    """Openings of a sentence that place its act right after the one told before it (data/lang/<iso>/dates.toml
    `sequels`), lower-cased."""
    return tuple(w.lower() for w in (language_data(language, "dates") or {}).get("sequels", []))


def date_by_sequel(article: Article, event: Event) -> bool:
    """An undated past event in a sentence that opens by placing it shortly after the act told before ("Shortly
    afterwards, the minister visited Astana", "Poco después de dicho apoyo, el canciller visitó", "Вскоре после этого
    министр посетил") is background to the news, not of the report's day: the last time the sentence before states
    dates it, as it dates a continuing sentence. False where either is missing or that time lies after the report (a
    sequel of something still ahead is no background)."""
    if event.status not in ("occurred", "ongoing") or not 0 < event.sentence < len(article.sentences):
        return False
    sentence = article.sentences[event.sentence]
    opening = sentence.text.lower().lstrip("«\"“ ")
    if not sentence.language or not any(opening.startswith(w) for w in sequel_openings(sentence.language)):
        return False
    told = [t for t in article.times if t.sentence == event.sentence - 1 and t.value]
    if not told or (article.published and date_order(told[-1].value or "", article.published) > 0):
        return False
    event.date, event.date_text = told[-1].value, told[-1].text
    return True
