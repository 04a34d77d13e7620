"""Gates: what every match of a regex must contain, read off its syntax tree, so a text lacking it skips the regex.

Python's regex engine tries a pattern at every position of a text; the cleaner's junk rules, the metadata's and the
dates' patterns are mostly searched in texts they do not match. Most patterns cannot match without a digit or one of
a few words ("cookie", "all rights reserved", "ago"); a substring test (`str.__contains__`, a fast scan in C) says
whether a text holds any of them. Which of them a pattern needs is read from Python's own parse of the pattern, so a
gate follows the data files with nothing to keep in step, and the matches are exactly those of searching everywhere:
a gate only ever skips a search that would have found nothing.

Words are compared case-folded (:func:`fold`), whatever the pattern's flags: a gate is a necessary condition, and
the folding equates every pair of characters that ``re.IGNORECASE`` equates (see its test).
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from re import _casefix as sre_casefix      # the regex compiler's case equivalences beyond lower(): "ſ" is "s"
from re import _constants as sre_constants  # the regex compiler's own parser: public in all but name
from re import _parser as sre_parse
from collections.abc import Iterator
from typing import Any

DIGIT = "digit"
_DIGIT = re.compile(r"\d")


def _case_classes() -> dict[int, int]:
    """Each character that IGNORECASE equates with another beyond lower() ("ſ" with "s", "ᲀ" with "в") mapped to
    the first member of its class (the classes merged where they share a member)."""
    first: dict[int, int] = {}

    def root(c: int) -> int:
        while first.get(c, c) != c:
            c = first[c]
        return c

    for key, others in sre_casefix._EXTRA_CASES.items():
        for other in others:
            a, b = root(key), root(other)
            first[max(a, b)] = min(a, b)
    return {c: root(c) for c in first if root(c) != c}


_CANONICAL = _case_classes()
_DOTTED_I = "\u0130"     # the one character whose lower() is two characters; IGNORECASE reads it as "i"


_TRAPS = re.compile("[" + "".join(re.escape(chr(c)) for c in _CANONICAL) + "]")


def fold(text: str) -> str:
    """`text` lower-cased with IGNORECASE's equivalences: two strings IGNORECASE equates fold alike."""
    if text.isascii():
        return text.lower()
    lowered = (text.replace(_DOTTED_I, "i") if _DOTTED_I in text else text).lower()
    return lowered.translate(_CANONICAL) if _TRAPS.search(lowered) else lowered


@dataclass(frozen=True, slots=True)
class Gate:
    """What every match of a pattern holds: a digit, or one of `words` (folded)."""

    digit: bool
    words: tuple[str, ...]

    def may_match(self, text: str, folded: str) -> bool:
        """False when `text` (`folded`: its :func:`fold`) holds none of it: the pattern cannot match there."""
        if self.digit and _DIGIT.search(text):
            return True
        return any(word in folded for word in self.words)


def gate(regex: re.Pattern[str], min_word: int = 1) -> Gate | None:
    """The gate of `regex` (None when nothing is known that every match holds)."""
    cues = required_cues(regex, {}, min_word)
    if not cues:
        return None
    return Gate(DIGIT in cues, tuple(fold(c[1:]) for c in cues if c.startswith("=")))


def anchored(regex: re.Pattern[str]) -> bool:
    """Does every match of `regex` start at the text's start (a leading ``^`` outside any alternation)? Such a
    pattern fails at once where it does not match: a gate would cost more than it saves."""
    parsed = list(sre_parse.parse(regex.pattern, regex.flags))
    return bool(parsed) and parsed[0][0] is sre_constants.AT and parsed[0][1] in (
        sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING) and not regex.flags & re.MULTILINE


# --- reading a pattern's syntax tree ----------------------------------------------------------------------------

def required_cues(regex: re.Pattern[str], cue_groups: dict[str, str], min_word: int = 2) -> frozenset[str]:
    """The cues of which every match of `regex` holds at least one; empty when there is no such guarantee (the
    pattern then runs everywhere). `cue_groups` names the groups that are filled with a cue's own regex (the
    ``{month}`` placeholder's group, say) and the cue each stands for; a group of digits is a DIGIT cue by its
    syntax, whatever its name. A required word ("ago", "назад": a run of at least `min_word` literal characters)
    is a cue of its own, written ``"=ago"``."""
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    names = {index: name for name, index in parsed.state.groupdict.items()}
    return _sequence(list(parsed), names, cue_groups, min_word) or frozenset()


def _sequence(items: list[Any], names: dict[int, str], cue_groups: dict[str, str],
              min_word: int) -> frozenset[str] | None:
    """A sequence holds what any one of its items must hold: the most selective such guarantee (a shared cue
    before words, longer words before shorter ones, fewer alternatives before more)."""
    options = [found for op, value in items if (found := _item(op, value, names, cue_groups, min_word)) is not None]
    options += [frozenset({"=" + word}) for word in _literal_runs(items) if len(word) >= min_word]
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


def _item(op: Any, value: Any, names: dict[int, str], cue_groups: dict[str, str],
          min_word: int) -> frozenset[str] | None:
    if op is sre_constants.SUBPATTERN:
        group, _add_flags, _del_flags, body = value
        if group is not None and names.get(group) in cue_groups:
            return frozenset({cue_groups[names[group]]})
        return _sequence(list(body), names, cue_groups, min_word)
    if op is sre_constants.BRANCH:
        alternatives = [_sequence(list(alt), names, cue_groups, min_word) for alt in value[1]]
        if any(a is None for a in alternatives):
            return None
        return frozenset().union(*alternatives)        # type: ignore[arg-type]
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, body = value
        return _sequence(list(body), names, cue_groups, min_word) if low >= 1 else None
    if op is sre_constants.ATOMIC_GROUP:
        return _sequence(list(value), names, cue_groups, min_word)
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


class PatternSet:
    """`any(p.search(text) for p in patterns)`, answered with few searches: the patterns anchored at the text's
    start are tried as one alternation (each fails at once where it does not match), and each other pattern only
    where its gate's digit or words are present. The same answer as searching each pattern, in a fraction of the
    time on texts that none matches."""

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        marked = [(p, anchored(p)) for p in patterns]          # each pattern parsed once for it
        # the anchored patterns grouped by the (folded) characters their match can begin with, an alternation per
        # group: a text is tried only against the groups that can begin with its first character, a few dozen of
        # the hundred and more junk rules rather than all (each pattern in one alternation only). One whose first
        # character is not known ("(?:by\s+)?(?:our\s+)?correspondent", "\(?(?:\S+\s+){0,4}last updated")
        # but that needs a digit or a word is gated like the unanchored ones (its `search` fails at once past the
        # start, so it answers as `match` does); only the rest is tried on every text.
        groups: dict[frozenset[str] | None, list[re.Pattern[str]]] = {}
        rest: list[tuple[re.Pattern[str], Gate | None]] = []
        for p, at_start in marked:
            first = first_characters(p) if at_start else None
            needs = gate(p) if first is None else None
            if at_start and (first is not None or needs is None):
                groups.setdefault(first, []).append(p)
            else:
                rest.append((p, needs if at_start else gate(p)))
        self._groups = tuple((first, _alternations(ps)) for first, ps in groups.items())
        self.anchored = tuple(c for _, alternations in self._groups for c in alternations)   # all of them
        self._anchored_by_first: dict[str, tuple[re.Pattern[str], ...]] = {}
        self.always = tuple(p for p, g in rest if g is None)
        self.digit = tuple(p for p, g in rest if g is not None and g.digit)
        by_word: dict[str, list[re.Pattern[str]]] = {}
        for p, g in rest:
            for word in g.words if g is not None else ():
                by_word.setdefault(word, []).append(p)
        self.by_word = tuple((word, tuple(ps)) for word, ps in by_word.items())

    def any(self, text: str, folded: str | None = None) -> bool:
        """Does any of the patterns match somewhere in `text` (`folded`: its :func:`fold`, if at hand)?"""
        if any(c.match(text) for c in self._anchored_for(text)) or any(p.search(text) for p in self.always):
            return True
        if self.digit and _DIGIT.search(text) and any(p.search(text) for p in self.digit):
            return True
        folded = fold(text) if folded is None else folded
        return any(word in folded and any(p.search(text) for p in ps) for word, ps in self.by_word)

    def _anchored_for(self, text: str) -> tuple[re.Pattern[str], ...]:
        """The alternations of the anchored patterns whose match can begin with `text`'s first character."""
        if not text:
            return self.anchored
        key = fold(text[0])
        found = self._anchored_by_first.get(key)
        if found is None:
            found = tuple(c for first, alternations in self._groups if first is None or key in first
                          for c in alternations)
            self._anchored_by_first[key] = found
        return found


#: the most characters a class may hold for `first_characters` to list them (a larger one: any character)
_MAX_CLASS = 256


def first_characters(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The characters, folded (:func:`fold`), that every match of `regex` begins with; None when that is not known
    (a match may be empty, or begin with a class such as ``\\w``). Zero-width items (``^``, ``\\b``, a lookahead)
    are passed over: the first character a match consumes is the next item's."""
    return _first_of(list(sre_parse.parse(regex.pattern, regex.flags)))


def _first_of(items: list[Any]) -> frozenset[str] | None:
    for op, value in items:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue                                    # consumes nothing
        return _first_of_item(op, value)
    return None                                         # an empty match


def _first_of_item(op: Any, value: Any) -> frozenset[str] | None:
    if op is sre_constants.LITERAL:
        return frozenset({fold(chr(value))})
    if op is sre_constants.SUBPATTERN:
        return _first_of(list(value[3]))
    if op is sre_constants.ATOMIC_GROUP:
        return _first_of(list(value))
    if op is sre_constants.BRANCH:
        found: set[str] = set()
        for alternative in value[1]:
            first = _first_of(list(alternative))
            if first is None:
                return None
            found |= first
        return frozenset(found)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, body = value
        return _first_of(list(body)) if low >= 1 else None
    if op is sre_constants.IN:
        found = set()
        for member, arg in value:
            if member is sre_constants.LITERAL:
                found.add(fold(chr(arg)))
            elif member is sre_constants.RANGE and arg[1] - arg[0] < _MAX_CLASS:
                found.update(fold(chr(c)) for c in range(arg[0], arg[1] + 1))
            else:
                return None                             # a negated class, a category (\\w, \\d, \\s), a wide range
        return frozenset(found)
    return None


def _alternations(patterns: list[re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    """One alternation per set of flags (a pattern whose groups clash with another's stays on its own)."""
    by_flags: dict[int, list[re.Pattern[str]]] = {}
    for p in patterns:
        by_flags.setdefault(p.flags, []).append(p)
    out: list[re.Pattern[str]] = []
    for flags, group in by_flags.items():
        try:
            out.append(re.compile("|".join(f"(?:{p.pattern})" for p in group), flags))
        except re.error:
            out += group
    return tuple(out)


# --- searching only where a match can start ---------------------------------------------------------------------

def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterator[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that never matches the empty string, tried only at `starts`: rising
    positions among which every match of the pattern begins. A pattern opening with a lookbehind or an
    IGNORECASE alternation of words is tried at every position of the text by the regex engine; a cheaper search
    (a case-sensitive alternation, `str.find` of the words) offers the few places worth trying."""
    pos = -1
    for start in starts:
        if start < pos:
            continue                  # inside the match before: finditer resumes after it
        m = pattern.match(text, start)
        if m is None:
            continue
        if m.end() == m.start():
            raise ValueError(f"finditer_at: {pattern.pattern!r} matched the empty string")
        yield m
        pos = m.end()


def regex_starts(prefilter: re.Pattern[str], text: str) -> Iterator[int]:
    """Every position where `prefilter` matches (overlapping ones too), rising."""
    pos = 0
    while (m := prefilter.search(text, pos)) is not None:
        yield m.start()
        pos = m.start() + 1


def word_starts(words: tuple[str, ...], folded: str) -> Iterator[int]:
    """Every position where one of `words` (folded) begins in `folded` (a text's :func:`fold`, which keeps every
    character's position), rising."""
    found: set[int] = set()
    for word in words:
        at = folded.find(word)
        while at >= 0:
            found.add(at)
            at = folded.find(word, at + 1)
    return iter(sorted(found))
