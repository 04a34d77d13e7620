#!/usr/bin/env python3
"""Process the event verifier's training documents once and keep the working articles (step 1 of 2).

    .venv/bin/python scripts/dump_verifier_articles.py [--out /tmp/learned] [--sets seeds,dev,...]

Runs the pipeline (rules only: the learned verifier off) over every gold set the verifier may be trained on and
pickles the processed articles (tokens, parses and actor spans kept) with their gold, one file per set, so that
``scripts/train_event_verifier.py`` can build candidates and features without parsing again. The sets:

- ``seeds``: ../shared/seeds; ``dev``: ../shared/dev-articles; ``dev2a``, ``dev2b``: half A (odd file numbers,
  a training set) and half B (even, held out: measured, never trained on) of ../shared/dev-articles-2;
  ``dev4``: /work/notes/dev4; ``dev9``, ``dev11``, ``dev12``, ``dev13``: /work/notes/devN (training sets);
  ``dev6``, ``dev7``: /work/notes/dev6 (conflictual) and /work/notes/dev7 (cooperative; its annotator labelled no
  event with an organisation as actor, so the trainer leaves such rule events there unlabelled);
  ``samples``: the bundled sample corpus; ``stream``: ../shared/stream (ordinary news where every event is false);
  ``plover``: the train half of the PLOVER gold-standard records (``evaluate.plover_split``; the test half is
  never read).
"""
from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from pathlib import Path

from communique.api import process, process_paths
from communique.evaluate import plover_split
from communique.records import RawInput
from communique.samples import gold_path as samples_gold
from communique.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def gold_sets() -> dict[str, tuple[Path, Path | None]]:
    """name -> (folder of texts, gold file or None for all-negative sets)."""
    return {
        "seeds": (SHARED / "seeds", SHARED / "seeds" / "gold.json"),
        "dev": (SHARED / "dev-articles", SHARED / "dev-articles" / "gold.json"),
        "dev2a": (SHARED / "dev-articles-2", Path("/work/notes/gold-dev2-halfA.json")),
        "dev2b": (SHARED / "dev-articles-2", Path("/work/notes/gold-dev2-halfB.json")),
        "dev4": (Path("/work/notes/dev4"), Path("/work/notes/dev4/gold.json")),
        "dev6": (Path("/work/notes/dev6"), Path("/work/notes/dev6/gold.json")),
        "dev7": (Path("/work/notes/dev7"), Path("/work/notes/dev7/gold.json")),
        "dev9": (Path("/work/notes/dev9"), Path("/work/notes/dev9/gold.json")),
        "dev11": (Path("/work/notes/dev11"), Path("/work/notes/dev11/gold.json")),
        "dev12": (Path("/work/notes/dev12"), Path("/work/notes/dev12/gold.json")),
        "dev13": (Path("/work/notes/dev13"), Path("/work/notes/dev13/gold.json")),
        "samples": (samples_gold().parent / "articles", samples_gold()),
        "stream": (SHARED / "stream", None),
    }


def half_a(name: str) -> bool:
    """dev-articles-2's half A (odd file numbers)."""
    number = re.search(r"(\d+)", name)
    return number is not None and int(number.group(1)) % 2 == 1


def dump_set(name: str, out: Path, settings: Settings) -> None:
    if name == "plover":
        path = SHARED / "data" / "plover" / "plover_gsr_cameo_manual_en.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        rows = [r for r in rows if plover_split(r["id"]) == "train"]
        articles = list(process((RawInput(path=r["id"], text=r["text"], published=r.get("date")) for r in rows),
                                settings=settings))
        docs = [(r["id"], a, {"plover": r}) for r, a in zip(rows, articles)]
    else:
        folder, gold_file = gold_sets()[name]
        gold = json.loads(gold_file.read_text(encoding="utf-8"))["docs"] if gold_file else None
        names = sorted(gold) if gold is not None else sorted(p.name for p in folder.glob("*.txt"))
        if name in ("dev2a", "dev2b"):
            names = [n for n in names if half_a(n) == (name == "dev2a")]
        articles = list(process_paths([folder / n for n in names], settings=settings))
        docs = [(n, a, (gold or {}).get(n, {"events": []})) for n, a in zip(names, articles)]
    with open(out / f"articles-{name}.pkl", "wb") as fh:
        pickle.dump(docs, fh)
    print(f"{name}: {len(docs)} documents", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("/tmp/learned"))
    ap.add_argument("--sets", default="seeds,dev,dev2b,dev4,dev6,dev7,samples,stream,plover")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    settings = Settings(workers=1)
    for name in args.sets.split(","):
        dump_set(name, args.out, settings)


if __name__ == "__main__":
    main()
