"""Stages `sentences` (split each paragraph in its own language) and `parse` (models over the sentences)."""
from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Sequence

from ..lexicon import lexicon, name_word
from ..records import Article, Sentence
from ..registry import Stage, loading_seconds, memory_budget_bytes, stage, watchdog
from .models import ModelPass, Word, single_threaded_math

log = logging.getLogger(__name__)
_FALLBACK_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"«“A-ZА-ЯЁÁÉÍÓÚÑ])")
#: A longer "sentence" is a list, a table or junk (the longest real one in the seeds, the development sets and the
#: stream is 639 characters): it is cut into pieces of at most this many characters, at a space where there is one,
#: so that what the models and the event rules spend on one sentence is bounded and a document costs time and
#: memory in proportion to its length.
MAX_SENTENCE_CHARS = 1000
_SPACE = re.compile(r"\s")


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


def bounded(spans: list[tuple[int, int]], text: str, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """`spans` with each one longer than `limit` cut into pieces of at most `limit` characters: at the last space
    of the piece's second half, else at the limit; whitespace around the cuts trimmed."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        while end - start > limit:
            cut = start + limit
            space = max((m.start() for m in _SPACE.finditer(text, start + limit // 2, cut + 1)), default=-1)
            piece_end = space if space > start else cut
            start_next = piece_end
            while text[piece_end - 1].isspace():    # the piece starts with a non-space character
                piece_end -= 1
            out.append((start, piece_end))
            start = start_next
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
    return out


@stage("sentences", "1", requires=("text", "paragraphs"), assigns=("sentences",))
class SentencesStage(Stage):
    def process(self, article: Article) -> None:
        if len(article.text.strip()) < self.settings.min_text_chars:
            if article.text.strip():
                article.warn(f"text shorter than {self.settings.min_text_chars} characters: not analysed")
            return
        if article.language and article.language not in self.settings.languages:
            return  # a page in a language no events are read in (the language stage said so): no sentences
        cut = 0
        for paragraph in article.paragraphs:
            language = paragraph.language or article.language or self.settings.fallback_language
            chunk = article.text[paragraph.start:paragraph.end]
            spans = split_sentences(chunk, language)
            pieces = bounded(spans, chunk)
            cut += len(pieces) - len(spans)
            for start, end in pieces:
                s, e = paragraph.start + start, paragraph.start + end
                article.sentences.append(Sentence(s, e, article.text[s:e], language))
        if cut:
            article.warn(f"sentences longer than {MAX_SENTENCE_CHARS} characters cut into pieces ({cut} cuts)")


@stage("parse", "1", requires=("sentences",), assigns=("sentences.tokens", "sentences.ner"))
class ParseStage(Stage):
    """Models over every sentence of the batch at once, per language; with the `cascade` setting, the dependency
    parser only over sentences that can hold an event (:func:`needs_syntax`). The time budget is checked before
    the batch (one batched call is not interrupted; `max_text_chars` bounds it); if the batched call fails, the
    documents are parsed one at a time, so one broken document fails alone; so too when the batch takes more memory
    than one document's budget, and then the document that takes too much alone fails with its reason.

    The triage (stage `triage`) goes first: an article it skipped gets no model at all; one with candidate sentences
    (two actors named close together) has those tagged first, and is analysed only when one of them holds an event
    word of its language (:func:`holds_event_word`); otherwise it is skipped as well, and its tags are dropped. In
    an article analysed, the models see the sentences near the candidates (:func:`near_candidates`)."""

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
        started, loads_before = time.perf_counter(), loading_seconds()
        # the batch together within one document's memory budget, else each document alone within its own
        with watchdog(None, memory_budget_bytes(self.settings)):
            self._analyse(articles)
        # the batch's time is shared out by text length (what the models' cost grows with)
        elapsed = time.perf_counter() - started - (loading_seconds() - loads_before)    # loading the models: no one's
        total = sum(len(a.text) for a in articles) or 1
        for article in articles:
            article.elapsed += elapsed * len(article.text) / total
            article.stages[self.name] = self.version

    def process(self, article: Article) -> None:
        self._analyse([article])

    def _analyse(self, articles: list[Article]) -> None:
        with single_threaded_math():
            run = ModelPass(self.settings.spacy_models)
            direct = [a for a in articles if not a.skipped and not _waits_for_triage(a)]
            run.tag([s for a in direct for s in a.sentences], full=not self.settings.cascade)
            window = int(self.settings.options("triage").get("window", WINDOW))
            passed = _triage_by_event_words([a for a in articles if _waits_for_triage(a)], run, window)
            analysed = direct + passed
            run.recognise(s for a in analysed for s in a.sentences)     # NER once per language, on what is kept
            if self.settings.cascade:
                words = run.words()
                run.parse(s for a in analysed for s, yes in zip(a.sentences, needs_syntax(
                    a.sentences, [words.get(id(s), frozenset()) for s in a.sentences])) if yes)
            else:
                run.parse(s for a in passed for s in a.sentences)
            run.fill(s for a in analysed for s in a.sentences)


#: sentences before and after each candidate of the triage that the models analyse (option `window` of the stage
#: `triage`; a large one analyses every sentence). Two keep every event of the seeds, the development sets and the
#: sample corpus, and their records, as with the whole article analysed; one loses two of their gold events.
WINDOW = 2


def _triage_by_event_words(articles: list[Article], run: ModelPass, window: int = WINDOW) -> list[Article]:
    """Tag the triage's candidate sentences; skip the articles where none holds an event word, tag the sentences
    near the candidates of the others (:func:`near_candidates`). The articles kept."""
    candidates = {id(a): [a.sentences[i] for i in a.triage.candidates] for a in articles if a.triage}
    run.tag([s for a in articles for s in candidates[id(a)]])
    words = run.tagged_words()
    kept = []
    for article in articles:
        assert article.triage is not None
        if any(may_state_event(s, words[id(s)]) for s in candidates[id(article)]):
            kept.append(article)
        else:
            article.triage.skip(NO_EVENT_WORD)
    tagged = {id(s) for a in kept for s in candidates[id(a)]}
    run.tag([s for a in kept for s in near_candidates(a, window) if id(s) not in tagged])
    return kept


def may_state_event(sentence: Sentence, words: Sequence[Word]) -> bool:
    """Can the events stage find an event in this tagged sentence? Only where a word is a trigger as it reads one:
    a verb, noun (or a modal adjective) of the lexicon by its part of speech (:meth:`Lexicon.frames_of`: "according
    to", "the Australian Open" hold none), outside the language's fixed phrases ("sin embargo"), in a sentence that
    is not about sport or markets (its ``off_topic`` words outside a name, as the events stage reads them: "the
    semifinal against Spain"). Without a tagger (no parts of speech) any lexicon word counts."""
    lex = lexicon(sentence.language)
    if lex is None:
        return False
    if all(pos == "X" for _, _, _, pos in words):
        return holds_event_word(sentence, frozenset(w for _, form, lemma, _ in words for w in (form.lower(), lemma)))
    off_topic = lex.words("roles", "off_topic")
    for i, (_, form, lemma, pos) in enumerate(words):
        if (lemma.lower() in off_topic or form.lower() in off_topic) and not _in_a_name(words, i):
            return False
    return any(lex.frames_of(lemma, form, pos) and not lex.in_fixed_phrase(sentence.text, at)
               for at, form, lemma, pos in words)


def _in_a_name(words: Sequence[Word], i: int) -> bool:
    """A word of a proper name, as the events stage tells one (:func:`communique.lexicon.name_word`)."""
    near = tuple(words[j][1] for j in (i - 1, i + 1) if 0 <= j < len(words))
    return name_word(words[i][1], words[i][3], i, near)


def near_candidates(article: Article, window: int = WINDOW) -> list[Sentence]:
    """The sentences of an article the triage sent on that the models analyse: its candidates and the `window`
    sentences before and after each (an event is stated beside the names: its actors come from earlier sentences,
    and the sentence that names them may come just after it). The others keep no tags, as in a skipped article:
    the entities stage reads them with the gazetteer alone."""
    assert article.triage is not None
    near: set[int] = set()
    for i in article.triage.candidates:
        near.update(range(max(0, i - window), min(len(article.sentences), i + window + 1)))
    return [article.sentences[i] for i in sorted(near)]


#: why the parse stage skips an article the triage sent on (the stage `triage` gives the other reasons)
NO_EVENT_WORD = "no event word near two states or organisations"


def _waits_for_triage(article: Article) -> bool:
    """The triage found candidate sentences: whether the article is analysed depends on their event words."""
    return article.triage is not None and bool(article.triage.candidates)


# --- the cascade: which tagged sentences the dependency parser must see -----------------------------------------

#: quotation marks the quotes stage reads (its speaker comes from the parse of the sentence around the quote)
_QUOTE_MARKS = frozenset("«»“”„\"")


def needs_syntax(sentences: Sequence[Sentence], words: Sequence[frozenset[str]]) -> list[bool]:
    """Sentences of one document that need the dependency parse, given each one's words (forms and lemmas,
    lower-cased): those with an event trigger of their language (lemma or form, any part of speech: cheaper to
    over-select than to miss one), those with a quotation mark (the quote's speaker is the subject of a speech
    verb), and each one's neighbours (the events stage takes a missing actor from the subject of an earlier
    sentence, the dates stage an event's date from the previous sentence). The rest are only tagged."""
    marked = [holds_event_word(s, w) or not _QUOTE_MARKS.isdisjoint(s.text) for s, w in zip(sentences, words)]
    last = len(marked) - 1
    return [m or (i > 0 and marked[i - 1]) or (i < last and marked[i + 1]) for i, m in enumerate(marked)]


def holds_event_word(sentence: Sentence, words: frozenset[str]) -> bool:
    """Does the sentence hold a trigger of its language's lexicon (a lemma or form among its words, any part of
    speech: what the events stage looks up)?"""
    lex = lexicon(sentence.language)
    return lex is not None and any(w in lex.verbs or w in lex.nouns for w in words)
