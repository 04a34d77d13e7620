"""The doer of an act a decision, plan or move names ("the Biden administration's move to impose sanctions on
Nicaragua", "la decisión de la administración Trump de extender sus aranceles", "решение администрации Байдена
ввести санкции"): the clause under the noun has no subject of its own, so whoever owns the noun (its possessor,
"of" phrase or genitive, with whatever names it: a leader's administration, a government) does the act.
``intent_nouns`` in [roles] list the nouns that carry an act so.
"""
from __future__ import annotations

from ..lexicon import Lexicon
from .actor_mentions import ActorMention
from .rules import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree

OWNER_DEPS = {"poss", "nmod", "compound", "amod", "flat", "appos"}   # "Biden" in "the Biden administration's move"
CLAUSE_DEPS = {"acl", "xcomp", "advcl"}   # "decision to extend", "decisión de extender"
VERB_NMOD = "nmod"                        # "решение ввести": the Russian parser hangs the infinitive as a modifier


def intent_owners(tree: Tree, i: int, governor: int | None, lex: Lexicon, mentions: list[ActorMention],
                  heads: dict) -> list[ActorMention]:
    """The owner of the intent noun whose clause holds trigger `i` (a verb, or a noun whose light verb is
    `governor`), nearest the noun first; [] where the clause has its own subject or no such noun owns it."""
    clause = i if tree.tokens[i].pos in ("VERB", "AUX") else governor
    dep = None if clause is None else tree.tokens[clause].dep.split(":")[0]
    if clause is None or not (dep in CLAUSE_DEPS or dep == VERB_NMOD and tree.tokens[clause].pos == "VERB") or \
            tree.kids(clause, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS):
        return []
    noun, intents = tree.head(clause), lex.words("roles", "intent_nouns")
    for _ in range(2):                    # "la decisión de la administración de Obama de imponer": the parser may
        if noun is None or tree.is_word(noun, intents) or tree.tokens[noun].dep.split(":")[0] not in OWNER_DEPS:
            break                         # hang the clause on the owner's noun; the intent noun is above it
        noun = tree.head(noun)
    if noun is None or not tree.is_word(noun, intents):
        return []
    inside, owners = tree.subtree(clause), []
    source_preps = lex.words("roles", "source_preps")
    for m in mentions:
        h = heads.get(id(m))
        if h is None or h in inside or h == noun:
            continue
        path = [h] + tree.ancestors(h)
        if noun not in path:
            continue
        below = path[:path.index(noun)]
        if all(tree.tokens[j].dep.split(":")[0] in OWNER_DEPS and tree.preposition(j) in source_preps | {None}
               for j in below):
            owners.append((len(below), m))
    return [m for _, m in sorted(owners, key=lambda p: p[0])][:1]
