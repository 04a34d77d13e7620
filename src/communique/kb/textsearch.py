"""Full-text search with stemming, alike on SQLite and PostgreSQL.

Words are stemmed here, in Python, not by the database: each document's words with the Snowball stemmer of the
document's language (PyStemmer; the stemmer is named in ``data/lang/<iso>/search.toml``), and a search word, for
the documents of each language, with that language's stemmer, so "acuerdo" finds "acuerdos" in Spanish articles,
"agreement" finds "agreements" in English ones and "соглашение" finds "соглашения" and "соглашений" in Russian
ones, without a Spanish word matching an English article through a shared stem. The store indexes three columns:
the folded title and text as written, for "quoted phrases" (matched as written, no stemming), and the folded stems,
for bare words. SQLite's FTS5 and PostgreSQL's ``simple`` text search then only compare whole tokens, which both do
alike, so both backends find the same documents.

A document in a language without a stemmer (or none detected) is indexed by its folded words, which a bare search
word matches as written.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from ..datafiles import data_languages, language_data
from .stories import fold

#: a word: letters and digits (what SQLite's unicode61 tokenizer and PostgreSQL's parser both treat as one token)
WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"|(\S+)')

_local = threading.local()    # PyStemmer's stemmers are not thread-safe: one per thread and language


@dataclass(frozen=True, slots=True)
class Term:
    """What a matching document must contain: a bare word (one of its stems in the document's language: `stems`
    gives them per stemming language, and under None for the other languages) or a quoted phrase (its folded
    `words` in order, as written; `stems` empty)."""

    words: tuple[str, ...]
    stems: tuple[tuple[str | None, tuple[str, ...]], ...] = ()

    def stems_in(self, language: str | None) -> tuple[str, ...]:
        """The stems a document in `language` must contain (a stemming language, or None for the others)."""
        return dict(self.stems)[language]


#: a group of documents by language (`by_language`): every document, when the query has no bare word
ANY = "*"


@cache
def stemming_languages() -> tuple[str, ...]:
    """The languages with a stemmer (``lang/<iso>/search.toml``)."""
    return tuple(lang for lang in data_languages("search") if _stemmer_name(lang))


def _stemmer_name(language: str | None) -> str | None:
    data = language_data(language, "search") if language and re.fullmatch(r"[a-z]{2,3}", language) else None
    return (data or {}).get("stemmer")


def stemmer(language: str | None) -> Any:
    """This thread's Snowball stemmer for `language`, or None when the language has none."""
    name = _stemmer_name(language)
    if name is None:
        return None
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if name not in stemmers:
        import Stemmer

        stemmers[name] = Stemmer.Stemmer(name)
    return stemmers[name]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where the words of `text` are (tokenised on the folded text; folding keeps offsets)."""
    return [m.span() for m in WORD.finditer(fold(text))]


def stem_words(text: str, language: str | None) -> list[tuple[str, ...]]:
    """The folded stems of each word of `text` (one entry per word of `word_spans`), with `language`'s stemmer:
    the stem of the word as written and, where it has accents, of the word without them (Spanish "energía" and
    "energia" stem differently, and searchers type either)."""
    spans = word_spans(text)
    written = [text[a:b].lower() for a, b in spans]
    plain = [fold(text[a:b]) for a, b in spans]
    stem = stemmer(language)
    if stem is None:
        return [(w,) for w in plain]
    return [(fold(a),) if a == b else tuple(dict.fromkeys((fold(a), fold(b))))
            for a, b in zip(stem.stemWords(written), stem.stemWords(plain), strict=True)]


def stemmed_text(text: str | None, language: str | None) -> str:
    """What the stems column indexes: the stems of the words (`stem_words`), separated by spaces."""
    return " ".join(s for stems in stem_words(text or "", language) for s in stems)


def word_stems(word: str) -> tuple[tuple[str | None, tuple[str, ...]], ...]:
    """A search word's folded stems (as written and without accents) for each stemming language, and the folded
    word itself for documents in other languages."""
    lowered = word.lower()
    forms = sorted({lowered, fold(word)})
    out: list[tuple[str | None, tuple[str, ...]]] = [(None, (fold(word),))]
    for language in stemming_languages():
        stems = {fold(s) for s in stemmer(language).stemWords(forms)}
        out.append((language, tuple(sorted(s for s in stems if WORD.fullmatch(s)))))
    return tuple(out)


def parse_query(query: str) -> list[Term]:
    """The terms of a search: every bare word must occur in some form ("acuerdo" finds "acuerdos"); a "quoted
    phrase" must occur as written, in order (case and accents aside). Folded letters and digits only, so nothing
    of the user's text reaches the full-text syntax."""
    terms = []
    for phrase, word in _PHRASE.findall(query):
        if phrase:
            if words := WORD.findall(fold(phrase)):
                terms.append(Term(tuple(words)))
            continue
        for a, b in word_spans(word):
            terms.append(Term((fold(word[a:b]),), word_stems(word[a:b])))
    return terms


def by_language(terms: list[Term]) -> list[tuple[tuple[str | None, ...] | str, list[tuple[tuple[str, ...], bool]]]]:
    """The search for each group of documents: (languages, parts), where languages are stemming languages and None
    for documents in any other language (languages that search alike share a group), or `ANY` (one search for
    every document, when the query has only phrases), and a part is (stems, False) for a bare word (any of them,
    against the stems) or (words, True) for a phrase."""
    if all(not t.stems for t in terms):
        return [(ANY, [(t.words, True) for t in terms])]
    groups: dict[tuple[tuple[tuple[str, ...], bool], ...], list[str | None]] = {}
    for language in (*stemming_languages(), None):
        parts = tuple((t.stems_in(language), False) if t.stems else (t.words, True) for t in terms)
        groups.setdefault(parts, []).append(language)
    return [(tuple(languages), list(parts)) for parts, languages in groups.items()]


def as_written(terms: list[Term]) -> list[tuple[tuple[str, ...], bool]]:
    """Every term as a phrase (the words as written): documents that match so rank before those that match only
    through stems ("embajada" lists the articles with "embajada" before those with "embajador")."""
    return [(t.words, True) for t in terms]


def fts5_match(parts: list[tuple[tuple[str, ...], bool]]) -> str:
    """SQLite FTS5 MATCH expression of one group's parts (`by_language`): bare words against the stems column,
    phrases against title and text."""
    return " AND ".join('{title text} : "' + " ".join(tokens) + '"' if phrase
                        else "stems : (" + " OR ".join(f'"{s}"' for s in tokens) + ")" for tokens, phrase in parts)


def tsqueries(parts: list[tuple[tuple[str, ...], bool]]) -> tuple[str | None, str | None]:
    """PostgreSQL tsquery text (``simple`` configuration) of one group's parts: (phrases against the title and
    text vector, bare words against the stems vector); None where the query has none."""
    phrases = " & ".join("(" + " <-> ".join(tokens) + ")" for tokens, phrase in parts if phrase)
    words = " & ".join("(" + " | ".join(tokens) + ")" for tokens, phrase in parts if not phrase)
    return phrases or None, words or None


def language_condition(languages: tuple[str | None, ...] | str) -> tuple[str, tuple[str, ...]]:
    """SQL condition (on ``d.language``) and parameters selecting a group's documents (`by_language`)."""
    if languages == ANY:
        return "1 = 1", ()
    named = tuple(lang for lang in languages if lang is not None)
    conditions, values = [], named
    if named:
        conditions.append(f"d.language IN ({', '.join('?' for _ in named)})")
    if None in languages:
        stemmed = stemming_languages()
        conditions.append(f"d.language IS NULL OR d.language NOT IN ({', '.join('?' for _ in stemmed)})")
        values += stemmed
    return "(" + " OR ".join(conditions) + ")", values


@lru_cache(maxsize=65536)
def _stems_of(language: str | None, word: str) -> tuple[str, ...]:
    return stem_words(word, language)[0] if word else ()


def iter_matches(text: str, terms: list[Term], language: str | None) -> Iterator[tuple[int, int]]:
    """The spans of `text` (a document in `language`) that match a term, in order: a word with one of a bare
    word's stems, or the words of a phrase in order. Lazy: a snippet stems only the words it reaches."""
    spans = word_spans(text)
    folded = fold(text)
    words = [folded[a:b] for a, b in spans]
    group = language if language in stemming_languages() else None
    wanted = [set(t.stems_in(group)) if t.stems else None for t in terms]
    for i, (start, end) in enumerate(spans):
        stems: tuple[str, ...] | None = None
        for term, stemmed in zip(terms, wanted, strict=True):
            if stemmed is not None:
                stems = stems if stems is not None else _stems_of(group, text[start:end])
                if not stemmed.isdisjoint(stems):
                    yield start, end
                    break
            elif tuple(words[i:i + len(term.words)]) == term.words:
                yield start, spans[i + len(term.words) - 1][1]
                break
