"""How the command line answers a mistake: one line on stderr, never a traceback.

A filter naming no actor, event type or status is a usage error (exit 2) naming the nearest valid values; a store
or server that cannot be used, bad settings or any other error the library raises on purpose is one
``error: ...`` line (exit 2). `Command` and `CommandGroup` apply this to every command, however it is invoked
(through the `communique` group or on its own, as tests do).
"""
from __future__ import annotations

import sys
from typing import Any

import click

from ..errors import CommuniqueError

EXIT_USAGE = 2


class Problem(click.ClickException):
    """One line on stderr ("error: ..."), exit 2, no usage text (the command line was fine)."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {' '.join(self.format_message().split())}", err=True)


def _invoke_answering_mistakes(invoke: Any, ctx: click.Context) -> Any:
    try:
        return invoke(ctx)
    except CommuniqueError as err:
        if _is_filter_error(err):
            raise click.UsageError(str(err), ctx=ctx) from err
        raise Problem(str(err)) from err


def _is_filter_error(err: Exception) -> bool:
    """A `communique.kb.filters.FilterError` (a CommuniqueError): only a command that imported the filters can
    raise one, so a command that did not (`extract`) never imports the store's modules for this test."""
    filters = sys.modules.get("communique.kb.filters")
    return filters is not None and isinstance(err, filters.FilterError)


class Command(click.Command):
    """A command whose library errors are one-line answers (see the module docstring)."""

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_answering_mistakes(super().invoke, ctx)


class CommandGroup(click.Group):
    """A group whose subcommands' library errors are one-line answers; its own commands are `Command`s."""

    command_class = Command

    def invoke(self, ctx: click.Context) -> Any:
        return _invoke_answering_mistakes(super().invoke, ctx)
