"""spaCy's greedy dependency parser stepped from Python with the GIL held: the same parses, less work.

`Parser.greedy_parse` releases the GIL for its whole transition loop, and in the spaCy wheels after 3.8.7 (we pin
3.8.18) the state's inline helpers it calls for every state at every step (the context tokens of the scores, the
validity of each move) each take the GIL back and release it again: two mutexes and a condition signal per call.
With the GIL held those calls only count. :func:`parse_holding_gil` runs the loop spaCy's beam search runs, with
a beam of one: the step model's scores for the unfinished states (the same precomputed features, the same BLAS
calls on the same states in the same order), then spaCy's own `transition_states` (its validity, its choice of the
best valid move, its transitions), then its own `set_annotations` (non-projective arcs restored, sentence starts).
Measured over the sentences of the development corpora: English 0.29 -> 0.13 s, Spanish 0.30 -> 0.13 s CPU, every
head, label and sentence start identical (tests/test_nlp.py too).
"""
from __future__ import annotations

import functools
from typing import Any

import numpy


@functools.cache
def fits(parser: Any) -> bool:
    """A greedy transition-based dependency parser of spaCy's own kind, on the CPU."""
    from spacy.pipeline import DependencyParser
    from spacy.pipeline.transition_parser import Parser
    from thinc.api import NumpyOps

    return (isinstance(parser, DependencyParser) and type(parser).predict is Parser.predict
            and type(parser).set_annotations is Parser.set_annotations
            and parser.cfg.get("beam_width", 1) == 1 and isinstance(parser.model.ops, NumpyOps)
            and parser.model.attrs.get("has_upper") is True)


def parse_holding_gil(parser: Any, docs: list[Any]) -> list[Any]:
    """`docs` (one batch) parsed: what ``parser.pipe(docs, batch_size=len(docs))`` gives."""
    if not any(len(doc) for doc in docs):
        return list(parser.pipe(docs, batch_size=len(docs)))
    batch = parser.moves.init_batch(docs)
    step = parser.model.predict(docs)
    try:
        # the step model's forward (`step.predict`) by its parts: the same scores, without its Model wrapper and its
        # minimum over every score for the unseen classes when there are none (15 of its 75 µs a step)
        state2vec, upper, unseen = step.state2vec, step.vec2scores, step._class_mask == 0
        states = [state for state in batch if not state.is_final()]
        while states:
            scores = upper.predict(state2vec.predict(step.get_token_ids(states)))
            if unseen.any():
                scores[:, unseen] = numpy.nanmin(scores)
            states = parser.transition_states(states, scores)
    finally:
        step.clear_memory()
    parser.set_annotations(docs, batch)
    return docs
