#!/usr/bin/env python3
"""Process the event verifier's training documents once and keep the working articles (step 1 of 2).

    .venv/bin/python scripts/dump_verifier_articles.py [--out /tmp/learned] [--sets seeds,dev,...]

Runs the pipeline (rules only: the learned verifier off) over every gold set the verifier may be trained on and
pickles the processed articles (tokens, parses and actor spans kept) with their gold, one file per set, so that
``scripts/train_event_verifier.py`` can build candidates and features without parsing again. The sets:

- ``seeds``: ../shared/seeds; ``dev``: ../shared/dev-articles; ``dev2a``, ``dev2b``: half A (odd file numbers)
  and half B (even) of ../shared/dev-articles-2;
- ``dev16``, ``dev17``: eval/dev16 and eval/dev17 (whole); ``dev18odd``, ``dev19odd``, ``dev18even``,
  ``dev19even``: the odd- and even-numbered files of eval/dev18 and eval/dev19 (in the twelfth swap the odd files
  were read, the even ones only measured);
- ``dev4``, ``dev6``, ``dev7``, ``dev9``, ``dev11``, ``dev12``, ``dev13``: /work/notes/devN, sets of earlier swaps
  since lost (kept so that a machine that still has them can rebuild the older artefacts);
- ``samples``: the bundled sample corpus; ``stream``: ../shared/stream (ordinary news where every event is false);
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


def gold_sets() -> dict[str, tuple[Path, Path | None, str | None]]:
    """name -> (folder of texts, gold file or None for all-negative sets, the half of its file numbers taken:
    "odd", "even" or None for all)."""
    notes = {f"dev{n}": (Path(f"/work/notes/dev{n}"), Path(f"/work/notes/dev{n}/gold.json"), None)
             for n in (4, 6, 7, 9, 11, 12, 13)}
    evals = {name: (ROOT / "eval" / name, ROOT / "eval" / name / "gold.json", None) for name in ("dev16", "dev17")}
    halves = {f"{name}{half}": (ROOT / "eval" / name, ROOT / "eval" / name / "gold.json", half)
              for name in ("dev18", "dev19") for half in ("odd", "even")}
    return {
        "seeds": (SHARED / "seeds", SHARED / "seeds" / "gold.json", None),
        "dev": (SHARED / "dev-articles", SHARED / "dev-articles" / "gold.json", None),
        "dev2a": (SHARED / "dev-articles-2", SHARED / "dev-articles-2" / "gold.json", "odd"),
        "dev2b": (SHARED / "dev-articles-2", SHARED / "dev-articles-2" / "gold.json", "even"),
        **notes, **evals, **halves,
        "samples": (samples_gold().parent / "articles", samples_gold(), None),
        "stream": (SHARED / "stream", None, None),
    }


def odd(name: str) -> bool:
    """Is the file's number odd (dev-articles-2's half A, the read half of dev18 and dev19)?"""
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
        folder, gold_file, half = gold_sets()[name]
        gold = json.loads(gold_file.read_text(encoding="utf-8"))["docs"] if gold_file else None
        names = sorted(gold) if gold is not None else sorted(p.name for p in folder.glob("*.txt"))
        if half is not None:
            names = [n for n in names if odd(n) == (half == "odd")]
        articles = list(process_paths([folder / n for n in names], settings=settings))
        docs = [(n, a, (gold or {}).get(n, {"events": []})) for n, a in zip(names, articles)]
    with open(out / f"articles-{name}.pkl", "wb") as fh:
        pickle.dump(docs, fh)
    print(f"{name}: {len(docs)} documents", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("/tmp/learned"))
    ap.add_argument("--sets", default="seeds,dev,dev2a,dev16,dev17,dev18odd,dev19odd,samples,stream,plover")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    settings = Settings(workers=1)
    for name in args.sets.split(","):
        dump_set(name, args.out, settings)


if __name__ == "__main__":
    main()
