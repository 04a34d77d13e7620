"""The README's sample outputs are what the commands print today (`scripts/readme_outputs.py` makes them from one
demo run and the commands over its store, about ten seconds with the models loaded)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_tool():
    spec = importlib.util.spec_from_file_location("readme_outputs", ROOT / "scripts" / "readme_outputs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_readme_outputs_are_current():
    tool = load_tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    diff = tool.drift(readme, tool.generate())
    assert not diff, "README outputs drifted: run `python scripts/readme_outputs.py` and commit README.md\n" + diff


def test_the_check_fails_when_a_figure_drifts():
    tool = load_tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = {name: "made-up output\n" for name in tool.BLOCKS}
    assert tool.drift(tool.rewrite(readme, blocks), {**blocks, "demo": "Documents: 33\n"}).count("Documents: 33") == 1
    assert "no marker for: demo" in tool.drift(readme.replace("readme-output: demo", "readme-output-gone"), blocks)
