"""The attribute ruler and the lemmatizer again after a late parse, doing only what the parse can change.

The cascade tags a sentence (every spaCy component but the parser), and parses it later only when it may hold an
event. A doc parsed late must end exactly as in one pass, where the attribute ruler and the lemmatizer come after
the parser: the English ruler has rules that read dependency labels ("as" is SCONJ as a `mark`, an auxiliary is AUX
as `aux`), and the Spanish lemmatizer lower-cases a sentence's first word (the parser sets sentence starts). Run
again whole (every lemma cleared, the ruler's 179 English patterns matched again, every token lemmatised again),
that second pass cost a quarter of the English model's time on the sentences parsed.

:class:`RulerRerun` gives the same doc with less work. The ruler sets a token's attributes from its matches in
pattern order (a later pattern wins). The matches of the patterns that read no dependency are those of the first
pass when none of the patterns that fired then set an attribute those patterns read (the English rule that sets
TAG, the Spanish one that sets POS: in a doc where one fired, every pattern is matched again): they are kept from
the first pass, the few patterns that read the parse are matched again, and all are applied in the ruler's own
order. The lemmatizer, a function of a token's text, part of speech, morphology and sentence start, then
lemmatises again only the tokens where one of those changed or whose lemma a pattern of the first pass gave, and
that no pattern gives a lemma now. Checked doc by doc against the whole
second pass (tests/test_nlp.py) and by the records of every development corpus, which are unchanged.

:class:`RulerTable` matches the ruler's patterns with less work in every pass. Most of them are one token with exact
values, lists of values or excluded values (`{"LOWER": "got", "TAG": "VBD"}`, `{"TAG": "NN"}`, `{"TAG": "IN",
"LOWER": {"IN": ["that", "if", ...]}}`, `{"DEP": {"NOT_IN": ["det", "quantmod", ""]}, "TAG": {"IN": ["DT",
"WDT"]}}`: 171 of the English ruler's 180 patterns, the 21 Spanish); spaCy's Matcher tries each of them at every
token (7 µs a token in English). The table looks each token up by the rarest attribute each pattern reads (its form,
then its dependency label, then its tag) and checks the pattern's other values on the few it finds; the Matcher runs
the others (the patterns of two tokens, "gon na", "let 's", and the regular expressions) only in a doc where one of
them may start: a token with the form (or dependency label) its first token must have. The matches are those of the
ruler's own `match`, in its order (tests/test_nlp.py, doc by doc, on real sentences; and on every sentence of the
seeds, the development sets, the stream and the sample corpus, tagged and parsed). A late parse matches the patterns
that read it through a table of its own.
"""
from __future__ import annotations

import functools
import re
from typing import Any

from .lemmas import fast_lemmatizer

#: token attributes the dependency parser sets: patterns that read one are matched again after it
PARSE_ATTRS = frozenset({"DEP", "HEAD", "SENT_START", "IS_SENT_START"})
#: attributes a pattern may read for its first-pass matches to hold after the parse (lexical ones, and the taggers')
FIRST_PASS_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA",
                              "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
                              "IS_STOP", "LIKE_NUM", "TAG", "POS", "MORPH", "OP"})
#: what the lemmatizer reads besides the text, compared before and after (numpy rows of `Doc.to_array`)
LEMMA_INPUTS = ("POS", "MORPH", "SENT_START")


#: attributes a one-token pattern may test for the table to serve it (`Doc.to_array` reads them as the Matcher does:
#: a string's hash, or a symbol's id for a part of speech or a dependency label; a flag as 0 or 1). A doc not parsed
#: has 0 for DEP, as the Matcher reads it then (`allow_missing`).
TABLE_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "LEMMA", "TAG", "POS", "DEP", "IS_ALPHA", "IS_ASCII",
                         "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM"})
FLAG_ATTRS = frozenset(a for a in TABLE_ATTRS if a.startswith("IS_") or a == "LIKE_NUM")
_ARRAY_NAME = {"TEXT": "ORTH"}
#: attributes whose value (exact or among a list) can show that a pattern of the Matcher may start at a token
STARTER_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "POS", "DEP"})
_STARTER_ORDER = {"ORTH": 0, "TEXT": 0, "LOWER": 1, "NORM": 2, "DEP": 3, "TAG": 4, "POS": 5}     # the rarest first


class RulerTable:
    """An attribute ruler's matches (what its `match` gives, or of the patterns `only`) with its one-token patterns
    of exact values, lists of values (``IN``) and excluded values (``NOT_IN``) looked up in tables, and only the
    others matched by spaCy's Matcher, and that only in a doc where one of them may start (a token with the value
    or one of the values, or the form matching the expression, that its first token must have)."""

    def __init__(self, ruler: Any, only: set[int] | None = None) -> None:
        from spacy.matcher import Matcher

        self.ruler, self.strings = ruler, ruler.vocab.strings
        self.rest = Matcher(ruler.vocab)
        rest = 0
        #: per attribute a pattern is looked up by (its rarest with a value or a list of values): the value's key ->
        #: the patterns' (attr_id, match_id, the other tests: (attribute, keys, whether the value must be among them))
        tables: dict[str, dict[int, list[tuple[int, int, tuple]]]] = {}
        starters: list[tuple[str, Any]] | None = []
        for attr_id, p in enumerate(ruler.patterns):
            if only is not None and attr_id not in only:
                continue
            match_id = self.strings.add(str(attr_id))
            served = [pattern for pattern in p["patterns"] if self._servable(pattern)]
            others = [pattern for pattern in p["patterns"] if not self._servable(pattern)]
            for pattern in served:
                spec = {_ARRAY_NAME.get(k.upper(), k.upper()): v for k, v in pattern[0].items()}
                by = min((a for a, v in spec.items() if not isinstance(v, dict) or "IN" in v),
                         key=lambda a: (_STARTER_ORDER.get(a, 8), a))
                tests = tuple(sorted((a, frozenset(self._keys(v) if not isinstance(v, dict) or "IN" in v
                                                   else [self._key(x) for x in v["NOT_IN"]]),
                                      not isinstance(v, dict) or "IN" in v)
                                     for a, v in spec.items() if a != by))
                for key in self._keys(spec[by]):
                    entry = tables.setdefault(by, {}).setdefault(key, [])
                    if (attr_id, match_id, tests) not in entry:
                        entry.append((attr_id, match_id, tests))
            if others:
                self.rest.add(str(attr_id), others)
                rest += 1
                for pattern in others:
                    starter = self._starter(pattern)
                    if starter is None or starters is None:
                        starters = None
                    else:
                        starters.append(starter)
        self.tables = list(tables.items())
        tested = {a for _, table in self.tables for entries in table.values() for e in entries for a, _, _ in e[2]}
        starter_attrs = {a for a, _ in starters or ()}
        self.columns = sorted({a for a, _ in self.tables} | tested | starter_attrs)
        self.index = {a: i for i, a in enumerate(self.columns)}
        self.picks = [(self.index[by], {key: [(attr_id, match_id, tuple((self.index[a], keys, inside)
                                                                        for a, keys, inside in tests))
                                              for attr_id, match_id, tests in entries]
                                        for key, entries in table.items()}) for by, table in self.tables]
        self.has_rest = rest > 0
        #: what a token must have for a pattern of the Matcher to start there (None: the Matcher runs on every doc)
        self.starters = None if starters is None else self._group_starters(starters)

    @staticmethod
    def _servable(pattern: list[dict[str, Any]]) -> bool:
        if len(pattern) != 1 or not pattern[0]:
            return False
        positive = False
        for k, v in pattern[0].items():
            attr = k.upper()
            if attr not in TABLE_ATTRS:
                return False
            kind = bool if attr in FLAG_ATTRS else str
            if isinstance(v, dict):
                if len(v) != 1 or next(iter(v)) not in ("IN", "NOT_IN") or attr in FLAG_ATTRS \
                        or not all(isinstance(x, str) for x in next(iter(v.values()))):
                    return False
                positive = positive or "IN" in v
            elif not isinstance(v, kind):
                return False
            else:
                positive = True
        return positive           # a pattern of excluded values only would be looked up under every token

    def _key(self, value: str | bool) -> int:
        return int(value) if isinstance(value, bool) else self.strings.add(value)

    def _keys(self, value: Any) -> list[int]:
        return [self._key(x) for x in value["IN"]] if isinstance(value, dict) else [self._key(value)]

    def _starter(self, pattern: list[dict[str, Any]]) -> tuple[str, Any] | None:
        """(attribute, the keys of the values it may have, or a compiled expression its form must match) that the
        first token of a match of `pattern` must have; None when there is none to check."""
        first = pattern[0] if pattern else {}
        if not first or any(k.upper() == "OP" for spec in pattern for k in spec):
            return None                       # an optional or repeated token: a match may start anywhere
        for k, v in sorted(first.items(), key=lambda kv: _STARTER_ORDER.get(kv[0].upper(), 9)):
            attr = _ARRAY_NAME.get(k.upper(), k.upper())
            if attr not in STARTER_ATTRS:
                continue
            if isinstance(v, str):
                return attr, frozenset({self._key(v)})
            if isinstance(v, dict) and set(v) == {"IN"} and all(isinstance(x, str) for x in v["IN"]):
                return attr, frozenset(self._key(x) for x in v["IN"])
            if isinstance(v, dict) and set(v) == {"REGEX"} and attr in ("ORTH", "LOWER", "NORM"):
                return attr, re.compile(v["REGEX"])
        return None

    @staticmethod
    def _group_starters(starters: list[tuple[str, Any]]) -> list[tuple[str, frozenset[int], list[Any]]]:
        grouped: dict[str, tuple[set[int], list[Any]]] = {}
        for attr, test in starters:
            keys, expressions = grouped.setdefault(attr, (set(), []))
            if isinstance(test, frozenset):
                keys |= test
            else:
                expressions.append(test)
        return [(attr, frozenset(keys), expressions) for attr, (keys, expressions) in grouped.items()]

    def _may_start(self, rows: list[list[int]]) -> bool:
        """Whether a pattern of the Matcher may start at one of these tokens (`rows`: their `self.columns`)."""
        assert self.starters is not None
        for attr, keys, expressions in self.starters:
            values = {row[self.index[attr]] for row in rows}
            if not keys.isdisjoint(values):
                return True
            if expressions and any(_matches(expression, self.strings[v]) for v in values for expression in expressions):
                return True
        return False

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """The ruler's matches on `doc`, sorted as its `match` sorts them (by pattern, then position)."""
        found: list[tuple[int, int, int, int]] = []
        rows = doc.to_array(self.columns).reshape(len(doc), -1).tolist() if self.columns and len(doc) else []
        for i, row in enumerate(rows):
            for c, table in self.picks:
                hit = table.get(row[c])
                if hit:
                    found.extend((attr_id, match_id, i, i + 1) for attr_id, match_id, tests in hit
                                 if all((row[t] in keys) is inside for t, keys, inside in tests))
        if len(self.picks) > 1 and found:
            found = list(dict.fromkeys(found))      # a match once, though two patterns of its rule give it
        if self.has_rest and (self.starters is None or self._may_start(rows)):
            found.extend((int(self.strings[m_id]), m_id, start, end)
                         for m_id, start, end in self.rest(doc, allow_missing=True, as_spans=False))
        found.sort()
        return found

    def apply(self, doc: Any, matches: list[tuple[int, int, int, int]]) -> None:
        """The ruler's `set_annotations`: each match's attributes on its target token, in order (a later pattern
        wins), without making a span per match."""
        from spacy.tokens._retokenize import set_token_attrs

        attrs, indices = self.ruler.attrs, self.ruler.indices
        for attr_id, _, start, end in matches:
            index = indices[attr_id]
            target = start + index if index >= 0 else end + index
            if not start <= target < end:
                raise IndexError(f"attribute ruler pattern {attr_id}: index {index} outside its match")
            set_token_attrs(doc[target], attrs[attr_id])

    def __call__(self, doc: Any) -> Any:
        """The ruler's work on `doc` (what its component does)."""
        self.apply(doc, self.match(doc))
        return doc


@functools.lru_cache(maxsize=100_000)
def _matches(expression: re.Pattern[str], text: str) -> bool:
    return expression.search(text) is not None


@functools.cache
def ruler_table(ruler: Any) -> RulerTable:
    return RulerTable(ruler)


class RulerRerun:
    """One model's attribute ruler and lemmatizer, for docs tagged by :meth:`first_pass` and parsed afterwards."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        self.ruler, self.lemmatizer, self.strings = ruler, lemmatizer, ruler.vocab.strings
        self.reads_parse: set[int] = set()       # patterns that read the parse
        self.unsafe: set[int] = set()            # patterns that set an attribute some pattern reads
        self.lemma_patterns: set[int] = set()    # patterns that set a lemma
        patterns = ruler.patterns
        reads = [{key.upper() for pattern in p["patterns"] for spec in pattern for key in spec} for p in patterns]
        # what the patterns kept from the first pass read: it must be the same after the parse
        kept_read = set().union(*(keys for keys in reads if not keys & PARSE_ATTRS))
        for attr_id, (p, keys) in enumerate(zip(patterns, reads)):
            sets = {key.upper() for key in p["attrs"]}
            if keys & PARSE_ATTRS:
                self.reads_parse.add(attr_id)
            if sets & kept_read:
                self.unsafe.add(attr_id)
            if "LEMMA" in sets:
                self.lemma_patterns.add(attr_id)
        self.parse_table = RulerTable(ruler, only=self.reads_parse)     # the patterns that read the parse

    def first_pass(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """The ruler over a tagged doc (what its component does); its matches, kept for :meth:`after_parse`."""
        table = ruler_table(self.ruler)
        matches = table.match(doc)
        table.apply(doc, matches)
        return matches

    def state(self, doc: Any) -> Any:
        """What the lemmatizer reads, token by token, before the parse."""
        return doc.to_array(LEMMA_INPUTS)

    def after_parse(self, doc: Any, first: list[tuple[int, int, int, int]], before: Any) -> None:
        """Bring a doc tagged with `first` (:meth:`first_pass`'s matches) and `before` (:meth:`state` before the
        parse), now parsed, to what the ruler and the lemmatizer run again after the parse give."""
        if any(m[0] in self.unsafe for m in first):
            matches = ruler_table(self.ruler).match(doc)     # the first pass changed what its own patterns read
        else:
            found = self.parse_table.match(doc) if self.reads_parse else []
            matches = sorted([m for m in first if m[0] not in self.reads_parse] + found)
        given = {self._target(m) for m in matches if m[0] in self.lemma_patterns}
        stale = {self._target(m) for m in first if m[0] in self.lemma_patterns}
        ruler_table(self.ruler).apply(doc, matches)
        changed = (doc.to_array(LEMMA_INPUTS) != before).any(axis=1).nonzero()[0].tolist()
        again = (set(changed) | stale) - given
        if again:
            for i in again:
                doc[i].lemma = 0
            (fast_lemmatizer(self.lemmatizer) or self.lemmatizer)(doc)

    def _target(self, match: tuple[int, int, int, int]) -> int:
        attr_id, _, start, end = match
        index = self.ruler.indices[attr_id]
        return start + index if index >= 0 else end + index


@functools.cache
def ruler_rerun(nlp: Any, rerun: tuple[str, ...]) -> RulerRerun | None:
    """The shortcut for a pipeline whose components after the parser (NER aside) are `rerun`: an attribute ruler
    then a lemmatizer that fills only unset lemmas, with patterns that read nothing else than the taggers' and the
    parser's attributes; None otherwise (the components then run again whole)."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    if rerun != ("attribute_ruler", "lemmatizer"):
        return None
    ruler, lemmatizer = nlp.get_pipe(rerun[0]), nlp.get_pipe(rerun[1])
    if not isinstance(ruler, AttributeRuler) or not isinstance(lemmatizer, Lemmatizer) or lemmatizer.overwrite:
        return None
    read = {key.upper() for p in ruler.patterns for pattern in p["patterns"] for spec in pattern for key in spec}
    if not read <= FIRST_PASS_ATTRS | PARSE_ATTRS:
        return None
    return RulerRerun(ruler, lemmatizer)
