"""Solidarity and condolences addressed to no one named: the side the text is about (issue 15, twelfth swap).

"Los gobiernos de América se solidarizaron con México tras el terremoto ... El presidente paraguayo expresó su
solidaridad", "Peru's president also expressed his solidarity", "Президент Перу также выразил солидарность": the
sympathy goes to the country the text has been speaking of, named in more sentences than any other before it (not
the one who expresses it; a dateline's city, named twice in its first sentence, counts once). Only the words of ``[roles] sympathy_nouns`` (solidarity, condolences) count: praise or thanks with
no one named are left without a target, and a text with no clear main country gives none.
"""
from __future__ import annotations

from collections import Counter

from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .rules import Tree

TOPIC_MENTIONS = 2        # the main country is named in at least this many sentences before it, more than any other


def unaddressed_sympathy(tree: Tree, i: int, frame: Frame, lex: Lexicon, source: list[ActorMention],
                         named: Counter, latest: list[ActorMention]) -> list[ActorMention]:
    """The target of a solidarity or condolence noun with a source and no target: the actor named in most sentences
    so far (`named`, counts by code; `latest`, the latest mention of each code), else none."""
    if frame.type != "SUPPORT" or not source or tree.lemma(i) not in lex.words("roles", "sympathy_nouns"):
        return []
    own = {m.code for m in source}
    ranked = [(code, n) for code, n in named.most_common() if code not in own]
    if not ranked or ranked[0][1] < TOPIC_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return []
    return [m for m in latest if m.code == ranked[0][0]][:1]
