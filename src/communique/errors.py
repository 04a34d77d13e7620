"""Typed errors. The library raises these; the CLI turns them into one-line messages and exit codes."""


class CommuniqueError(Exception):
    """Base class of every error the library raises on purpose."""


class ConfigError(CommuniqueError, ValueError):
    """Settings or a pipeline configuration are invalid; the message says which key and why."""


class InputError(CommuniqueError):
    """An input could not be read (missing path, unreadable file, broken JSONL line)."""


class StageError(CommuniqueError):
    """A pipeline stage is unknown or could not be built."""
