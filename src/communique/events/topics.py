"""What a meeting is about is no party to it: "Abuja hosted the bloc's summit on the political situation in Niger",
"organizó una cumbre sobre la crisis en Venezuela", "провела встречу по ситуации в Мали". An actor reached from a
meeting trigger through a topic phrase (``topic_preps``) of a noun below the trigger is neither its host nor its
guest, nor one of a meeting noun itself ("the summit on Niger"); a verb's own phrase ("visited Moscow on the
invitation of Putin") is left to the frame."""
from __future__ import annotations

from ..lexicon import Frame, Lexicon
from .absolutes import other_absolute
from .actor_mentions import ActorMention
from .rules import Tree

MEETING_TYPES = {"CONSULT"}


def meeting_topic(tree: Tree, i: int, frame: Frame, lex: Lexicon, m: ActorMention, heads: dict) -> bool:
    """Is mention `m` only named as what meeting trigger `i`'s object is about?"""
    h = heads.get(id(m))
    if frame.type not in MEETING_TYPES or h is None:
        return False
    path = [h] + tree.ancestors(h)
    if i not in path:
        return False
    topic_preps = lex.words("roles", "topic_preps")
    nominal = tree.tokens[i].pos in ("NOUN", "PROPN")     # "a summit on Niger"; "visited X on the invitation of Y"
    for j in path[:path.index(i)]:
        noun = tree.head(j)
        if tree.tokens[j].dep == "pobj" and noun is not None and tree.tokens[noun].dep == "prep":
            noun = tree.head(noun)        # English: the preposition heads its phrase
        if noun == i and nominal and tree.lemma(i) in lex.words("roles", "paid_on_nouns"):
            return False                  # "paid a courtesy call on the President": whom it is paid on
        if noun is not None and (noun != i or nominal) and tree.preposition(j) in topic_preps \
                and tree.tokens[noun].pos in ("NOUN", "PROPN"):
            return True
    return False


def named_aside(tree: Tree, i: int, frame: Frame, lex: Lexicon, m: ActorMention, heads: dict) -> bool:
    """Is mention `m` named beside trigger `i` rather than as its party: what a meeting is about, or the doer or
    target of an absolute construction below it ("..., with Bolivia accusing Peru", see `absolutes`)? (The caller
    also leaves out an envoy's posting: no argument by position.)"""
    return meeting_topic(tree, i, frame, lex, m, heads) or other_absolute(tree, i, lex, heads.get(id(m)))
