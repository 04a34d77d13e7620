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

:class:`RulerTable` matches the ruler's patterns with less work in every pass. Most of them are one token with
exact values (`{"LOWER": "got", "TAG": "VBD"}`, `{"TAG": "NN"}`, `{"POS": "ADJ"}`: 152 of the 179 English, 21 of
the 21 Spanish); spaCy's Matcher tries each of them at every token. The table looks a token's values up instead,
once per set of attributes the patterns read, and the Matcher runs only the others; the matches are those of the
ruler's own `match`, in its order (tests/test_nlp.py, doc by doc, on real sentences).
"""
from __future__ import annotations

import functools
from typing import Any

#: token attributes the dependency parser sets: patterns that read one are matched again after it
PARSE_ATTRS = frozenset({"DEP", "HEAD", "SENT_START", "IS_SENT_START"})
#: attributes a pattern may read for its first-pass matches to hold after the parse (lexical ones, and the taggers')
FIRST_PASS_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH", "IS_ALPHA",
                              "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
                              "IS_STOP", "LIKE_NUM", "TAG", "POS", "MORPH", "OP"})
#: what the lemmatizer reads besides the text, compared before and after (numpy rows of `Doc.to_array`)
LEMMA_INPUTS = ("POS", "MORPH", "SENT_START")


#: attributes a one-token pattern may test by exact value for the table to serve it (`Doc.to_array` reads them as
#: the Matcher does: a string's hash, or a symbol's id for a part of speech; a flag as 0 or 1)
TABLE_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "LEMMA", "TAG", "POS", "IS_ALPHA", "IS_ASCII", "IS_DIGIT",
                         "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM"})
FLAG_ATTRS = frozenset(a for a in TABLE_ATTRS if a.startswith("IS_") or a == "LIKE_NUM")
_ARRAY_NAME = {"TEXT": "ORTH"}


class RulerTable:
    """An attribute ruler's matches (what its `match` gives) with its one-token exact-value patterns looked up in
    tables and only the others matched by spaCy's Matcher."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler, self.strings = ruler, ruler.vocab.strings
        self.rest = Matcher(ruler.vocab)
        rest = 0
        #: per set of attributes read (in a fixed order): their values' keys -> the patterns' (attr_id, match_id)
        tables: dict[tuple[str, ...], dict[tuple[int, ...], list[tuple[int, int]]]] = {}
        for attr_id, p in enumerate(ruler.patterns):
            match_id = self.strings.add(str(attr_id))
            served = [pattern for pattern in p["patterns"] if self._servable(pattern)]
            others = [pattern for pattern in p["patterns"] if not self._servable(pattern)]
            for pattern in served:
                attrs = tuple(sorted(_ARRAY_NAME.get(k.upper(), k.upper()) for k in pattern[0]))
                values = {_ARRAY_NAME.get(k.upper(), k.upper()): v for k, v in pattern[0].items()}
                key = tuple(self._key(values[a]) for a in attrs)
                entry = tables.setdefault(attrs, {}).setdefault(key, [])
                if (attr_id, match_id) not in entry:
                    entry.append((attr_id, match_id))
            if others:
                self.rest.add(str(attr_id), others)
                rest += 1
        self.tables = list(tables.items())
        self.columns = sorted({a for attrs, _ in self.tables for a in attrs})
        self.index = {a: i for i, a in enumerate(self.columns)}
        self.picks = [([self.index[a] for a in attrs], table) for attrs, table in self.tables]
        self.has_rest = rest > 0

    @staticmethod
    def _servable(pattern: list[dict[str, Any]]) -> bool:
        return len(pattern) == 1 and bool(pattern[0]) and all(
            k.upper() in TABLE_ATTRS and isinstance(v, bool if k.upper() in FLAG_ATTRS else str)
            for k, v in pattern[0].items())

    def _key(self, value: str | bool) -> int:
        return int(value) if isinstance(value, bool) else self.strings.add(value)

    def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """The ruler's matches on `doc`, sorted as its `match` sorts them (by pattern, then position)."""
        found: list[tuple[int, int, int, int]] = []
        if self.columns and len(doc):
            rows = doc.to_array(self.columns).tolist()
            for i, row in enumerate(rows):
                for picks, table in self.picks:
                    hit = table.get(tuple(row[c] for c in picks))
                    if hit:
                        found.extend((attr_id, match_id, i, i + 1) for attr_id, match_id in hit)
        if self.has_rest:
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


@functools.cache
def ruler_table(ruler: Any) -> RulerTable:
    return RulerTable(ruler)


class RulerRerun:
    """One model's attribute ruler and lemmatizer, for docs tagged by :meth:`first_pass` and parsed afterwards."""

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler, self.lemmatizer, self.strings = ruler, lemmatizer, ruler.vocab.strings
        self.reads_parse: set[int] = set()       # patterns that read the parse
        self.unsafe: set[int] = set()            # patterns that set an attribute some pattern reads
        self.lemma_patterns: set[int] = set()    # patterns that set a lemma
        self.matcher = Matcher(ruler.vocab)
        patterns = ruler.patterns
        reads = [{key.upper() for pattern in p["patterns"] for spec in pattern for key in spec} for p in patterns]
        # what the patterns kept from the first pass read: it must be the same after the parse
        kept_read = set().union(*(keys for keys in reads if not keys & PARSE_ATTRS))
        for attr_id, (p, keys) in enumerate(zip(patterns, reads)):
            sets = {key.upper() for key in p["attrs"]}
            if keys & PARSE_ATTRS:
                self.reads_parse.add(attr_id)
                self.matcher.add(str(attr_id), p["patterns"])
            if sets & kept_read:
                self.unsafe.add(attr_id)
            if "LEMMA" in sets:
                self.lemma_patterns.add(attr_id)

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
            found = [(int(self.strings[m_id]), m_id, start, end)
                     for m_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False)
                     ] if self.reads_parse else []
            matches = sorted([m for m in first if m[0] not in self.reads_parse] + found)
        given = {self._target(m) for m in matches if m[0] in self.lemma_patterns}
        stale = {self._target(m) for m in first if m[0] in self.lemma_patterns}
        ruler_table(self.ruler).apply(doc, matches)
        changed = (doc.to_array(LEMMA_INPUTS) != before).any(axis=1).nonzero()[0].tolist()
        again = (set(changed) | stale) - given
        if again:
            for i in again:
                doc[i].lemma = 0
            self.lemmatizer(doc)

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
