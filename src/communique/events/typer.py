"""A learned per-(actor pair, sentence) event typer of the `events` stage (stage option ``typer``).

For every sentence with two or more actors and every ordered pair of their codes (source, target), a one-vs-rest
logistic regression per PLOVER type gives the probability that the sentence states an event of that type from the
source to the target. It reads a few structural features of the pair (`pair_examples`): which actor is the subject,
which comes first, the kinds of the actors, the language's trigger words of each type in the sentence
(data/lang/<iso>/events.toml) and the types of the rule events the sentence and the document gave the pair either
way; trained with ``--vectors``, the sentence's USE-multilingual vector too (`communique.events.classifier.embed`:
out of fold it tied the structure alone, so the shipped artefact reads none and encodes nothing). It is trained on
the sentence-level evidence of the gold events (``scripts/train_event_typer.py``; artefact
``data/models/event_typer.npz`` and its card ``.json``, which records what was tried and measured).

With the option on, the document's rule events whose type the model gives too little probability in every sentence
of the pair are dropped (``drop`` in the card), and pairs the rules gave no event that it finds likely enough
(``add``; off in the shipped card) get its likeliest type (`typed_events`). Run-time needs NumPy only.
"""
from __future__ import annotations

import functools
import json
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..lexicon import lexicon
from ..records import EVENT_TYPES, Article, Event
from .actor_mentions import ACTOR_KINDS, ActorMention
from .arguments import main_subject_actors
from .classifier import model_path, write_card
from .learned import sentence_actors
from .rules import Tree

log = logging.getLogger(__name__)

MODEL_NAME = "event_typer"
TYPER_BY_DEFAULT = False              # the stage option ``typer`` when unset
TYPES = EVENT_TYPES
LANGUAGES = ("en", "es", "ru")
KINDS = ACTOR_KINDS + ("other",)

STRUCTURE = ["source_subject", "target_subject", "no_subject", "source_first", "distance", "codes_here",
             "headline", "position", "pair_sentences"] + [f"lang:{x}" for x in LANGUAGES] + \
    [f"{side}:{k}" for side in ("source", "target") for k in KINDS] + \
    [f"trigger:{t}" for t in TYPES] + [f"rule:{t}" for t in TYPES] + [f"rule_reversed:{t}" for t in TYPES] + \
    [f"rule_doc:{t}" for t in TYPES] + ["rule_any", "rule_other_pair"]
SINDEX = {name: i for i, name in enumerate(STRUCTURE)}


@dataclass(slots=True)
class PairSentence:
    """One example: sentence `sentence` of the article, read for an event from `source` to `target` (codes)."""

    sentence: int
    source: str
    target: str


def pair_examples(article: Article, events: list[Event], mentions: dict[int, list[ActorMention]],
                  ) -> tuple[list[PairSentence], np.ndarray, list[int]]:
    """Every (sentence, ordered pair of actor codes) of the article's sentences with two or more actors, their
    structural features (rows of STRUCTURE) and the sentence indexes whose vectors the rows need (in row order)."""
    actors = sentence_actors(article, mentions)
    multi = {i: here for i, here in actors.items() if len({m.code for m in here}) > 1}
    sentences = article.sentences
    pair_count: dict[frozenset, int] = {}
    for here in multi.values():
        codes = sorted({m.code for m in here})
        for a, first in enumerate(codes):
            for second in codes[a + 1:]:
                key = frozenset((first, second))
                pair_count[key] = pair_count.get(key, 0) + 1
    rules_at: dict[tuple[int, str, str], set[str]] = {}
    rules_doc: dict[tuple[str, str], set[str]] = {}
    rules_sentence: dict[int, set[frozenset]] = {}
    for e in events:
        key = (e.source.code, e.target.code)
        rules_doc.setdefault(key, set()).add(e.type)
        for i in event_sentences(article, e):
            rules_at.setdefault((i, *key), set()).add(e.type)
            rules_sentence.setdefault(i, set()).add(frozenset(key))
    headline = min(multi, default=-1)
    out: list[PairSentence] = []
    rows: list[np.ndarray] = []
    for i in sorted(multi):
        sentence = sentences[i]
        here = {}
        for m in multi[i]:
            here.setdefault(m.code, m)
        tree = Tree(sentence)
        subjects = {m.code for m in main_subject_actors(tree, list(here.values()))}
        lex = lexicon(sentence.language)
        triggers: dict[str, int] = {}
        for tok in sentence.tokens if lex is not None else ():
            for event_type in {f.type for f in lex.frames_of(tok.lemma, tok.text, tok.pos)}:
                triggers[event_type] = triggers.get(event_type, 0) + 1
        for source in here.values():
            for target in here.values():
                if source.code == target.code:
                    continue
                f = np.zeros(len(STRUCTURE), dtype=np.float32)
                f[SINDEX["source_subject"]] = source.code in subjects
                f[SINDEX["target_subject"]] = target.code in subjects
                f[SINDEX["no_subject"]] = not subjects
                f[SINDEX["source_first"]] = source.start < target.start
                f[SINDEX["distance"]] = min(abs(source.start - target.start) / 100, 3)
                f[SINDEX["codes_here"]] = math.log1p(len(here))
                f[SINDEX["headline"]] = i == headline
                f[SINDEX["position"]] = i / max(len(sentences), 1)
                f[SINDEX["pair_sentences"]] = math.log1p(pair_count.get(frozenset((source.code, target.code)), 0))
                if sentence.language in LANGUAGES:
                    f[SINDEX[f"lang:{sentence.language}"]] = 1
                f[SINDEX[f"source:{_kind(source)}"]] = 1
                f[SINDEX[f"target:{_kind(target)}"]] = 1
                for t, n in triggers.items():
                    if f"trigger:{t}" in SINDEX:
                        f[SINDEX[f"trigger:{t}"]] = math.log1p(n)
                for prefix, types in (("rule", rules_at.get((i, source.code, target.code), ())),
                                      ("rule_reversed", rules_at.get((i, target.code, source.code), ())),
                                      ("rule_doc", rules_doc.get((source.code, target.code), ()))):
                    for t in types:
                        if f"{prefix}:{t}" in SINDEX:
                            f[SINDEX[f"{prefix}:{t}"]] = 1
                pairs = rules_sentence.get(i, set())
                f[SINDEX["rule_any"]] = bool(pairs)
                f[SINDEX["rule_other_pair"]] = bool(pairs - {frozenset((source.code, target.code))})
                out.append(PairSentence(i, source.code, target.code))
                rows.append(f)
    x = np.stack(rows) if rows else np.zeros((0, len(STRUCTURE)), dtype=np.float32)
    return out, x, [p.sentence for p in out]


def event_sentences(article: Article, e: Event) -> set[int]:
    """The sentence of event `e` and those of its further evidence (``also``)."""
    out = {e.sentence}
    for span in e.also:
        out.update(i for i, s in enumerate(article.sentences) if s.start <= span.start < s.end)
    return out


def _kind(m: ActorMention) -> str:
    return m.kind if m.kind in ACTOR_KINDS else "other"


@dataclass(frozen=True, slots=True)
class Typer:
    """One-vs-rest logistic regressions over [sentence vector, standardised structure]:
    ``p[:, t] = sigmoid(concat(v, (s - mean) / scale) @ weights[:, t] + bias[t])``. A rule event is dropped below
    `drop` in every sentence of its pair, a new pair's type from `add` up is added, and a new type of a rule pair
    from `further` up."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    drop: float
    add: float
    further: float = 2.0
    together: frozenset[frozenset[str]] = frozenset()      # pairs of types one gold event gives together

    @property
    def reads_vectors(self) -> bool:
        """Was it trained with the sentence vectors (else on the structure alone, and nothing is encoded)?"""
        return self.weights.shape[0] > len(STRUCTURE)

    def probabilities(self, vectors: np.ndarray | None, structure: np.ndarray) -> np.ndarray:
        z = (structure - self.mean) / self.scale
        if self.reads_vectors:
            z = np.concatenate([vectors, z], axis=1)
        return 1 / (1 + np.exp(-(z @ self.weights + self.bias)))

    def save(self, path: Any, card: dict[str, Any]) -> None:
        np.savez(path, structure=np.array(STRUCTURE), types=np.array(TYPES), mean=self.mean.astype(np.float32),
                 scale=self.scale.astype(np.float32), weights=self.weights.astype(np.float32),
                 bias=self.bias.astype(np.float32), drop=np.float32(self.drop), add=np.float32(self.add),
                 further=np.float32(self.further),
                 together=np.array(sorted("+".join(sorted(k)) for k in self.together), dtype=str))
        write_card(path, card)

    @classmethod
    def load(cls, path: Any = None) -> Typer:
        with np.load(path or model_path(MODEL_NAME), allow_pickle=False) as data:
            if [str(f) for f in data["structure"]] != STRUCTURE or [str(t) for t in data["types"]] != list(TYPES):
                raise ValueError("the event typer was trained on other features: run scripts/train_event_typer.py")
            return cls(data["mean"], data["scale"], data["weights"], data["bias"], float(data["drop"]),
                       float(data["add"]), float(data["further"]) if "further" in data else 2.0,
                       frozenset(frozenset(str(k).split("+")) for k in data["together"]) if "together" in data
                       else frozenset())


def pair_scores(examples: list[PairSentence], p: np.ndarray) -> dict[tuple[str, str, str], tuple[float, int]]:
    """(type, source, target) -> (best probability over the pair's sentences, that sentence)."""
    best: dict[tuple[str, str, str], tuple[float, int]] = {}
    for ex, row in zip(examples, p):
        for t, value in zip(TYPES, row):
            key = (t, ex.source, ex.target)
            if key not in best or value > best[key][0]:
                best[key] = (float(value), ex.sentence)
    return best


def decide(article: Article, events: list[Event], examples: list[PairSentence], p: np.ndarray, drop: float, add: float,
           make: Callable[[str, str, str, int, float], Event | None] | None = None, further: float = 2.0,
           together: frozenset[frozenset[str]] = frozenset(), scope: str = "sentence") -> list[Event]:
    """The rule events kept (those the model saw in no sentence are kept), then the added ones: for each pair of
    actors the rules gave no event, the most likely (type, direction) from probability `add` up, and for each pair
    they did, the most likely (type, direction, sentence) from `further` up of a type they gave the pair in neither
    direction, and that is not `together` (one gold event's types, as ACCUSE and PROTEST) with a type the rules gave
    the pair in that sentence (`scope` "sentence") or anywhere ("document"). `make` builds an event of (type,
    source, target, sentence, probability); None: nothing added."""
    scores = pair_scores(examples, p)
    seen = {(ex.sentence, ex.source, ex.target) for ex in examples}
    kept = []
    for e in events:
        sentences = [i for i in event_sentences(article, e) if (i, e.source.code, e.target.code) in seen]
        if not sentences or scores.get((e.type, e.source.code, e.target.code), (1.0, 0))[0] >= drop:
            kept.append(e)
    if make is None or min(add, further) > 1:
        return kept
    ruled: dict[frozenset, set[str]] = {}
    ruled_at: dict[tuple[int, frozenset], set[str]] = {}
    for e in events:
        pair = frozenset((e.source.code, e.target.code))
        ruled.setdefault(pair, set()).add(e.type)
        for i in event_sentences(article, e):
            ruled_at.setdefault((i, pair), set()).add(e.type)
    floor = min(add, further)
    candidates = sorted((-float(value), t, ex.source, ex.target, ex.sentence) for ex, row in zip(examples, p)
                        for t, value in zip(TYPES, row) if value >= floor)
    added, taken = [], set()
    for value, t, s, g, sentence in candidates:
        pair = frozenset((s, g))
        if pair in taken or -value < (further if pair in ruled else add) or t in ruled.get(pair, ()):
            continue
        near = ruled.get(pair, set()) if scope == "document" else ruled_at.get((sentence, pair), set())
        if any(frozenset((t, r)) in together for r in near):
            continue
        event = make(t, s, g, sentence, -value)
        if event is not None:
            taken.add(pair)
            added.append(event)
    return kept + added


def typed_events(article: Article, events: list[Event], mentions: dict[int, list[ActorMention]]) -> list[Event]:
    """The stage's events after the shipped typer (all of them when the typer, or the encoder it reads, is missing):
    when it reads vectors, only the sentences with two actors are encoded, in one batch."""
    from .classifier import embed, encoder

    typer = default_typer()
    if typer is None or (typer.reads_vectors and encoder() is None):
        return events
    examples, structure, needed = pair_examples(article, events, mentions)
    if typer.add > 1 and typer.further > 1:     # dropping only: the pairs of rule events are all it needs to read
        ruled = {frozenset((e.source.code, e.target.code)) for e in events}
        keep = [k for k, ex in enumerate(examples) if frozenset((ex.source, ex.target)) in ruled]
        examples, structure, needed = [examples[k] for k in keep], structure[keep], [needed[k] for k in keep]
    if not examples:
        return events
    rows = None
    if typer.reads_vectors:
        order = sorted(set(needed))
        rows = embed([article.sentences[i].text for i in order])[[order.index(i) for i in needed]]
    out = decide(article, events, examples, typer.probabilities(rows, structure), typer.drop, typer.add,
                 lambda t, s, g, i, p: added_event(article, mentions, t, s, g, i, p, len(events)), typer.further,
                 typer.together)
    for n, e in enumerate(out, 1):
        e.id = f"ev{n}"
    return out


def added_event(article: Article, mentions: dict[int, list[ActorMention]], event_type: str, source: str,
                target: str, index: int, probability: float, n: int) -> Event | None:
    """An event of the typer's (type, source, target) in sentence `index`, built as the classifier's fallback builds
    its events: the first mention of each code, the clause root as trigger, the status the root's words give."""
    from ..lexicon import Frame
    from .extraction import to_event
    from .fallback import CLASSIFIER_CONFIDENCE, clause_root
    from .merge import Candidate
    from .status import event_status

    here = mentions.get(index, [])
    s = next((m for m in here if m.code == source), None)
    g = next((m for m in here if m.code == target), None)
    lex = lexicon(article.sentences[index].language)
    if s is None or g is None or lex is None or not article.sentences[index].tokens:
        return None
    tree = Tree(article.sentences[index])
    root = clause_root(tree)
    candidate = Candidate(event_type, Frame(type=event_type, kind="typer"), s, g, index, root,
                          round(CLASSIFIER_CONFIDENCE * probability, 3), event_status(tree, root, lex))
    return to_event(article, candidate, n + 1)


@functools.lru_cache(maxsize=1)
def default_typer() -> Typer | None:
    path = model_path(MODEL_NAME)
    if not path.is_file():
        log.warning("no event typer at %s", path)
        return None
    return Typer.load(path)


def model_card() -> dict[str, Any]:
    return json.loads(model_path(MODEL_NAME, ".json").read_text(encoding="utf-8"))
