"""Stages `sentences` (split each paragraph in its own language) and `parse` (models over the sentences)."""
from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Sequence

from ..lexicon import lexicon
from ..records import Article, Sentence
from ..registry import Stage, stage
from .models import parse_sentences

log = logging.getLogger(__name__)
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
    """Models over every sentence of the batch at once, per language; with the `cascade` setting, the dependency
    parser only over sentences that can hold an event (:func:`needs_syntax`). The time budget is checked before
    the batch (one batched call is not interrupted; `max_text_chars` bounds it); if the batched call fails, the
    documents are parsed one at a time, so one broken document fails alone."""

    def __call__(self, batch: list[Article]) -> list[Article]:
        ready = [a for a in batch if not a.failed and a.elapsed < self.settings.document_time_budget]
        try:
            self._parse_together(ready)
        except Exception:
            log.warning("batched parse failed; parsing the batch's documents one at a time", exc_info=True)
        for article in batch:
            if article.stages.get(self.name) is None:
                self.run_one(article)     # failed ones, the budget's warnings, and the fallback above
        return batch

    def _parse_together(self, articles: list[Article]) -> None:
        if not articles:
            return
        started = time.perf_counter()
        sentences = [s for a in articles for s in a.sentences]
        selector = functools.partial(_syntax_for_articles, articles) if self.settings.cascade else None
        parse_sentences(sentences, None, self.settings.spacy_models, needs_syntax=selector)
        # the batch's time is shared out by text length (what the models' cost grows with)
        elapsed = time.perf_counter() - started
        total = sum(len(a.text) for a in articles) or 1
        for article in articles:
            article.elapsed += elapsed * len(article.text) / total
            article.stages[self.name] = self.version

    def process(self, article: Article) -> None:
        selector = functools.partial(_syntax_for_articles, [article]) if self.settings.cascade else None
        parse_sentences(article.sentences, article.text, self.settings.spacy_models, needs_syntax=selector)


# --- the cascade: which tagged sentences the dependency parser must see -----------------------------------------

#: quotation marks the quotes stage reads (its speaker comes from the parse of the sentence around the quote)
_QUOTE_MARKS = frozenset("«»“”„\"")


def needs_syntax(sentences: Sequence[Sentence], words: Sequence[frozenset[str]]) -> list[bool]:
    """Sentences of one document that need the dependency parse, given each one's words (forms and lemmas,
    lower-cased): those with an event trigger of their language (lemma or form, any part of speech: cheaper to
    over-select than to miss one), those with a quotation mark (the quote's speaker is the subject of a speech
    verb), and each one's neighbours (the events stage takes a missing actor from the subject of an earlier
    sentence, the dates stage an event's date from the previous sentence). The rest are only tagged."""
    marked = [_holds_trigger(s, w) or not _QUOTE_MARKS.isdisjoint(s.text) for s, w in zip(sentences, words)]
    last = len(marked) - 1
    return [m or (i > 0 and marked[i - 1]) or (i < last and marked[i + 1]) for i, m in enumerate(marked)]


def _holds_trigger(sentence: Sentence, words: frozenset[str]) -> bool:
    lex = lexicon(sentence.language)
    return lex is not None and any(w in lex.verbs or w in lex.nouns for w in words)


def _syntax_for_articles(articles: list[Article], sentences: Sequence[Sentence],
                         words: Sequence[frozenset[str]]) -> list[bool]:
    """The cascade over a batch: `needs_syntax` document by document (neighbours never cross documents)."""
    of_sentence = {id(s): w for s, w in zip(sentences, words)}
    chosen: set[int] = set()
    for article in articles:
        own = [of_sentence.get(id(s), frozenset()) for s in article.sentences]
        chosen.update(id(s) for s, needed in zip(article.sentences, needs_syntax(article.sentences, own)) if needed)
    return [id(s) in chosen for s in sentences]
