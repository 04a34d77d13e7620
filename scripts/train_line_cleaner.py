#!/usr/bin/env python3
"""Train the learned line cleaner (communique/reading/lines.py) and write data/models/line_cleaner.json.

    python scripts/train_line_cleaner.py            # train, report, write the model
    python scripts/train_line_cleaner.py --check    # train and compare with the shipped model; writes nothing

Labelled lines come from the development golds beside the repository (../shared/seeds, dev-articles,
dev-articles-2): a line holding a gold `must_not_contain` string (as most of the line) is junk, another line of six
words or more is article text, a shorter one counts only where scripts/line_cleaner/labels.tsv names it; and from
hand-written junk and article lines per language (scripts/line_cleaner/<iso>.toml), each set into copies of the
training pages at the top, inside and at the bottom. The even-numbered dev-articles-2 pages are HELD OUT: never
trained on, they show whether the figures carry over.

The model is a logistic regression (numpy, full-batch gradient descent: deterministic), article lines weighted
above junk; the threshold is the lowest that keeps every training article line; a rule's cut is undone only below
`restore_below`. The figures printed: per line, and per page as the score counts them (gold junk strings absent
from the cleaned text, article lines present in it), for the training pages and for the held-out ones.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tomllib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique.reading import lines as line_model  # noqa: E402
from communique.reading.clean import _cut_marker, classify, find_headline, junk_data, split_lines  # noqa: E402
from communique.reading.metadata import DATE_MARKER, is_date_line, trailing_date  # noqa: E402

SHARED = ROOT.parent / "shared"
HAND = ROOT / "scripts" / "line_cleaner"
OUTPUT = ROOT / "src" / "communique" / "data" / "models" / line_model.MODEL_FILE
LANGUAGES = ("en", "es", "ru")
FOLDERS = ("seeds", "dev-articles", "dev-articles-2")
ARTICLE_WEIGHT = 4.0             # losing an article line costs this many junk lines left in
L2, ITERATIONS, RATE, HIDDEN = 1e-4, 1500, 0.01, 16
KEEP_SLACK = 0.003
RESTORE_BELOW = 0.0             # a rule's cut is never undone (raise to let the model overrule the rules)


def held_out(folder: str, name: str) -> bool:
    """The even-numbered dev-articles-2 pages (en04, es06, ru10, ...)."""
    number = re.search(r"(\d+)", name)
    return folder == "dev-articles-2" and number is not None and int(number.group(1)) % 2 == 0


def norm(text: str) -> str:
    """A line as the cleaned text shows it: the scraper's date marker and a headline's date stamp cut, spaces
    collapsed."""
    text = DATE_MARKER.sub("", text.strip())
    stamp = trailing_date(text)
    return " ".join((text[:stamp] if stamp else text).split())


def overrides() -> dict[tuple[str, str], str]:
    found = {}
    for row in (HAND / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            label, where, text = row.split("\t", 2)
            found[(where, norm(text))] = label
    return found


def label_of(text: str, junk: list[str], where: str, named: dict[tuple[str, str], str]) -> str:
    if (where, norm(text)) in named:
        return named[(where, norm(text))]
    if is_date_line(text, None):
        return "skip"  # a date widget: the metadata stage reads it from the raw text, cut or not
    held = [j for j in junk if j in text]
    if held:
        return "junk" if sum(map(len, held)) >= 0.5 * len(text) else "skip"
    return "keep" if len(text.split()) >= 6 else "skip"


def pages() -> list[dict]:
    """Every development page with its gold junk strings, the lines labelled, and whether it is held out."""
    named = overrides()
    found = []
    for folder in FOLDERS:
        gold = json.loads((SHARED / folder / "gold.json").read_text(encoding="utf-8"))["docs"]
        for name, doc in sorted(gold.items()):
            raw = (SHARED / folder / name).read_text(encoding="utf-8").replace("\r\n", "\n")
            junk = doc.get("must_not_contain", [])
            labels = {}
            for line in raw.splitlines():
                if line.strip():
                    labels[norm(line)] = label_of(line.strip(), junk, f"{folder}/{name}", named)
            found.append({"folder": folder, "name": name, "raw": raw, "junk": junk, "labels": labels,
                          "held_out": held_out(folder, name)})
    return found


def hand_lines() -> dict[str, dict[str, list[str]]]:
    return {iso: tomllib.loads((HAND / f"{iso}.toml").read_text(encoding="utf-8")) for iso in LANGUAGES}


def augmented(page: dict, hand: dict[str, dict[str, list[str]]], rng: random.Random, titles: list[str]) -> dict:
    """A copy of a training page with hand-written junk at the top, inside and at the bottom, and hand-written
    article lines inside the body (all languages' junk: pages carry other languages' chrome too); a list of
    other training pages' headlines (a "related stories" block) inside or after the body; a site slogan shown
    twice above the headline."""
    rows = page["raw"].split("\n")
    others = [t for t in titles if t not in page["raw"]]
    related = rng.sample(others, 3) if len(others) >= 3 else []
    slogan = rng.choice(hand[page["name"][:2] if page["name"][:2] in hand else "en"]["slogans"])
    language = page["name"][:2] if page["name"][:2] in hand else rng.choice(LANGUAGES)
    junk_pool = [j for iso in LANGUAGES for j in hand[iso]["junk"] if iso == language or rng.random() < 0.15]
    keep_pool = hand[language]["keep"]
    labels = dict(page["labels"])
    head = rng.sample(junk_pool, 3)
    tail = rng.sample(junk_pool, 3)
    inside = rng.sample(junk_pool, 1)
    kept = rng.sample(keep_pool, 2)
    middle = max(1, len(rows) // 2)
    related_middle = rng.random() < 0.5
    rows = ([slogan, "", slogan, ""] + head + rows[:middle] + inside + [""] + kept[:1] + [""]
            + (related + [""] if related_middle else []) + rows[middle:] + [""] + kept[1:] + [""]
            + ([] if related_middle else related) + tail)
    for line in head + tail + inside + related + [slogan]:
        labels[norm(line)] = "junk"
    for line in kept:
        labels[norm(line)] = "keep"
    return {**page, "raw": "\n".join(rows), "labels": labels, "augmented": True}


def page_title(page: dict) -> str | None:
    lines, headline = page_lines(page["raw"])
    return norm(headline.text) if headline is not None else None


def page_lines(raw: str):
    data = junk_data(LANGUAGES)
    lines = split_lines(raw, data.inline)
    _cut_marker(raw, lines)
    lines = [ln for ln in lines if ln.text or ln.cuts]
    classify(lines, data)
    return lines, find_headline(lines)


def matrix(pages_: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for page in pages_:
        lines, headline = page_lines(page["raw"])
        for line, row in zip(lines, line_model.features(lines, LANGUAGES, headline)):
            label = page["labels"].get(norm(line.text))
            if label in ("junk", "keep"):
                xs.append(row)
                ys.append(1.0 if label == "junk" else 0.0)
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def train(x: np.ndarray, y: np.ndarray) -> dict:
    """A one-hidden-layer network (tanh), full-batch Adam from a fixed seed: the same data gives the same model."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale
    weight = np.where(y == 0, ARTICLE_WEIGHT, 1.0)
    weight = weight / weight.sum()
    rng = np.random.default_rng(7)
    params = [rng.normal(0, 1 / np.sqrt(x.shape[1]), (x.shape[1], HIDDEN)), np.zeros(HIDDEN),
              rng.normal(0, 1 / np.sqrt(HIDDEN), HIDDEN), np.zeros(1)]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    for step in range(1, ITERATIONS + 1):
        w1, b1, w2, b2 = params
        h = np.tanh(z @ w1 + b1)
        p = 1 / (1 + np.exp(-(h @ w2 + b2[0])))
        g = weight * (p - y)
        gh = np.outer(g, w2) * (1 - h ** 2)
        grads = [z.T @ gh + L2 * w1, gh.sum(axis=0), h.T @ g + L2 * w2, np.array([g.sum()])]
        for i, grad in enumerate(grads):
            moments[i] = 0.9 * moments[i] + 0.1 * grad
            squares[i] = 0.999 * squares[i] + 0.001 * grad ** 2
            params[i] = params[i] - RATE * (moments[i] / (1 - 0.9 ** step)) / (
                np.sqrt(squares[i] / (1 - 0.999 ** step)) + 1e-8)
    model = {"features": list(line_model.FEATURES), "mean": _rounded(mean), "scale": _rounded(scale),
             "hidden_weights": _rounded(params[0]), "hidden_bias": _rounded(params[1]),
             "weights": _rounded(params[2]), "bias": round(float(params[3][0]), 6), "threshold": 0.5,
             "restore_below": RESTORE_BELOW}
    p = np.array(line_model.junk_probability(x.tolist(), model))
    kept = np.sort(p[y == 0])
    # the threshold keeps all but KEEP_SLACK of the training article lines
    threshold = float(kept[-1 - int(KEEP_SLACK * len(kept))]) + 1e-6 if len(kept) else 0.5
    model["threshold"] = round(min(max(threshold, 0.5), 0.99), 6)
    return model


def _rounded(array: np.ndarray) -> list:
    return np.round(array, 6).tolist()


def line_figures(weights: dict, x: np.ndarray, y: np.ndarray) -> str:
    p = np.array(line_model.junk_probability(x.tolist(), weights))
    junk = p >= weights["threshold"]
    return (f"junk lines cut {int((junk & (y == 1)).sum())}/{int((y == 1).sum())}, "
            f"article lines kept {int((~junk & (y == 0)).sum())}/{int((y == 0).sum())}")


def page_figures(weights: dict, pages_: list[dict]) -> tuple[int, int, int, int, list[str]]:
    """(junk strings absent, of, article lines present, of, misses) with the whole clean stage and `weights`."""
    from communique.reading.clean import clean_article
    from communique.records import Article

    saved = line_model.model
    line_model.model = lambda: weights
    try:
        junk_ok = junk_n = keep_ok = keep_n = 0
        misses = []
        for page in pages_:
            article = Article(raw_text=page["raw"])
            clean_article(article, LANGUAGES, 200_000)
            for junk in page["junk"]:
                junk_n += 1
                junk_ok += junk not in article.text
                if junk in article.text:
                    misses.append(f"{page['name']}: junk left: {junk[:70]}")
            text = norm(article.text)
            for line, label in page["labels"].items():
                if label == "keep":
                    keep_n += 1
                    keep_ok += line in text
                    if line not in text:
                        misses.append(f"{page['name']}: article line cut: {line[:70]}")
        return junk_ok, junk_n, keep_ok, keep_n, misses
    finally:
        line_model.model = saved


def build(report: bool = True) -> dict:
    rng = random.Random(20261205)
    all_pages = pages()
    hand = hand_lines()
    training = [p for p in all_pages if not p["held_out"]]
    titles = [page_title(p) for p in training]
    titles = [t for t in titles if t]
    augmented_pages = [augmented(p, hand, rng, titles) for p in training for _ in range(2)]
    x, y = matrix(training + augmented_pages)
    weights = train(x, y)
    if report:
        held = [p for p in all_pages if p["held_out"]]
        xh, yh = matrix(held)
        print(f"training lines: {len(y)} ({int(y.sum())} junk); {line_figures(weights, x, y)}")
        print(f"held-out lines: {len(yh)} ({int(yh.sum())} junk); {line_figures(weights, xh, yh)}")
        for title, group in (("training pages (dev, odd dev-articles-2)", training),
                             ("held-out pages (even dev-articles-2)", held),
                             ("dev-articles-2, all", [p for p in all_pages if p["folder"] == "dev-articles-2"])):
            jo, jn, ko, kn, misses = page_figures(weights, group)
            print(f"{title}: junk removed {jo}/{jn}, article lines kept {ko}/{kn}")
            for miss in misses:
                print("   ", miss)
    return weights


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the shipped model, write nothing")
    args = ap.parse_args()
    weights = build(report=not args.check)
    if args.check:
        shipped = json.loads(OUTPUT.read_text(encoding="utf-8"))
        same = shipped == weights
        print("the shipped model is what this script trains" if same else "the shipped model DIFFERS: retrain")
        sys.exit(0 if same else 1)
    OUTPUT.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
