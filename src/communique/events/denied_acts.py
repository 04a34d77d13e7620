"""Acts a side denies: "denied reports that it had sent a protest note", «desmintió que hubiera enviado una nota
de protesta», «опроверг информацию о том, что направил ноту протеста». The act told in the clause a denial verb
(``denial_verbs`` in ``[roles]`` of ``data/lang/<iso>/events.toml``) governs, or in the clause of a report it
denies, is not stated as happening: no event comes of it. What a denial takes as a plain object is another thing:
"denied the accusations" leaves the accusation made (it is no clause), and a conjunct or an adverbial clause of
the denial is an act of its own ("denied the reports and summoned the envoy").
"""
from __future__ import annotations

from ..lexicon import Lexicon
from .rules import Tree

DENIED_CLAUSE_LINKS = {"ccomp", "acl"}        # "denied that ...", "reports that ...", "информацию о том, что ..."
DENIED_PATH = DENIED_CLAUSE_LINKS | {"obj", "dobj", "nsubj", "nsubjpass", "nsubj:pass", "obl", "nmod", "pobj", "prep",
                                      "iobj", "amod", "compound", "mark", "case", "det"}


def denied_content(tree: Tree, i: int, lex: Lexicon) -> bool:
    """Is trigger `i` inside a clause that a denial verb (or noun) governs, directly or through a report it
    denies? The way up passes a clause link (a complement clause or a noun's clause) and no conjunct."""
    verbs = lex.words("roles", "denial_verbs")
    if not verbs:
        return False
    return tree.remember(("denied", i, lex.language), lambda: _denied(tree, i, verbs))


def _denied(tree: Tree, i: int, verbs: frozenset[str]) -> bool:
    j, clause = i, False
    for _ in range(7):
        h = tree.head(j)
        dep = tree.tokens[j].dep
        if h is None or (dep not in DENIED_PATH and dep.split(":")[0] not in DENIED_PATH):
            return False
        clause = clause or dep.split(":")[0] in DENIED_CLAUSE_LINKS
        if clause and tree.lemma(h) in verbs:
            return True
        j = h
    return False
