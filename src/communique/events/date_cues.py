"""Cues: what a text must contain for a date pattern to match in it at all, so most patterns skip most sentences.

Finding time expressions runs every pattern of ``dates.toml`` (some forty per language, plus the full dates of the
other languages) over every sentence, and most sentences hold no date. Every match of most patterns holds a digit,
a month name or a weekday name; which of them is read off the pattern's own syntax tree (Python's regex parser),
so the gate follows the data files without a list to keep in step (`communique.reading.gates` reads the tree, for
the cleaner's junk rules too). A sentence is searched once for each cue (a digit, a year, a month name, a weekday
name: the same regexes the patterns are built from), and a pattern runs only where one of its cues is present. The matches are exactly those of running every pattern everywhere.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from re import _constants as sre_constants  # the regex compiler's own parser, as `reading.gates` reads it
from re import _parser as sre_parse
from typing import Any

from ..reading.gates import DIGIT, fold, gate, required_cues

__all__ = ["DIGIT", "MONTH", "WEEKDAY", "YEAR", "Cues", "every_cue", "gate_words", "required_cues"]

YEAR, MONTH, WEEKDAY = "year", "month", "weekday"
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue regexes of one language: a year, a month name (or its abbreviation), a weekday name."""

    year: re.Pattern[str]
    month: re.Pattern[str]
    weekday: re.Pattern[str]
    month_words: tuple[str, ...] | None = field(init=False, default=None)     # their gates (`reading.gates`): a
    weekday_words: tuple[str, ...] | None = field(init=False, default=None)   # name's words, found by str.find

    def __post_init__(self) -> None:
        object.__setattr__(self, "month_words", _words(self.month))
        object.__setattr__(self, "weekday_words", _words(self.weekday))

    def present(self, text: str, folded: str | None = None) -> frozenset[str]:
        """The cues `text` holds (`folded`: its `reading.gates.fold`, which spares the name regexes, IGNORECASE
        alternations the regex engine tries at every position, most texts that name no month or weekday)."""
        found = set()
        if _DIGIT.search(text):
            found.add(DIGIT)
            if self.year.search(text):
                found.add(YEAR)
        if _may_hold(self.month_words, folded) and self.month.search(text):
            found.add(MONTH)
        if _may_hold(self.weekday_words, folded) and self.weekday.search(text):
            found.add(WEEKDAY)
        return frozenset(found)


def gate_words(cues: frozenset[str]) -> tuple[str, ...]:
    """The required words among `cues`, folded (`reading.gates.fold`: a fold of the text holds one of them wherever
    a match does), longest first, less those that hold another (`fewest_words`)."""
    return fewest_words(fold(c[1:]) for c in cues if c.startswith("="))


def _words(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """Words one of which every match of `regex` holds (folded), or None when no such words are known."""
    found = gate(regex)
    return fewest_words(found.words) if found is not None and not found.digit and found.words else None


def fewest_words(words: Iterable[str]) -> tuple[str, ...]:
    """`words` (longest first) without those that hold another of them: a text holds one of the rest exactly where it
    holds one of them all ("septiembre" holds "sep", "марта" "мар"), with fewer substring tests per sentence."""
    unique = set(words)
    return tuple(sorted((w for w in unique if not any(o != w and o in w for o in unique)), key=len, reverse=True))


def _may_hold(words: tuple[str, ...] | None, folded: str | None) -> bool:
    return words is None or folded is None or any(map(folded.__contains__, words))


def every_cue(regex: re.Pattern[str], cue_groups: dict[str, str]) -> frozenset[str]:
    """The cues every match of `regex` holds all of: those of the groups filled with a cue's own regex (`cue_groups`:
    the ``{month}`` placeholder's group, say) that no match can leave out, read off the pattern's syntax tree (in its
    sequence, or in a part of it that must match at least once; an alternative or an optional part guarantees
    nothing). `required_cues` gives cues of which a match holds one; a full date holds its day's digits, its month's
    name and its year all at once ("3 de junio de 2014"), so a sentence without a month name of the language cannot
    hold one, whatever its digits."""
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    names = {index: name for name, index in parsed.state.groupdict.items()}
    found: set[str] = set()
    _every_cue(list(parsed), names, cue_groups, found)
    return frozenset(found)


def _every_cue(items: list[Any], names: dict[int, str], cue_groups: dict[str, str], found: set[str]) -> None:
    for op, value in items:
        if op is sre_constants.SUBPATTERN:
            name = names.get(value[0])
            if name in cue_groups:
                found.add(cue_groups[name])
            _every_cue(list(value[-1]), names, cue_groups, found)
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and value[0] >= 1:
            _every_cue(list(value[2]), names, cue_groups, found)
