"""Whom an accusation said with a noun accuses, when the noun names no doer of its own: the subject of the verb
whose object it is ("«Марокко никогда не прекращало враждебных действий», заявил Алжир", "Morocco has never stopped
its hostile actions, Algeria said", "Marruecos nunca cesó sus acciones hostiles")."""
from __future__ import annotations

from .actor_mentions import ActorMention
from .rules import OBJECT_DEPS, SUBJECT_DEPS, Tree


def object_doers(tree: Tree, i: int, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """The actors in the subject of the verb of which the noun at `i` is the object."""
    h = tree.head(i)
    if h is None or tree.tokens[i].dep.split(":")[0] not in OBJECT_DEPS or tree.tokens[h].pos not in ("VERB", "AUX"):
        return []
    subjects = tree.kids(h, *SUBJECT_DEPS)
    return [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
