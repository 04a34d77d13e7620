"""The doer of a participle in an absolute construction: "Guyana denied the claim, with Caracas also accusing
President Ali of refusing dialogue" is Caracas's accusation, not Guyana's. The noun after the absolute preposition
(``absolute_preps``) is the participle's subject, whether the parser hung the participle on that noun ("with
[Caracas accusing ...]") or made both siblings under the main verb. Only after a comma or at the start of the
clause: "filed a complaint with the UN accusing Russia" is the complaint's own participle (see
`Tree.partner_participle`)."""
from __future__ import annotations

from dataclasses import replace

from ..lexicon import Lexicon
from .actor_mentions import ActorMention
from .arguments import Arguments
from .rules import SUBJECT_DEPS, Tree

NOUN_POS = ("NOUN", "PROPN")


def absolute_noun(tree: Tree, i: int, lex: Lexicon) -> int | None:
    """The noun that is the subject of participle `i` in an absolute construction, or None."""
    tok = tree.tokens[i]
    preps = lex.words("roles", "absolute_preps")
    h = tree.head(i)
    if not preps or h is None or tok.pos != "VERB" or tok.morph.get("VerbForm") not in ("Part", "Ger") \
            or tok.morph.get("Tense") == "Past" or tree.kids(i, *SUBJECT_DEPS):
        return None
    if tok.dep.split(":")[0] == "acl" and tree.tokens[h].pos in NOUN_POS and tree.tokens[h].dep == "pobj":
        w, noun = tree.head(h), h                 # "with [Caracas accusing ...]"
    elif tok.dep.split(":")[0] == "advcl":
        ws = [w for w in tree.kids(h, "prep") if w < i and tree.lemma(w) in preps]
        objects = tree.kids(ws[-1], "pobj") if ws else []
        if not objects:
            return None
        w, noun = ws[-1], objects[0]
        if any(tree.tokens[k].pos not in ("ADV", "PART") for k in range(max(tree.subtree(noun)) + 1, i)):
            return None                           # only adverbs between the noun and its participle ("also")
    else:
        return None
    if w is None or tree.lemma(w) not in preps or not (w == 0 or tree.tokens[w - 1].pos == "PUNCT"):
        return None
    return noun


def absolute_arguments(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                       args: Arguments) -> Arguments | None:
    """`args` with the actors of the absolute construction's noun as the source, or None when `i` heads none."""
    noun = absolute_noun(tree, i, lex)
    if noun is None:
        return None
    own = tree.subtree(i)
    doers = [m for m in mentions if heads.get(id(m)) in tree.subtree(noun) - own]
    if not doers:
        return None
    codes = {m.code for m in doers}
    return replace(args, source=doers, target=[m for m in args.target if m.code not in codes], has_subject=True,
                   subject_is_pronoun=False)


def absolute_nouns(tree: Tree, p: int, lex: Lexicon) -> list[int]:
    """The subject nouns of participle `p` when it heads an absolute construction ("..., with Bolivia accusing"),
    also where the parser gave it its subject itself; [] when it heads none."""
    if tree.tokens[p].pos != "VERB":
        return []
    w = tree.head(p)
    if tree.tokens[p].dep == "pcomp" and w is not None and w > 0 and tree.lemma(w) in lex.words(
            "roles", "absolute_preps") and tree.tokens[w - 1].pos == "PUNCT":   # "with [Bolivia accusing ...]"
        return tree.kids(p, *SUBJECT_DEPS)
    noun = absolute_noun(tree, p, lex)
    return [] if noun is None else [noun]


def other_absolute(tree: Tree, i: int, lex: Lexicon, h: int | None) -> bool:
    """Is token `h` inside an absolute construction that trigger `i` only governs ("Chile rejected the report, with
    Bolivia accusing Peru ..."): Bolivia and Peru are the participle's doer and target, no party to the rejection."""
    if h is None or not lex.words("roles", "absolute_preps"):
        return False
    for p in tree.subtree(i) - {i}:
        nouns = absolute_nouns(tree, p, lex)
        if nouns and (h in tree.subtree(p) or any(h in tree.subtree(n) for n in nouns)):
            return True
    return False


def drop_elaborations(tree: Tree, lex: Lexicon, found: list) -> list:
    """"Both countries downgraded relations, with Cambodia expelling the Thai ambassador": an act in an absolute
    construction that only details an act of the same type and sides stated by the verb above it is that act."""
    if not lex.words("roles", "absolute_preps") or len(found) < 2:
        return found
    inner = {p: tree.subtree(p) for p in range(len(tree.tokens)) if absolute_nouns(tree, p, lex)}
    return [c for c in found if not any(
        c.trigger in below and k is not c and k.trigger not in below and p in tree.subtree(k.trigger)
        and (k.type, k.source.code, k.target.code) == (c.type, c.source.code, c.target.code)
        for p, below in inner.items() for k in found)]
