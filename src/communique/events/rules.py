"""Dependency-tree helpers and the PLOVER/CAMEO tables the `events` stage reads trigger frames with.

The frames themselves are language data (`communique.lexicon`, from ``data/lang/<iso>/events.toml``).
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from ..datafiles import language_data, load_data
from ..records import Sentence, Token

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"}
OBJECT_DEPS = {"dobj", "obj", "iobj", "dative"}
POSSESSIVE_CLITICS = {"'s", "'", "’s", "’"}
MODIFIER_DEPS = {"poss", "nmod:poss", "compound", "amod", "nmod", "appos", "flat", "nummod"}
OBLIQUE_DEPS = {"prep", "obl", "nmod", "obl:agent", "obl:tmod", "advmod"}
PASSIVE_AUXILIARIES = {"ser", "быть", "be"}
NAME_LABELS = {"ORG", "MISC", "WORK_OF_ART", "LAW", "EVENT", "FAC"}
# links a trigger's status words may come through ("plans to visit", "the visit is scheduled", "expected to sign")
STATUS_LINKS = {"xcomp", "dobj", "obj", "nsubj", "nsubjpass", "nsubj:pass", "pobj", "prep", "obl", "nmod", "conj",
                "attr", "oprd", "root", "acl", "pcomp"}
CLAUSE_LINKS = {"conj", "xcomp", "advcl", "ccomp", "acl", "relcl", "acl:relcl", "parataxis", "csubj"}


@functools.lru_cache(maxsize=1)
def plover_types() -> dict[str, dict[str, Any]]:
    """PLOVER event types with their descriptions and modes (data/plover.toml)."""
    return load_data("plover.toml").get("types", {})


@functools.lru_cache(maxsize=16)
def contracted_prepositions(language: str) -> dict[str, str]:
    """A preposition written as one word with the article after it, and the preposition it holds ("del" = "de
    el", "al" = "a el": "viajó al Perú", "la firma del Acuerdo entre ..."): ``[contractions]`` of the language's
    events.toml. The parser leaves the contraction as its own lemma."""
    return dict((language_data(language, "events") or {}).get("contractions", {}))


_UNREAD = object()                        # not computed yet (None is an answer)


class Tree:
    """Read-only view of one sentence's dependency parse."""

    def __init__(self, sentence: Sentence) -> None:
        self.tokens: list[Token] = sentence.tokens
        tokens = self.tokens
        self.contractions = contracted_prepositions(sentence.language)
        n = len(tokens)
        children: list[list[int]] = [[] for _ in tokens]
        # the rules ask each token's head, label and lemma many times over (every candidate trigger walks the
        # same few tokens): read once here, each a list lookup after
        heads: list[int | None] = []
        for i, tok in enumerate(tokens):
            h = tok.head
            if 0 <= h < n and h != tok.i:
                children[h].append(tok.i)
            heads.append(None if h == i or not 0 <= h < n else h)
        self.children: list[list[int]] = children
        self._heads: list[int | None] = heads
        self._deps: list[str] = [tok.dep for tok in tokens]
        self._bases: list[str] = [dep.partition(":")[0] for dep in self._deps]
        self._lemmas: list[str] = [tok.lemma.lower() for tok in self.tokens]
        self._forms: list[str] = [tok.text.lower() for tok in self.tokens]
        # the three lookups the rules make most (some three million per thousand articles): each its list's own item
        # lookup, bound here, so that a call runs no Python frame (the methods below say what each gives)
        self.head = self._heads.__getitem__         # type: ignore[method-assign]
        self.lemma = self._lemmas.__getitem__       # type: ignore[method-assign]
        self.form = self._forms.__getitem__         # type: ignore[method-assign]
        self._subtrees: dict[int, frozenset[int]] = {}
        self._chains: dict[int, list[int]] = {}
        self._prepositions: dict[int, str | None] = {}
        self._span_heads: dict[tuple[int, int], int | None] = {}
        self._passives: dict[int, bool] = {}
        # what a rule reads of the whole sentence, whatever the trigger or the mention it is asked for ("the
        # sidelines phrases", "the talk verbs' objects"): computed at the first asking, by the key its rule gives
        self.memo: dict[Any, Any] = {}

    def remember(self, key: Any, compute: Callable[[], Any]) -> Any:
        """What `compute` gives for `key` in this sentence, computed at the first asking only (see `memo`)."""
        found = self.memo.get(key, _UNREAD)
        if found is _UNREAD:
            found = self.memo[key] = compute()
        return found

    def head(self, i: int) -> int | None:
        return self._heads[i]

    def ancestors(self, i: int, limit: int | None = None) -> list[int]:
        """The heads above token `i`, nearest first (the first `limit` of them): a chain of junk can be as long as
        the sentence, and callers that look a few steps up must not walk all of it for every token. (The whole
        chain is walked once per token and kept; a limit takes its first steps.)"""
        chain = self._chains.get(i)
        if chain is None:
            heads = self._heads
            chain, seen = [], {i}
            h = heads[i]
            while h is not None and h not in seen:
                chain.append(h)
                seen.add(h)
                h = heads[h]
            self._chains[i] = chain
        return chain[:] if limit is None else chain[:max(limit, 0)]

    def kids(self, i: int, *deps: str) -> list[int]:
        children = self.children[i]
        if not deps or not children:      # most tokens have no children: no list comprehension for them
            return list(children)
        labels, bases = self._deps, self._bases
        return [c for c in children if labels[c] in deps or bases[c] in deps]

    def subtree(self, i: int) -> frozenset[int]:
        """Token `i` and every token below it (kept: the rules ask the same phrase's extent again and again)."""
        found = self._subtrees.get(i)
        if found is None:
            out: set[int] = set()
            stack = [i]
            while stack:
                j = stack.pop()
                if j not in out:
                    out.add(j)
                    stack.extend(self.children[j])
            found = self._subtrees[i] = frozenset(out)
        return found

    def lemma(self, i: int) -> str:
        return self._lemmas[i]

    def form(self, i: int) -> str:
        """Token `i`'s text, lower-cased."""
        return self._forms[i]

    @property
    def lemmas(self) -> list[str]:
        """Every token's lemma, lower-cased, in order (read-only)."""
        return self._lemmas

    @property
    def forms(self) -> list[str]:
        """Every token's text, lower-cased, in order (read-only)."""
        return self._forms

    def is_word(self, i: int, words: frozenset[str] | set[str]) -> bool:
        """Token `i` is one of `words`, by its lemma or its own form (a parser's lemma may miss a plural or a case)."""
        return self._lemmas[i] in words or self._forms[i] in words

    def preposition(self, i: int) -> str | None:
        """The preposition that marks token `i`: English `prep` heads, UD `case` children (kept per token: the
        argument rules ask it of the same phrases for every frame)."""
        found = self._prepositions.get(i, _UNREAD)
        if found is _UNREAD:
            found = self._prepositions[i] = self._preposition(i)
        return found

    def _preposition(self, i: int) -> str | None:
        tok = self.tokens[i]
        if tok.dep in ("prep", "agent") or (tok.dep == "dative" and tok.pos == "ADP"):   # "to give aid to Ukraine"
            return "by" if tok.dep == "agent" else tok.lemma.lower()
        # the English possessive clitic is a case mark but no preposition ("Ukraine's demands": a possessor)
        cases = [self.tokens[c] for c in self.kids(i, "case") if self.tokens[c].text not in POSSESSIVE_CLITICS]
        if len(cases) == 1 and self.kids(cases[0].i, "fixed"):
            # a preposition of several words: "votó en contra de la resolución", "со стороны России"
            return " ".join(self.tokens[k].text.lower() for k in sorted([cases[0].i, *self.kids(cases[0].i, "fixed")]))
        if cases:
            words = [self.contractions.get(c.lemma.lower(), c.lemma.lower()) for c in cases[:2]]
            return " ".join(words)
        h = self.head(i)
        if tok.dep == "pobj" and h is not None:
            return self.tokens[h].lemma.lower()
        return None

    def span_head(self, start: int, end: int) -> int | None:
        """The token of [start, end) whose head lies outside it (the mention's syntactic head). Kept per span: the
        events rules and the discourse ask it of each mention of the sentence again and again."""
        key = (start, end)
        if key not in self._span_heads:
            self._span_heads[key] = self._span_head(start, end)
        return self._span_heads[key]

    def _span_head(self, start: int, end: int) -> int | None:
        inside = [t.i for t in self.tokens if t.start < end and t.end > start]
        if not inside:
            return None
        span = set(inside)
        for i in inside:
            h = self.head(i)
            if h is None or h not in span:
                return i
        return inside[0]

    def is_passive(self, i: int) -> bool:
        """English nsubjpass/auxpass, UD :pass labels, Voice=Pass, or a participle with ser/быть ("fue recibido")
        (kept per token: the frame and status rules ask it of the same verbs again and again)."""
        found = self._passives.get(i)
        if found is None:
            found = self._passives[i] = self._is_passive(i)
        return found

    def _is_passive(self, i: int) -> bool:
        if self.kids(i, *PASSIVE_SUBJECT_DEPS) or self.kids(i, "auxpass", "aux:pass"):
            return True
        tok = self.tokens[i]
        if tok.morph.get("Voice") == "Pass":
            return True
        # a past participle with ser/be ("fue recibido"); "is visiting" is progressive, not passive
        return tok.morph.get("VerbForm") == "Part" and tok.morph.get("Tense") != "Pres" and any(
            self.lemma(c) in PASSIVE_AUXILIARIES for c in self.kids(i, "aux", "cop"))

    def partner_participle(self, i: int, preps: frozenset[str]) -> int | None:
        """The verb a participle belongs to where the parser read "verb OBJECT with X doing" as an absolute
        construction ("filed a complaint with the UN accusing Russia": Ukraine accuses, the UN is whom it filed
        with); a comma before "with" keeps the absolute reading ("..., with Russia accusing Kyiv")."""
        w = self.head(i)
        if self.tokens[i].dep != "pcomp" or self.tokens[i].morph.get("VerbForm") != "Part" or w is None \
                or self.lemma(w) not in preps:
            return None
        verb = self.head(w)
        if verb is None or self.tokens[verb].pos != "VERB" or self.tokens[w].dep != "prep":
            return None
        objects = [o for o in self.kids(verb, *OBJECT_DEPS) if o < w]
        if not objects or any(self.tokens[k].pos == "PUNCT" for k in range(max(objects), w)):
            return None
        return verb

    def inside_name(self, i: int, sentence: Sentence) -> bool:
        """True when token `i` is part of a named organisation or title ("Collective Security Treaty")."""
        tok = self.tokens[i]
        if tok.pos == "VERB" and tok.morph.get("VerbForm") == "Fin" and tok.dep == "root" and self.kids(i, "nsubj"):
            return False                  # the main verb, with its subject: "presidente de Chile agradeció" names nothing
        if tok.pos == "VERB" and tok.morph.get("VerbForm") == "Fin" and tok.morph.get("Person") in ("1", "2"):
            # a capitalised verb opening a quotation ("«Condenamos la agresión...»") that the recogniser took for a
            # one-word name: a first- or second-person finite verb names nothing
            return any(n.start <= tok.start < n.end and n.label in NAME_LABELS and n.end > tok.end for n in sentence.ner)
        return any(n.start <= tok.start < n.end and n.label in NAME_LABELS and self._opens_capitalised(n.start, n.end)
                   for n in sentence.ner)

    def _opens_capitalised(self, start: int, end: int) -> bool:
        """A recognised span's first word after its articles is capitalised: one the recogniser opened on a
        lower-case word ("bombardeo de Israel" as MISC) is no name; "the Maastricht Treaty" is."""
        first = next((t for t in self.tokens if start <= t.start < end and t.pos != "DET"), None)
        return first is None or first.text[:1].isupper() or not first.text[:1].isalpha()


def described_noun(tree: Tree, a: int) -> list[int]:
    """The noun a participle set off by a comma, with no subject of its own, describes, as the subject of its
    clause: "Токаев, находящийся с государственным визитом в Германии, встретился ..." (Tokayev is the one on the
    visit); not an infinitive ("su decisión de convocar") nor a participle that picks its noun out."""
    h, tok = tree.head(a), tree.tokens[a]
    if tok.dep.split(":")[0] != "acl" or tok.pos != "VERB" or tok.morph.get("VerbForm") != "Part" or h is None \
            or a == 0 or tree.tokens[a - 1].text != "," or tree.tokens[h].pos not in ("NOUN", "PROPN") \
            or tree.kids(a, *SUBJECT_DEPS):
        return []
    return [h]


def whither(tree: Tree, h: int, i: int) -> bool:
    """The actor at `h` heads a phrase of `i` in the accusative: after a locative preposition it says whither, not
    where ("направила ноту в МИД", "в посольство": sent to it; Russian tells the two apart by case alone). An
    actor deeper in an abstract accusative ("надежду на поддержку Казахстана") is no destination."""
    return tree.head(h) == i and tree.tokens[h].morph.get("Case") == "Acc"


def conjunct_of(tree: Tree, h: int | None, first: int | None) -> bool:
    """Token `h` is coordinated with token `first` (a chain of conjuncts up to it): "the United States, Britain and
    Canada imposed sanctions" names three doers, "Francia y Alemania", "Франция и Германия" two."""
    while first is not None and h is not None and tree.tokens[h].dep.split(":")[0] == "conj":
        h = tree.head(h)
        if h == first:
            return True
    return False


def joined_subject(tree: Tree, h: int, frame: Any, args: Any, heads: dict) -> bool:
    """The actor at `h` is coordinated with the source already found, and each of them acts: "the US, the UK, the EU
    and Canada imposed sanctions" (not in a mutual act, whose sides pair off, nor where the speaker is the source)."""
    return not (frame.mutual or frame.speaker) and conjunct_of(tree, h, heads.get(id(args.source[0])))
