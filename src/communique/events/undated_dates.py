"""Undated articles: the day a report without a publication date is of (`reference_day`: its lead's dated caption
or dateline), and the days and months without a year its text gives, resolved after the latest past date it states
(`time_floor`): the dates stage reads them when the record has no `published`."""
from __future__ import annotations

import calendar

from ..records import Article, TimeExpression
from .times import DIRECTION_FUTURE, DIRECTION_PAST, Anchor, clause_direction, date_language, find_times


def time_floor(article: Article) -> str | None:
    """For an article without a publication date: the latest date with a year that the text puts in the past
    ("Putin visitó Astaná en noviembre de 2024"). The article was written after it."""
    floor = None
    for time in article.times:
        if not time.value or time.sentence is None or not 0 <= time.sentence < len(article.sentences):
            continue
        sentence = article.sentences[time.sentence]
        lang = date_language(sentence.language)
        if lang is None or clause_direction(sentence, time.start, time.end, lang) != DIRECTION_PAST:
            continue
        end = _period_end(time.value)
        if end and (floor is None or end > floor):
            floor = end
    return floor


#: how many sentences from the top a report's own date may stand in (a caption, a dateline, the lead)
LEAD_SENTENCES = 4


def reference_day(article: Article, times: list[TimeExpression] | None = None) -> str | None:
    """For an article without a publication date: the day its lead states with a year, outside a clause that looks
    ahead ("This photo shows the Syrian Embassy May 29, 2012", "The door of the embassy is shown Friday, Sept. 7,
    2012", "Москва, 5 марта 2024 года"), when no later date stands anywhere in the text. The report is of that day
    or soon after: the anchor of its "on Tuesday", "in February", "вчера" and of the events it gives no date, as a
    publication date would be (the record's `published` stays empty)."""
    times = article.times if times is None else times
    lead = None
    for time in times:
        if time.kind != "date" or not time.value or len(time.value) != 10 or time.sentence is None \
                or not 0 <= time.sentence < min(LEAD_SENTENCES, len(article.sentences)):
            continue
        sentence = article.sentences[time.sentence]
        lang = date_language(sentence.language)
        if lang is None or clause_direction(sentence, time.start, time.end, lang) == DIRECTION_FUTURE:
            continue
        if lead is None or time.value > lead:
            lead = time.value
    if lead is None:
        return None
    latest = max((_period_end(t.value) or "" for t in times if t.value), default="")
    return lead if latest <= lead else None


def _period_end(value: str) -> str | None:
    """The last day of an ISO year, month or day."""
    anchor = Anchor.parse(value)
    if anchor is None:
        return None
    if anchor.precision == "day":
        return anchor.date.isoformat()
    if anchor.precision == "month":
        last = calendar.monthrange(anchor.date.year, anchor.date.month)[1]
        return anchor.date.replace(day=last).isoformat()
    return f"{anchor.date.year:04d}-12-31"


def resolve_after_floor(article: Article, languages: tuple[str, ...]) -> None:
    """Without a publication date, a future day or month with no year ("comenzará el 11 de noviembre") is the
    first one after the latest past date the text gives: the article cannot be older than what it reports.
    Past and present expressions without a year stay unresolved (the article may be years after that floor)."""
    floor = time_floor(article)
    if floor is None:
        return
    unresolved = {(t.start, t.end): n for n, t in enumerate(article.times) if t.value is None}
    if not unresolved:
        return
    for index in sorted({article.times[n].sentence for n in unresolved.values()} - {None}):
        sentence = article.sentences[index]
        lang = date_language(sentence.language)
        if lang is None:
            continue
        for time in find_times(sentence.text, sentence.language, floor, sentence=sentence, base=sentence.start,
                               sentence_index=index, other_languages=languages):
            n = unresolved.get((time.start, time.end))
            if n is not None and time.value and time.value > floor \
                    and clause_direction(sentence, time.start, time.end, lang) == DIRECTION_FUTURE:
                article.times[n] = time


#: how many years after the floor a day named with its weekday may lie (a day of the year falls on the same weekday
#: again after five, six or eleven years)
_WEEKDAY_YEARS = 12


def resolve_by_weekday(article: Article, languages: tuple[str, ...]) -> None:
    """Without a publication date, a day and month named with their weekday and no year ("on Tuesday, April 11",
    "el martes 11 de abril", "в пятницу, 7 февраля") is the first such day after the latest past date the text
    gives (`time_floor`) that falls on that weekday: the weekday fixes the year among the next dozen."""
    floor = time_floor(article)
    if floor is None:
        return
    for n, time in enumerate(article.times):
        if time.value is not None or time.kind not in ("date", "range") or time.sentence is None \
                or not 0 <= time.sentence < len(article.sentences):
            continue
        sentence = article.sentences[time.sentence]
        weekday = _named_weekday(time.text, sentence.language)
        for year in range(int(floor[:4]), int(floor[:4]) + _WEEKDAY_YEARS) if weekday is not None else ():
            found = next((t for t in find_times(sentence.text, sentence.language, f"{year}-07-02", sentence=sentence,
                                                base=sentence.start, sentence_index=time.sentence,
                                                other_languages=languages)
                          if (t.start, t.end) == (time.start, time.end)), None)
            day = Anchor.parse(found.value) if found is not None else None
            if day is not None and day.precision == "day" and day.date.isoformat() > floor \
                    and day.date.weekday() == weekday:
                article.times[n] = found
                break


def _named_weekday(text: str, language: str) -> int | None:
    """The weekday (0 = Monday) `text` names as a word, None when it names none."""
    lang = date_language(language)
    for index, pattern in enumerate(lang.weekdays if lang is not None else ()):
        found = pattern.search(text)
        if found is not None and (found.start() == 0 or not text[found.start() - 1].isalnum()):
            return index
    return None
