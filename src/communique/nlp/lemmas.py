"""spaCy's rule lemmatizer with its answers remembered per word reading.

spaCy's rule lemmatizer reads, per token, its text, part of speech, morphology and (the Spanish one) whether it
starts a sentence, and nothing else: the lemma is a function of those four. Its own cache misses most tokens (the
English one computes the uninflected forms, a noun in the singular, a verb in the infinitive, before its cache; the
Spanish one returns names, prepositions and punctuation before it), and each call builds a Token and reads its
morphology as a dict: about 12 µs a token in English, a third of the tagger's time. :class:`Lemmas` reads the four
values of every token from one array, asks the lemmatizer once per distinct reading, and sets the lemmas it
already knows directly. Only the tokens without a lemma are lemmatised (the attribute ruler may have given one),
as the component does. Checked token by token against the component on every sentence of the development corpora
(tests/test_nlp.py).
"""
from __future__ import annotations

import functools
from typing import Any

#: readings remembered at most (then forgotten all at once: memory stays flat on an endless stream)
MAX_READINGS = 300_000


class Lemmas:
    """A rule lemmatizer component (not overwriting, in rule mode) run on docs with its answers remembered."""

    def __init__(self, lemmatizer: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS, SENT_START

        self.lemmatizer = lemmatizer
        self.columns = [LEMMA, ORTH, POS, MORPH, SENT_START]
        self.known: dict[tuple[int, int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        if not len(doc):
            return doc
        known, lemmatize = self.known, self.lemmatizer.lemmatize
        if len(known) > MAX_READINGS:
            known.clear()
        for i, (lemma, orth, pos, morph, start) in enumerate(doc.to_array(self.columns).tolist()):
            if lemma:
                continue                              # set by the attribute ruler: kept, as the component keeps it
            reading = (orth, pos, morph, start)
            value = known.get(reading)
            token = doc[i]
            if value is None:
                token.lemma_ = lemmatize(token)[0]
                if pos:                               # no part of speech: spaCy warns, every time
                    known[reading] = token.lemma
            else:
                token.lemma = value
        return doc


@functools.cache
def fast_lemmatizer(component: Any) -> Lemmas | None:
    """:class:`Lemmas` for spaCy's English or Spanish rule lemmatizer (or the generic one) that fills unset lemmas
    only; None for any other (it then runs as it is)."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.lang.es.lemmatizer import SpanishLemmatizer
    from spacy.pipeline import Lemmatizer

    if type(component) not in (Lemmatizer, EnglishLemmatizer, SpanishLemmatizer) or component.overwrite \
            or component.mode != "rule":
        return None
    return Lemmas(component)
