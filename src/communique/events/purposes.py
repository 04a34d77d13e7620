"""Acts named in a purpose clause ("X did A to do B"), whose sides or type come from the act they serve.

A protest made at a meeting held for it: "the foreign minister met the Chinese ambassador to hand him a protest
note", "встретился с послом Китая, чтобы вручить ноту протеста", "se reunió con el embajador de China para
entregarle una nota de protesta". The act named in a purpose clause of a meeting verb has no sides of its own in
the clause; it is done by the side that holds the meeting to the partner it meets (the envoy's state)."""
from __future__ import annotations

from dataclasses import replace

from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .arguments import Arguments, find_arguments, governing_verb
from .rules import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree

PURPOSE_TYPES = {"ACCUSE", "PROTEST"}     # a note or protest handed over at the meeting
PURPOSE_DEPS = {"advcl", "xcomp"}
AID_PURPOSE_TYPES = {"SUPPORT", "CONSULT", "COOPERATE"}    # help, assistance, relief named by a verb
AID_PURPOSE_DEPS = PURPOSE_DEPS | {"acl"}                  # "aid to support", "ayuda para asistir": under the noun
AID_ARGUMENT_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | OBJECT_DEPS | {"obl", "prep", "nmod"}


def purpose_sides(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                  args: Arguments) -> Arguments | None:
    """The sides of protest trigger `i` taken from the meeting verb whose purpose clause it stands in, where the
    clause itself leaves one missing; else None."""
    if frame.type not in PURPOSE_TYPES or (args.source or args.pair) and args.target:
        return None
    clause = i if tree.tokens[i].pos == "VERB" else governing_verb(tree, i)
    meeting = tree.head(clause) if clause is not None else None
    if meeting is None or meeting == clause or tree.tokens[clause].dep.split(":")[0] not in PURPOSE_DEPS:
        return None
    tok = tree.tokens[meeting]
    frames = [f for f in lex.frames_of(tok.lemma, tok.text, tok.pos) if f.type == "CONSULT" and not f.inverse]
    if not frames:
        return None
    met = find_arguments(tree, meeting, frames[0], lex, mentions, heads)
    source = args.source or met.source
    taken = {m.code for m in source}
    target = [m for m in args.target or met.target if m.code not in taken]
    return replace(args, source=source, pair=[], target=target) if source and target else None


def aid_purpose(tree: Tree, i: int, frame: Frame, lex: Lexicon, cargo: frozenset[str]) -> Frame | None:
    """An AID frame for help verb `i` where it is the purpose of an act that carries aid (`cargo`: aid and what
    it comes as); else None. The purpose needs its mark ("to", "para", "чтобы"): "agreed to support" is no aid."""
    if frame.type not in AID_PURPOSE_TYPES or tree.tokens[i].pos != "VERB":
        return None
    g = tree.head(i)
    if g is None or g == i or tree.tokens[i].dep.split(":")[0] not in AID_PURPOSE_DEPS:
        return None
    marks = lex.words("status", "purpose_marks")
    if not any(tree.is_word(m, marks) for m in tree.kids(i, "mark", "aux")):
        return None
    if tree.tokens[g].pos in ("NOUN", "PROPN"):
        carried = {g}                     # "un cargamento de ayuda para asistir": the noun is the aid
    else:                                 # the aid verb's own arguments, not the purpose clause
        carried = set().union(*(tree.subtree(c) for c in tree.kids(g, *AID_ARGUMENT_DEPS)))
    if not any(tree.is_word(n, cargo) for n in carried):
        return None
    return replace(frame, type="AID", mode=None, venue=True)


VISIT_AIM_TYPES = {"COOPERATE"}          # ties, relations, cooperation a visit is to strengthen
VISIT_AIM_STEPS = 5


def visit_aim(tree: Tree, i: int, frame: Frame, lex: Lexicon) -> bool:
    """Is cooperation trigger `i` what a visit is said to be for by a participle on the visit noun ("a visit aimed
    at strengthening bilateral ties", "una visita destinada a fortalecer los lazos", "визит, направленный на
    укрепление связей")? The visit is the event; the ties it is to strengthen are its aim, no act of their own."""
    if frame.type not in VISIT_AIM_TYPES:
        return False
    j, aim = i, None
    for _ in range(VISIT_AIM_STEPS):
        h = tree.head(j)
        if h is None or h == j or tree.tokens[j].dep.split(":")[0] in ("conj", "nsubj", "nsubjpass"):
            return False
        if aim is None and tree.tokens[j].pos in ("VERB", "ADJ") and tree.tokens[j].dep.split(":")[0] in ("acl", "amod"):
            aim = j                       # the participle that states the aim ("destinada a": an adjective)
        tok = tree.tokens[h]
        if aim is not None and tree.head(aim) == h:
            return tok.pos == "NOUN" and any(f.type == "CONSULT" and f.mode == "visit"
                                             for f in lex.frames_of(tok.lemma, tok.text, tok.pos))
        j = h
    return False
