"""A time on the verb that announces an act is the day of the announcement, not of the act it tells of when that
act is still to come (stage `dates`):

    "Kenya's foreign ministry said on Tuesday that President Ruto will visit Ethiopia"
    "La cancillería informó el martes que el presidente visitará Perú"
    "МИД Армении сообщил во вторник, что Пашинян посетит Францию"

The planned visit is not dated Tuesday: a time whose clause verb is an announcing verb of `dates.toml`
(`announcing`) that governs the event's trigger is left out for a planned meeting or visit (an act held on a day of
its own; a measure announced is dated by its announcement: "said yesterday it would impose sanctions"), which then
takes a time of its own clause, another statement's or an earlier mention's, else the report's day as any planned
act the text does not date.
"""
from __future__ import annotations

import functools

from ..datafiles import language_data
from ..records import Sentence, TimeExpression, Token
from .times import governs

#: how many steps up the parse a time's verb, and the announcing verb above a trigger, may be
_REACH = 4
_TRIGGER_REACH = 10


@functools.lru_cache(maxsize=8)
def announcing_verbs(language: str) -> frozenset[str]:
    """Lemmas of the verbs that announce or report an act (data/lang/<iso>/dates.toml `announcing`)."""
    return frozenset(w.lower() for w in (language_data(language, "dates") or {}).get("announcing", []))


def dates_the_announcement(sentence: Sentence, time: TimeExpression, trigger: Token | None) -> bool:
    """Does `time` hang on an announcing verb that governs `trigger` from a clause above it?"""
    if trigger is None or not sentence.parsed:
        return False
    verbs = announcing_verbs(sentence.language)
    tokens = sentence.tokens
    inside = [t for t in tokens if t.start < time.end and t.end > time.start]
    if not verbs or not inside:
        return False
    top = next((t for t in inside if not (time.start <= tokens[t.head].start < time.end) or t.head == t.i),
               inside[-1])
    verb = top
    for _ in range(_REACH):
        if verb.head == verb.i or not 0 <= verb.head < len(tokens):
            return False
        verb = tokens[verb.head]
        if verb.pos in ("VERB", "AUX"):
            break
    if verb.pos not in ("VERB", "AUX") or verb.lemma.lower() not in verbs or verb.i == trigger.i:
        return False
    return governs(tokens, verb.i, trigger, _TRIGGER_REACH)
