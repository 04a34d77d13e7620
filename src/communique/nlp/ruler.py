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
        matches = self.ruler.match(doc)
        self.ruler.set_annotations(doc, matches)
        return matches

    def state(self, doc: Any) -> Any:
        """What the lemmatizer reads, token by token, before the parse."""
        return doc.to_array(LEMMA_INPUTS)

    def after_parse(self, doc: Any, first: list[tuple[int, int, int, int]], before: Any) -> None:
        """Bring a doc tagged with `first` (:meth:`first_pass`'s matches) and `before` (:meth:`state` before the
        parse), now parsed, to what the ruler and the lemmatizer run again after the parse give."""
        if any(m[0] in self.unsafe for m in first):
            matches = self.ruler.match(doc)         # the first pass changed what its own patterns read
        else:
            found = [(int(self.strings[m_id]), m_id, start, end)
                     for m_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False)
                     ] if self.reads_parse else []
            matches = sorted([m for m in first if m[0] not in self.reads_parse] + found)
        given = {self._target(m) for m in matches if m[0] in self.lemma_patterns}
        stale = {self._target(m) for m in first if m[0] in self.lemma_patterns}
        self.ruler.set_annotations(doc, matches)
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
