"""Acts a document states: a participle on a resolution, a statement or a communiqué that names its own author ("a
UN resolution accusing Russia", "la resolución de la OEA condenando", "резолюция ООН, обвиняющая Россию") is the
author's act, whoever supported, adopted or read the document (the subject of the verb above it)."""
from __future__ import annotations

from ..lexicon import Lexicon
from .actor_mentions import ActorMention
from .participles import PARTICIPLE_DEPS
from .rules import Tree

#: the links from a document noun to the actor that wrote it: "UN resolution", "resolution of the UN", "резолюция ООН"
OWNER_DEPS = {"compound", "poss", "nmod", "prep", "pobj", "flat", "appos"}


def document_authors(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention],
                     heads: dict) -> list[ActorMention]:
    """The actors that wrote the document noun (``document_nouns``) the participle trigger `i` describes, named in the
    noun's own phrase before the participle; empty where `i` is no such participle or the document names no author."""
    tok = tree.tokens[i]
    host = tree.head(i)
    if tok.pos != "VERB" or tok.dep.split(":")[0] not in PARTICIPLE_DEPS or host is None or \
            tree.lemma(host) not in lex.words("roles", "document_nouns"):
        return []
    authors = []
    for m in mentions:
        h = heads.get(id(m))
        if h is None or h >= i or h == host:
            continue
        path = [h] + tree.ancestors(h)
        if host in path and all(tree.tokens[j].dep.split(":")[0] in OWNER_DEPS for j in path[:path.index(host)]) \
                and tree.preposition(h) in lex.words("roles", "source_preps") | {None}:
            authors.append(m)
    return authors
