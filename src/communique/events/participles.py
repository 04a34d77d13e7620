"""Participles and passive agents around an event noun: "las sanciones impuestas por la UE a Rusia", "the
blockade of Gaza imposed by Israel". Who an actor in a participle phrase is to the act the noun names."""
from __future__ import annotations

from ..lexicon import Lexicon
from .rules import Tree

PARTICIPLE_DEPS = {"amod", "acl"}


def participle_side(tree: Tree, h: int, i: int, lex: Lexicon) -> str | None:
    """"sanciones impuestas por la UE a Rusia", "sanctions imposed by the EU on Russia": an actor in a participle
    that modifies the event noun is its doer when the participle's agent, its target when the participle's
    directional object; anything else inside the participle ("en Ginebra") says nothing of who. Only a participle
    with an agent counts: without one the parsers' amod/acl is too often an adjective or a misattachment."""
    path = [h] + tree.ancestors(h)
    below = path[:path.index(i)] if i in path else []
    if len(below) < 2 or tree.tokens[below[-1]].pos not in ("VERB", "ADJ"):
        return None
    if not any(is_agent(tree, k, lex) for k in tree.kids(below[-1])):
        return None
    own = below[-2]
    if is_agent(tree, own, lex):
        return "source"
    prep = tree.preposition(own)
    if prep in lex.words("roles", "target_preps") - lex.words("roles", "locative_preps") - {"con", "with"}:
        return "target"
    return None


def is_agent(tree: Tree, k: int, lex: Lexicon) -> bool:
    """The agent phrase of a passive: "by" (English `agent`), "por", the Russian instrumental (`obl:agent`)."""
    dep = tree.tokens[k].dep
    return dep.split(":")[0] == "agent" or dep.endswith(":agent") or tree.preposition(k) in lex.words("roles", "agent_preps")


def nested_participle_owner(tree: Tree, h: int, lex: Lexicon) -> int | None:
    """"the sanctions against Minsk imposed by Poland", "the blockade of Gaza imposed by Israel": the parser hung the
    participle on a noun of no act inside the event noun's own phrase; its agent is the event's doer. Returns the event noun
    whose doer the actor at `h` is, None where `h` is no such agent. A participle on the event noun itself ("the
    sanctions imposed by Poland") is not nested: `participle_side` reads it."""
    path = [h] + tree.ancestors(h)
    agent = next((j for j in path[:3] if is_agent(tree, j, lex)), None)
    participle = tree.head(agent) if agent is not None else None
    if participle is not None and tree.tokens[participle].pos == "ADP":
        participle = tree.head(participle)    # English: "by" is the participle's child, the name its object
    if participle is None or tree.tokens[participle].pos not in ("VERB", "ADJ") or \
            tree.tokens[participle].dep.split(":")[0] not in PARTICIPLE_DEPS:
        return None
    host = tree.head(participle)
    if host is None or tree.tokens[host].pos not in ("NOUN", "PROPN") or tree.preposition(host) is None \
            or tree.lemma(host) in lex.nouns:
        return None                       # "el rechazo al bloqueo impuesto por X": the participle is the act's own
    up = tree.head(host)
    if up is not None and tree.tokens[up].pos == "ADP":
        up = tree.head(up)                # English: the noun's preposition hangs on the event noun
    if up is None or tree.tokens[up].pos not in ("NOUN", "PROPN") or tree.lemma(up) not in lex.nouns:
        return None
    return up
