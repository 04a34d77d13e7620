"""Direct quotes and their speakers (run by stage `facts`).

Quotes are the text between quotation marks (“…”, «…», „…“, "…"); a quote of fewer than three words, or a
short run of capitalised words, is a name or a title (the «BMJ», «Мигель Идальго»), not speech. The speaker is
found, in order: in an attribution right after the quote (", said Ashikbayev", "», dijo Tokayev", "», — заявил
Токаев"); from the subject of the nearest speech verb before the quote in its sentence (the dependency parse:
nsubj of a verb from ``data/lang/<iso>/quotes.toml``); or, when that subject is a pronoun ("he said",
"добавил он"), a bare verb ("», resumió.") or a title noun ("the minister said"), the previous quote's speaker
or else the person named last before the quote. Speakers are entity ids, through the entities' mentions.
"""
from __future__ import annotations

import bisect
import functools
import logging
import re
from dataclasses import dataclass

from ..datafiles import language_data
from ..records import Article, Quote, Sentence, Token

log = logging.getLogger(__name__)

_QUOTE_PATTERNS = (
    re.compile(r"«((?:[^«»\n]|«[^«»\n]*»)+)»"),
    re.compile(r"“([^“”\n]+)”"),
    re.compile(r"„([^„“”\n]+)[“”]"),
    re.compile(r"(?<![\w\"])\"([^\"\n]+)\"(?![\w])"),
    re.compile(r"”([^“”\n]+)”"),                       # some sites use the closing mark on both sides
)
_MIN_WORDS = 3
_SENTENCE_END = re.compile(r"(?<!\b\w)[.!?](?=\s|$)")
_WORD = re.compile(r"\w+(?:[-’']\w+)*")
_SPEAKER_TYPES = {"PERSON": 0, "ORG": 1}        # a country "says" through its people and ministries
_AFTER_VERB_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class QuoteLanguage:
    verbs: frozenset[str]
    phrases: tuple[str, ...]          # multi-word attributions ("по словам")
    pronouns: frozenset[str]
    person_nouns: frozenset[str]
    document_nouns: frozenset[str]
    clause_openers: frozenset[str]


@functools.lru_cache(maxsize=16)
def quote_language(code: str) -> QuoteLanguage | None:
    data = language_data(code, "quotes")
    if data is None:
        return None
    verbs = [v.lower() for v in data.get("verbs", [])]
    return QuoteLanguage(
        verbs=frozenset(v for v in verbs if " " not in v),
        phrases=tuple(v for v in verbs if " " in v),
        pronouns=frozenset(p.lower() for p in data.get("pronouns", [])),
        person_nouns=frozenset(p.lower() for p in data.get("person_nouns", [])),
        document_nouns=frozenset(p.lower() for p in data.get("document_nouns", [])),
        clause_openers=frozenset(p.lower() for p in data.get("clause_openers", [])),
    )


# ----------------------------------------------------------------------------------------------- quote spans

def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text between each pair of quotation marks, outermost pairs only."""
    spans: list[tuple[int, int]] = []
    for pattern in _QUOTE_PATTERNS:
        for m in pattern.finditer(text):
            spans.append((m.start(1), m.end(1)))
    spans.sort(key=lambda s: (s[0], -s[1]))
    outer: list[tuple[int, int]] = []
    for span in spans:
        if outer and span[0] < outer[-1][1] + 1:
            continue                                   # nested in (or overlapping) the previous quote
        outer.append(span)
    return outer


def is_speech(content: str) -> bool:
    """Speech rather than a name or a title: three words or more, not a short run of capitalised words."""
    if "://" in content or "www." in content:
        return False
    words = _WORD.findall(content)
    if len(words) < _MIN_WORDS:
        return False
    if len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() for w in words if len(w) > 3):
        return False
    return True


# ----------------------------------------------------------------------------------------------- mentions

@dataclass(frozen=True, slots=True)
class MentionRef:
    start: int
    end: int
    entity: str
    type: str


def _mentions(article: Article) -> list[MentionRef]:
    refs = [MentionRef(m.start, m.end, e.id, e.type) for e in article.entities if e.type in _SPEAKER_TYPES
            for m in e.mentions]
    return sorted(refs, key=lambda r: r.start)


def _best(refs: list[MentionRef]) -> MentionRef | None:
    """A person before an organisation before a country; the first in the text among equals."""
    return min(refs, key=lambda r: (_SPEAKER_TYPES[r.type], r.start)) if refs else None


def _in_range(refs: list[MentionRef], start: int, end: int, quotes: list[tuple[int, int]]) -> list[MentionRef]:
    return [r for r in refs if start <= r.start and r.end <= end and not _inside_any(r, quotes)]


def _inside_any(ref: MentionRef, quotes: list[tuple[int, int]]) -> bool:
    return any(qs <= ref.start and ref.end <= qe for qs, qe in quotes)


# ----------------------------------------------------------------------------------------------- attribution

def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _has_verb(text: str, lang: QuoteLanguage) -> bool:
    lowered = text.lower()
    return any(w in lang.verbs for w in _words(text)) or any(p in lowered for p in lang.phrases)


@dataclass(slots=True)
class Attribution:
    speaker: str | None
    found: bool                       # a speech verb or attribution was seen (even when nobody is named)
    anaphoric: bool = False           # pronoun, title noun or no subject: the previous speaker
    document: bool = False            # "the statement reads": the organisation named last


def _after_window(text: str, close: int) -> tuple[int, int]:
    """The attribution right after a closing mark: up to the end of that sentence or line (120 characters)."""
    start = close + 1
    end = min(len(text), start + 120)
    newline = text.find("\n", start, end)
    if newline >= 0:
        end = newline
    stop = _SENTENCE_END.search(text, start, end)
    if stop and text[start:stop.start()].strip(" ,—–-"):
        end = stop.start()
    return start, end


def attribute_after(article: Article, close: int, lang: QuoteLanguage, refs: list[MentionRef],
                    quotes: list[tuple[int, int]]) -> Attribution:
    """', said X' / '” Minister X told' / '», dijo X' / '», — заявил X' / ', he said' right after the quote."""
    start, end = _after_window(article.text, close)
    window = article.text[start:end]
    words = _words(window)
    if not words or words[0] in lang.clause_openers:
        return Attribution(None, False)
    verb_at = next((i for i, w in enumerate(words) if w in lang.verbs), None)
    phrase = any(p in window.lower()[:60] for p in lang.phrases)
    if (verb_at is None or verb_at > _AFTER_VERB_MAX_WORDS) and not phrase:
        return Attribution(None, False)
    found = _best(_in_range(refs, start, end, quotes))
    if found is not None and found.start - start <= 80:
        return Attribution(found.entity, True)
    return _unnamed_speaker(window, words, verb_at, lang)


def _unnamed_speaker(window: str, words: list[str], verb_at: int | None, lang: QuoteLanguage) -> Attribution:
    """An attribution naming no known entity: 'he said' / '», resumió.' / 'the minister said' refer back,
    'the statement reads' is the organisation's, 'Prensa Latina reports' is someone the entities lack."""
    around = words[: verb_at] if verb_at else words[1:5]
    if any(w in lang.pronouns or w in lang.person_nouns for w in around):
        return Attribution(None, True, anaphoric=True)
    if any(w in lang.document_nouns for w in around):
        return Attribution(None, True, anaphoric=True, document=True)
    raw = _WORD.findall(window)
    span = raw[: verb_at] if verb_at else raw[1:5]
    if any(w[:1].isupper() for w in span):
        return Attribution(None, True)
    return Attribution(None, True, anaphoric=True)


def _speech_verb_before(sentence: Sentence, open_at: int, lang: QuoteLanguage) -> Token | None:
    verbs = [t for t in sentence.tokens if t.end <= open_at and (t.lemma.lower() in lang.verbs or
                                                                 t.text.lower() in lang.verbs)]
    return verbs[-1] if verbs else None


def _subtree_span(tokens: list[Token], head: Token) -> tuple[int, int]:
    members = [head]
    for tok in tokens:
        current, steps = tok, 0
        while current.head != current.i and steps < 10:
            current = tokens[current.head]
            steps += 1
            if current.i == head.i:
                members.append(tok)
                break
    return min(t.start for t in members), max(t.end for t in members)


def _subjects(tokens: list[Token], verb: Token) -> list[Token]:
    """nsubj of the verb, or of the verb it is coordinated with ("saludó la apertura y afirmó que …")."""
    for head in (verb, tokens[verb.head] if verb.dep == "conj" and 0 <= verb.head < len(tokens) else None):
        if head is None:
            continue
        found = [t for t in tokens if t.head == head.i and t.i != head.i and t.dep.startswith("nsubj")]
        if found:
            return found
    return []


def _subject_speaker(sentence: Sentence, subject: Token, lang: QuoteLanguage, refs: list[MentionRef],
                     quotes: list[tuple[int, int]]) -> Attribution | None:
    """The speaker a subject names: a person in it; an organisation when the subject is not a person
    ("la directora del Ministerio, María Cárdenas" names a person the entities may lack: unknown, not the
    ministry); a pronoun or a title noun refers back; a document noun speaks for its organisation."""
    start, end = _subtree_span(sentence.tokens, subject)
    named = _in_range(refs, start, end, quotes)
    people = [r for r in named if r.type == "PERSON"]
    if people:
        return Attribution(people[0].entity, True)
    lemma, word = subject.lemma.lower(), subject.text.lower()
    personal = lemma in lang.person_nouns or word in lang.person_nouns or subject.pos == "PROPN"
    if named and not personal:
        return Attribution(named[0].entity, True)
    if word in lang.pronouns:
        return Attribution(None, True, anaphoric=True)
    if lemma in lang.document_nouns or word in lang.document_nouns:
        return Attribution(None, True, anaphoric=True, document=True)
    if personal:
        subtree = [t for t in sentence.tokens if start <= t.start and t.end <= end]
        if any(t.pos == "PROPN" for t in subtree):
            return Attribution(None, True)           # a named person the entities do not know
        return Attribution(None, True, anaphoric=True)
    return None


def attribute_before(article: Article, sentence: Sentence, open_at: int, lang: QuoteLanguage,
                     refs: list[MentionRef], quotes: list[tuple[int, int]]) -> Attribution:
    """The subject of the nearest speech verb before the quote in its sentence ('X said: “…”')."""
    verb = _speech_verb_before(sentence, open_at, lang) if sentence.tokens else None
    before_text = article.text[sentence.start:open_at]
    if verb is None and not _has_verb(before_text, lang):
        return Attribution(None, False)
    if verb is not None and sentence.parsed:
        for subject in _subjects(sentence.tokens, verb):
            found = _subject_speaker(sentence, subject, lang, refs, quotes)
            if found is not None:
                return found
    # no usable parse: the entity named nearest before the verb (or just after it: "dijo Tokayev: «…»")
    limit = verb.start if verb is not None else open_at
    named = _in_range(refs, sentence.start, limit, quotes)
    people = [r for r in named if r.type == "PERSON"]
    if people:
        return Attribution(people[-1].entity, True)
    if verb is not None:
        after_verb = [r for r in _in_range(refs, verb.end, open_at, quotes) if r.type == "PERSON"]
        if after_verb:
            return Attribution(after_verb[0].entity, True)
    if named:
        return Attribution(_best(named).entity, True)
    return Attribution(None, True, anaphoric=True)


def _sentence_of(article: Article, starts: list[int], offset: int) -> Sentence | None:
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0:
        return None
    sentence = article.sentences[index]
    return sentence if sentence.start <= offset <= sentence.end else None


def _last_before(refs: list[MentionRef], offset: int, quotes: list[tuple[int, int]],
                 kind: str = "PERSON") -> MentionRef | None:
    named = [r for r in refs if r.type == kind and r.end <= offset and not _inside_any(r, quotes)]
    return named[-1] if named else None


def _antecedent(attribution: Attribution, refs: list[MentionRef], start: int, quotes: list[tuple[int, int]],
                previous: tuple[str, int] | None) -> str | None:
    """Who 'he' / 'the minister' / a bare verb / 'the statement' refers to: the latest of the previous
    quote's speaker and the person (or, for a document, the organisation) named last before the quote."""
    if attribution.document:
        org = _last_before(refs, start, quotes, "ORG")
        if org is not None:
            return org.entity
    person = _last_before(refs, start, quotes)
    if previous is not None and (person is None or previous[1] >= person.start):
        return previous[0]
    return person.entity if person else None


def find_quotes(article: Article) -> list[Quote]:
    """Every direct quote of the article, with its speaker's entity id where one can be found."""
    text = article.text
    spans = [s for s in quote_spans(text) if is_speech(text[s[0]:s[1]])]
    refs = _mentions(article)
    starts = [s.start for s in article.sentences]
    quotes: list[Quote] = []
    previous: tuple[str, int] | None = None           # the last speaker found and where that quote ended
    for start, end in spans:
        sentence = _sentence_of(article, starts, start - 1) or _sentence_of(article, starts, start)
        language = sentence.language if sentence else (article.language or "en")
        lang = quote_language(language) or quote_language("en")
        attribution = attribute_after(article, end, lang, refs, spans)
        if not attribution.found and sentence is not None:
            attribution = attribute_before(article, sentence, start - 1, lang, refs, spans)
        speaker = attribution.speaker
        if speaker is None and attribution.anaphoric:
            speaker = _antecedent(attribution, refs, start, spans, previous)
        quotes.append(Quote(text=text[start:end], start=start, end=end, speaker=speaker))
        if speaker is not None:
            previous = (speaker, end)
    return quotes
