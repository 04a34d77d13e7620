"""Whom an accusation said with a noun accuses, when the noun names no doer of its own: the subject of the verb
whose object it is ("«Марокко никогда не прекращало враждебных действий», заявил Алжир", "Morocco has never stopped
its hostile actions, Algeria said", "Marruecos nunca cesó sus acciones hostiles")."""
from __future__ import annotations

import re

from ..nlp.models import russian_may_be_dative
from .actor_mentions import ActorMention
from .rules import OBJECT_DEPS, SUBJECT_DEPS, Tree

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


def object_doers(tree: Tree, i: int, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """The actors in the subject of the verb of which the noun at `i` is the object, or a bare oblique (an
    instrumental without a preposition: "власти Катара занимаются укрывательством террористов")."""
    h = tree.head(i)
    dep = tree.tokens[i].dep.split(":")[0]
    if h is None or tree.tokens[h].pos not in ("VERB", "AUX") or not (
            dep in OBJECT_DEPS or dep == "obl" and tree.preposition(i) is None):
        return []
    subjects = tree.kids(h, *SUBJECT_DEPS)
    return [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]


def undeclined_addressee(tree: Tree, h: int, i: int, light_verbs: frozenset[str]) -> bool:
    """The name at `h`, hung on the nominal act `i` as its genitive, is whom the act is addressed to: a name that
    may be a dative (one that does not decline, "США", "ООН", "Марокко", or whose dative is spelled as its genitive,
    "Германии"; or one the tagger itself calls a dative, "Южной Корее") after a light verb with a subject of its own
    is the act's addressee ("Китай выразил протест США", "Франция заявила протест Германии", "направил ноту ООН"),
    not its doer: the verb's subject is that."""
    g = tree.head(i)
    return tree.tokens[h].pos == "PROPN" and may_be_dative(tree, h) and tree.head(h) == i \
        and h > i and tree.tokens[i].dep in OBJECT_DEPS and g is not None and tree.lemma(g) in light_verbs \
        and bool(tree.kids(g, *SUBJECT_DEPS))


def may_be_dative(tree: Tree, h: int) -> bool:
    """Whether the word at `h` can be read as a dative: undeclined, tagged so, or a Russian form that is one."""
    tok = tree.tokens[h]
    if tok.text.lower() == tree.lemma(h) or tok.morph.get("Case") == "Dat":
        return True
    return tok.morph.get("Case") == "Gen" and CYRILLIC.search(tok.text) is not None and russian_may_be_dative(tok.text)
