"""Words a summons, a protest or an envoy recalled answers are an accusation by whoever said them (issue 15, acts
read the wrong way round).

"China summoned the Japanese ambassador over his comments on Taiwan", "Argentina convocó al embajador de Chile para
trasladarle su rechazo por las declaraciones del presidente chileno", "МИД Польши вызвал посла России в связи с
заявлениями российского министра": the summoning side answers words said against it, so besides its own reproach
(X→Y) the text states the other side's (Y→X). Only words of ``[roles] offending_words`` in a phrase of
``cause_preps`` or ``reason_preps`` below the summons or protest count; their author is the actor named in their own
phrase (not a topic: "comments on Taiwan"), else the side summoned or protested to.
"""
from __future__ import annotations

from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .merge import Candidate
from .rules import OBJECT_DEPS, Tree
from .triggers import act_kind

WORDS = Frame(type="ACCUSE", mode="disapprove", speaker=True)
ANSWERED_CONFIDENCE = 0.6                 # below a reproach's own reading, which wins a tie in the merge
AUTHOR_DEPS = {"poss", "nmod", "amod", "nmod:poss", "det"}   # "his comments", "declaraciones del presidente chileno"


def answered_words(tree: Tree, lex: Lexicon, found: list[Candidate], mentions: list[ActorMention],
                   heads: dict, index: int) -> list[Candidate]:
    """One ACCUSE candidate, author → summoning side, per summons or protest of `found` that answers words."""
    words = lex.words("roles", "offending_words")
    preps = lex.words("roles", "cause_preps") | lex.words("roles", "reason_preps")
    authors = lex.words("roles", "author_preps") | {None}      # None: a possessor or a genitive with no preposition
    out: list[Candidate] = rejected_accusations(tree, lex, found, mentions, heads, index, authors)
    for c in found:
        if c.mutual or not (c.frame.mode == "summon" or c.type == "PROTEST" or answering_envoys(tree, c, lex)):
            continue
        for w in sorted(tree.subtree(c.trigger) - {c.trigger}):
            if tree.tokens[w].pos != "NOUN" or not tree.is_word(w, words) or not cause_phrase(tree, w, preps):
                continue
            author = next((m for m in mentions if said_by(tree, heads.get(id(m)), w, authors)), c.target)
            if author.code != c.source.code and author.kind != "place":
                # told by the summons' own trigger: the sentence's reading of the pair keeps both directions
                out.append(Candidate("ACCUSE", WORDS, author, c.source, index, c.trigger, ANSWERED_CONFIDENCE))
            break
    return out


def rejected_accusations(tree: Tree, lex: Lexicon, found: list[Candidate], mentions: list[ActorMention],
                         heads: dict, index: int, authors: frozenset[str | None]) -> list[Candidate]:
    """An accusation rejected is one made ("China rejected Japan's accusations against Beijing", "rechazó las
    acusaciones de Japón", "отверг обвинения Японии в адрес Пекина"): its author, named as the noun's own (a
    possessor, a genitive, ``author_preps``), accused the side that rejects it. ``[roles] accusation_nouns`` only,
    the object of the rejection itself."""
    nouns = lex.words("roles", "accusation_nouns")
    out: list[Candidate] = []
    for c in found:
        if c.mutual or c.type != "REJECT" or not nouns:
            continue
        for w in tree.kids(c.trigger, *OBJECT_DEPS):
            if tree.tokens[w].pos != "NOUN" or not tree.is_word(w, nouns):
                continue
            author = next((m for m in mentions if said_by(tree, heads.get(id(m)), w, authors)), None)
            if author is not None and author.code != c.source.code and author.kind != "place":
                out.append(Candidate("ACCUSE", WORDS, author, c.source, index, w, ANSWERED_CONFIDENCE))
    return out


def answering_envoys(tree: Tree, c: Candidate, lex: Lexicon) -> bool:
    """An envoy recalled or expelled ("recalled its ambassador over the minister's claims", "llamó a consultas a su
    embajador por las declaraciones de", "отозвало посла из-за заявлений"): it answers words as a summons does."""
    return c.type == "SANCTION" and act_kind(tree, c.trigger, c.frame, lex) == "envoys"


def cause_phrase(tree: Tree, w: int, preps: frozenset[str]) -> bool:
    """The noun at `w` opens a phrase of what is answered ("over his comments", "por las declaraciones", "в связи с
    заявлениями"), itself or as the first of its conjuncts ("over threats and insults")."""
    first = tree.head(w) if tree.tokens[w].dep == "conj" else w
    return first is not None and tree.preposition(first) in preps


def said_by(tree: Tree, h: int | None, w: int, authors: frozenset[str | None]) -> bool:
    """The name at `h` says whose the words at `w` are: a possessor, a genitive or a demonym of the noun itself, or
    a phrase of ``[roles] author_preps`` ("the comments of", "por parte de")."""
    return h is not None and h != w and tree.head(h) == w and tree.tokens[h].dep in AUTHOR_DEPS \
        and tree.preposition(h) in authors
