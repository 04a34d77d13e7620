"""Keep apart the acts that the document merge folded together though their sentences date them differently.

The events stage merges every mention of one pair, type, kind and status into one event (`merge.merge`),
before the dates stage has resolved any time. Here, once the article's times are known, a further statement of an
event (`Event.also`) whose own sentence dates it clearly apart from the event's sentence ("met in 2015 ... met
again on Tuesday"; a signing years ago and one today) becomes an event of its own. Clearly apart: different years,
or days more than a week apart when both are dated
to the day (one visit runs over several days). A statement without a time of its own stays with the event."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..records import Article, Event, Span, TimeExpression


# days two day-precise dates of one year must lie apart to be two acts: a visit or a crisis runs over several days
# (arriving the evening before the talks, talks on Monday and Tuesday, an expulsion commented two days later)
_DAYS_APART = 7


def clearly_apart(a: str | None, b: str | None) -> bool:
    """Do two resolved dates name different years, or days more than a week apart when both are day-precise?"""
    if not a or not b or len(a) < 4 or len(b) < 4 or not (a[:4].isdigit() and b[:4].isdigit()):
        return False
    if a[:4] != b[:4]:
        return True
    if len(a) < 10 or len(b) < 10:
        return False
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) > _DAYS_APART
    except ValueError:
        return False


def split_by_dates(article: Article, by_sentence: dict[int, list[TimeExpression]]) -> None:
    """Split off, as events of their own, the further statements of an event dated clearly apart from it."""
    from .dates import _same_trigger, best_time

    if not any(e.also for e in article.events):
        return
    starts = {s.start: i for i, s in enumerate(article.sentences)}
    numbers = [int(e.id[2:]) for e in article.events if e.id.startswith("ev") and e.id[2:].isdigit()]
    next_number = max(numbers, default=0) + 1
    result: list[Event] = []
    for event in article.events:
        result.append(event)
        if not event.also or not 0 <= event.sentence < len(article.sentences):
            continue
        own = best_time(article, event, by_sentence.get(event.sentence, []))
        if own is None or not own.value:
            continue
        apart: dict[str, Event] = {}             # the date told apart -> the event split off for it
        keep: list[Span] = []
        for span in event.also:
            index = starts.get(span.start, -1)
            if index < 0 or index == event.sentence:
                keep.append(span)
                continue
            other = article.sentences[index]
            token = _same_trigger(article, event, other)
            trigger = Span(token.start, token.end, token.text) if token is not None else None
            probe = replace(event, sentence=index, evidence=Span(other.start, other.end, other.text),
                            trigger=trigger, also=[])
            time = best_time(article, probe, by_sentence.get(index, []))
            value = time.value if time is not None else None
            if not clearly_apart(own.value, value):
                keep.append(span)
                continue
            known = next((k for k, e in apart.items() if not clearly_apart(k, value)), None)
            if known is not None:
                apart[known].also.append(span)
                continue
            probe.id = f"ev{next_number}"
            next_number += 1
            apart[value] = probe
        if apart:
            event.also = keep
            result.extend(apart.values())
    article.events = result
