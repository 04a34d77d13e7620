"""A learned verifier of the `events` stage's rule events (stage option ``learned``).

The trigger rules carry over poorly to news nobody tuned them on (issue 15). With the option on, a small model
trained on every gold set of the project (``scripts/train_event_verifier.py``; artefact
``data/models/event_verifier.npz`` and its card ``.json``) gives each rule event the probability that it is a
gold event of its document, and an event below the card's ``keep`` threshold is dropped.

The model reads features of the event (`candidate_features`): its type, the rule's evidence (confidence, mode,
status, mutual, trigger part of speech, sentences merged into it), the kinds of its actors and whether they are
the sentence's subject, the sentence classifier's probabilities (`communique.events.classifier`), the language's
trigger words of that type in the sentence (data/lang/<iso>/events.toml), and how the document names the pair
(sentences, headline, the rules' other events). Run-time needs NumPy only; nothing loads until the first article
with an event. (A recall expander over pairs of actors was tried and found no missed event precisely enough to
add: see the card.)
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
from ..records import EVENT_STATUSES, EVENT_TYPES, Article, Event
from .actor_mentions import ACTOR_KINDS, ActorMention
from .arguments import main_subject_actors
from .classifier import NONE, model_path, write_card
from .frame_roles import acts_for_state
from .rules import Tree

log = logging.getLogger(__name__)

MODEL_NAME = "event_verifier"
LEARNED_BY_DEFAULT = False            # the stage option ``learned`` when unset
TYPES, STATUSES = EVENT_TYPES, EVENT_STATUSES
KINDS = ACTOR_KINDS + ("other", "elsewhere")   # "elsewhere": the rules took the actor from another sentence
MAX_CODES = 8                                   # the actors of a sentence read (the first of each code)

FEATURES = ["confidence", "mode", "mutual", "also", "trigger_verb"] + [f"status:{s}" for s in STATUSES] + \
    [f"type:{t}" for t in TYPES] + [f"{side}:{k}" for side in ("source", "target") for k in KINDS] + \
    ["source_subject", "target_subject", "source_first", "distance", "codes_here", "headline", "position",
     "pair_sentences", "source_mentions", "target_mentions", "top_pair", "rules_pair", "rules_here",
     "rules_reversed", "rules_sentence_pair", "p_type", "p_none", "p_best", "type_is_best", "type_rank",
     "p_type_doc", "triggers_type", "triggers_any", "triggers_type_doc", "triggers_other"]
INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(slots=True)
class DocumentView:
    """What the features of a document's events read: per sentence its actors (first mention of each code), the
    classifier's type probabilities, the count of trigger words per type and the codes of the main subject."""

    article: Article
    events: list[Event]
    actors: dict[int, list[ActorMention]]
    probabilities: dict[int, dict[str, float]]
    triggers: dict[int, dict[str, int]]
    subjects: dict[int, set[str]]


def sentence_actors(article: Article, mentions: dict[int, list[ActorMention]]) -> dict[int, list[ActorMention]]:
    out: dict[int, list[ActorMention]] = {}
    for index, here in mentions.items():
        if index >= len(article.sentences) or not article.sentences[index].tokens:
            continue
        tree = Tree(article.sentences[index])
        seen: dict[str, ActorMention] = {}
        for m in here:
            if m.code not in seen and acts_for_state(tree, m):
                seen[m.code] = m
        out[index] = list(seen.values())[:MAX_CODES]
    return out


def document_view(article: Article, events: list[Event], mentions: dict[int, list[ActorMention]],
                  classify: Callable[[list[str]], list[dict[str, float]]] | None = None) -> DocumentView:
    """`classify(texts)` gives each text's {type: probability}; the shipped sentence classifier by default."""
    actors = sentence_actors(article, mentions)
    wanted = sorted({i for i, here in actors.items() if len(here) > 1} | {e.sentence for e in events})
    wanted = [i for i in wanted if i < len(article.sentences)]
    texts = [article.sentences[i].text for i in wanted]
    probabilities = dict(zip(wanted, (classify or classify_sentences)(texts))) if wanted else {}
    triggers, subjects = {}, {}
    for i in wanted:
        sentence = article.sentences[i]
        lex = lexicon(sentence.language)
        counts: dict[str, int] = {}
        for tok in sentence.tokens if lex is not None else ():
            for event_type in {f.type for f in lex.frames_of(tok.lemma, tok.text, tok.pos)}:
                counts[event_type] = counts.get(event_type, 0) + 1
        triggers[i] = counts
        subjects[i] = {m.code for m in main_subject_actors(Tree(sentence), actors.get(i, []))} \
            if sentence.tokens else set()
    return DocumentView(article, events, actors, probabilities, triggers, subjects)


def classify_sentences(texts: list[str]) -> list[dict[str, float]]:
    from .classifier import default_classifier

    model = default_classifier()
    if model is None:
        raise RuntimeError("the sentence classifier is not available")
    return [p.probabilities for p in model.classify(texts)]


def candidate_features(view: DocumentView) -> np.ndarray:
    """One row of FEATURES per event of `view`."""
    x = np.zeros((len(view.events), len(FEATURES)), dtype=np.float32)
    sentences = view.article.sentences
    codes_of = {i: {m.code for m in here} for i, here in view.actors.items()}
    mentions_of: dict[str, int] = {}
    pair_count: dict[frozenset, int] = {}
    for codes in codes_of.values():
        for code in codes:
            mentions_of[code] = mentions_of.get(code, 0) + 1
        ordered = sorted(codes)
        for a, first in enumerate(ordered):
            for second in ordered[a + 1:]:
                pair_count[frozenset((first, second))] = pair_count.get(frozenset((first, second)), 0) + 1
    top = max(pair_count.values(), default=0)
    headline = min(view.actors, default=-1)
    by_pair: dict[frozenset, list[Event]] = {}
    for e in view.events:
        by_pair.setdefault(frozenset((e.source.code, e.target.code)), []).append(e)
    for f, e in zip(x, view.events):
        pair = frozenset((e.source.code, e.target.code))
        here = {m.code: m for m in view.actors.get(e.sentence, [])}
        source, target = here.get(e.source.code), here.get(e.target.code)
        f[INDEX["confidence"]] = e.confidence
        f[INDEX["mode"]] = e.mode is not None
        f[INDEX["mutual"]] = e.mutual
        f[INDEX["also"]] = math.log1p(len(e.also))
        if e.status in STATUSES:
            f[INDEX[f"status:{e.status}"]] = 1
        tokens = sentences[e.sentence].tokens if e.sentence < len(sentences) else []
        trigger = next((t for t in tokens if e.trigger is not None and t.start == e.trigger.start), None)
        f[INDEX["trigger_verb"]] = trigger is not None and trigger.pos in ("VERB", "AUX")
        if e.type in TYPES:
            f[INDEX[f"type:{e.type}"]] = 1
        f[INDEX[f"source:{_kind(source)}"]] = 1
        f[INDEX[f"target:{_kind(target)}"]] = 1
        subjects = view.subjects.get(e.sentence, set())
        f[INDEX["source_subject"]] = e.source.code in subjects
        f[INDEX["target_subject"]] = e.target.code in subjects
        if source and target:
            f[INDEX["source_first"]] = source.start < target.start
            f[INDEX["distance"]] = min(abs(source.start - target.start) / 100, 3)
        f[INDEX["codes_here"]] = math.log1p(len(codes_of.get(e.sentence, ())))
        f[INDEX["headline"]] = e.sentence == headline
        f[INDEX["position"]] = e.sentence / max(len(sentences), 1)
        f[INDEX["pair_sentences"]] = math.log1p(pair_count.get(pair, 0))
        f[INDEX["source_mentions"]] = math.log1p(mentions_of.get(e.source.code, 0))
        f[INDEX["target_mentions"]] = math.log1p(mentions_of.get(e.target.code, 0))
        f[INDEX["top_pair"]] = top > 0 and pair_count.get(pair, 0) == top
        others = [o for o in by_pair.get(pair, []) if o is not e]
        f[INDEX["rules_pair"]] = math.log1p(len(others))
        f[INDEX["rules_here"]] = any(o.sentence == e.sentence and o is not e for o in view.events)
        f[INDEX["rules_reversed"]] = any(o.type == e.type and o.source.code == e.target.code for o in others)
        f[INDEX["rules_sentence_pair"]] = any(o.sentence == e.sentence for o in others)
        probs = view.probabilities.get(e.sentence, {})
        if probs:
            ranked = sorted(TYPES, key=lambda t: -probs.get(t, 0.0))
            f[INDEX["p_type"]] = probs.get(e.type, 0.0)
            f[INDEX["p_none"]] = probs.get(NONE, 0.0)
            f[INDEX["p_best"]] = probs.get(ranked[0], 0.0)
            f[INDEX["type_is_best"]] = ranked[0] == e.type
            f[INDEX["type_rank"]] = 1 / (1 + ranked.index(e.type)) if e.type in ranked else 0
        pair_sentences = [i for i, codes in codes_of.items() if pair <= codes] or [e.sentence]
        f[INDEX["p_type_doc"]] = max(view.probabilities.get(i, {}).get(e.type, 0.0) for i in pair_sentences)
        hits = view.triggers.get(e.sentence, {})
        f[INDEX["triggers_type"]] = math.log1p(hits.get(e.type, 0))
        f[INDEX["triggers_any"]] = math.log1p(sum(hits.values()))
        f[INDEX["triggers_other"]] = math.log1p(sum(v for k, v in hits.items() if k != e.type))
        f[INDEX["triggers_type_doc"]] = math.log1p(sum(view.triggers.get(i, {}).get(e.type, 0) for i in pair_sentences))
    return x


def _kind(m: ActorMention | None) -> str:
    return "elsewhere" if m is None else m.kind if m.kind in ACTOR_KINDS else "other"


@dataclass(frozen=True, slots=True)
class Verifier:
    """Logistic regression over standardised features: ``p = sigmoid(((x - mean) / scale) @ weights + bias)``; an
    event is kept from probability `keep` up."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    keep: float

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = (x - self.mean) / self.scale
        return 1 / (1 + np.exp(-(z @ self.weights + self.bias)))

    def decide(self, view: DocumentView) -> list[Event]:
        """The events of `view` that the verifier keeps, in their order, renumbered."""
        if not view.events:
            return []
        kept = [e for e, p in zip(view.events, self.probabilities(candidate_features(view))) if p >= self.keep]
        for n, e in enumerate(kept, 1):
            e.id = f"ev{n}"
        return kept

    def save(self, path: Any, card: dict[str, Any]) -> None:
        np.savez(path, features=np.array(FEATURES), mean=self.mean.astype(np.float32),
                 scale=self.scale.astype(np.float32), weights=self.weights.astype(np.float32),
                 bias=np.float32(self.bias), keep=np.float32(self.keep))
        write_card(path, card)

    @classmethod
    def load(cls, path: Any = None) -> Verifier:
        with np.load(path or model_path(MODEL_NAME), allow_pickle=False) as data:
            if [str(f) for f in data["features"]] != FEATURES:
                raise ValueError("the event verifier was trained on other features: run scripts/train_event_verifier.py")
            return cls(data["mean"], data["scale"], data["weights"], float(data["bias"]), float(data["keep"]))


@functools.lru_cache(maxsize=1)
def default_verifier() -> Verifier | None:
    path = model_path(MODEL_NAME)
    if not path.is_file():
        log.warning("no event verifier at %s", path)
        return None
    return Verifier.load(path)


def verified_events(article: Article, events: list[Event], mentions: dict[int, list[ActorMention]]) -> list[Event]:
    """The stage's events that the shipped verifier keeps (all of them when the verifier or encoder is missing)."""
    from .classifier import default_classifier

    verifier = default_verifier()
    if verifier is None or not events or default_classifier() is None:
        return events
    return verifier.decide(document_view(article, events, mentions))


def model_card() -> dict[str, Any]:
    return json.loads(model_path(MODEL_NAME, ".json").read_text(encoding="utf-8"))
