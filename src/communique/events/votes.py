"""A vote for a body's text is no support of the body: "Kenya and Ghana supported the UN resolution", "México
apoyó la resolución de la OEA", "Армения поддержала резолюцию ООН". The gold conventions code a vote against a
resolution as a rejection and a vote for it as no event (the resolution itself, adopted, is the body's act on the
state it names); a state's own draft ("supported Kazakhstan's resolution") is still support of that state."""
from __future__ import annotations

from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .rules import Tree

CLAUSE_DEPS = ("acl", "relcl", "acl:relcl")   # a clause under the text: what it says


def voted_for(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> bool:
    """Is support trigger `i` a vote for a text (``voted_texts`` in [roles]: resolution, resolución, резолюция) that
    an organisation named in the text's own phrase adopts?"""
    if frame.type != "SUPPORT":
        return False
    texts = lex.words("roles", "voted_texts")
    near = [j for j in tree.children[i] if tree.is_word(j, texts)]
    near += [j for k in tree.children[i] for j in tree.children[k] if tree.is_word(j, texts)]   # "support for the"
    g = tree.head(i)
    if tree.tokens[i].pos == "NOUN" and g is not None and g != i:      # "expresó su apoyo a la resolución": the
        near += [j for j in tree.children[g] if j != i and tree.is_word(j, texts)]     # phrase hung on the verb
    for j in near:                        # who adopts it, not what it says ("resolution demanding that X")
        said = set().union(*(tree.subtree(c) for c in tree.kids(j, *CLAUSE_DEPS)))
        phrase = tree.subtree(j) - said
        owners = [m for m in mentions if heads.get(id(m)) in phrase]
        if owners and all(m.kind == "org" for m in owners):
            return True
    return False
