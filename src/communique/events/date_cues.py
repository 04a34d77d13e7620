"""Cues: what a text must contain for a date pattern to match in it at all, so most patterns skip most sentences.

Finding time expressions runs every pattern of ``dates.toml`` (some forty per language, plus the full dates of the
other languages) over every sentence, and most sentences hold no date. Every match of most patterns holds a digit,
a month name or a weekday name; which of them is read off the pattern's own syntax tree (Python's regex parser),
so the gate follows the data files without a list to keep in step. A sentence is searched once for each cue (a
digit, a year, a month name, a weekday name: the same regexes the patterns are built from), and a pattern runs only
where one of its cues is present. The matches are exactly those of running every pattern everywhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre_constants  # the regex compiler's own parser: public in all but name
from re import _parser as sre_parse
from typing import Any

DIGIT, YEAR, MONTH, WEEKDAY = "digit", "year", "month", "weekday"
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


def required_cues(regex: re.Pattern[str], cue_groups: dict[str, str]) -> frozenset[str]:
    """The cues of which every match of `regex` holds at least one; empty when there is no such guarantee (the
    pattern then runs everywhere). `cue_groups` names the groups that are filled with a cue's own regex (the
    ``{month}`` placeholder's group, say) and the cue each stands for; a group of digits is a DIGIT cue by its
    syntax, whatever its name. A required word ("ago", "назад": a run of literal characters) is a cue of its own,
    written ``"=ago"`` (see :func:`word_gate`)."""
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    names = {index: name for name, index in parsed.state.groupdict.items()}
    return _sequence(list(parsed), names, cue_groups) or frozenset()


def word_gate(cues: frozenset[str], flags: int) -> re.Pattern[str] | None:
    """One regex finding any of the required words among `cues` (with the pattern's flags), or None."""
    words = sorted((c[1:] for c in cues if c.startswith("=")), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), flags) if words else None


def _sequence(items: list[Any], names: dict[int, str], cue_groups: dict[str, str]) -> frozenset[str] | None:
    """A sequence holds what any one of its items must hold: the most selective such guarantee (a shared cue
    before words, longer words before shorter ones, fewer alternatives before more)."""
    options = [found for op, value in items if (found := _item(op, value, names, cue_groups)) is not None]
    options += [frozenset({"=" + word}) for word in _literal_runs(items) if len(word) >= 2]
    return min(options, key=_selectivity, default=None)


def _selectivity(cues: frozenset[str]) -> tuple[int, int, int]:
    words = [c for c in cues if c.startswith("=")]
    return (len(words) > 0, -min((len(w) for w in words), default=0), len(cues))


def _literal_runs(items: list[Any]) -> list[str]:
    """The strings spelled by consecutive literal characters of a sequence."""
    runs, current = [], ""
    for op, value in items:
        if op is sre_constants.LITERAL:
            current += chr(value)
            continue
        if current:
            runs.append(current)
        current = ""
    return runs + [current] if current else runs


def _item(op: Any, value: Any, names: dict[int, str], cue_groups: dict[str, str]) -> frozenset[str] | None:
    if op is sre_constants.SUBPATTERN:
        group, _add_flags, _del_flags, body = value
        if group is not None and names.get(group) in cue_groups:
            return frozenset({cue_groups[names[group]]})
        return _sequence(list(body), names, cue_groups)
    if op is sre_constants.BRANCH:
        alternatives = [_sequence(list(alt), names, cue_groups) for alt in value[1]]
        if any(a is None for a in alternatives):
            return None
        return frozenset().union(*alternatives)        # type: ignore[arg-type]
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, body = value
        return _sequence(list(body), names, cue_groups) if low >= 1 else None
    if op is sre_constants.ATOMIC_GROUP:
        return _sequence(list(value), names, cue_groups)
    if op is sre_constants.IN and _only_digits(value):
        return frozenset({DIGIT})
    if op is sre_constants.LITERAL and "0" <= chr(value) <= "9":
        return frozenset({DIGIT})
    return None


def _only_digits(members: list[tuple[Any, Any]]) -> bool:
    """A character class every member of which is a decimal digit (``\\d``, ``[0-3]``, ``[01]``)."""
    for op, value in members:
        if op is sre_constants.CATEGORY and value is sre_constants.CATEGORY_DIGIT:
            continue
        if op is sre_constants.RANGE and "0" <= chr(value[0]) <= chr(value[1]) <= "9":
            continue
        if op is sre_constants.LITERAL and "0" <= chr(value) <= "9":
            continue
        return False
    return bool(members)
