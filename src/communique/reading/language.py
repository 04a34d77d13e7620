"""Stage `language`: the document's language and each paragraph's.

The document language is detected by lingua (restricted to `settings.languages`) over the body: the prose
paragraphs, not the headline or short widget lines. Each paragraph then gets a language of its own: a long
paragraph is detected by itself (and keeps the document's language unless lingua is confident otherwise); a short
one inherits the document's language unless it is written in another script ("Реклама ..." in an English page).

Whether the page is written in a language no events are read in (Portuguese, Ukrainian, German, ...) takes lingua
among twenty languages, three times the cost of the detection among the supported ones: a body three quarters of
whose letters are in paragraphs that a supported language vouches for without lingua (its marker words, function
words none of the others uses, or for Russian its own letters; ``data/lang/<iso>/language.toml``) is none of theirs,
and that check is skipped (and the other languages' models are never loaded for it).

Full-accuracy lingua is used: it detects a paragraph in about 0.2 ms (49 dev-article paragraphs in 12 ms;
low-accuracy mode: 5 ms), and short texts, where the low-accuracy mode is weakest, are exactly the ones that matter
here. Its models are loaded per script, the first time a text holds letters of that script (`load_models`): the
Latin languages (about 280 MB, 2 s), the Cyrillic ones (95 MB, 1 s), and Arabic, Armenian, Georgian, CJK or Hangul
only for a page written in them (100 MB, 1 s, never on an en/es/ru stream), instead of all twenty at the first
article. lingua keeps the models of a language once per process, whichever detector loaded them, so the answers are
those of a detector built with every model preloaded.
"""
from __future__ import annotations

import functools
import logging
import re

from ..datafiles import extraction_languages, language_data
from ..records import Article
from ..registry import Stage, memory_not_counted, stage

log = logging.getLogger(__name__)

DOCUMENT_SAMPLE_CHARS = 12000    # enough text to be sure, little enough to stay fast on huge documents
PARAGRAPH_SAMPLE_CHARS = 1500
SHORT_PARAGRAPH_LETTERS = 40     # below this, lingua is unreliable: inherit unless the script says otherwise
SWITCH_CONFIDENCE = 0.75         # a long paragraph leaves the document's language only when lingua is this sure
# Languages the detector also tells apart and names, though no events are read in them: a Portuguese page must not
# pass for Spanish, nor a Ukrainian, Belarusian or Kazakh one for Russian.
OTHER_LANGUAGES = ("uk", "be", "kk", "pt", "de", "fr", "it", "pl", "tr", "az", "hy", "ka", "ar", "fa", "zh", "ja",
                   "ko")
OTHER_LANGUAGE_SHARE = 0.5       # the body's share (in letters) another language must have to name the page

# The script each supported language is written in (a language of another script can be told apart without lingua).
SCRIPTS = {"ru": "Cyrillic", "uk": "Cyrillic", "be": "Cyrillic", "bg": "Cyrillic", "kk": "Cyrillic",
           "sr": "Cyrillic", "mk": "Cyrillic", "el": "Greek", "ar": "Arabic", "fa": "Arabic", "he": "Hebrew",
           "zh": "Han", "ja": "Han", "ko": "Hangul"}
# runs of each script's letters: their lengths count its letters (a list of runs, not one string per letter)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")


@functools.lru_cache(maxsize=8)
def detector(languages: tuple[str, ...]):
    """One lingua detector per set of languages per process; its models are loaded by `load_models`."""
    from lingua import LanguageDetectorBuilder

    codes = lingua_codes(languages)
    if len(codes) < 2:
        return None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def lingua_codes(languages: tuple[str, ...]) -> list:
    from lingua import IsoCode639_1

    return [getattr(IsoCode639_1, code.upper()) for code in languages if hasattr(IsoCode639_1, code.upper())]


#: the letters of each script lingua tells languages apart in (kana with the Han characters: Japanese uses both)
LINGUA_SCRIPT_LETTERS = {
    "Latin": "A-Za-z\u00c0-\u024f\u1e00-\u1eff", "Cyrillic": "\u0400-\u052f", "Greek": "\u0370-\u03ff",
    "Armenian": "\u0530-\u058f", "Hebrew": "\u0590-\u05ff", "Arabic": "\u0600-\u06ff\u0750-\u077f",
    "Georgian": "\u10a0-\u10ff", "Han": "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff",
    "Hangul": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"}
#: the script of each language lingua may be asked about, where it is not `SCRIPTS`' (which serves the paragraphs)
_LINGUA_SCRIPTS = {"hy": "Armenian", "ka": "Georgian"}
#: the languages whose lingua models this process has loaded
_LOADED: set[str] = set()
#: per set of languages, a pattern finding letters of a script some of them not loaded yet are written in
_UNLOADED: dict[tuple[str, ...], re.Pattern[str] | None] = {}


def lingua_script(language: str) -> str:
    return _LINGUA_SCRIPTS.get(language) or script_of(language)


def load_models(text: str, languages: tuple[str, ...]) -> None:
    """Load, once per process and outside any document's memory budget, the lingua models of those of `languages`
    written in a script `text` has letters of. Preloading them all costs every process seconds at its first
    article and 100 MB more than an en/es/ru stream needs; letting lingua load them inside a detection would count
    them against the document that happened to need them first."""
    if languages not in _UNLOADED:
        scripts = {lingua_script(code) for code in languages if code not in _LOADED}
        _UNLOADED[languages] = re.compile("[" + "".join(LINGUA_SCRIPT_LETTERS.get(script, "") for script in scripts)
                                          + "]") if scripts & set(LINGUA_SCRIPT_LETTERS) else None
    pattern = _UNLOADED[languages]
    if pattern is None or not pattern.search(text):
        return
    from lingua import LanguageDetectorBuilder

    wanted = [code for code in languages if code not in _LOADED and lingua_script(code) in LINGUA_SCRIPT_LETTERS
              and re.search(f"[{LINGUA_SCRIPT_LETTERS[lingua_script(code)]}]", text)]
    codes = lingua_codes(tuple(wanted))
    if len(codes) == 1:                 # a builder takes two languages: the other one's models are kept anyway
        codes += lingua_codes(tuple(code for code in languages if code not in wanted))[:1]
    if len(codes) >= 2:
        with memory_not_counted():
            LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_preloaded_language_models().build()
    _LOADED.update(wanted)
    _UNLOADED.clear()


def script_of(language: str) -> str:
    return SCRIPTS.get(language, "Latin")


@functools.lru_cache(maxsize=4096)
def dominant_script(text: str) -> str | None:
    """"Cyrillic" or "Latin" when one of them clearly dominates the letters of `text`, else None. (Remembered within
    an article: the stage asks it of a paragraph several times, for the document and for itself.)"""
    if text.isascii():
        return "Latin" if letters(text) else None     # an ASCII letter is a Latin one: nothing else to count
    cyrillic, latin = sum(map(len, _CYRILLIC.findall(text))), sum(map(len, _LATIN.findall(text)))
    if cyrillic + latin == 0:
        return None
    if cyrillic >= 0.7 * (cyrillic + latin):
        return "Cyrillic"
    if latin >= 0.7 * (cyrillic + latin):
        return "Latin"
    return None


@functools.lru_cache(maxsize=4096)
def letters(text: str) -> int:
    """The letters of `text` (remembered within an article: the stage counts a paragraph's several times, for its
    sample, its share of the body and each language that may vouch for it)."""
    if text.isascii():      # an ASCII letter is one of A-Z, a-z: the rest deleted in C, what is left counted
        return len(text.encode("ascii").translate(None, _ASCII_NOT_LETTERS))
    return sum(map(str.isalpha, text))


_ASCII_NOT_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


#: how far apart two confidences must be for a detection among more languages to stand for one among fewer
_MARGIN = 1e-9


#: lingua's answers already given for one article, by (text, languages): a paragraph is asked about twice (for the
#: document's language and for its own). Kept per article, never across articles.
Memo = dict[tuple[str, tuple[str, ...]], tuple[tuple[str, float], ...]]


def detect(text: str, languages: tuple[str, ...], memo: Memo | None = None) -> tuple[str | None, float]:
    """(language, confidence) by lingua among `languages`, or (None, 0) when it cannot tell."""
    if len(languages) == 1:
        return languages[0], 1.0
    if detector(languages) is None or not text.strip():
        return None, 0.0
    values = confidences(text, languages, memo)
    if not values or values[0][1] <= 0:
        return None, 0.0
    return values[0]


def confidences(text: str, languages: tuple[str, ...], memo: Memo | None = None) -> tuple[tuple[str, float], ...]:
    """lingua's confidence in each of `languages` for `text`, best first."""
    key = (text, languages)
    if memo is not None and key in memo:
        return memo[key]
    load_models(text, languages)
    values = detector(languages).compute_language_confidence_values(text)
    found = tuple((v.language.iso_code_639_1.name.lower(), v.value) for v in values)
    if memo is not None:
        memo[key] = found
    return found


def detect_among(text: str, subset: tuple[str, ...], languages: tuple[str, ...],
                 memo: Memo | None = None) -> tuple[str | None, float]:
    """`detect(text, subset)`, read off the detection among all `languages` where that detection ruled the others
    out (lingua drops a language whose script the text is not written in) and its ranking is clear by far more than
    rounding: the same answer without a second pass of lingua."""
    if len(subset) > 1 and set(subset) < set(languages) and detector(languages) is not None and text.strip():
        values = dict(confidences(text, languages, memo))
        if all(values.get(code, 0.0) == 0.0 for code in languages if code not in subset):
            ranked = sorted(((values.get(code, 0.0), code) for code in subset), reverse=True)
            (best, code), (second, _) = ranked[0], ranked[1]
            if best > 0 and best - second > _MARGIN and abs(best - SWITCH_CONFIDENCE) > _MARGIN:
                return code, best
    return detect(text, subset, memo)


def document_language(paragraphs: list[str], languages: tuple[str, ...], memo: Memo | None = None) -> str | None:
    """The language most of the body is written in: each prose paragraph is detected on its own and votes with its
    number of letters (detecting the concatenation lets a minority language win on names and numbers). A
    paragraph that one of `languages` vouches for by its marker words or letters (:func:`vouched`) is taken as
    written in it without lingua: over the 1,249 body paragraphs of the seeds, the development sets, the stream and
    the sample corpus, 1,201 are vouched for, each by the language lingua finds there (a twentieth of its cost)."""
    votes = language_votes(paragraphs, languages, memo, trust_markers=True)
    return max(votes, key=votes.__getitem__) if votes else None


def language_votes(paragraphs: list[str], languages: tuple[str, ...], memo: Memo | None = None,
                   trust_markers: bool = False) -> dict[str, int]:
    """Letters of the body's prose paragraphs per language detected among `languages`; with `trust_markers`, a
    paragraph that one of them vouches for (:func:`vouched`) votes for it without lingua."""
    body = [p for p in paragraphs if letters(p) >= SHORT_PARAGRAPH_LETTERS] or paragraphs
    votes: dict[str, int] = {}
    size = 0
    for paragraph in body:
        sample = paragraph[:PARAGRAPH_SAMPLE_CHARS]
        language = (trust_markers and vouched(sample, languages, memo)) or detect(sample, languages, memo)[0]
        if language:
            votes[language] = votes.get(language, 0) + letters(sample)
        size += len(sample)
        if size >= DOCUMENT_SAMPLE_CHARS:
            break
    return votes


def other_language(paragraphs: list[str], languages: tuple[str, ...], memo: Memo | None = None) -> str | None:
    """The language the body is written in when it is none that events are read in (detected among those and
    `OTHER_LANGUAGES` together), else None. A body most of whose letters are vouched for by the marker words of
    a language events are read in (:func:`vouched_share`) is none other's, without lingua."""
    from lingua import IsoCode639_1

    supported = tuple(dict.fromkeys(languages + extraction_languages()))
    if vouched_share(paragraphs, supported, memo) >= VOUCHED_SHARE:
        return None
    wide = supported + tuple(code for code in OTHER_LANGUAGES
                             if code not in supported and hasattr(IsoCode639_1, code.upper()))
    votes = language_votes(paragraphs, wide, memo)
    if not votes:
        return None
    best = max(votes, key=votes.__getitem__)
    if best in supported or votes[best] < OTHER_LANGUAGE_SHARE * sum(votes.values()):
        return None
    return best


#: the share of the body's letters that marker words must vouch for to rule out the other languages without lingua
#: (above `OTHER_LANGUAGE_SHARE`'s complement with a margin: lingua could give the rest to another language and it
#: would still not hold half the body)
VOUCHED_SHARE = 0.75
#: a paragraph is vouched for by a language when this share of its words at least are its marker words (at least one)
MARKER_SHARE = 0.01
#: ... and no more than this share of its letters are letters that language does not write
FOREIGN_LETTER_SHARE = 0.01
_WORDS = re.compile(r"\w+")


@functools.cache
def language_markers(language: str) -> tuple[frozenset[str], frozenset[str], tuple[frozenset[str], ...]] | None:
    """(marker words, foreign letters, groups of own letters) of `language` (``data/lang/<iso>/language.toml``), or
    None without them."""
    data = language_data(language, "language")
    if not data:
        return None
    return (frozenset(data.get("markers", ())), frozenset(data.get("foreign_letters", "")),
            tuple(frozenset(group) for group in data.get("own_letters", ())))


def vouched_by(text: str, languages: tuple[str, ...]) -> str | None:
    """The one of `languages` that vouches for the paragraph: in its script, with few letters it does not write, and
    either its marker words (frequent function words that none of the other languages the detector names uses)
    make up at least `MARKER_SHARE` of the words, or a letter of each group of its own letters is there; None when
    none does."""
    script = dominant_script(text)
    if script is None:
        return None
    lower = text.lower()
    chars = set(lower)
    words = None
    for language in languages:
        markers = language_markers(language)
        if markers is None or script_of(language) != script:
            continue
        words_of, foreign_letters, own_groups = markers
        if chars & foreign_letters and \
                sum(map(foreign_letters.__contains__, lower)) > FOREIGN_LETTER_SHARE * max(1, letters(text)):
            continue
        if own_groups and all(chars & group for group in own_groups):
            return language
        words = words if words is not None else _WORDS.findall(lower)
        hits = sum(map(words_of.__contains__, words))
        if hits and hits >= MARKER_SHARE * len(words):
            return language
    return None


#: marks the memo's entries that hold :func:`vouched`'s answer rather than lingua's
VOUCHED_KEY = "vouched"


def vouched(sample: str, languages: tuple[str, ...], memo: Memo | None = None) -> str | None:
    """:func:`vouched_by`, asked once per article for each text (kept in `memo` beside lingua's answers, under
    the languages with `VOUCHED_KEY` before them)."""
    if memo is None:
        return vouched_by(sample, languages)
    key = (sample, (VOUCHED_KEY, *languages))
    if key not in memo:
        found = vouched_by(sample, languages)
        memo[key] = ((found, 1.0),) if found else ()
    return memo[key][0][0] if memo[key] else None


def vouched_share(paragraphs: list[str], languages: tuple[str, ...], memo: Memo | None = None) -> float:
    """The share of the body's letters (the paragraphs and samples :func:`language_votes` reads) in paragraphs that
    one of `languages` vouches for (:func:`vouched_by`)."""
    body = [p for p in paragraphs if letters(p) >= SHORT_PARAGRAPH_LETTERS] or paragraphs
    vouched_letters = total = size = 0
    for paragraph in body:
        sample = paragraph[:PARAGRAPH_SAMPLE_CHARS]
        n = letters(sample)
        total += n
        if n and vouched(sample, languages, memo):
            vouched_letters += n
        size += len(sample)
        if size >= DOCUMENT_SAMPLE_CHARS:
            break
    return vouched_letters / total if total else 0.0


def paragraph_language(text: str, document: str, languages: tuple[str, ...], memo: Memo | None = None) -> str:
    """The paragraph's own language when it clearly differs from the document's, else the document's."""
    script = dominant_script(text)
    in_other_script = script is not None and script != script_of(document)
    if in_other_script:
        candidates = tuple(code for code in languages if script_of(code) == script)
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            return detect(text[:PARAGRAPH_SAMPLE_CHARS], candidates)[0] or candidates[0]
        return document
    if letters(text) < SHORT_PARAGRAPH_LETTERS:
        return document
    if vouched(text[:PARAGRAPH_SAMPLE_CHARS], languages, memo) == document:
        return document         # lingua would find the document's language first there (document_language)
    same_script = tuple(code for code in languages if script_of(code) == script_of(document))
    if len(same_script) < 2:
        return document
    found, confidence = detect_among(text[:PARAGRAPH_SAMPLE_CHARS], same_script, languages, memo)
    return found if found and found != document and confidence >= SWITCH_CONFIDENCE else document


@stage("language", "2", requires=("text", "paragraphs"), assigns=("language",))
class LanguageStage(Stage):
    """The document's and each paragraph's language, among `settings.languages`; a page written in another language
    (`OTHER_LANGUAGES`: Portuguese, Ukrainian, Kazakh, German, ...) is named as such, with a warning, and is not
    analysed (the sentences stage leaves it without sentences, so no events). Restricted to fewer than the
    supported languages (``--language es``), an article that reads as another supported language keeps the
    language it was given, with a warning saying so: events may be missed, and the user should know why."""

    def _check_restriction(self, article: Article, texts: list[str], languages: tuple[str, ...], memo: Memo) -> None:
        supported = extraction_languages()
        if set(supported) <= set(languages):
            return
        unrestricted = document_language(texts, supported, memo)
        if unrestricted and unrestricted not in languages:
            article.warn(f"the text reads as {unrestricted}, not {article.language}: it was processed as "
                         f"{article.language} because languages are restricted to {', '.join(languages)} "
                         f"(--language); events may be missed")

    def process(self, article: Article) -> None:
        languages = tuple(self.settings.languages)
        letters.cache_clear()             # remembered within one article, never across articles (like the memo)
        dominant_script.cache_clear()
        texts = [article.text[p.start:p.end] for p in article.paragraphs]
        if not any(letters(t) for t in texts):
            article.language = None
            if article.text.strip():
                article.warn("language not detected: no letters in the text")
            return
        memo: Memo = {}
        other = other_language(texts, languages, memo)
        if other is not None:
            article.language = other
            article.warn(f"language {other} is not analysed (events are read in {', '.join(languages)}): "
                         f"no events")
            for paragraph in article.paragraphs:
                paragraph.language = other
            return
        found = document_language(texts, languages, memo)
        if found is None:
            article.warn(f"language not detected; assumed {self.settings.fallback_language}")
        article.language = found or self.settings.fallback_language
        if found:
            self._check_restriction(article, texts, languages, memo)
        for paragraph, text in zip(article.paragraphs, texts):
            paragraph.language = paragraph_language(text, article.language, languages, memo)
