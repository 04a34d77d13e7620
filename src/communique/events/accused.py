"""Whom an accusation said with a noun accuses, when the noun names no doer of its own: the subject of the verb
whose object it is ("«Марокко никогда не прекращало враждебных действий», заявил Алжир", "Morocco has never stopped
its hostile actions, Algeria said", "Marruecos nunca cesó sus acciones hostiles")."""
from __future__ import annotations

from .actor_mentions import ActorMention
from .rules import OBJECT_DEPS, SUBJECT_DEPS, Tree


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
    does not decline (its form is its dictionary form: "США", "ООН", "Марокко") reads as a genitive or a dative
    alike, and after a light verb with a subject of its own the act's noun takes a dative ("Китай выразил протест
    США", "направил ноту ООН"), not its doer's genitive."""
    g = tree.head(i)
    return tree.tokens[h].pos == "PROPN" and tree.tokens[h].text.lower() == tree.lemma(h) and tree.head(h) == i \
        and h > i and tree.tokens[i].dep in OBJECT_DEPS and g is not None and tree.lemma(g) in light_verbs \
        and bool(tree.kids(g, *SUBJECT_DEPS))
