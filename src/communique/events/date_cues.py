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
from dataclasses import dataclass

from ..reading.gates import DIGIT, required_cues

__all__ = ["DIGIT", "MONTH", "WEEKDAY", "YEAR", "Cues", "required_cues", "word_gate"]

YEAR, MONTH, WEEKDAY = "year", "month", "weekday"
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue regexes of one language: a year, a month name (or its abbreviation), a weekday name."""

    year: re.Pattern[str]
    month: re.Pattern[str]
    weekday: re.Pattern[str]

    def present(self, text: str) -> frozenset[str]:
        """The cues `text` holds."""
        found = set()
        if _DIGIT.search(text):
            found.add(DIGIT)
            if self.year.search(text):
                found.add(YEAR)
        if self.month.search(text):
            found.add(MONTH)
        if self.weekday.search(text):
            found.add(WEEKDAY)
        return frozenset(found)


def word_gate(cues: frozenset[str], flags: int) -> re.Pattern[str] | None:
    """One regex finding any of the required words among `cues` (with the pattern's flags), or None."""
    words = sorted((c[1:] for c in cues if c.startswith("=")), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), flags) if words else None
