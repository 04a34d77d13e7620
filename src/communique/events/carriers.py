"""Words between a nominal trigger and the verb that carries it: a container that counts or groups the event ("the
fourth round of consultations", "ronda", "раунд") and an amount that an "in" phrase names as the act ("give $600
million in aid to Ukraine", "600 millones de dólares en ayuda"): the verb above them carries the event noun."""
from __future__ import annotations

import functools

from ..datafiles import data_languages, language_data
from .rules import Tree


def _role_words(key: str) -> frozenset[str]:
    words: set[str] = set()
    for language in data_languages("events"):
        words |= set(((language_data(language, "events") or {}).get("roles") or {}).get(key, []))
    return frozenset(words)


@functools.lru_cache(maxsize=1)
def container_nouns() -> frozenset[str]:
    """Nouns that only count or group an event ("round", "ronda", "раунд"): the verb above them carries it."""
    return _role_words("container_nouns")


@functools.lru_cache(maxsize=1)
def amount_preps() -> frozenset[str]:
    """Prepositions that name what an amount is given as ("in", "en"): ``amount_preps``."""
    return _role_words("amount_preps")


def container(tree: Tree, h: int | None) -> bool:
    return h is not None and tree.lemma(h) in container_nouns() and tree.tokens[h].pos == "NOUN"


def amount_above(tree: Tree, i: int) -> int | None:
    """The amount that nominal trigger `i` names the kind of ("$600 million in aid"): a number, or a noun counted
    by one ("600 millones de dólares en ayuda"), whose phrase with an amount preposition holds the trigger."""
    h = tree.head(i)
    if h is None or tree.preposition(i) not in amount_preps():
        return None
    if tree.tokens[h].dep == "prep":      # English: the preposition heads the phrase
        h = tree.head(h)
    if h is None:
        return None
    tok = tree.tokens[h]
    return h if tok.pos == "NUM" or (tok.pos == "NOUN" and tree.kids(h, "nummod")) else None


def container_addressees(tree: Tree, i: int, mentions: list, heads: dict, target_preps: frozenset[str], args) -> list:
    """Mentions that the container above nominal trigger `i` is addressed to: a verbal noun of handing over carries
    its note's act to its dative or "в" phrase ("о вручении ноты протеста послу", "о направлении ноты в посольство"),
    as the light verb "вручила ноту послу" would. Its doer is the light verb's (the verb above the container)."""
    c = tree.head(i)
    if not container(tree, c):
        return []
    out = []
    for m in mentions:
        h = heads.get(id(m))
        path = [] if h is None else [h] + tree.ancestors(h)
        if c not in path[1:] or m in args.source:
            continue
        j = path[path.index(c) - 1]
        if j == i:
            continue
        dep, prep = tree.tokens[j].dep.split(":")[0], tree.preposition(j)
        if prep in target_preps or (prep is None and (dep in ("iobj", "dative")
                                                       or tree.tokens[j].morph.get("Case") == "Dat")):
            out.append(m)
    return out
