#!/usr/bin/env python3
"""Train the learned per-(actor pair, sentence) event typer (src/communique/data/models/event_typer.npz + .json).

    .venv/bin/python scripts/dump_verifier_articles.py --out /tmp/typer \
        --sets dev9,dev2a,dev6,dev7,dev4,dev11,dev12,dev13,dev2b,stream
    .venv/bin/python scripts/train_event_typer.py [--cache /tmp/typer] [--dry-run] [--curve]

Examples are the (sentence, ordered actor pair) of the rules' processed articles (`communique.events.typer`).
Labels come from the sentence-level evidence of the gold events (/work/notes/evidence/<set>.jsonl): an example is
positive for type T when a gold event with T among its types, of that source and target (either way for a 'pair'
event), names the sentence as evidence. Every other example of a fully labelled article is NONE for every type,
weighted `--unlabelled` (the evidence README: unlabelled sentences are not all negative), except the sentences
given as an event's context (weight 0) and, in dev7 (its annotator labelled no org actor), pairs with an
organisation (weight 0). Negatives listed in <set>.negatives.jsonl weigh 1.

Training sets: dev9, dev2a (dev-articles-2 half A, odd numbers), dev6, dev7, dev4, dev11, dev12, dev13 (those whose
processed articles and evidence are there). Cross-validation leaves one SET out (train on the others, score the
left-out set's documents against their gold with the matching of score.py). dev-articles-2 half B (even numbers)
and the stream are never trained on: they are scored with the model trained on all the sets. The thresholds (drop,
add for new pairs, further for new types of the rules' pairs) are chosen on the out-of-fold figures of the
training sets; `--curve` adds the learning curve (1 .. n-1 sets) to the card. Deterministic: full-batch Adam from
zeros, vectors cached by text hash.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import pickle
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from communique.datafiles import load_data
from communique.evaluate import match_events
from communique.events.actor_mentions import actor_mentions
from communique.events.classifier import embed, fit_logistic
from communique.events.typer import MODEL_NAME, SINDEX, STRUCTURE, TYPES, Typer, decide, model_path, pair_examples

TRAIN = ("dev9", "dev2a", "dev6", "dev7", "dev4", "dev11", "dev12", "dev13")
MEASURED = ("dev2b", "stream")
EVIDENCE = Path("/work/notes/evidence")
EVIDENCE_FILE = {"dev9": "dev9", "dev6": "dev6", "dev7": "dev7", "dev4": "dev4", "dev2a": "dev-articles-2",
                 "dev11": "dev11", "dev12": "dev12", "dev13": "dev13"}
UNLABELLED_ORGS = {"dev7"}
TRIED = {
    "sentence_vectors": "the USE-multilingual vector (512) before the structure, out of fold on the five sets of "
                        "2026-12-07 03:37: as given (unit norm, l2 0.03) it tied the structure alone (training sets "
                        "0.624 against 0.623; half B 89/103 against 90/104) for the encoder's CPU at run time; "
                        "standardised (x 22.6) it disagreed with the rules' right types: dropping under 0.05 gave "
                        "0.595 (275/372), re-typing 0.58; the sentence with the pair's mentions replaced by "
                        "'Alfa'/'Beta' (or both vectors) tied too",
    "retyping": "a rule event re-typed when another type is likelier by a margin (five sets): 0.620 -> 0.58-0.61",
    "lexical_and_syntactic_features": "eight sets, out of fold, on top of the 92 structure features: the trigger "
                                      "types of the words between the two mentions (14), the frame types of the "
                                      "pair's governor (lowest common ancestor, or the nearest framed word up to "
                                      "three above it; 14), each mention's role under it (subject, object, "
                                      "oblique, governor, other, none; 12), its passive voice, the dependency path "
                                      "length, the events stage's status of the governor (negated, hypothetical, "
                                      "planned) and its lemma hashed into 32 buckets: dropping under 0.05 0.602 -> "
                                      "0.600 (505/733 against 508/738), adding new pairs from 0.5 right 2 of 19 "
                                      "(0.11, against 2 of 7), new types of ruled pairs from 0.5 right 3 of 19; the "
                                      "status and governor types alone tie the structure (0.602): none shipped",
    "multi_type_gold": "the gold gives one event several types (AGREE+COOPERATE 80 times, COERCE+SANCTION 67, "
                       "ACCUSE+PROTEST 59, COOPERATE+SUPPORT 37, AGREE+SUPPORT 35, SANCTION+THREATEN 10, "
                       "ASSAULT+COERCE 5 in the eight sets): of 66 new types of ruled pairs the model added from 0.5 "
                       "(before this was known), 51 were wrong and most were the co-type of a rule event in the "
                       "same sentence (PROTEST next to ACCUSE, COOPERATE next to AGREE), which the one-to-one "
                       "matching cannot count twice; with such co-types left out (`together`), 11 added, 3 right",
    "misses_of_the_rules": "five sets (2026-12-07 03:37), out of fold, 254 missed gold events: 121 a further event "
                           "of a pair the rules found (ACCUSE 30, CONSULT 20, SANCTION 17, AGREE 16, THREATEN 10), "
                           "55 a pair the rules typed otherwise, 78 a pair with no rule event (25 of them never "
                           "named together in one sentence); of 112 false rule events, 57 are of a pair the gold "
                           "has no event for",
    "residual_model": "a second model trained only on the evidence of the gold events the rules missed (372 "
                      "positive examples of 3,920), out of fold: nothing reaches 0.4; from 0.3 it adds 5 events, 2 "
                      "right; from 0.2, 11, 2 right",
}
DROPS = [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3]
ADDS = [2.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4]


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 2}


def sentences_of(article, span_text: str) -> set[int]:
    """The article's sentences that a span of the original file covers (by word overlap: offsets differ)."""
    target = words(span_text)
    out = set()
    for i, s in enumerate(article.sentences):
        mine = words(s.text)
        if len(mine) < 2 or not target:
            continue
        shared = len(mine & target)
        if shared >= 0.7 * len(mine) or shared >= 0.7 * len(target):
            out.add(i)
    return out


def load_evidence(set_name: str) -> tuple[dict, dict]:
    """file -> [gold event line], file -> [negative lines]."""
    base = EVIDENCE_FILE[set_name]
    events, negatives = {}, {}
    for line in (EVIDENCE / f"{base}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            events.setdefault(row["file"], []).append(row)
    for line in (EVIDENCE / f"{base}.negatives.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            negatives.setdefault(row["file"], []).append(row)
    return events, negatives


def build(cache: Path, sets: tuple[str, ...], unlabelled: float) -> list[dict]:
    organisations = {o["code"] for o in load_data("orgs.toml").get("org", [])}
    docs = []
    for set_name in sets:
        with open(cache / f"articles-{set_name}.pkl", "rb") as fh:
            items = pickle.load(fh)
        evidence, negatives = load_evidence(set_name) if set_name in EVIDENCE_FILE else ({}, {})
        for name, article, gold in items:
            examples, x, needed = pair_examples(article, list(article.events), actor_mentions(article))
            y = np.zeros((len(examples), len(TYPES)), dtype=np.float32)
            w = np.full(len(examples), unlabelled, dtype=np.float32)
            gold_events = gold.get("events", [])
            if set_name in EVIDENCE_FILE:
                index = {(ex.sentence, ex.source, ex.target): k for k, ex in enumerate(examples)}
                for row in evidence.get(name, []):
                    g = gold_events[row["event_index"]]
                    spans = set().union(*(sentences_of(article, e["text"]) for e in row["evidence"]))
                    context = set().union(set(), *(sentences_of(article, e["text"]) for e in row.get("context", [])))
                    directions = [(g["source"], g["target"])] + ([(g["target"], g["source"])] if g.get("pair") else [])
                    for i in spans:
                        for s, t in directions:
                            k = index.get((i, s, t))
                            if k is not None:
                                for event_type in g["types"]:
                                    if event_type in TYPES:
                                        y[k, TYPES.index(event_type)] = 1
                                w[k] = 1
                    for i in context - spans:
                        for s, t in directions:
                            k = index.get((i, s, t))
                            if k is not None and not y[k].any():
                                w[k] = 0
                for row in negatives.get(name, []):
                    for i in sentences_of(article, row["text"]):
                        for k, ex in enumerate(examples):
                            if ex.sentence == i and not y[k].any():
                                w[k] = 0.5 if row["why"].startswith("act not in gold") else 1.0
                if set_name in UNLABELLED_ORGS:
                    for k, ex in enumerate(examples):
                        if ex.source in organisations or ex.target in organisations:
                            w[k] = 0
            docs.append({"set": set_name, "name": name, "lang": name[:2], "examples": examples, "x": x, "y": y,
                         "w": w, "needed": needed, "texts": [article.sentences[i].text for i in needed],
                         "gold": gold_events, "events": list(article.events), "article": article})
        print(f"{set_name}: {sum(d['set'] == set_name for d in docs)} documents, "
              f"{sum(len(d['examples']) for d in docs if d['set'] == set_name)} examples, "
              f"{int(sum(d['y'].any(axis=1).sum() for d in docs if d['set'] == set_name))} positive", file=sys.stderr)
    return docs


def attach_vectors(docs: list[dict], cache: Path) -> None:
    """Each document's example vectors (`d['v']`), encoded once per distinct text and cached on disk."""
    store = cache / "vectors.npz"
    known: dict[str, np.ndarray] = {}
    if store.is_file():
        with np.load(store) as data:
            known = dict(zip((str(k) for k in data["keys"]), data["vectors"]))
    key = lambda text: hashlib.sha256(text.encode()).hexdigest()        # noqa: E731
    missing = sorted({t for d in docs for t in d["texts"] if key(t) not in known})
    if missing:
        print(f"encoding {len(missing)} sentences", file=sys.stderr)
        for start in range(0, len(missing), 64):
            batch = missing[start:start + 64]
            for text, v in zip(batch, embed(batch)):
                known[key(text)] = v
        np.savez(store, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
    for d in docs:
        d["v"] = np.stack([known[key(t)] for t in d["texts"]]) if d["texts"] else np.zeros((0, 512), np.float32)


def train(docs: list[dict], l2: float, vectors: bool, iterations: int = 300, lr: float = 0.05) -> Typer:
    docs = [d for d in docs if len(d["examples"])]
    s = np.concatenate([d["x"] for d in docs])
    y = np.concatenate([d["y"] for d in docs]).astype(np.float64)
    w = np.concatenate([d["w"] for d in docs]).astype(np.float64)
    binary = np.all((s == 0) | (s == 1), axis=0)           # binary features are read as they are
    mean = np.where(binary, 0.0, s.mean(axis=0))
    std = s.std(axis=0)
    scale = np.where(binary | (std < 1e-6), 1.0, std)
    z = ((s - mean) / scale).astype(np.float64)
    if vectors:
        z = np.concatenate([np.concatenate([d["v"] for d in docs]), z], axis=1)
    weights, bias = fit_logistic(z, y, w, l2=l2, iterations=iterations, lr=lr)
    return Typer(mean.astype(np.float32), scale.astype(np.float32), weights.astype(np.float32),
                 bias.astype(np.float32), drop=0.0, add=2.0)


def out_of_fold(docs: list[dict], sets: tuple[str, ...], l2: float, vectors: bool) -> None:
    """`d['p']`: leave-one-set-out probabilities for the training sets; the all-sets model for the others."""
    for held in sets + ("measured",):
        model = train([d for d in docs if d["set"] in sets and d["set"] != held], l2, vectors)
        for d in docs:
            if d["set"] == held or (held == "measured" and d["set"] not in sets):
                d["p"] = model.probabilities(d["v"], d["x"]) if len(d["examples"]) else np.zeros((0, len(TYPES)))


def make(t, s, g, sentence, value):
    return SimpleNamespace(type=t, source=SimpleNamespace(code=s), target=SimpleNamespace(code=g),
                           sentence=sentence, also=[], status="occurred", date=None)


def figures(docs: list[dict], drop: float, add: float, further: float = 2.0) -> dict[str, dict[str, int]]:
    """Per set and set/language: matched, gold, predicted, F1, and `added` (events the typer added)."""
    out: dict[str, dict[str, int]] = {}
    for d in docs:
        chosen = decide(d["article"], d["events"], d["examples"], d["p"], drop, add, make, further,
                        DECODING["together"], DECODING["scope"])
        rules = {id(e) for e in d["events"]}
        preds = [{"type": e.type, "source": {"code": e.source.code}, "target": {"code": e.target.code},
                  "status": e.status, "date": e.date} for e in chosen]
        for key in (d["set"], f"{d['set']}/{d['lang']}"):
            c = out.setdefault(key, {"matched": 0, "gold": 0, "predicted": 0, "added": 0})
            c["predicted"] += len(preds)
            c["gold"] += len(d["gold"])
            c["matched"] += len(match_events(d["gold"], preds))
            c["added"] += sum(id(e) not in rules for e in chosen)
    for c in out.values():
        c["f1"] = f1(c)
    return out


DECODING = {"together": frozenset(), "scope": "sentence"}


def together_types(docs: list[dict], sets: tuple[str, ...], least: int = 5, share: float = 0.1) -> frozenset:
    """Pairs of types that the training gold gives as one event's types (ACCUSE with PROTEST, AGREE with COOPERATE)
    in at least `least` events and `share` of the rarer type's events: a further event of the one next to a rule
    event of the other restates it."""
    single: dict[str, int] = {}
    both: dict[frozenset, int] = {}
    for d in docs:
        if d["set"] in sets:
            for g in d["gold"]:
                for t in set(g["types"]):
                    single[t] = single.get(t, 0) + 1
                for a in set(g["types"]):
                    for b in set(g["types"]):
                        if a < b:
                            both[frozenset((a, b))] = both.get(frozenset((a, b)), 0) + 1
    return frozenset(k for k, n in both.items() if n >= least and n >= share * min(single[t] for t in k))


def f1(c: dict) -> float:
    return round(2 * c["matched"] / (c["gold"] + c["predicted"]), 3) if c["gold"] + c["predicted"] else 0.0


def total(fig: dict, sets: tuple[str, ...]) -> dict:
    c = {k: sum(fig[s][k] for s in sets if s in fig) for k in ("matched", "gold", "predicted", "added")}
    c["f1"] = f1(c)
    return c


def choose(docs: list[dict], sets: tuple[str, ...]) -> tuple[float, float, float, dict]:
    """The (drop, add, further) of best out-of-fold F1 over the training sets that adds no stream event (adding
    is tried in one way at a time: new pairs, or new types of the rules' pairs)."""
    best = None
    for drop in DROPS:
        for add, further in [(2.0, 2.0)] + [(a, 2.0) for a in ADDS[1:]] + [(2.0, a) for a in ADDS[1:]]:
            fig = figures(docs, drop, add, further)
            if fig.get("stream", {}).get("predicted", 0) > 0:
                continue
            score = total(fig, sets)["f1"]
            if best is None or score > best[0] + 1e-9:
                best = (score, drop, add, further, fig)
    assert best is not None
    return best[1], best[2], best[3], best[4]


def uses(docs: list[dict], sets: tuple[str, ...]) -> dict[str, list]:
    """Out of fold, each use alone against the rules over the training sets: dropping at each threshold, adding
    events of new pairs, adding new types of the rules' pairs. `added` events and the matched events they bring
    (precision of the added = gain / added)."""
    base = total(figures(docs, 0.0, 2.0), sets)
    out: dict[str, list] = {"rules": [base]}
    for name, grid in (("drop", [(d, 2.0, 2.0) for d in DROPS[1:]]), ("add_new_pairs", [(0.0, a, 2.0) for a in ADDS[1:]]),
                       ("add_further_types", [(0.0, 2.0, a) for a in ADDS[1:]])):
        for drop, add, further in grid:
            c = total(figures(docs, drop, add, further), sets)
            c["threshold"] = {"drop": drop, "add_new_pairs": add}.get(name, further)
            c["gain"] = c["matched"] - base["matched"]
            if c["added"]:
                c["precision_added"] = round(c["gain"] / c["added"], 3)
            out.setdefault(name, []).append(c)
    return out


def new_pair_type_precision(model: Typer, held: list[dict], top: int = 50) -> tuple[int, int]:
    """Of the model's `top` likeliest (sentence, pair, type) on the held documents where no rule gave the type to
    the pair (in that sentence, either way, or in the document), how many are gold evidence (the card's curve)."""
    ys, ps = [], []
    for d in held:
        if not len(d["examples"]):
            continue
        p = model.probabilities(d["v"], d["x"])
        labelled = d["w"] > 0
        for j, t in enumerate(TYPES):
            fresh = labelled & (d["x"][:, SINDEX[f"rule:{t}"]] == 0) & (d["x"][:, SINDEX[f"rule_reversed:{t}"]] == 0) \
                & (d["x"][:, SINDEX[f"rule_doc:{t}"]] == 0)
            ys += list(d["y"][fresh, j])
            ps += list(p[fresh, j])
    order = np.argsort(-np.array(ps), kind="stable")[:top]
    return int(np.array(ys)[order].sum()), len(order)


def curve(docs: list[dict], sets: tuple[str, ...], l2: float, vectors: bool, combos: int = 3) -> list[dict]:
    """The learning curve: each training set held out in turn, the model trained on k of the others (k = 1 ..
    n-1; up to `combos` choices of k sets, rotating), pooled over held sets and choices: the share of gold among
    its top-50 new pair-types, and on the held documents the added events' precision and the net F1 change of
    each use (dropping under 0.05; adding new pairs, new types of ruled pairs from 0.5) against the rules."""
    rows = []
    for k in range(1, len(sets)):
        pooled = {"top50": [0, 0], "rules": [0, 0, 0], "drop": [0, 0, 0], "new": [0, 0, 0, 0], "further": [0, 0, 0, 0]}
        examples = []
        for held in sets:
            others = [s for s in sets if s != held]
            choices = {tuple(sorted((others[c:] + others[:c])[:k])) for c in range(len(others))}
            for choice in sorted(choices)[:combos]:
                model = train([d for d in docs if d["set"] in choice], l2, vectors)
                examples.append(sum(len(d["examples"]) for d in docs if d["set"] in choice))
                held_docs = [d for d in docs if d["set"] == held]
                right, n = new_pair_type_precision(model, held_docs)
                pooled["top50"][0] += right
                pooled["top50"][1] += n
                for d in held_docs:
                    d["p"] = model.probabilities(d["v"], d["x"]) if len(d["examples"]) else np.zeros((0, len(TYPES)))
                for name, args in (("rules", (0.0, 2.0, 2.0)), ("drop", (0.05, 2.0, 2.0)), ("new", (0.0, 0.5, 2.0)),
                                   ("further", (0.0, 2.0, 0.5))):
                    c = total(figures(held_docs, *args), (held,))
                    for i, key in enumerate(("matched", "gold", "predicted", "added")[:len(pooled[name])]):
                        pooled[name][i] += c[key]
        base = pooled["rules"]
        row = {"sets": k, "trainings": len(examples), "examples": int(np.mean(examples)),
               "top50_right": round(pooled["top50"][0] / max(pooled["top50"][1], 1), 3),
               "rules_f1": round(2 * base[0] / (base[1] + base[2]), 3)}
        for name in ("drop", "new", "further"):
            m, g, p = pooled[name][:3]
            row[f"{name}_f1"] = round(2 * m / (g + p), 3)
            if name != "drop":
                row[f"{name}_added"] = pooled[name][3]
                row[f"{name}_precision"] = round((m - base[0]) / max(pooled[name][3], 1), 3)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    return rows


VERDICT = {
    "learning_curve": "eight sets, the structure model (no vectors), each set held out in turn and the model trained "
                      "on k of the other seven (three choices of k sets each, pooled): the share of gold among its "
                      "50 likeliest new pair-types (no rule type there) 0.32 (1 set) -> 0.38, 0.37, 0.39, 0.41, "
                      "0.39 -> 0.39 (7 sets): flat from two sets on; the added events' precision from 0.5, new "
                      "pairs 0.16 -> 0.27-0.29, new types of ruled pairs (co-types left out) 0.14 -> 0.21-0.27; "
                      "dropping under 0.05 0.591 -> 0.602 against the rules' 0.598. Three more sets (671 -> 951 "
                      "gold events, 2,258 -> 3,920 examples) did not move adding: its limit is what the features "
                      "say, not the amount of evidence (the earlier 0.14 -> 0.32 was the vector model's curve)",
    "option_on": "the shipped model (drop under 0.05, no adding), measured with the option on: dev3 (held out, "
                 "aggregate only) 0.62 -> 0.62 (44/62/81 unchanged, en .69 es .52 ru .65); dev-2 half B 0.796 -> "
                 "0.796 (90/107 -> 88/102; es 37/42 -> 35/38: a dev-2 language lower); stream 0 -> 0; PLOVER all "
                 "0.619 -> 0.557 (116/175 -> 93/134: single sentences, where the headline and position features "
                 "say nothing); training sets out of fold 0.598 -> 0.602 (510/755 -> 508/738): it stays off",
}


def ready(cache: Path, sets: tuple[str, ...]) -> tuple[str, ...]:
    """The sets whose processed articles (and, for a training set, evidence) are there."""
    out = []
    for name in sets:
        missing = [str(f) for f in [cache / f"articles-{name}.pkl"] + ([EVIDENCE / f"{EVIDENCE_FILE[name]}.jsonl"]
                                                                        if name in EVIDENCE_FILE else [])
                   if not f.is_file()]
        if missing:
            print(f"{name}: left out, missing {', '.join(missing)}", file=sys.stderr)
        else:
            out.append(name)
    return tuple(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/typer"))
    ap.add_argument("--l2", type=float, default=0.03)
    ap.add_argument("--unlabelled", type=float, default=0.5)
    ap.add_argument("--out", type=Path, default=model_path(MODEL_NAME))
    ap.add_argument("--vectors", action="store_true", help="read the sentence vectors too (out of fold they tie the "
                    "structure alone: 0.624 against 0.623, and cost the encoder at run time)")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--curve", action="store_true", help="the learning curve over 1 .. n-1 training sets")
    ap.add_argument("--together", action=argparse.BooleanOptionalAction, default=True,
                    help="add no further event of a type the gold gives together with a rule event's type")
    ap.add_argument("--scope", choices=("sentence", "document"), default="sentence")
    ap.add_argument("--without", default="", help="comma-separated feature name prefixes read as zero (ablation)")
    args = ap.parse_args()
    sets = ready(args.cache, TRAIN)
    docs = build(args.cache, sets + ready(args.cache, MEASURED), args.unlabelled)
    prefixes = tuple(p for p in args.without.split(",") if p)
    off = [i for i, name in enumerate(STRUCTURE) if prefixes and name.startswith(prefixes)]
    for d in docs:
        d["x"][:, off] = 0
    DECODING["together"] = together_types(docs, sets) if args.together else frozenset()
    DECODING["scope"] = args.scope
    print("together:", sorted(sorted(k) for k in DECODING["together"]), file=sys.stderr)
    if args.vectors:
        attach_vectors(docs, args.cache)
    else:
        for d in docs:
            d["v"] = None
    learning = curve(docs, sets, args.l2, args.vectors) if args.curve else None
    out_of_fold(docs, sets, args.l2, args.vectors)
    rules = figures(docs, 0.0, 2.0)
    each = uses(docs, sets)
    for name, rows in each.items():
        for row in rows:
            print(name, json.dumps(row))
    drop, add, further, chosen = choose(docs, sets)
    report = {"drop": drop, "add": add, "further": further, "train_rules": total(rules, sets),
              "train_typer": total(chosen, sets)}
    print(json.dumps(report))
    for key in sorted(rules):
        print(f"{key:12} rules {rules[key]}  typer {chosen[key]}")
    if args.dry_run:
        return
    model = train([d for d in docs if d["set"] in sets], args.l2, args.vectors)
    model = Typer(model.mean, model.scale, model.weights, model.bias, drop=drop, add=add, further=further,
                  together=DECODING["together"])
    card = {
        "model": f"{MODEL_NAME}.npz",
        "kind": "one-vs-rest logistic regression per PLOVER type over the standardised structure of the "
                "(sentence, source, target) pair" + (", after the USE-multilingual sentence vector" if args.vectors
                                                     else " (no sentence vector: nothing is encoded)"),
        "tried": TRIED,
        "verdict": VERDICT,
        "structure": STRUCTURE,
        "training": {"l2": args.l2, "vectors": args.vectors, "unlabelled_weight": args.unlabelled,
                     "optimiser": "Adam, full batch, zeros",
                     "sets": list(sets),
                     "never_trained_on": list(MEASURED) + ["dev3", "dev5", "dev8", "dev10", "PLOVER"]},
        "counts": {s: {"documents": sum(d["set"] == s for d in docs),
                       "examples": int(sum(len(d["examples"]) for d in docs if d["set"] == s)),
                       "positive": int(sum(d["y"].any(axis=1).sum() for d in docs if d["set"] == s)),
                       "gold_events": int(sum(len(d["gold"]) for d in docs if d["set"] == s))}
                   for s in sets + MEASURED},
        "thresholds": {"drop": drop, "add": add, "further": further},
        "out_of_fold": {"how": f"leave one set out (train on the other {len(sets) - 1}), scored per document "
                               "against its gold as score.py matches; dev2b and stream: the model trained on all "
                               f"{len(sets)} sets",
                        "rules": rules, "typer": chosen, "uses": each},
        "learning_curve": learning if learning is not None else "not run (--curve)",
        "trained": dt.date.today().isoformat(),
    }
    model.save(args.out, card)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
