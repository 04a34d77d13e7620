"""Helpers named beside an act: a help noun in a comitative phrase ("with Albania's help", "con el apoyo de
Francia", "при поддержке Албании") names a giver who is no party to the act, and whose help goes to the act's doer;
a motive of solidarity ("in solidarity with Riyadh", "в знак солидарности с Эр-Риядом") names an ally, no party."""
from __future__ import annotations

from ..lexicon import Lexicon
from .actor_mentions import ActorMention
from .rules import SUBJECT_DEPS, Tree


def helper_phrase(tree: Tree, h: int, i: int, lex: Lexicon) -> bool:
    """The actor at `h` helps with the act rather than undergoing it: it is the giver (possessor or "of" phrase) of a
    help noun in a comitative phrase (``helper_nouns`` under ``comitative_preps``: "would tighten the blockade of
    Serbia with Albania's help", "con el apoyo de Francia", "при поддержке Албании"), or sits in a phrase of
    solidarity below the act (``ally_nouns``: "in solidarity with Riyadh"). Aid carried with something ("con ayuda
    humanitaria enviada por México") names no helper."""
    nouns, preps = lex.words("roles", "helper_nouns"), lex.words("roles", "comitative_preps")
    path = [h] + tree.ancestors(h)
    below = path[1:path.index(i)] if i in path else []
    if any(tree.lemma(j) in lex.words("roles", "ally_nouns") for j in below):
        return True                       # "в знак солидарности с Эр-Риядом": whom the doer sides with
    return any(tree.lemma(j) in nouns and tree.preposition(j) in preps and gives(tree, h, j, lex) for j in below)


GIVER_LINKS = {"conj", "appos", "flat", "compound", "fixed", "cc", "case", "det", "punct", "poss", "nmod", "pobj", "prep"}


def gives(tree: Tree, h: int, j: int, lex: Lexicon) -> bool:
    """The actor at `h` is the possessor or "of" phrase of the noun `j` ("Albania's help", "la ayuda de Albania",
    "поддержке Албании")."""
    path = [h] + tree.ancestors(h)
    if j not in path or j == h:
        return False
    below = path[:path.index(j)]
    return all(tree.tokens[k].dep.split(":")[0] in GIVER_LINKS for k in below) and \
        tree.preposition(h) in lex.words("roles", "source_preps") | {None}


def helped_actors(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """The doer of the act a help noun in a comitative phrase accompanies ("La OTAN impuso un bloqueo a Serbia con
    el apoyo de Albania": NATO, the subject of the clause the phrase belongs to), where the help names its giver."""
    if tree.lemma(i) not in lex.words("roles", "helper_nouns") or \
            tree.preposition(i) not in lex.words("roles", "comitative_preps") or \
            not any(heads.get(id(m)) is not None and gives(tree, heads[id(m)], i, lex) for m in mentions):
        return []
    for a in tree.ancestors(i, 4):
        subjects = tree.kids(a, *SUBJECT_DEPS)
        found = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
        if found or tree.tokens[a].pos in ("VERB", "AUX"):
            return found[:1]
    return []
