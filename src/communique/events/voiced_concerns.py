"""Criticism voiced as concern over the other side's hostile act is an accusation of that side (issue 15).

"Canada remained concerned over human rights violations in Nicaragua", "Colombia expresó su preocupación por la
injerencia de Venezuela", "Казахстан выразил обеспокоенность вмешательством США": the one concerned accuses
whoever the act's phrase names as its doer. Only an act of ``[roles] hostile_act_nouns`` counts, so concern over a
state of things ("the humanitarian situation in Sudan") accuses no one, and a side the act was aimed at ("concern
over attacks on Ukraine", ``aimed_preps``) is no doer. A concern voiced through a pronoun or a "ministry" subject
("Canada said it remained concerned") is the one who said it, or the side the text was speaking of.
"""
from __future__ import annotations

from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .claimed_acts import someone_else_speaks
from .merge import Candidate
from .rules import OBJECT_DEPS, SUBJECT_DEPS, Tree
from .status import event_status

CONCERN = Frame(type="ACCUSE", mode="disapprove", speaker=True)   # PLOVER's mode for disapproval
CONCERN_CONFIDENCE = 0.6                  # below an accusing verb's own reading, which wins a tie in the merge


def voiced_concerns(tree: Tree, lex: Lexicon, mentions: list[ActorMention], heads: dict, index: int,
                    context: list[ActorMention] = ()) -> list[Candidate]:
    """One ACCUSE candidate per concern word whose phrase names a hostile act of another side."""
    acts, words = lex.words("roles", "hostile_act_nouns"), lex.words("roles", "concern_words")
    out = []
    for c in range(len(tree.tokens)):
        if tree.lemma(c) not in words or event_status(tree, c, lex) != "occurred":
            continue
        holder = concerned_side(tree, c, lex, mentions, heads, context)
        if holder is None:
            continue
        for a in sorted(concern_scope(tree, c)):
            if tree.tokens[a].pos != "NOUN" or tree.lemma(a) not in acts:
                continue
            doers = [m for m in mentions if heads.get(id(m)) in tree.subtree(a) - {a}
                     and not aimed_at(tree, heads[id(m)], a, lex) and m.code != holder.code and m.kind != "person"]
            if doers:
                out.append(Candidate("ACCUSE", CONCERN, holder, doers[0], index, c, CONCERN_CONFIDENCE))
                break
    return out


def concern_scope(tree: Tree, c: int) -> set[int]:
    """What the concern at `c` is about: its own phrase, and a phrase after it the parser hung on the verb that
    voices it ("выразил обеспокоенность вмешательством США": the instrumental is the concern's)."""
    scope = set(tree.subtree(c)) - {c}
    if tree.tokens[c].dep.split(":")[0] in OBJECT_DEPS and (v := tree.head(c)) is not None:
        scope |= {j for k in tree.kids(v, "obl", "nmod") if k > c for j in tree.subtree(k)}
    return scope


def concerned_side(tree: Tree, c: int, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                   context: list[ActorMention] = ()) -> ActorMention | None:
    """Who voices the concern at `c`: the subject of the word itself ("Россия обеспокоена") or of the verb above it
    ("expressed concern", "remained concerned", "manifestó su preocupación"); through a pronoun or a "ministry"
    subject, the one who said it ("Canada said it remained concerned") or the side spoken of before."""
    for v in [c, *tree.ancestors(c, 4)]:
        subjects = [tree.subtree(k) for k in tree.kids(v, *SUBJECT_DEPS)]
        found = [m for m in mentions if m.kind != "place" and any(heads.get(id(m)) in s for s in subjects)]
        if found:
            return found[0]
        if someone_else_speaks(tree, v, lex):
            return None                   # a subject that names no actor: someone else is concerned
    return next((m for m in context if m.kind != "place"), None)


def aimed_at(tree: Tree, h: int, act: int, lex: Lexicon) -> bool:
    """The name at `h` sits in a phrase the act is aimed at ("attacks on Ukraine", "ataques contra Siria")."""
    aimed = lex.words("roles", "aimed_preps")
    return any(tree.preposition(j) in aimed for j in [h, *tree.ancestors(h)] if j != act and j in tree.subtree(act))
