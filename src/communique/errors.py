"""Typed errors. The library raises these; the CLI turns them into one-line messages and exit codes.

Two helpers go with them, for whatever names or opens an input: `printable` (a name as it may be shown: file
names may hold any byte but NUL and '/', terminal escapes included) and `open_regular` (a FIFO or a device named as
an input is refused instead of blocking the batch forever).
"""
from __future__ import annotations

import os
import stat
import unicodedata
from typing import BinaryIO


class CommuniqueError(Exception):
    """Base class of every error the library raises on purpose."""


class ConfigError(CommuniqueError, ValueError):
    """Settings or a pipeline configuration are invalid; the message says which key and why."""


class InputError(CommuniqueError):
    """An input could not be read (missing path, unreadable file, broken JSONL line)."""


class StoreError(CommuniqueError):
    """A store cannot be opened: no such file, a file that is not a database, a server that does not answer."""


class UnreachableError(CommuniqueError):
    """A server a command needs (a Dask scheduler) does not answer."""


class StageError(CommuniqueError):
    """A pipeline stage is unknown or could not be built."""


class NotRegularFileError(InputError, OSError):
    """A path names a FIFO, a socket or a device, which a reader would block on or read forever."""


def printable(name: str | os.PathLike[str]) -> str:
    """`name` safe to print and to store: bytes that were not UTF-8 (surrogate escapes) as ``\\xNN``, control and
    format characters (ESC, NUL, RTL overrides, line breaks) as ``\\xNN`` / ``\\uNNNN``; everything else as is."""
    text = os.fspath(name)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:                     # os.fsdecode's escape of an undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a regular file for reading in binary mode; anything else raises `NotRegularFileError` saying what it is.

    Opened without blocking and checked on the open descriptor, so a FIFO swapped in after a check cannot hang the
    caller (opening a FIFO for reading otherwise waits for a writer)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((what for test, what in _KINDS if test(mode)), "not a regular file")
            raise NotRegularFileError(f"{printable(path)} is {kind}, not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
