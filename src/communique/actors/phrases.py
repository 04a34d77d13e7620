"""Names found in text: tokens with their readings, and the index that finds names as token n-grams.

A name is a tuple of normalised tokens (accents and case folded for Latin script, lemmas for Cyrillic words), so a
match is a dictionary look-up per token n-gram, not a regular expression per name. :class:`PhraseIndex` maps those
keys to what they denote (:class:`Entry`); `find` returns the longest matches left to right. The gazetteer
(:mod:`communique.actors.gazetteer`) and the phrase tables of titles and institutions are such indexes; every
sentence is tokenised once (:func:`tokenize`) and scanned by all of them.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ё": "е", "Ё": "Е", "‐": "-", "‑": "-",
                              "–": "-", "—": "-"})

#: entry kinds, in the order they win when one key denotes several things
KIND_PRIORITY = {"country": 0, "org": 1, "person": 2, "seat": 3, "demonym": 4, "combining": 5, "region": 6,
                 "capital": 7, "city": 8}

# --------------------------------------------------------------------------------------------- normalisation

@functools.lru_cache(maxsize=500_000)
def fold(text: str) -> str:
    """Lower-case, Latin accents removed, Cyrillic kept (й stays й), ё → е, typographic apostrophes unified."""
    if text.isascii():
        return text.lower()
    text = text.translate(_APOSTROPHES)
    out = []
    base = ""
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and base < "\u0400":
            continue                         # an accent on a Latin letter
        out.append(ch)
        if not unicodedata.combining(ch):
            base = ch
    return unicodedata.normalize("NFC", "".join(out)).lower()


def strip_accents(text: str) -> str:
    """Latin accents removed, case kept: one spelling of a name across languages ("Mónica Peña" → "Monica Pena")."""
    if text.isascii():
        return text
    out = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", out)


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


@dataclass(slots=True)
class Tok:
    """A matching token: surface text, offsets (into whatever string was tokenised), folded form and lemma."""

    start: int
    end: int
    text: str
    norm: str
    lemma: str
    alt: str = ""                      # a capitalised Russian word read as a surname or place, if different


_NORM, _LEMMA, _ALT = attrgetter("norm"), attrgetter("lemma"), attrgetter("alt")


class Tokens(list):
    """What `tokenize` returns: a list of :class:`Tok` that keeps its readings (:func:`readings`) once read: the
    gazetteer and every phrase table of the entities stage scan the same sentence's tokens. Not to be changed once
    read."""

    __slots__ = ("readings",)

    def __init__(self) -> None:
        super().__init__()
        self.readings: list[list[str]] | None = None


def readings(toks: list[Tok]) -> list[list[str]]:
    """The ways `toks` read, as `PhraseIndex.find` scans them: their folded forms, then their lemmas and their
    proper-name lemmas where those differ (Cyrillic words); read once for a :class:`Tokens` list."""
    if isinstance(toks, Tokens) and toks.readings is not None:
        return toks.readings
    norms = list(map(_NORM, toks))
    forms = [norms]
    for read in (_LEMMA, _ALT):
        other = list(map(read, toks))
        if other != norms:
            forms.append(other)
    if isinstance(toks, Tokens):
        toks.readings = forms
    return forms


def tokenize(text: str, offset: int = 0, lemmas: bool = True) -> Tokens:
    """Words and single punctuation marks; Cyrillic words also get their dictionary lemma (folded)."""
    forms = _forms if lemmas else _plain_forms
    toks = Tokens()
    append = toks.append
    # a few hundred thousand tokens per thousand articles: one call less on the match per token (its end is its
    # start plus its length) and the forms unpacked by name save a quarter of the time
    for m in _TOKEN.finditer(text):
        surface = m.group()
        start = offset + m.start()
        norm, lemma, alt = forms(surface)
        append(Tok(start, start + len(surface), surface, norm, lemma, alt))
    return toks


@functools.lru_cache(maxsize=200_000)
def _forms(surface: str) -> tuple[str, str, str]:
    """A token's folded form, lemma and proper-name lemma, read once per distinct surface (a pure function of it)."""
    norm = fold(surface)
    if is_cyrillic(surface) and surface.isalpha():
        lemma = fold(_russian_lemma(surface))
        return norm, lemma, fold(_russian_proper_lemma(surface)) if surface[:1].isupper() else lemma
    return norm, norm, norm


def _plain_forms(surface: str) -> tuple[str, str, str]:
    norm = fold(surface)
    return norm, norm, norm


def _russian_lemma(word: str) -> str:
    from ..nlp.models import russian_lemma

    return russian_lemma(word)


@functools.lru_cache(maxsize=200_000)
def _russian_proper_lemma(word: str) -> str:
    """The lemma of a capitalised word read as a place or a (masculine) surname: "Токаева" → "токаев", where
    the first dictionary reading is the feminine "токаева"."""
    from ..nlp.models import natasha

    parses = natasha().morph_vocab.parse(word)
    for tag in ("Geox", "Surn", "Name"):
        for parse in parses:
            # a place keeps its gender ("в Астану" is Астана, not the masculine name Астан); a person's name is
            # read as masculine, the surname's entry form
            if tag in str(parse.tag) and (tag == "Geox" or "femn" not in str(parse.tag)):
                return parse.normal_form
    return _russian_lemma(word)


def phrase_keys(phrase: str) -> list[tuple[str, ...]]:
    """Index keys of a name: its folded tokens, and for Cyrillic names also its lemmas."""
    # A one-word name is found through the lemmas of the text's words ("Астане" → "астана"), so only names of
    # several Cyrillic words need lemmatising here ("Соединенные Штаты" → "соединить штат").
    toks = tokenize(phrase, lemmas=is_cyrillic(phrase) and " " in phrase.strip())
    keys = [tuple(t.norm for t in toks)]
    if any(t.norm != t.lemma for t in toks):
        keys.append(tuple(t.lemma for t in toks))
    return [key for key in keys if key]


# --------------------------------------------------------------------------------------------- index

@dataclass(frozen=True, slots=True)
class Entry:
    """What a name denotes. `code`: ISO3, org acronym, person's canonical name or geonames id."""

    kind: str
    code: str
    name: str
    country: str | None = None
    case: str = "title"               # "exact" (acronyms), "title" (proper names), "lower" or "any"
    surface: tuple[str, ...] = ()      # the alias's own tokens, for case-exact matching
    rank: float = 0.0                  # tie-break inside a kind (population for cities)
    sector: str | None = None          # roles and institutions: GOV, MIL, LEG, BUS, ...


@dataclass(slots=True)
class Match:
    i: int                             # first token
    j: int                             # one past the last token
    entries: list[Entry]

    @property
    def best(self) -> Entry:
        return self.entries[0]


@dataclass(slots=True)
class PhraseIndex:
    """Token n-gram → entries; `find` returns the longest non-overlapping matches left to right."""

    table: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    max_len: int = 1
    # first token of a key → the lengths of the keys it starts, longest first: `find` tries only those spans
    # (most tokens start no name at all). Built on first use, dropped by `add`.
    _lengths: dict[str, tuple[int, ...]] | None = field(default=None, repr=False, compare=False)
    # every prefix of two or more tokens of a key (whole keys too): `find` stops extending a span whose first
    # tokens begin no key ("the" starts many names, "the president" none). Built with `_lengths`.
    _prefixes: frozenset[tuple[str, ...]] | None = field(default=None, repr=False, compare=False)
    # `_lengths` of the keys only that a word not capitalised can start (most names need a capital: "the" starts
    # many, "The Hague" among them, that a "the" inside a sentence never begins). Built with `_lengths`.
    _lower_lengths: dict[str, tuple[int, ...]] | None = field(default=None, repr=False, compare=False)

    def add(self, phrase: str, entry: Entry) -> None:
        for key in phrase_keys(phrase):
            bucket = self.table.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
            self.max_len = max(self.max_len, len(key))
        self._lengths = self._prefixes = self._lower_lengths = None

    def sort(self) -> None:
        for bucket in self.table.values():
            bucket.sort(key=_entry_order)

    def key_lengths(self) -> dict[str, tuple[int, ...]]:
        """First token → lengths of the keys that start with it, longest first."""
        if self._lengths is None or self._prefixes is None or self._lower_lengths is None:
            lengths: dict[str, set[int]] = {}
            lower: dict[str, set[int]] = {}
            for key, entries in self.table.items():
                lengths.setdefault(key[0], set()).add(len(key))
                if any(_lower_case_ok(entry) for entry in entries):
                    lower.setdefault(key[0], set()).add(len(key))
            self._lengths = {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}
            self._lower_lengths = {first: tuple(sorted(ns, reverse=True)) for first, ns in lower.items()}
            self._prefixes = frozenset(key[:n] for key in self.table for n in range(2, len(key) + 1))
        return self._lengths

    def _reach(self, forms: list[list[str]], i: int, room: int) -> int:
        """How many tokens from `i` (at most `room`) a key may span: the most for which the tokens, all read the
        same way (`forms`: folded, lemma or proper-name lemma, as `lookup` reads them), begin some key. A key
        that would span more cannot match, so `find` need not look it up."""
        prefixes = self._prefixes
        reach = 1
        for reading in forms:
            # the prefixes are closed (every prefix of a prefix is one): extending past `reach` needs only the
            # longer span tested
            while reach < room and tuple(reading[i:i + reach + 1]) in prefixes:
                reach += 1
        return reach

    def lookup(self, toks: list[Tok], i: int, j: int) -> list[Entry]:
        span = toks[i:j]
        found: list[Entry] = []
        norm_key = tuple([t.norm for t in span])
        lemma_key = tuple([t.lemma for t in span])
        alt_key = tuple([t.alt for t in span])
        # Latin words have lemma == alt == norm: one key, read once (a second reading adds nothing)
        keys = (norm_key,) if norm_key == lemma_key == alt_key else (norm_key, lemma_key, alt_key)
        table = self.table
        for key in keys:
            entries = table.get(key)
            if not entries:
                continue                      # most spans tried name nothing
            for entry in entries:
                if entry not in found and _case_ok(entry, span):
                    found.append(entry)
        if len(found) > 1:
            found.sort(key=_entry_order)
        return found

    def find(self, toks: list[Tok], start: int = 0, end: int | None = None) -> list[Match]:
        end = len(toks) if end is None else end
        capital_lengths = self.key_lengths()
        lower_lengths = self._lower_lengths
        assert lower_lengths is not None
        forms = readings(toks)
        matches: list[Match] = []
        i = start
        for at in self._starts(forms, start, end):
            if at < i:
                continue                              # inside the last match
            i = at
            tok = toks[i]
            norm = tok.norm
            room = min(end - i, self.max_len)
            # a word not capitalised starts only the keys a name's case lets it start (`_case_ok`)
            lengths = capital_lengths if tok.text[:1].isupper() or tok.text.isdigit() else lower_lengths
            if norm == tok.lemma == tok.alt:          # one reading (every Latin word): the common case, inline
                found = lengths.get(norm, ())
                if not found:
                    continue
                candidates: Iterable[int] = [n for n in found if n <= room] if found[0] > room else found
            else:
                candidates = _candidate_lengths(lengths, norm, tok.lemma, tok.alt, room)
            if candidates and candidates[0] > 1:
                reach = self._reach(forms, i, candidates[0])
                if reach < candidates[0]:
                    candidates = [n for n in candidates if n <= reach]
            for n in candidates:
                j = i + n
                if not toks[j - 1].text[0].isalnum() and j - 1 > i and toks[j - 1].text != ".":
                    continue           # a name never ends on punctuation other than an abbreviation dot
                entries = self.lookup(toks, i, j)
                if entries:
                    matches.append(Match(i, j, entries))
                    i = j
                    break
        return matches

    def _starts(self, forms: list[list[str]], start: int, end: int) -> Iterable[int]:
        """Positions in [start, end) whose token, in some reading, starts a key, in order. Most tokens start
        none: the scan runs in C, not one Python step per token."""
        starts_key = self._lengths.__contains__
        whole = start == 0 and end == len(forms[0])
        found = [compress(range(start, end), map(starts_key, reading if whole else reading[start:end]))
                 for reading in forms]
        return found[0] if len(found) == 1 else sorted({p for positions in found for p in positions})


def _candidate_lengths(lengths: dict[str, tuple[int, ...]], norm: str, lemma: str, alt: str,
                       room: int) -> Iterable[int]:
    """Lengths of the keys that start with any reading of a token and fit in `room` tokens, longest first."""
    found = lengths.get(norm, ())
    if lemma != norm:
        found = tuple(sorted({*found, *lengths.get(lemma, ())}, reverse=True))
    if alt != norm and alt != lemma:
        found = tuple(sorted({*found, *lengths.get(alt, ())}, reverse=True))
    return [n for n in found if n <= room] if found and found[0] > room else found


def _entry_order(entry: Entry) -> tuple[int, float, str, str]:
    """Best reading first: by kind, then the bigger place; a total order, so every process picks the same."""
    return (KIND_PRIORITY.get(entry.kind, 9), -entry.rank, entry.code, entry.name)


def _lower_case_ok(entry: Entry) -> bool:
    """Can `entry` be named by a span whose first word is not capitalised (`_case_ok` for such a span: a proper
    name needs a capital or a digit, an exact one its own first word)?"""
    if entry.case == "title":
        return False
    if entry.case == "exact":
        first = entry.surface[0] if entry.surface else ""
        return bool(first) and not (first[:1].isupper() or first.isdigit())
    return True


def _case_ok(entry: Entry, span: list[Tok]) -> bool:
    if entry.case == "exact":
        return tuple(t.text for t in span) == entry.surface
    if entry.case == "title":
        first = span[0].text
        if len(span) == 1 and first.isupper() and first.isascii() and len(entry.surface) == 1 \
                and first.lower() != entry.surface[0].lower():
            return False           # an acronym is no name with its accents dropped ("IRA" is not "Irã")
        return first[:1].isupper() or first.isdigit()
    if entry.case == "lower":                 # a Russian people noun: "поляков", never the surname "Поляков"
        return span[0].text[:1].islower()
    return True
