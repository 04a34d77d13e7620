"""The package's layout stays true: every import runs down the wings, never up (docs/architecture.md).

The wings, lowest first. A module may import its own wing and any wing below it; the foundation is importable by
all. The check reads the source (every `import` and `from ... import`, at any depth, function-level imports
included), so a lazy import inside a function counts as much as one at the top.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import communique

PACKAGE = Path(communique.__file__).resolve().parent

#: (layer, module prefixes), lowest first
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("communique.errors", "communique.settings", "communique.defaults", "communique.records",
                    "communique.datafiles", "communique.cache", "communique.lexicon", "communique.registry",
                    "communique.version", "communique.samples", "communique.schema")),
    ("reading", ("communique.reading",)),
    ("nlp", ("communique.nlp",)),
    ("actors", ("communique.actors",)),
    ("events", ("communique.events",)),
    ("pipeline", ("communique.pipeline", "communique.api")),
    ("kb", ("communique.kb",)),
    ("services", ("communique.evaluate", "communique.monitor", "communique.briefs")),
    ("web", ("communique.web",)),
    ("interfaces", ("communique.cli", "communique.bench", "communique.__main__", "communique")),
]


def layer_of(module: str) -> int:
    """Index of the layer a dotted module name belongs to (longest prefix wins; the bare package is the top)."""
    best, best_len = len(LAYERS) - 1, -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    return best


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of the package in `path`; `from X import name` counts as X.name
    when X.name is a module, else as X."""
    module = module_name(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                is_module = (root.parent / Path(*candidate.split("."))).with_suffix(".py").exists() or \
                    (root.parent / Path(*candidate.split(".")) / "__init__.py").exists()
                found.append((node.lineno, candidate if is_module else target))
    return [(line, name) for line, name in found if name.split(".")[0] == root.name]


def upward_imports(root: Path) -> list[str]:
    """Every import that climbs a layer, as 'file:line: importer (layer) imports target (layer)'."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        importer = module_name(path, root)
        here = layer_of(importer)
        for line, target in imported_modules(path, root):
            there = layer_of(target)
            if there > here:
                problems.append(f"{path.relative_to(root.parent)}:{line}: {importer} ({LAYERS[here][0]}) imports "
                                f"{target} ({LAYERS[there][0]})")
    return problems


def test_every_import_runs_down_the_wings() -> None:
    assert upward_imports(PACKAGE) == []


def test_every_module_has_a_layer_and_a_size_one_can_hold_in_mind() -> None:
    too_long = [f"{p.relative_to(PACKAGE)}: {n} lines" for p in PACKAGE.rglob("*.py")
                if (n := len(p.read_text(encoding="utf-8").splitlines())) > 800]
    assert too_long == []
    wings = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    for wing in wings:
        assert (PACKAGE / wing / "__init__.py").read_text(encoding="utf-8").lstrip().startswith('"""'), \
            f"{wing}/__init__.py must say in a docstring what the wing owns and may import"


@pytest.mark.parametrize(("importer", "statement"), [
    ("reading/clean.py", "from ..events.extraction import EventsStage"),          # a stage reaching up a wing
    ("actors/learned.py", "from ..kb.store import Store"),                       # actors reading the store
    ("kb/store.py", "    from ..cli.main import cli"),                           # a lazy import counts too
    ("records.py", "import communique.pipeline"),                                # absolute imports too
])
def test_the_check_fails_when_a_forbidden_import_is_added(tmp_path: Path, importer: str, statement: str) -> None:
    copy = tmp_path / "communique"
    for path in PACKAGE.rglob("*.py"):
        target = copy / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert upward_imports(copy) == []
    victim = copy / importer
    body = "def _smuggled():\n" + statement + "\n" if statement.startswith(" ") else statement + "\n"
    victim.write_text(victim.read_text(encoding="utf-8") + "\n\n" + body, encoding="utf-8")
    problems = upward_imports(copy)
    assert len(problems) == 1 and problems[0].startswith(f"communique/{importer}:"), problems
