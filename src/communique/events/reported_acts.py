"""Acts named inside another act.

An act named in what a reaction answers ("condemned Washington for imposing sanctions on Iran", "condemned new
Western sanctions against Belarus") is not the reacting side's act: its doer is the one the reaction is aimed at
(the reaction's object, for a reason clause: ``reason_preps``), else whoever the act's own phrase names, else no
one. Neither the side the act was aimed at nor what a reason clause names is a target of the reaction.
"""
from __future__ import annotations

from ..lexicon import Lexicon
from .actor_mentions import ActorMention
from .rules import OBJECT_DEPS, SUBJECT_DEPS, Tree

REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
PUNISHING_TYPES = REACTION_TYPES | {"SANCTION"}   # a reason clause under them names what the punished side did


PATH_DEPS = {"dobj", "obj", "pobj", "pcomp", "prep", "nmod", "obl", "acl"}   # acl: "the move to impose sanctions"
CLAUSE_DEPS = {"advcl", "xcomp"}        # a clause on the way only when a reason marks it ("por imponer sanciones")


def marker(tree: Tree, j: int) -> str | None:
    """The preposition or subordinator that marks token `j`: "for" (an English prep), "за", "por" (case, mark)."""
    if tree.tokens[j].dep == "prep":
        return tree.lemma(j)
    marks = tree.kids(j, "mark")
    return tree.preposition(j) or (tree.lemma(marks[0]) if marks else None)


def reaction_above(tree: Tree, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """(the reaction verb above trigger `i`, its child on the way down) when `i` lies in what the reaction answers,
    through objects and prepositional phrases only: "condemned the sanctions", "condemned X for imposing ..."."""
    below, reasons = i, lex.words("roles", "reason_preps") | lex.words("roles", "cause_preps")   # "в связи с"
    for a in tree.ancestors(i, 6):
        dep = tree.tokens[below].dep.split(":")[0]
        if dep not in PATH_DEPS and not (dep in CLAUSE_DEPS and {tree.lemma(k) for k in tree.kids(below, "mark")} & reasons):
            return None
        if tree.tokens[a].pos in ("VERB", "AUX"):
            if own_types(tree, a, lex) & REACTION_TYPES or (
                    reason_phrase(tree, below, reasons) and reacts(tree, a, lex)):
                return a, below           # "condemned the sanctions", "imposed sanctions on X for supplying ..."
            if tree.kids(a, *SUBJECT_DEPS):
                return None               # a clause with its own subject: "condemned the way Russia imposed ..."
        below = a
    return None


def reported_doers(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention],
                   heads: dict) -> list[ActorMention] | None:
    """The doer of an act named in what a reaction answers, [] for none named, None where `i` is no such act:
    "condemned Washington for imposing sanctions" is Washington's; "condemned Western sanctions" names no doer."""
    found = reaction_above(tree, i, lex)
    if found is None:
        return None
    verb, child = found
    if not reason_phrase(tree, child, lex.words("roles", "reason_preps") | lex.words("roles", "cause_preps")):
        return []                         # "condemned new Western sanctions", "... the move to impose sanctions"
    outside = tree.subtree(child) | {j for s in tree.kids(verb, *SUBJECT_DEPS) for j in tree.subtree(s)}
    return [m for m in mentions if heads.get(id(m)) in tree.subtree(verb) - outside][:1]


def reason_phrase(tree: Tree, j: int, reasons: frozenset[str]) -> bool:
    """Token `j` opens a reason phrase: "por imponer sanciones", "for supplying drones"; also one
    the parser took for an object though a reason preposition marks it ("sanciones a Rusia por la invasión")."""
    return marker(tree, j) in reasons


def reacts(tree: Tree, a: int, lex: Lexicon) -> bool:
    """Verb `a` reproaches or punishes someone: its own frame ("condemned", "sanctioned") or its object's ("imposed
    sanctions on X for ...", "sent a protest note to X over ...")."""
    nouns = [o for o in tree.kids(a, *OBJECT_DEPS) if tree.tokens[o].pos == "NOUN"]
    # "envió una nota de protesta a X por ...": a container noun carries the act its phrase names
    containers = lex.words("roles", "container_nouns")
    nouns += [n for o in nouns if tree.is_word(o, containers) for n in tree.kids(o, "nmod", "compound")]
    return bool(own_types(tree, a, lex) & PUNISHING_TYPES) or \
        any(f.type in PUNISHING_TYPES for o in nouns for f in lex.nouns.get(tree.lemma(o), ()))


def own_types(tree: Tree, a: int, lex: Lexicon) -> set[str]:
    """The types verb `a` has in its plain sense: a frame that asks for a particular object or preposition
    ("принять ноту", "recall for") is another sense."""
    return {f.type for f in lex.verbs.get(tree.lemma(a), ()) if not (
        f.requires_object_noun or f.requires_prep or f.requires_modifier or f.requires_governor
        or f.requires_object_actor or f.requires_negated or f.requires_planned)}


def drop_reason_targets(tree: Tree, i: int, lex: Lexicon, targets: list[ActorMention],
                        heads: dict) -> list[ActorMention]:
    """A reaction aimed at its object ("condemned Washington for imposing sanctions on Iran"): the actors inside
    the reason phrase (a ``reason_preps`` phrase holding a clause) are what it is about, no target."""
    objects = tree.kids(i, *OBJECT_DEPS)
    if not objects or not any(heads.get(id(m)) in tree.subtree(o) for m in targets for o in objects):
        return targets
    reasons = [p for p in tree.children[i] if tree.tokens[p].dep.split(":")[0] == "prep"
               and tree.lemma(p) in lex.words("roles", "reason_preps") and tree.kids(p, "pcomp")]
    inside = {j for p in reasons for j in tree.subtree(p)}
    return [m for m in targets if heads.get(id(m)) not in inside]


def drop_aimed(tree: Tree, i: int, lex: Lexicon, targets: list[ActorMention], heads: dict) -> list[ActorMention]:
    """"condemned new Western sanctions against Belarus": the side an act in the reaction's object was aimed at
    (an ``aimed_preps`` phrase of an event noun) is no target of the reaction; its doer, when named, is."""
    aimed = lex.words("roles", "aimed_preps")
    objects = tree.kids(i, *OBJECT_DEPS)
    if tree.tokens[i].pos == "NOUN":      # a reaction noun's phrase naming the act it answers: "la condena al ataque
        # de X contra Y", "the condemnation of the attack on Y" (in English the act is the preposition's object)
        phrases = tree.kids(i, "nmod") + [o for p in tree.kids(i, "prep") for o in tree.kids(p, "pobj")]
        objects += [c for c in phrases if tree.lemma(c) in lex.nouns]
    inside = {j for o in objects for j in tree.subtree(o)}
    out = []
    for m in targets:
        h = heads.get(id(m))
        path = [h] + tree.ancestors(h) if h is not None and h in inside else []
        # "the sanctions against Belarus", "the imposition of sanctions against Belarus"; not "... imposed by Poland"
        aim = next((j for j in path if tree.preposition(j) in aimed and tree.head(j) in inside
                    and tree.lemma(tree.head(j)) in lex.nouns), None)
        if aim is not None and not any(tree.tokens[j].pos == "VERB" for j in path[:path.index(aim)]):
            continue
        out.append(m)
    return out


def alleged_act(tree: Tree, i: int, lex: Lexicon) -> bool:
    """"for allegedly providing military assistance", "якобы удар": an act the text only reports as alleged
    (``alleged_words`` on the trigger or on the verb that carries it) is no event it states; a reproach alleged
    ("alleged provocations") still accuses."""
    words = lex.words("roles", "alleged_words")
    tok = tree.tokens[i]
    if any(f.type == "ACCUSE" for f in lex.frames_of(tok.lemma, tok.text, tok.pos)):
        return False                      # "alleged Russian provocations": the allegation is the accusation
    carriers = [i] + ([h] if (h := tree.head(i)) is not None and tree.tokens[i].dep.split(":")[0] in OBJECT_DEPS else [])
    return any(tree.is_word(c, words)
               for a in carriers for c in tree.kids(a, "advmod", "amod"))


def aimed_doers(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                taken: set[str]) -> list[ActorMention] | None:
    """"un paquete de medidas contra Moscú por la invasión a Ucrania", "measures against Moscow for the invasion":
    an act named in a reason phrase of a clause that is aimed at someone (an ``aimed_preps`` phrase outside the
    reason) is that side's doing, not the aiming subject's. None where the trigger is in no such reason phrase."""
    reasons = lex.words("roles", "reason_preps") | lex.words("roles", "cause_preps")
    aimed = lex.words("roles", "aimed_preps")
    path = [i, *tree.ancestors(i, 5)]
    opened = next((n for n, j in enumerate(path[:-1]) if reason_phrase(tree, j, reasons)), None)
    if opened is None or any(tree.tokens[j].pos in ("VERB", "AUX") for j in path[:opened + 1]):
        return None                       # no reason phrase, or one inside a clause of the trigger's own
    # the clause the reason phrase belongs to: the first verb above it (else the phrase's top)
    top = next((j for j in path[opened + 1:] if tree.tokens[j].pos in ("VERB", "AUX")), path[-1])
    inside, scope = tree.subtree(path[opened]), tree.subtree(top)
    found = [m for m in mentions if m.code not in taken and (h := heads.get(id(m))) is not None
             and h in scope and h not in inside
             and any(tree.preposition(j) in aimed for j in [h, *tree.ancestors(h, 3)] if j in scope)]
    return found[:1] or None
