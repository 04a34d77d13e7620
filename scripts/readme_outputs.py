#!/usr/bin/env python3
"""The README's sample outputs, generated from real runs: rewrite them, or check that they are current.

    .venv/bin/python scripts/readme_outputs.py            # run the commands, rewrite README.md's output blocks
    .venv/bin/python scripts/readme_outputs.py --check    # exit 1 with a diff when the README has drifted

A generated block is the fenced block right after a marker line naming it::

    <!-- readme-output: demo -->
    ```text
    ...
    ```

`BLOCKS` says what each one runs: `communique demo` into a fresh ``demo.db`` in a temporary folder (the one slow
step: it processes the 32 sample articles, about ten seconds), then every other command against that store, each
in this process through the real command-line group, with its stdout and stderr as a terminal shows them. A long
answer is cut to its first lines and "…". `communique evaluate gold.json` is run on the records the demo stored
(``evaluate gold.json records.jsonl``, what it would process itself, identical and seven times faster).

`tests/test_readme_outputs.py` runs the check in `make test`: a change that moves a figure fails until this
script is run and the new README committed.
"""
from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import os
import re
import shlex
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
GOLD = "src/communique/samples/gold.json"
MARKER = re.compile(r"^<!-- readme-output: ([\w-]+) -->\n```(\w*)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Run:
    """One command: as the README shows it (after ``$ ``, comment included), and at most `lines` of its output."""

    shown: str
    lines: int | None = None
    argv: tuple[str, ...] = field(default=())      # what actually runs, when it differs from `shown`

    def arguments(self) -> list[str]:
        if self.argv:
            return list(self.argv)
        command = shlex.split(self.shown.split("  #", 1)[0])
        assert command[0] == "communique", self.shown
        return command[1:]


@dataclass(frozen=True)
class Block:
    runs: tuple[Run, ...]
    prompt: bool = True            # console blocks show `$ command` lines; the demo's text block only the output


BLOCKS: dict[str, Block] = {
    "demo": Block((Run("communique demo --db demo.db"),), prompt=False),
    "evaluate": Block((Run(f"communique evaluate {GOLD}", argv=("evaluate", str(ROOT / GOLD), "records.jsonl")),)),
    "queries": Block((
        Run("communique events --between KAZ ARG --since 2014 --type CONSULT --db demo.db"),
        Run("communique relations Kazajistán --db demo.db        # partners ranked, cooperation/conflict balance",
            lines=5),
        Run("communique profile KAZ ARG --db demo.db   # missions, agreements, contacts by level, facts, balance, people",
            lines=6),
        Run("communique events --between KAZ ARGG --db demo.db"),
        Run("communique events --type CONSUL --db demo.db"),
    )),
}


@contextlib.contextmanager
def demo_folder() -> Iterator[Path]:
    """A temporary working folder (commands name `demo.db` relatively, as the README does)."""
    here = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="readme-outputs-") as tmp:
        os.chdir(tmp)
        try:
            yield Path(tmp)
        finally:
            os.chdir(here)


def run(arguments: list[str]) -> str:
    from click.testing import CliRunner

    from communique.cli import cli

    result = CliRunner().invoke(cli, arguments, prog_name="communique", catch_exceptions=False, terminal_width=200)
    return result.output


def _cut(output: str, lines: int | None) -> str:
    if lines is None:
        return output
    kept = output.splitlines()
    return "\n".join(kept[:lines] + (["…"] if len(kept) > lines else [])) + "\n"


def generate() -> dict[str, str]:
    """Every block's text, from one demo run and the commands over its store."""
    out: dict[str, str] = {}
    with demo_folder():
        for name, block in BLOCKS.items():
            if name == "evaluate":
                _records_of("demo.db", "records.jsonl")
            text = ""
            for step in block.runs:
                shown = run(step.arguments())
                text += (f"$ {step.shown}\n" if block.prompt else "") + _cut(shown, step.lines)
            out[name] = text
    return out


def _records_of(db: str, target: str) -> None:
    """The records the demo stored, in input order, as `communique extract` writes them."""
    from communique.kb.store import Store

    with Store.open(db) as store, open(target, "w", encoding="utf-8") as fh:
        for row in store.rows("SELECT record FROM documents ORDER BY path"):
            fh.write(json.dumps(json.loads(row["record"]), ensure_ascii=False) + "\n")


def rewrite(readme: str, blocks: dict[str, str]) -> str:
    """`readme` with each marked block's body replaced; a marker naming no block is an error."""
    def replace(match: re.Match[str]) -> str:
        name, language = match.group(1), match.group(2)
        if name not in blocks:
            raise SystemExit(f"README marker names no block: {name} (known: {', '.join(blocks)})")
        return f"<!-- readme-output: {name} -->\n```{language}\n{blocks[name]}```\n"

    return MARKER.sub(replace, readme)


def drift(readme: str, blocks: dict[str, str]) -> str:
    """A unified diff from the README as it is to the README as the runs give it ('' when current)."""
    wanted = rewrite(readme, blocks)
    missing = set(BLOCKS) - {name for name, _, _ in MARKER.findall(readme)}
    if missing:
        return f"README has no marker for: {', '.join(sorted(missing))}\n"
    return "".join(difflib.unified_diff(readme.splitlines(True), wanted.splitlines(True), "README.md",
                                        "README.md (generated)"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="Exit 1 with a diff when the README has drifted.")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    readme = README.read_text(encoding="utf-8")
    blocks = generate()
    if args.check:
        diff = drift(readme, blocks)
        if diff:
            sys.stdout.write(diff)
            print("README outputs drifted: run `python scripts/readme_outputs.py`", file=sys.stderr)
            return 1
        return 0
    README.write_text(rewrite(readme, blocks), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
