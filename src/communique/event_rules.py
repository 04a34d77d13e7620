"""Trigger frames and the dependency-tree helpers the `events` stage reads them with.

A language's triggers live in ``data/lang/<iso>/events.toml`` (see the comments at the top of the English file):
verbal and nominal trigger lemmas, each with one or more frames (PLOVER type, mode, which argument is the source
and which the target, constraints), the prepositions that mark targets, sources, both sides and venues, and the
words that make an event planned, negated or hypothetical.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from .datafiles import language_data, load_data
from .records import Sentence, Token

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "nsubj:pass", "csubjpass", "csubj:pass"}
OBJECT_DEPS = {"dobj", "obj", "iobj", "dative"}
MODIFIER_DEPS = {"poss", "nmod:poss", "compound", "amod", "nmod", "appos", "flat", "nummod"}
OBLIQUE_DEPS = {"prep", "obl", "nmod", "obl:agent", "obl:tmod", "advmod"}
PASSIVE_AUXILIARIES = {"ser", "быть", "be"}
NAME_LABELS = {"ORG", "MISC", "WORK_OF_ART", "LAW", "EVENT", "FAC"}
# links a trigger's status words may come through ("plans to visit", "the visit is scheduled", "expected to sign")
STATUS_LINKS = {"xcomp", "dobj", "obj", "nsubj", "nsubjpass", "nsubj:pass", "pobj", "prep", "obl", "nmod", "conj",
                "attr", "oprd", "root", "acl"}
CLAUSE_LINKS = {"conj", "xcomp", "advcl", "ccomp", "acl", "relcl", "acl:relcl", "parataxis", "csubj"}


@dataclass(frozen=True, slots=True)
class Frame:
    """What a trigger means and how its arguments map onto source and target."""

    type: str
    mode: str | None = None
    mutual: bool = False
    inverse: bool = False          # subject = host (target), object = visitor (source)
    speaker: bool = False          # source = who says it
    venue: bool = False            # a place in a locative phrase is the target
    requires_prep: tuple[str, ...] = ()
    requires_modifier: tuple[str, ...] = ()
    requires_governor: tuple[str, ...] = ()
    requires_object_noun: tuple[str, ...] = ()
    requires_object_actor: bool = False
    topic_object: bool = False     # the object is what is talked about ("discussed the agreements")
    kind: str = ""                 # distinct events under one type (COOPERATE: mission, relations, accreditation)
    responds: bool = False         # a response: who is answered was named before ("retaliatory measures will follow")


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    verbs: dict[str, tuple[Frame, ...]]
    nouns: dict[str, tuple[Frame, ...]]
    roles: dict[str, frozenset[str]]
    status: dict[str, Any]
    phrases: tuple[tuple[tuple[str, ...], tuple[Frame, ...]], ...] = field(default=())

    def words(self, group: str, key: str) -> frozenset[str]:
        value = (self.roles if group == "roles" else self.status).get(key, ())
        return value if isinstance(value, frozenset) else frozenset(value)


def _frames(spec: Any) -> tuple[Frame, ...]:
    items = spec if isinstance(spec, list) else [spec]
    frames = []
    for item in items:
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in item.items()}
        frames.append(Frame(**values))
    return tuple(frames)


@functools.lru_cache(maxsize=16)
def lexicon(language: str) -> Lexicon | None:
    """The trigger lexicon of `language`, or None when the language has no events.toml."""
    data = language_data(language, "events")
    if data is None:
        return None
    verbs = {lemma: _frames(spec) for lemma, spec in data.get("verbs", {}).items()}
    for alias, lemma in data.get("verb_aliases", {}).items():   # the other aspect of a Russian verb, and the like
        verbs.setdefault(alias, verbs[lemma])
    nouns = {lemma: _frames(spec) for lemma, spec in data.get("nouns", {}).items()}
    roles = {k: frozenset(v) for k, v in data.get("roles", {}).items()}
    status = {k: (frozenset(v) if isinstance(v, list) else v) for k, v in data.get("status", {}).items()}
    return Lexicon(language, verbs, nouns, roles, status)


def cameo_code(event_type: str, mode: str | None) -> str | None:
    """The CAMEO code of a PLOVER type and mode (data/plover_weights.toml, from CAMEO2PLOVER-2021.txt): the mode's
    own code where the table has one, else the type's root code; None for a type without one."""
    info = load_data("plover_weights.toml").get("types", {}).get(event_type, {})
    return info.get("mode_codes", {}).get(mode or "") or info.get("cameo_root")


@functools.lru_cache(maxsize=1)
def plover_types() -> dict[str, dict[str, Any]]:
    """PLOVER event types with their descriptions and modes (data/plover.toml)."""
    return load_data("plover.toml").get("types", {})


class Tree:
    """Read-only view of one sentence's dependency parse."""

    def __init__(self, sentence: Sentence) -> None:
        self.tokens: list[Token] = sentence.tokens
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for tok in self.tokens:
            if 0 <= tok.head < len(self.tokens) and tok.head != tok.i:
                self.children[tok.head].append(tok.i)

    def head(self, i: int) -> int | None:
        h = self.tokens[i].head
        return None if h == i or not 0 <= h < len(self.tokens) else h

    def ancestors(self, i: int) -> list[int]:
        out, seen = [], {i}
        h = self.head(i)
        while h is not None and h not in seen:
            out.append(h)
            seen.add(h)
            h = self.head(h)
        return out

    def kids(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.children[i] if not deps or self.tokens[c].dep in deps or
                self.tokens[c].dep.split(":")[0] in deps]

    def subtree(self, i: int) -> set[int]:
        out, stack = set(), [i]
        while stack:
            j = stack.pop()
            if j not in out:
                out.add(j)
                stack.extend(self.children[j])
        return out

    def lemma(self, i: int) -> str:
        return self.tokens[i].lemma.lower()

    def preposition(self, i: int) -> str | None:
        """The preposition that marks token `i`: English `prep` heads, UD `case` children."""
        tok = self.tokens[i]
        if tok.dep in ("prep", "agent"):
            return "by" if tok.dep == "agent" else tok.lemma.lower()
        cases = [self.tokens[c] for c in self.kids(i, "case")]
        if cases:
            return " ".join(c.lemma.lower() for c in cases[:2]) if len(cases) > 1 else cases[0].lemma.lower()
        h = self.head(i)
        if tok.dep == "pobj" and h is not None:
            return self.tokens[h].lemma.lower()
        return None

    def span_head(self, start: int, end: int) -> int | None:
        """The token of [start, end) whose head lies outside it (the mention's syntactic head)."""
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
        """English nsubjpass/auxpass, UD :pass labels, Voice=Pass, or a participle with ser/быть ("fue recibido")."""
        if self.kids(i, *PASSIVE_SUBJECT_DEPS) or self.kids(i, "auxpass", "aux:pass"):
            return True
        tok = self.tokens[i]
        if tok.morph.get("Voice") == "Pass":
            return True
        # a past participle with ser/be ("fue recibido"); "is visiting" is progressive, not passive
        return tok.morph.get("VerbForm") == "Part" and tok.morph.get("Tense") != "Pres" and any(
            self.lemma(c) in PASSIVE_AUXILIARIES for c in self.kids(i, "aux", "cop"))

    def inside_name(self, i: int, sentence: Sentence) -> bool:
        """True when token `i` is part of a named organisation or title ("Collective Security Treaty")."""
        tok = self.tokens[i]
        return any(n.start <= tok.start < n.end and n.label in NAME_LABELS for n in sentence.ner)
