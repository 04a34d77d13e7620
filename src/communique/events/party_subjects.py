"""Subjects that stand for the two sides of the context: "the parties agreed", "ambas partes acordaron", "стороны
договорились", and a joint act told by a plural verb with no subject ("Acordaron elevar las relaciones") — but not
one side's own ("his country", "su país"), a single office holder ("Sudanese President ... said") or a group an
adjective picks out ("Western countries"). Split from `arguments` (which finds an event's own source and target).
"""
from __future__ import annotations

from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .arguments import SUBCLAUSE_DEPS, Arguments, governing_verb, possessive_pronoun
from .rules import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree


def plural_party_subject(tree: Tree, i: int, lex: Lexicon) -> bool:
    """"The parties agreed", "ambas partes acordaron", "стороны договорились": both sides of the context."""
    parties = lex.words("roles", "party_subjects")
    g = governing_verb(tree, i)
    if tree.tokens[i].pos in ("NOUN", "PROPN") and tree.tokens[i].dep.split(":")[0] in SUBCLAUSE_DEPS:
        g = None                          # "these countries consider that the dam is a threat": not their act
    nodes = [i] + ([g] if g is not None else [])
    if g is not None and tree.tokens[g].dep == "conj" and tree.lemma(g) in lex.words("roles", "light_verbs") \
            and (first := tree.head(g)) is not None and tree.tokens[first].dep.split(":")[0] == "xcomp":
        nodes.append(g := first)          # "договорились расширять ... и провести раунд": a later controlled conjunct
    if g is not None and tree.tokens[g].dep.split(":")[0] == "xcomp" and (h := tree.head(g)) is not None:
        nodes.append(h)                   # "стороны договорились провести раунд консультаций": the controller's
    return any(tree.is_word(s, parties) and not described_group(tree, s)
               and not owned_one(tree, s, lex) and not one_office_holder(tree, s)
               for n in nodes for s in tree.kids(n, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS))


def party_subject(tree: Tree, i: int, frame: Frame, lex: Lexicon, args: Arguments,
                  mentions: list[ActorMention]) -> bool:
    """`plural_party_subject`, or a joint act told by a plural verb with no subject at all and no actor in its clause
    ("Acordaron elevar las relaciones", "Договорились расширить торговлю"): both sides of the context, as "they
    agreed" would be. ("Acordaron fortalecer la cooperación en la ONU" names a forum, no side: left as it was.)"""
    return plural_party_subject(tree, i, lex) or \
        frame.mutual and not args.target and dropped_plural_subject(tree, i, mentions)


def dropped_plural_subject(tree: Tree, i: int, mentions: list[ActorMention]) -> bool:
    """The trigger's finite verb (itself, or the verb whose object or complement it is) is a third person plural
    with no subject of its own, nor one it shares as a coordinated or controlled verb, not a passive, and no actor
    but a place is named in its clause (a forum: "en la ONU", "a través de Mercosur")."""
    g = i if tree.tokens[i].pos in ("VERB", "AUX") else governing_verb(tree, i)
    while g is not None and tree.tokens[g].dep.split(":")[0] in ("xcomp", "conj") and tree.head(g) is not None:
        g = tree.head(g)
    if g is None or tree.tokens[g].pos not in ("VERB", "AUX") or tree.is_passive(g):
        return False
    morph = tree.tokens[g].morph
    clause = [tree.tokens[k] for k in tree.subtree(g)]
    start, end = min(t.start for t in clause), max(t.end for t in clause)
    return morph.get("Number") == "Plur" and morph.get("Person") in (None, "3") and \
        morph.get("VerbForm") == "Fin" and not tree.kids(g, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) and \
        not any(start <= m.start < end and m.kind != "place" for m in mentions)


def owned_one(tree: Tree, s: int, lex: Lexicon) -> bool:
    """"his country", "her president", "его страна", "su país": one side, its owner's (the speaker's), never the two
    sides of the context ("their countries", "их страны" still are)."""
    return tree.tokens[s].morph.get("Number") != "Plur" and possessive_pronoun(tree, s, lex)


def one_office_holder(tree: Tree, s: int) -> bool:
    """"Sudanese President, Omar al-Bashir, said during his meeting with", "Президент Судана заявил в ходе встречи": a
    singular title is one person, not the two sides of the context ("the two leaders", "los presidentes" are)."""
    return tree.tokens[s].pos in ("NOUN", "PROPN") and tree.tokens[s].morph.get("Number") == "Sing"


def described_group(tree: Tree, s: int) -> bool:
    """"Western countries", "European leaders", "los países latinoamericanos", "западные страны": a group the
    adjective picks out, not the two sides already named ("the two leaders", "ambos cancilleres" still are)."""
    return tree.tokens[s].morph.get("Number") == "Plur" and any(
        tree.tokens[c].pos == "ADJ" for c in tree.kids(s, "amod", "compound"))
