"""A protest made at a meeting held for it: "the foreign minister met the Chinese ambassador to hand him a protest
note", "встретился с послом Китая, чтобы вручить ноту протеста", "se reunió con el embajador de China para
entregarle una nota de protesta". The act named in a purpose clause of a meeting verb has no sides of its own in
the clause; it is done by the side that holds the meeting to the partner it meets (the envoy's state)."""
from __future__ import annotations

from dataclasses import replace

from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .arguments import Arguments, find_arguments, governing_verb
from .rules import Tree

PURPOSE_TYPES = {"ACCUSE", "PROTEST"}     # a note or protest handed over at the meeting
PURPOSE_DEPS = {"advcl", "xcomp"}


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
