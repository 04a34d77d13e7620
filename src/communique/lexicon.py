"""The event-word lexicon of each language: trigger lemmas with their frames, role and status words.

A language's triggers live in ``data/lang/<iso>/events.toml`` (see the comments at the top of the English file):
verbal and nominal trigger lemmas, each with one or more frames (PLOVER type, mode, which argument is the source
and which the target, constraints), the prepositions that mark targets, sources, both sides and venues, and the
words that make an event planned, negated or hypothetical.

It is language data that several wings read — the parse stage (which sentences can hold an event), the dates
stage (which words are events) and the events stage (what they mean) — so it sits low, beside `datafiles`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from .datafiles import language_data


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
    predicate_modifier: bool = False   # that modifier only as a copula's predicate: "relations are excellent" is
                                       # said of them, "maintains excellent relations" describes a state
    requires_governor: tuple[str, ...] = ()
    requires_object_noun: tuple[str, ...] = ()
    requires_object_actor: bool = False
    person_object: bool = False    # an object, when there is one, is a person or an actor ("expelled the envoys",
                                   # not "билеты будут высланы", tickets sent)
    topic_object: bool = False     # the object is what is talked about ("discussed the agreements")
    kind: str = ""                 # distinct events under one type (COOPERATE: mission, relations, accreditation)
    responds: bool = False         # a response: who is answered was named before ("retaliatory measures will follow")
    obligation: bool = False       # a modal of obligation: the speaker demands it of the clause's subject
    complement_target: bool = False  # a missing target is the one the complement acts on ("threatened to strike X")
    requires_planned: bool = False  # only a promise counts: "Iran would soon respond", "Россия ответит на решение"
    requires_negated: bool = False  # only a denial counts: "no hay problemas entre nuestros países" (good terms)
    patient_of: bool = False       # the noun's "of" phrase is whom the act is done to ("the expulsion of its envoy")
    post_owner: bool = False       # with patient_of, the "of" phrase owns the post closed: with no other doer named it
    #                                closed its own ("after the closure of the U.S. Embassy in Damascus")
    matter_target: bool = False    # no target named: the side the text's matter concerns ("votaron en contra")
    complement_nouns: tuple[str, ...] = ()   # what the noun's "of" phrase, when it has one, must name ("apertura de X")


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    verbs: dict[str, tuple[Frame, ...]]
    nouns: dict[str, tuple[Frame, ...]]
    roles: dict[str, frozenset[str]]
    status: dict[str, Any]
    phrases: tuple[tuple[tuple[str, ...], tuple[Frame, ...]], ...] = field(default=())
    # per type, the distinct acts it covers, in order, each with the words (the trigger's or its object's) that
    # name it: [kinds.SANCTION] envoys = ["ambassador", "expel", ...], relations = [...], border = [...]
    kinds: dict[str, tuple[tuple[str, frozenset[str]], ...]] = field(default_factory=dict)
    # [adjectives.<lemma>]: a predicate adjective that states an act ("grateful", "agradecido", "благодарный")
    adjectives: dict[str, tuple[Frame, ...]] = field(default_factory=dict)
    # the fixed phrases' spans in the last text asked about (`in_fixed_phrase` is asked once per trigger word of
    # a sentence): one text only, so no text is ever answered from another article's reading
    _phrase_memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    # each group and key `words` was asked, its answer (the rules ask some 1.6 million times per thousand articles):
    # two lookups by string, no key tuple to build and hash each time (a third less time a call)
    _words_memo: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict, init=False, compare=False,
                                                              repr=False)

    def words(self, group: str, key: str) -> frozenset[str]:
        try:
            return self._words_memo[group][key]
        except KeyError:
            value = (self.roles if group == "roles" else self.status).get(key, ())
            found = value if isinstance(value, frozenset) else frozenset(value)
            self._words_memo.setdefault(group, {})[key] = found
            return found

    def frames_of(self, lemma: str, form: str, pos: str) -> tuple[Frame, ...]:
        """The frames a word gets by its part of speech and lemma (or form, for a noun): a verb's by its lemma, a
        noun's by its lemma or form, an adjective's a modal's obligation ("Ливия должна выдать") or its own
        [adjectives] frames ("grateful to Kenya"); other parts of speech ("according", "sin embargo"'s noun aside)
        none. The events stage and the triage both ask this."""
        if pos in ("VERB", "AUX"):
            return self.verbs.get(lemma.lower(), ())
        if pos in ("NOUN", "PROPN"):
            return self.nouns.get(lemma.lower(), ()) or self.nouns.get(form.lower(), ())
        if pos == "ADJ":
            return tuple(f for f in self.verbs.get(lemma.lower(), ()) if f.obligation) + \
                self.adjectives.get(lemma.lower(), ())
        return ()

    def in_fixed_phrase(self, text: str, at: int) -> bool:
        """Is the word at offset `at` of `text` inside one of the language's ``fixed_phrases``, idioms that state
        no event ("de acuerdo con", "in accordance with", "sin embargo")?"""
        last = self._phrase_memo.get("last")
        if last is None or last[0] is not text:
            last = self._phrase_memo["last"] = (text, self._phrase_spans(text))   # one assignment: thread-safe
        return any(start <= at < end for start, end in last[1])

    def _phrase_spans(self, text: str) -> list[tuple[int, int]]:
        """Where each fixed phrase occurs in `text` (every occurrence, overlapping ones too), as [start, end)."""
        lowered = text.lower()
        spans = []
        for phrase in self.words("roles", "fixed_phrases"):
            pos = lowered.find(phrase)
            while pos >= 0:
                spans.append((pos, pos + len(phrase)))
                pos = lowered.find(phrase, pos + 1)
        return spans


def name_word(form: str, pos: str, i: int, neighbours: tuple[str, ...]) -> bool:
    """The word `form` (part of speech `pos`, `i`-th of its sentence) is part of a proper name: tagged so, or
    capitalised inside the sentence beside a capitalised neighbour ("the Arab League", "el Partido Comunista de
    China"). The events stage and the triage both ask this, so that they read an ``off_topic`` word alike."""
    if pos == "PROPN":
        return True
    return i > 0 and form[:1].isupper() and any(w[:1].isupper() for w in neighbours)


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
    kinds = {t: tuple((k, frozenset(w)) for k, w in table.items()) for t, table in data.get("kinds", {}).items()}
    adjectives = {lemma: _frames(spec) for lemma, spec in data.get("adjectives", {}).items()}
    return Lexicon(language, verbs, nouns, roles, status, kinds=kinds, adjectives=adjectives)
