"""Acts that change hands: the actors that get the act a noun names as the subject of a verb of getting ("посол США
получил ноту протеста": its target), and those who hand over what a receiving verb takes ("принял верительные грамоты у
послов Бразилии": they act)."""
from __future__ import annotations

from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .arguments import governing_verb, role_of
from .rules import SUBJECT_DEPS, Tree


def receivers_of(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention],
                 heads: dict) -> list[ActorMention]:
    """The actors that get the act a noun names, as the subject of a verb of getting (``receipt_verbs``: "посол США
    получил ноту протеста", "the ambassador received a warning", "recibió una invitación"): they are its target,
    never its doer. (Aid received has its own rules: `aid_roles`.)"""
    governor = governing_verb(tree, i)
    if frame.type == "AID" or tree.tokens[i].pos != "NOUN" or governor is None or \
            tree.lemma(governor) not in lex.words("roles", "receipt_verbs"):
        return []
    subjects = [s for s in tree.kids(governor, *SUBJECT_DEPS) if i not in tree.subtree(s)]
    out = []
    for m in mentions:                    # the subject's own name, or whose it is ("действия США против России")
        h = heads.get(id(m))
        path = [] if h is None else [h] + tree.ancestors(h)
        top = next((s for s in subjects if s in path), None)
        if top is not None and all(tree.preposition(j) is None for j in path[:path.index(top)]):
            out.append(m)
    return out


def received_from(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """Who hands over what a receiving verb takes ("принял верительные грамоты у послов Бразилии"): they act."""
    governor = governing_verb(tree, i)
    if governor is None or tree.lemma(governor) not in lex.words("roles", "receive_verbs"):
        return []
    if tree.tokens[i].pos not in ("NOUN", "PROPN"):
        return []
    from_preps = lex.words("roles", "from_preps")
    out = []
    for m in mentions:
        h = heads.get(id(m))
        if h is None:
            continue
        h = first_listed(tree, h, mentions, heads)
        role = role_of(tree, h, governor) or role_of(tree, h, i)
        path = [h] + tree.ancestors(h)
        if role is not None and (role[1] in from_preps or any(tree.preposition(j) in from_preps for j in path[:4])):
            out.append(m)
    return out


def first_listed(tree: Tree, h: int, mentions: list[ActorMention], heads: dict) -> int:
    """Where a listed name stands: the head of the first of its list ("the ambassadors of A, B and C": B and C hang
    on A), through a name the list hangs on from inside ("of the United States of America, Qatar and Monaco")."""
    seen = set()
    while tree.tokens[h].dep == "conj" and tree.tokens[h].head != h and h not in seen:
        seen.add(h)
        h = tree.tokens[h].head
        start = tree.tokens[h].start
        h = next((heads[id(m)] for m in mentions if m.start <= start < m.end and heads.get(id(m)) is not None), h)
    return h
