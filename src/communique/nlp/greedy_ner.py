"""spaCy's greedy entity recogniser, its transition loop run over numpy arrays: the same entities, less work.

spaCy's `EntityRecognizer` scores the states of a batch with its network, then, state by state, asks each of its
moves whether it is valid (B, I, L, U for each label and O: 74 moves for the English model's 18 labels). In the
spaCy 3.8 wheels after 3.8.7 every such question takes and gives back Python's lock several times (the state's
inline helpers are compiled with exception checks that need it), so that loop, not the network, is most of the
English recogniser's time: measured over 888 sentences, 1.1 s of its 1.75 s; 0.3 s of that is the network.

:class:`GreedyNER` runs the same steps: the network's scores come from spaCy's own step model (its precomputed
features, the same BLAS calls on the same states in the same order), the validity of every move for every state
is a few array operations (the rules of spaCy's `BiluoPushDown` for documents without preset entities), the
choice is spaCy's (the first best-scoring valid move), and the entities are set as spaCy sets them. A batch it
cannot take (preset entities, a score that is not a number, a model of another kind) goes to spaCy's own loop.
Checked entity by entity against spaCy's on every sentence of the development corpora (tests/test_nlp.py too).
"""
from __future__ import annotations

import functools
from typing import Any

import numpy

# spaCy's move kinds (spacy/pipeline/_parser_internals/ner.pyx)
_MISSING, _BEGIN, _IN, _LAST, _UNIT, _OUT = range(6)
_KINDS = {"M": _MISSING, "B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}


class _SpacyLoop(Exception):
    """The batch needs spaCy's own loop."""


class GreedyNER:
    """spaCy's greedy NER transitions over arrays, for one `EntityRecognizer` (see the module's docstring)."""

    def __init__(self, ner: Any) -> None:
        self.ner = ner
        moves = ner.moves
        kinds, labels = [], []
        for i in range(moves.n_moves):
            name = moves.get_class_name(i)
            kind, _, label = name.partition("-")
            kinds.append(_KINDS[kind])
            labels.append(ner.vocab.strings.add(label) if label else 0)
        self.kind = numpy.array(kinds)
        self.label = numpy.array(labels, dtype=numpy.uint64)
        labelled = self.label != 0
        self.begin = (self.kind == _BEGIN) & labelled
        self.inside = (self.kind == _IN) & labelled
        self.last = (self.kind == _LAST) & labelled
        self.unit = (self.kind == _UNIT) & labelled
        self.out = self.kind == _OUT

    @staticmethod
    def fits(ner: Any) -> bool:
        """A greedy recogniser of spaCy's transition-based kind, with three state features and an upper layer."""
        from spacy.pipeline import EntityRecognizer
        from thinc.api import NumpyOps

        try:
            lower = ner.model.get_ref("lower")
            return (isinstance(ner, EntityRecognizer) and type(ner).predict is EntityRecognizer.predict
                    and ner.cfg.get("beam_width", 1) == 1 and not ner.postprocesses
                    and ner.model.attrs.get("has_upper") and lower.get_dim("nF") == 3
                    and lower.get_dim("nP") >= 2 and isinstance(ner.model.ops, NumpyOps))
        except (KeyError, ValueError, AttributeError):
            return False

    def pipe(self, docs: list[Any]) -> list[Any]:
        """`docs` (one batch) with their entities: what ``ner.pipe(docs, batch_size=len(docs))`` gives."""
        try:
            found = self._decode(docs)
        except _SpacyLoop:
            return list(self.ner.pipe(docs, batch_size=len(docs)))
        from spacy.tokens import Span

        for doc, ents in zip(docs, found):
            doc.set_ents([Span(doc, start, end, label=label) for start, end, label in ents], default="outside")
        return docs

    def _decode(self, docs: list[Any]) -> list[list[tuple[int, int, int]]]:
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START

        lengths = numpy.array([len(doc) for doc in docs])
        if not lengths.any():
            raise _SpacyLoop                         # spaCy's predict then skips the network
        arrays = [doc.to_array([ENT_IOB, IS_SPACE, SENT_START]) for doc in docs if len(doc)]
        rows = numpy.concatenate(arrays).astype(numpy.int64)
        if rows[:, 0].any():
            raise _SpacyLoop                         # preset entities: spaCy's rules for them
        space = rows[:, 1] != 0
        starts = rows[:, 2] == 1
        offsets = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))

        step = self.ner.model.predict(docs)
        state2vec, vec2scores, unseen = step.state2vec, step.vec2scores, step._class_mask == 0
        unseen = unseen if unseen.any() else None      # asked once: `any` is a Python call, each step adds up
        n = len(docs)
        b = numpy.zeros(n, dtype=numpy.int64)          # the buffer's first word, per document
        open_ = numpy.zeros(n, dtype=bool)              # an entity open
        ent_start = numpy.full(n, -1, dtype=numpy.int64)
        ent_label = numpy.zeros(n, dtype=numpy.uint64)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        active = numpy.flatnonzero(lengths > 0)         # a state is final at the end of its document
        try:
            while active.size:
                bb, off, left = b[active], offsets[active], lengths[active] - b[active]
                is_open = open_[active]
                ids = numpy.empty((active.size, 3), dtype=numpy.int32)
                ids[:, 0] = bb + off
                ids[:, 1] = numpy.where(is_open, ent_start[active] + off, -1)
                ids[:, 2] = numpy.where(is_open, bb - 1 + off, -1)
                scores = vec2scores.predict(state2vec.predict(ids))
                if unseen is not None:
                    scores[:, unseen] = numpy.nanmin(scores)
                if numpy.isnan(scores).any():
                    raise _SpacyLoop
                here = off + bb
                two = left >= 2                             # a next word in the buffer
                space0 = space[here]
                start1 = two & starts[numpy.minimum(here + 1, len(starts) - 1)]
                same = ent_label[active][:, None] == self.label[None, :]
                valid = ((self.begin & (~is_open & two & ~start1 & ~space0)[:, None])
                         | (self.inside & (is_open & two & ~start1)[:, None] & same)
                         | (self.last & is_open[:, None] & same)
                         | (self.unit & (~is_open & ~space0)[:, None])
                         | (self.out & ~is_open[:, None]))
                guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
                if not valid.any(axis=1).all():
                    raise _SpacyLoop                        # spaCy would force the state final
                kind, label = self.kind[guess], self.label[guess]
                begun = active[kind == _BEGIN]
                open_[begun], ent_start[begun], ent_label[begun] = True, b[begun], label[kind == _BEGIN]
                for i in numpy.flatnonzero((kind == _LAST) | (kind == _UNIT)).tolist():
                    doc = int(active[i])
                    if kind[i] == _LAST:
                        found[doc].append((int(ent_start[doc]), int(b[doc]) + 1, int(ent_label[doc])))
                        open_[doc] = False
                    else:
                        found[doc].append((int(b[doc]), int(b[doc]) + 1, int(label[i])))
                b[active] += 1
                active = active[b[active] < lengths[active]]
        finally:
            step.clear_memory()
        return found


@functools.cache
def greedy_ner(ner: Any) -> GreedyNER | None:
    """The array loop for this recogniser, or None where it does not fit (spaCy's own loop then runs)."""
    return GreedyNER(ner) if GreedyNER.fits(ner) else None
