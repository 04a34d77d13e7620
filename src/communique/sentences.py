"""Stages `sentences` (split each paragraph in its own language) and `parse` (models over the sentences)."""
from __future__ import annotations

import functools
import re

from .nlp import parse_sentences
from .records import Article, Sentence
from .registry import Stage, stage

_FALLBACK_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"«“A-ZА-ЯЁÁÉÍÓÚÑ])")


@functools.lru_cache(maxsize=16)
def _segmenter(language: str):
    try:
        from sentencex import segment
    except ImportError:  # pragma: no cover - sentencex is a dependency
        return None
    return functools.partial(segment, language)


def split_sentences(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, whitespace trimmed."""
    segment = _segmenter(language)
    pieces = list(segment(text)) if segment else _FALLBACK_SPLIT.split(text)
    spans, pos = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, pos)
        if start < 0:
            continue
        spans.append((start, start + len(piece)))
        pos = start + len(piece)
    return spans


@stage("sentences", "1", requires=("text", "paragraphs"), assigns=("sentences",))
class SentencesStage(Stage):
    def process(self, article: Article) -> None:
        if len(article.text.strip()) < self.settings.min_text_chars:
            if article.text.strip():
                article.warn(f"text shorter than {self.settings.min_text_chars} characters: not analysed")
            return
        for paragraph in article.paragraphs:
            language = paragraph.language or article.language or self.settings.fallback_language
            chunk = article.text[paragraph.start:paragraph.end]
            for start, end in split_sentences(chunk, language):
                s, e = paragraph.start + start, paragraph.start + end
                article.sentences.append(Sentence(s, e, article.text[s:e], language))


@stage("parse", "1", requires=("sentences",), assigns=("sentences.tokens", "sentences.ner"))
class ParseStage(Stage):
    def __call__(self, batch: list[Article]) -> list[Article]:
        for article in batch:
            self.run_one(article)
        return batch

    def process(self, article: Article) -> None:
        parse_sentences(article.sentences, article.text, self.settings.spacy_models)
