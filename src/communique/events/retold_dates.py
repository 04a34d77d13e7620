"""The day of an act the text told before, with its own word and its own day, and now tells again without one
(stage `dates`, for an event its own sentence and the sentences merged with it give no time):

    "Verma was summoned by the Bangladesh Foreign Ministry on Sunday. [...] The ministry had raised deep concern
    and summoned the Indian High Commissioner to express its objections."
    "Gil ha anunciado este jueves su decisión de convocar al embajador español [...] «ha decidido llamar a
    consultas a la embajadora»"
    "В воскресенье МИД вызвал посла [...] Посол был вызван в связи с ..."

The report's later sentences retell its news; a day the first telling hangs on the act's own word (or on the
announcement that governs it) is that act's day, not the report's. The earlier sentence must name both sides of
the event and use the trigger's own lemma, so an act of another pair or another kind is not taken for it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from ..records import Article, Event, Sentence, TimeExpression, Token
from .times import Anchor, governs

#: how many sentences back the first telling of the act may stand
_RETOLD_REACH = 6
#: how many days before the report the first telling's day may lie: a retelling is of the news, an act of the same
#: kind told long before is background ("Russia expelled two diplomats in 2018")
_NEWS_REACH_DAYS = 14
#: how far up the parse from the act's word the announcement that a day dates may stand ("anunció el jueves su
#: decisión de convocar": convocar -> decisión -> anunció)
_GOVERNOR_REACH = 4


def date_by_retelling(article: Article, event: Event, by_sentence: dict[int, list[TimeExpression]]) -> bool:
    """Date an undated occurred (or ongoing) `event` from the nearest earlier sentence, up to `_RETOLD_REACH`
    back, that names both its sides and holds the trigger's lemma with a day on that word's clause (or on the
    verb that governs it), not after the report. False when there is none."""
    from .dates import _on_the_side_of, attachment

    if event.status == "planned":
        return _date_planned_by_retelling(article, event, by_sentence)
    if event.status not in ("occurred", "ongoing") or not 0 < event.sentence < len(article.sentences):
        return False
    for other, word, times in _retellings(article, event, by_sentence, lambda t: _on_the_side_of(
            article, event, t.value) and _recent(t.value, article.published)):
        for time in times:
            if attachment(other, time, word) == "direct" or _on_governor(other, time, word):
                event.date, event.date_text = time.value, time.text
                return True
    return False


def _date_planned_by_retelling(article: Article, event: Event,
                               by_sentence: dict[int, list[TimeExpression]]) -> bool:
    """A planned act told before with a day and retold without one ("Gil ha anunciado este jueves su decisión de
    llamar a consultas a su embajadora [...] «ha decidido llamar a consultas a la embajadora»"): the day on its own
    word when it lies ahead (the act's day), else the recent day of the announcement that governs it (a planned act
    is dated by the report that announces it), except for an act held on a day of its own, a visit or talks, which
    the day of its announcement does not date (as in `dates.best_time`)."""
    from .dates import _HELD_TYPES, attachment
    from .inherited_dates import date_order

    if not 0 < event.sentence < len(article.sentences) or not article.published:
        return False
    for other, word, times in _retellings(article, event, by_sentence, lambda t: True):
        for time in times:
            # ahead of the report: a later period, or a day from the report's on ("2023 год" in a report of
            # 19 January 2023 is the report's own year, no day of the act)
            ahead = date_order(time.value, article.published) > 0 \
                or (len(time.value) == 10 and time.value >= article.published[:10])
            if ahead and attachment(other, time, word) == "direct":
                event.date, event.date_text = time.value, time.text
                return True
            if not ahead and event.type not in _HELD_TYPES and _recent(time.value, article.published) \
                    and _on_governor(other, time, word):
                event.date, event.date_text = time.value, time.text
                return True
    return False


def _retellings(article: Article, event: Event, by_sentence: dict[int, list[TimeExpression]],
                keep: Callable[[TimeExpression], bool]) -> Iterator[tuple[Sentence, Token, list[TimeExpression]]]:
    """The earlier tellings of `event`'s act, nearest first, up to `_RETOLD_REACH` sentences back: each word of a
    sentence that names both its sides and holds the trigger's lemma, with the sentence's times that `keep`
    accepts (a sentence with none is passed over)."""
    from .dates import _trigger_token

    sides = {event.source.code, event.target.code}
    if None in sides or len(sides) < 2:
        return
    trigger = _trigger_token(article.sentences[event.sentence], event)
    if trigger is None:
        return
    lemma = trigger.lemma.lower()
    for index in range(event.sentence - 1, max(event.sentence - 1 - _RETOLD_REACH, -1), -1):
        other = article.sentences[index]
        times = [t for t in by_sentence.get(index, []) if t.value and keep(t)]
        if not times or not other.parsed or not sides <= _codes_named(article, other):
            continue
        for word in (t for t in other.tokens if t.lemma.lower() == lemma):
            yield other, word, times


def _recent(value: str, published: str | None) -> bool:
    """Is `value` the report's news: a day at most `_NEWS_REACH_DAYS` before it, or its own month (any time when
    the report's date is not known)?"""
    report, told = Anchor.parse(published), Anchor.parse(value)
    if report is None:
        return True
    if told is None or told.precision == "year":
        return False
    if told.precision == "month" or report.precision != "day":
        return value[:7] == (published or "")[:7]
    return 0 <= (report.date - told.date).days <= _NEWS_REACH_DAYS


def _codes_named(article: Article, sentence: Sentence) -> set[str]:
    """The country codes of the entities (countries, their institutions and people) named in `sentence`."""
    codes = set()
    for entity in article.entities:
        code = entity.code if entity.type == "COUNTRY" else (entity.country or entity.code)
        if code and any(sentence.start <= m.start < sentence.end for m in entity.mentions):
            codes.add(code)
    return codes


def _on_governor(sentence: Sentence, time: TimeExpression, word: Token) -> bool:
    """Does `time` hang on a verb that governs `word` a few steps up ("anunció el jueves su decisión de
    convocar", "said on Sunday it had summoned")?"""
    tokens = sentence.tokens
    inside = [t for t in tokens if t.start < time.end and t.end > time.start]
    top = next((t for t in inside if not (time.start <= tokens[t.head].start < time.end) or t.head == t.i), None)
    if top is None or top.head == top.i:
        return False
    host = tokens[top.head]
    if host.pos not in ("VERB", "AUX"):
        return False
    return governs(tokens, host.i, word, _GOVERNOR_REACH)
