"""Stage `triage`: which articles can state an event between states, decided before any model runs.

An event needs two actors with different codes (states, organisations, or people and places standing for them) and
an event word of its language. The models are most of the pipeline's cost, and most news (sport, courts, markets,
weather, local politics) never names two states close together. Per sentence and without a model, the triage
collects the codes of what the gazetteer sees (countries, demonyms, capitals and seats, cities, organisations,
known office-holders by name or surname, the people the knowledge base learned, the dateline) and marks as
*candidates* the sentences where two different codes are named in the sentence itself or the one before it (the
events stage takes a missing actor from earlier sentences, never from later ones).

An article without a candidate is skipped here, with its reason. The `parse` stage tags the candidates of the
others first and analyses an article only when one of them holds an event word of its language (the trigger
lexicon read on the model's lemmas, exactly what the `events` stage looks for); otherwise it skips it too. A skipped
article keeps what needs no model (language, metadata, dates, the entities the gazetteer finds, facts, quotes
without speakers); in an analysed one the models read the sentences near the candidates (option ``window``), and
it gets the events it would get without the triage.

With the `events` stage's classifier fallback on, two actors suffice: the classifier types sentences that hold no
event word.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from itertools import chain

from ..records import Article, Sentence, Triage
from ..registry import Stage, stage
from .gazetteer import Entry, Gazetteer, Tok, fold, gazetteer, is_cyrillic, latinize
from .learned import OPTION as LEARNED_OPTION
from .learned import LearnedActors, surname_key
from .mentions import Reading, read_sentence, read_sentences
from .phrases import readings

#: sentences before a candidate whose actors count with its own (the events stage reaches back, not forward)
LOOK_BACK = 1

NO_TWO_ACTORS = "no two states or organisations named near each other"


@stage("triage", "1", requires=("sentences",), assigns=("triage",))
class TriageStage(Stage):
    """Options ``look_back`` (default :data:`LOOK_BACK`) and ``window`` (read by the parse stage: sentences around a
    candidate the models read, :data:`communique.nlp.sentences.WINDOW`). Off with the `triage` setting: every
    article is analysed whole."""

    transient = ("_learned",)

    def process(self, article: Article) -> None:
        article.triage = Triage()
        if not self.settings.triage or not article.sentences:
            return
        codes = [reading_codes(r, self.learned()) for r in read_sentences(article)]
        dateline = (article.dateline or {}).get("country")
        if dateline and codes:
            codes[0] = codes[0] | {dateline}
        look_back = int(self.options.get("look_back", LOOK_BACK))
        article.triage.candidates = candidate_sentences(codes, look_back)
        if not article.triage.candidates:
            article.triage.skip(NO_TWO_ACTORS)
        elif self.settings.options("events").get("classifier_fallback"):
            article.triage.candidates = []    # two actors are enough: the classifier needs no event word

    def learned(self) -> LearnedSurnames:
        if getattr(self, "_learned", None) is None:
            self._learned = LearnedSurnames(self.settings.options("entities").get(LEARNED_OPTION))
        return self._learned


def candidate_sentences(codes: list[frozenset[str]], look_back: int = LOOK_BACK) -> list[int]:
    """Indexes of the sentences whose own codes and those of the `look_back` sentences before them number two or
    more, and that name at least one actor themselves."""
    out = []
    for i, own in enumerate(codes):
        if not own:
            continue
        near = set(own).union(*codes[max(0, i - look_back):i])
        if len(near) >= 2:
            out.append(i)
    return out


class LearnedSurnames:
    """The countries of the people the knowledge base learned, by folded surname (every namesake's, every role's)."""

    def __init__(self, table: dict | None) -> None:
        learned = LearnedActors(table)
        self.countries: dict[str, frozenset[str]] = {}
        for roles in learned.by_name.values():
            key = surname_key(roles[0].name)
            self.countries[key] = self.countries.get(key, frozenset()) | {r.country for r in roles if r.country}

    def __bool__(self) -> bool:
        return bool(self.countries)


def sentence_codes(sentence: Sentence, learned: LearnedSurnames | None = None) -> frozenset[str]:
    """Every actor code the sentence may name, read without a model: a superset of what the entities stage can
    resolve there (any reading of a name the gazetteer spots, any role a known person held)."""
    return reading_codes(read_sentence(sentence), learned)


def reading_codes(reading: Reading, learned: LearnedSurnames | None = None) -> frozenset[str]:
    """:func:`sentence_codes` of a sentence the gazetteer has read."""
    gaz = gazetteer(reading.language)
    codes: set[str] = set()
    for match in reading.matches:
        codes.update(_entry_codes(match.best, gaz))
    codes.update(_surname_codes(reading.toks, gaz, learned))
    codes.discard("")
    return frozenset(codes)


def _entry_codes(entry: Entry, gaz: Gazetteer) -> Iterable[str]:
    if entry.kind in ("country", "org"):
        return (entry.code,)
    if entry.kind == "person":
        return _person_codes(gaz, entry.code)
    return (entry.country,) if entry.country else ()


@functools.cache
def _person_codes_cached(name: str, language: str) -> frozenset[str]:
    record = gazetteer(language).people.get(name, {})
    codes = {term.country for term in record.get("terms", ()) if term.country}
    if record.get("country"):
        codes.add(record["country"])
    return frozenset(codes)


def _person_codes(gaz: Gazetteer, name: str) -> frozenset[str]:
    return _person_codes_cached(name, gaz.language)


def _surname_codes(toks: list[Tok], gaz: Gazetteer, learned: LearnedSurnames | None) -> set[str]:
    """Known office-holders and learned people named by a capitalised surname alone (the model may find them)."""
    codes: set[str] = set()
    index = gaz.surname_index
    if not learned and index.keys().isdisjoint(chain.from_iterable(readings(toks))):
        return codes          # no reading of any word is a known surname (most sentences): no word to look at
    for tok in toks:
        if not tok.text[:1].isupper():
            continue
        # a Latin word reads one way (its three forms are one): no set of them to build
        for form in (tok.norm,) if tok.norm == tok.lemma == tok.alt else {tok.norm, tok.lemma, tok.alt}:
            if len(form) > 3 and form in index:
                codes |= _person_codes(gaz, index[form])
        if learned:
            latin = {fold(latinize(f)) for f in (tok.norm, tok.lemma, tok.alt)} if is_cyrillic(tok.text) else {tok.norm}
            for form in latin:
                codes |= learned.countries.get(form, frozenset())
    return codes
