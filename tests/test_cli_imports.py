"""Starting the command line loads only what the command needs: `extract` never imports the store's modules."""
from __future__ import annotations

import subprocess
import sys

from communique.cli import kb as cli_kb
from communique.kb import export, store


def test_cli_constants_agree_with_the_store():
    assert cli_kb.DEFAULT_DB == store.DEFAULT_DB
    assert cli_kb.EXPORT_FORMATS == export.FORMATS


def test_the_command_line_starts_without_the_store_modules():
    code = ("import sys; import communique.cli.main; "
            "from communique.cli.errors import _invoke_answering_mistakes; "
            "print(sorted(m for m in ('pandas', 'datasketch', 'scipy', 'communique.kb') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_filter_error_is_still_a_usage_error():
    import click
    import pytest

    from communique.cli.errors import _invoke_answering_mistakes
    from communique.kb.filters import FilterError

    def invoke(ctx):
        raise FilterError("no actor 'XYZ'")

    with pytest.raises(click.UsageError):
        _invoke_answering_mistakes(invoke, None)
