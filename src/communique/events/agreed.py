"""An act agreed to is part of the agreement, not an event of its own type beside it: "France agreed to sign an
agreement with Armenia", "Francia acordó firmar un acuerdo", "Франция согласилась подписать соглашение" state one
AGREE (the agreeing, which happened), not also a planned signing of the same pair. Likewise an invitation accepted
by a guest whose visit the text reports ("thanked him for accepting the invitation to visit") is the visit's
background, no invitation of its own."""
from __future__ import annotations

from typing import Any

from ..lexicon import lexicon
from ..records import Article
from .rules import Tree

#: how far up the parse the agreeing word may govern the act agreed to ("agreed to sign", "дала согласие на подписание")
REACH = 3


def drop_agreed_acts(article: Article, candidates: list[Any]) -> list[Any]:
    """Drop a planned candidate governed by a trigger word of its own type, in a sentence where an event of that
    type and pair happened (the act agreed to, under the agreeing: the agreeing word's own reading may have lost
    to another of the sentence, as in a headline and a lead run together)."""
    key = lambda c: (c.sentence, c.type, frozenset((c.source.code, c.target.code)))   # noqa: E731
    happened = {key(c) for c in candidates if c.status == "occurred"}
    return [c for c in candidates if not (c.status == "planned" and key(c) in happened and _agreed(article, c))]


def _sentence_reading(article: Article, c: Any) -> tuple[Any, Tree] | None:
    """The lexicon and parse tree of a candidate's sentence (None for a language without a lexicon)."""
    sentence = article.sentences[c.sentence]
    lex = lexicon(sentence.language)
    return None if lex is None else (lex, Tree(sentence))


def _agreed(article: Article, c: Any) -> bool:
    reading = _sentence_reading(article, c)
    if reading is None:
        return False
    lex, tree = reading
    return any(c.type in {f.type for f in lex.frames_of(tree.lemma(a), tree.tokens[a].text, tree.tokens[a].pos)}
               for a in tree.ancestors(c.trigger, REACH))


def drop_accepted_invitations(article: Article, candidates: list[Any]) -> list[Any]:
    """Drop an invitation (REQUEST, mode "invitation") that an acceptance verb governs ("принял приглашение",
    "accepted the invitation", "aceptó la invitación") when the document reports the invited side's visit to the
    inviting one as made: the visit is the event. An invitation accepted for a visit still to come stays.
    The acceptance itself (AGREE on the acceptance verb) goes with it: the visit made is the event."""
    visited = {(c.source.code, c.target.code) for c in candidates if c.type == "CONSULT" and c.status == "occurred"}
    return [c for c in candidates if not (c.type == "REQUEST" and c.frame.mode == "invitation"
                                          and (c.target.code, c.source.code) in visited and _accepted(article, c))
            and not (c.type == "AGREE" and (c.source.code, c.target.code) in visited
                     and _accepting_invitation(article, c))]


def _accepting_invitation(article: Article, c: Any) -> bool:
    """The candidate's trigger is an acceptance verb whose object is an invitation ("accepted the invitation")."""
    reading = _sentence_reading(article, c)
    if reading is None:
        return False
    lex, tree = reading
    return tree.lemma(c.trigger) in lex.words("roles", "acceptance_verbs") and any(
        f.mode == "invitation" for k in tree.children[c.trigger]
        for f in lex.frames_of(tree.lemma(k), tree.tokens[k].text, tree.tokens[k].pos))


def _accepted(article: Article, c: Any) -> bool:
    reading = _sentence_reading(article, c)
    if reading is None:
        return False
    lex, tree = reading
    head = tree.head(c.trigger)
    return head is not None and tree.lemma(head) in lex.words("roles", "acceptance_verbs")
