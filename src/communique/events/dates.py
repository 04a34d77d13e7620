"""Stage `dates`: the article's time expressions (`communique.events.times`), then each event's date.

Event dates: the time expression of the event's sentence closest to the trigger, those hanging on the trigger's
clause first; a time that only describes another clause or a noun ("the initiative, announced a decade ago") is
used only when it is a day within a week of publication. Else the previous sentence's, when the event's sentence
clearly continues it ("During the visit, ..."). Else, for an occurred or ongoing event, the publication day, as
GDELT dates events by their report (stage option ``undated_precision = "month"`` keeps only the month, except
for a headline or a present-tense clause); `date_text` stays null, so such dates are told apart from dates the
text states. A planned event with no time expression is dated by the report that announces it, the same way (its
status says it is still to come).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from ..records import Article, Event, Sentence, TimeExpression, Token
from ..registry import Stage, stage
from .announced_dates import dates_the_announcement
from .inherited_dates import date_by_anaphor, date_by_sequel, date_order, inherit_dates
from .retold_dates import date_by_retelling
from .undated_dates import LEAD_SENTENCES, reference_day, resolve_after_floor, resolve_by_weekday
from .times import (
    DIRECTION_FUTURE,
    STORY_DAY,
    Anchor,
    clause_direction,
    date_language,
    find_times,
    iso,
)

# ----------------------------------------------------------------------------------------------- events

def _trigger_token(sentence: Sentence, event: Event) -> Token | None:
    if event.trigger is None or not sentence.tokens:
        return None
    return sentence.token_at(event.trigger.start)


def _verb_of(tokens: list[Token], tok: Token) -> Token:
    """The nearest verb at or above `tok` (itself when it is one)."""
    current = tok
    for _ in range(8):
        if current.pos in ("VERB", "AUX"):
            return current
        if current.head == current.i or not 0 <= current.head < len(tokens):
            break
        current = tokens[current.head]
    return tok


_CLAUSE_MODIFIERS = ("acl", "relcl", "acl:relcl")
_NOUN_MODIFIERS = ("compound", "amod", "nummod")
# a time that only describes a noun or a relative clause ("the initiative announced a decade ago", "for the
# 2017-2018 term") dates the event only when it is close to the publication date (the same news)
_WEAK_TIME_MAX_DAYS = 7


def attachment(sentence: Sentence, time: TimeExpression, trigger: Token | None) -> str:
    """How the time expression hangs on the event's trigger: 'direct', 'weak' or 'none' (unknown/other clause)."""
    if trigger is None or not sentence.parsed:
        return "none"
    tokens = sentence.tokens
    inside = [t for t in tokens if t.start < time.end and t.end > time.start]
    if not inside:
        return "none"
    targets = {trigger.i, _verb_of(tokens, trigger).i}
    # the act's own complement is part of it: "ordered the envoy to leave in December 2018", "invited Xi to pay a
    # state visit next year", "пригласил посетить форум в июне"
    targets |= {t.i for t in tokens if t.dep == "xcomp" and t.head in targets and t.i != t.head}
    # the token of the expression whose head lies outside it
    top = next((t for t in inside if not (time.start <= tokens[t.head].start < time.end) or t.head == t.i),
               inside[-1])
    weak = top.dep in _NOUN_MODIFIERS and tokens[top.head].i not in targets
    tok = top
    for _ in range(10):
        if tok.i in targets:
            return "weak" if weak else "direct"
        if tok.head == tok.i or not 0 <= tok.head < len(tokens):
            return "none"
        # a clause on the trigger noun itself dates it ("состоявшегося в 2000 г. саммита"); another clause
        # ("the initiative, announced a decade ago") or another clause's verb only describes something else
        on_trigger_noun = tok.head == trigger.i and trigger.pos in ("NOUN", "PROPN")
        participle = tok.dep == "amod" and tok.morph.get("VerbForm") == "Part"   # "el acuerdo firmado en 2015"
        if (tok.dep in _CLAUSE_MODIFIERS or participle) and not on_trigger_noun:
            weak = True
        tok = tokens[tok.head]
        on_trigger_noun = tok.head == trigger.i and trigger.pos in ("NOUN", "PROPN")
        if tok.pos in ("VERB", "AUX") and tok.i not in targets and not on_trigger_noun:
            weak = True
        if tok.i not in targets and _after_another_event(tokens, tok, sentence.language):
            weak = True                      # "acusó ... tras la inauguración en septiembre": the inauguration's
    return "none"


def _after_another_event(tokens: list[Token], tok: Token, language: str) -> bool:
    """Is `tok` a noun introduced by "after", "before", "tras", "после" (the time on it dates that other event)?"""
    lang = date_language(language)
    if lang is None or not lang.sequence or tok.pos not in ("NOUN", "PROPN"):
        return False
    return any(t.head == tok.i and t.i != tok.i and t.dep in ("case", "mark", "advmod")
               and t.text.lower() in lang.sequence for t in tokens)


def _near_publication(time: TimeExpression, anchor: Anchor | None) -> bool:
    """A day within a week of publication: the weak time is part of the same news (the summit that opened
    on Tuesday); a month or a year is too coarse to tell ("quien dimitió el mes pasado")."""
    if anchor is None or not time.value:
        return True
    low = Anchor.parse(time.value)
    if low is None or low.precision != "day":
        return False
    return abs((low.date - anchor.date).days) <= _WEAK_TIME_MAX_DAYS


def best_time(article: Article, event: Event, times: list[TimeExpression]) -> TimeExpression | None:
    """The time expression of the event's sentence closest to the trigger, directly attached ones first."""
    if not times:
        return None
    sentence = article.sentences[event.sentence] if 0 <= event.sentence < len(article.sentences) else None
    anchor = event.trigger.start if event.trigger else (sentence.start if sentence else event.evidence.start)
    trigger = _trigger_token(sentence, event) if sentence else None
    if event.status == "planned" and event.type in _HELD_TYPES and sentence is not None:
        times = [t for t in times if not dates_the_announcement(sentence, t, trigger)]   # "said on Tuesday that"
    return _closest_time(article, sentence, trigger, anchor, times, verbal=event.type in _VERBAL_TYPES)


def _closest_time(article: Article, sentence: Sentence | None, trigger: Token | None, anchor: int,
                  times: list[TimeExpression], reference: str | None = None,
                  verbal: bool = False) -> TimeExpression | None:
    """Of `times`, the one that dates the act at `trigger` (offset `anchor`): attached to its clause first, then
    the nearest; a time of another clause or a noun only when it lies within a week of publication (or of the
    `reference` day that stands for it); for an act done by saying (`verbal`), only on that day itself: what a
    protest, a demand or a condemnation is about came before it ("exigió explicaciones por los hechos ocurridos el
    lunes")."""
    published = Anchor.parse(reference or article.published)
    ranked = []
    for time in times:
        how = attachment(sentence, time, trigger) if sentence is not None else "none"
        if how == "weak" and (not _near_publication(time, published)
                              or (verbal and published is not None and time.value != iso(published.date, "day"))):
            continue
        distance = min(abs(time.start - anchor), abs(time.end - anchor))
        ranked.append(((0 if how == "direct" else 1, 0 if time.value else 1, distance), time))
    return min(ranked, key=lambda r: r[0])[1] if ranked else None


class ActDates:
    """The date each statement of an act gives it in its own sentence, read before this stage runs: the events
    stage's document merge keeps apart one pair's acts that their sentences date apart (`merge.merge`). The time
    expressions are found and resolved as here (against the publication date), in the sentences asked about only;
    an act is dated by an anniversary it is named in, else as `best_time` dates an event from its own sentence,
    else by the sentence before when its sentence clearly continues it, as `date_from_text` does."""

    def __init__(self, article: Article, languages: tuple[str, ...] = ()) -> None:
        self.article = article
        self.languages = languages
        self._times: dict[int, list[TimeExpression]] = {}
        self._anchor: str | None = article.published

    def times(self, index: int) -> list[TimeExpression]:
        """The time expressions of sentence `index`, resolved against the publication date (without one, against
        the day the lead gives, as the stage does: `reference_day`)."""
        if not self._times and not self.article.published:
            every = _article_times(self.article, None, self.languages)
            self._anchor = reference_day(self.article, every)
            if self._anchor is None:
                for n in range(len(self.article.sentences)):
                    self._times[n] = [t for t in every if t.sentence == n]
        if index not in self._times:
            found = sentence_times(self.article, index, self._anchor, self.languages)
            if any(t.kind.startswith(STORY_DAY) and t.value is None for t in found):
                # "El día anterior, ...": counted from a day stated before (`resolve_story_days`)
                before = [t for n in range(index) for t in self.times(n)]
                told = before + list(found)
                resolve_story_days(told, self._anchor)
                found = told[len(before):]
            self._times[index] = found
        return self._times[index]

    def of(self, index: int, trigger: int) -> str | None:
        """The resolved date (ISO year, month or day) sentence `index` gives the act whose trigger is its token
        `trigger`; None when the sentence states none for it (or one that cannot be resolved)."""
        if not 0 <= index < len(self.article.sentences):
            return None
        sentence = self.article.sentences[index]
        times = self.times(index)
        token = sentence.tokens[trigger] if 0 <= trigger < len(sentence.tokens) else None
        if token is None:
            return None
        named = _anniversary(self.article, index, token.start, times)
        if named is not None:
            return named[0]
        chosen = _closest_time(self.article, sentence, token, token.start, times, self._anchor) if times else None
        if chosen is None and _continues(self.article, index):       # "During the visit, ...": the sentence before's
            previous = [t for t in self.times(index - 1) if t.value]
            chosen = previous[-1] if previous else None
        return chosen.value if chosen is not None else None


def _continues(article: Article, index: int) -> bool:
    """Does sentence `index` clearly continue the previous one (same paragraph, a continuation opening)?"""
    if index <= 0 or index >= len(article.sentences):
        return False
    sentence, previous = article.sentences[index], article.sentences[index - 1]
    same_paragraph = any(p.start <= previous.start and sentence.end <= p.end for p in article.paragraphs)
    if not same_paragraph:
        return False
    lang = date_language(sentence.language)
    if lang is None:
        return False
    opening = sentence.text.lower().lstrip("«\"“ ")
    return any(opening.startswith(marker) for marker in lang.continuation)


def date_event(article: Article, event: Event, by_sentence: dict[int, list[TimeExpression]],
               undated_precision: str = "day") -> None:
    """Give `event` its date and date_text (see the module docstring for the conventions)."""
    if not date_from_text(article, event, by_sentence):
        date_by_report(article, event, undated_precision)


def date_from_text(article: Article, event: Event, by_sentence: dict[int, list[TimeExpression]]) -> bool:
    """Date `event` from a time the text states for it; False when there is none."""
    if date_by_anniversary(article, event, by_sentence.get(event.sentence, [])):
        return True
    chosen = best_time(article, event, by_sentence.get(event.sentence, []))
    if chosen is None and _continues(article, event.sentence):
        previous = [t for t in by_sentence.get(event.sentence - 1, []) if t.value]
        chosen = previous[-1] if previous else None
    if chosen is None or not chosen.value:
        # no time, or one that cannot be resolved ("this afternoon" in an undated report): another statement of
        # the act may date it ("In October 2016 ... the signing of six agreements")
        chosen = _time_of_other_statements(article, event, by_sentence) or chosen
    elif len(chosen.value) < 10:
        # another statement of the same act dates it within the same year or month, more finely ("agreed with
        # Chile a road map for 2021" / "in a meeting held on April 30, the delegations agreed")
        finer = _time_of_other_statements(article, event, by_sentence)
        if finer is not None and finer.value and len(finer.value) > len(chosen.value) \
                and finer.value.startswith(chosen.value):
            chosen = finer
    if chosen is None:
        chosen = _time_of_previous_mention(article, event, by_sentence)
    if chosen is None:
        return False
    event.date, event.date_text = chosen.value, chosen.text
    _correct_status(article, event)
    return True


# how far (characters) the trigger may follow "the 30th anniversary of": "of the establishment of diplomatic ..."
_ANNIVERSARY_REACH = 40


def date_by_anniversary(article: Article, event: Event, times: list[TimeExpression]) -> bool:
    """An event named as what an anniversary celebrates ("the 30th anniversary of the establishment of diplomatic
    relations", "10-летие с момента подписания Соглашения") happened that many years before the celebration:
    the year the sentence gives (other than the anniversary's own words), else the publication year."""
    if event.trigger is None:
        return False
    named = _anniversary(article, event.sentence, event.trigger.start, times)
    if named is None:
        return False
    event.date, event.date_text = named
    event.status = "occurred"
    return True


def _anniversary(article: Article, index: int, trigger_start: int,
                 times: list[TimeExpression]) -> tuple[str | None, str] | None:
    """(date, words) of the act at `trigger_start` in sentence `index` when an anniversary names it (see
    `date_by_anniversary`); the date is None when no year of the celebration is known."""
    if not 0 <= index < len(article.sentences):
        return None
    sentence = article.sentences[index]
    lang = date_language(sentence.language)
    if lang is None:
        return None
    trigger_at = trigger_start - sentence.start
    for pattern in lang.anniversaries:
        for m in pattern.finditer(sentence.text):
            if not 0 <= trigger_at - m.end() <= _ANNIVERSARY_REACH:
                continue
            celebrated = _celebration_year(article, sentence.start + m.start(), sentence.start + m.end(), times)
            if celebrated is None:
                return None, m.group(0)
            return f"{celebrated - int(m.group('years')):04d}", m.group(0)
    return None


def _celebration_year(article: Article, start: int, end: int, times: list[TimeExpression]) -> int | None:
    """The year in which the anniversary is marked: a time of its sentence outside its words, or publication."""
    for time in times:
        if time.value and (time.end <= start or time.start >= end):
            return int(time.value[:4])
    return int(article.published[:4]) if article.published else None


def _time_of_other_statements(article: Article, event: Event,
                              by_sentence: dict[int, list[TimeExpression]]) -> TimeExpression | None:
    """A time stated in another sentence of the document that states the same event ("The upcoming opening of
    the Mexican Embassy ..." / "later in 2014 Mexican Embassy will be opened"), on the event's side of the
    publication date (the future for a planned event, the past for one that happened)."""
    starts = {s.start: i for i, s in enumerate(article.sentences)}
    published = article.published
    for span in event.also:
        index = starts.get(span.start, -1)
        other = article.sentences[index] if index >= 0 else None
        trigger = _same_trigger(article, event, other) if other is not None else None
        for time in by_sentence.get(index, []):
            if not time.value:
                continue
            how = attachment(other, time, trigger) if trigger is not None else "direct"
            if how == "weak" and not _near_publication(time, Anchor.parse(published)):
                continue                     # "acusó ... tras la inauguración en septiembre de la presa"
            if how == "none" and trigger is not None and not _near_publication(time, Anchor.parse(published)):
                continue                     # another clause's: "(Kozak, until 24 January vice-premier)"
            if published and event.status == "planned" and date_order(time.value, published) < 0:
                continue
            if published and event.status in ("occurred", "ongoing") and date_order(time.value, published) > 0:
                continue
            return time
    return None


def _same_trigger(article: Article, event: Event, other: Sentence) -> Token | None:
    """The word of another sentence that states the event with the trigger's own lemma ("acusa" / "acusó"), else
    with another word of its type ("встреча" / "переговорах")."""
    if not 0 <= event.sentence < len(article.sentences) or not other.parsed:
        return None
    trigger = _trigger_token(article.sentences[event.sentence], event)
    if trigger is None:
        return None
    same = next((t for t in other.tokens if t.lemma.lower() == trigger.lemma.lower()), None)
    return same if same is not None else _word_of_type(other, event.type)


def _word_of_type(sentence: Sentence, event_type: str) -> Token | None:
    """The first word of `sentence` that the lexicon reads as an act of `event_type`."""
    from ..lexicon import lexicon

    lex = lexicon(sentence.language)
    if lex is None:
        return None
    for token in sentence.tokens:
        for word in {token.lemma.lower(), token.text.lower()}:
            if any(f.type == event_type for f in (*lex.nouns.get(word, ()), *lex.verbs.get(word, ()))):
                return token
    return None


def _time_of_previous_mention(article: Article, event: Event,
                              by_sentence: dict[int, list[TimeExpression]]) -> TimeExpression | None:
    """The sentence just before, in the same paragraph, names an event of the same type with a time ("La visita
    de Estado a Rusia comenzará el 11 de noviembre. Tokáyev viajará a Moscú ..."): the same event, told twice.
    The time must lie on the event's side of the publication date."""
    index = event.sentence
    if index <= 0 or index >= len(article.sentences) or not _same_paragraph(article, index - 1, index):
        return None
    previous = article.sentences[index - 1]
    times = [t for t in by_sentence.get(index - 1, []) if t.value and _on_the_side_of(article, event, t.value)]
    if not times:
        return None
    from ..lexicon import lexicon

    lex = lexicon(previous.language)
    if lex is None:
        return None
    lemmas = {t.lemma.lower() for t in previous.tokens} | {t.text.lower() for t in previous.tokens}
    names = any(f.type == event.type for lemma in lemmas for f in (*lex.nouns.get(lemma, ()), *lex.verbs.get(lemma, ())))
    return times[0] if names else None


def _same_paragraph(article: Article, a: int, b: int) -> bool:
    first, second = article.sentences[a], article.sentences[b]
    return any(p.start <= first.start and second.end <= p.end for p in article.paragraphs)


def _on_the_side_of(article: Article, event: Event, value: str) -> bool:
    """Is `value` in the future for a planned event, in the past for one that happened (unknown: either)?"""
    published = article.published
    if not published:
        return True
    if event.status == "planned":
        return date_order(value, published) >= 0
    return date_order(value, published) <= 0


#: how many days before publication the lead's day may lie and still be the day of the news it reports
_NEWS_DAY_REACH = 7


def news_day(article: Article) -> str | None:
    """The day of the news the report tells, when its lead dates it before the publication day ("Acting President
    Osinbajo on Sunday evening received ...", "el canciller anunció este jueves ...", "МИД в среду вызвал посла"
    in a report of Monday): the first day the lead's sentences give outside a clause that looks ahead (and not a
    statement's: "in a statement issued on Wednesday"), within a week before publication. None when the lead's first day is the publication day itself, or it gives none."""
    published = Anchor.parse(article.published)
    if published is None or published.precision != "day":
        return None
    for time in article.times:
        if time.sentence is None or not 0 <= time.sentence < min(LEAD_SENTENCES, len(article.sentences)):
            continue
        day = Anchor.parse(time.value) if time.value else None
        if day is None or day.precision != "day":
            continue
        sentence = article.sentences[time.sentence]
        lang = date_language(sentence.language)
        if lang is None or clause_direction(sentence, time.start, time.end, lang) == DIRECTION_FUTURE \
                or _dates_a_statement(sentence, time):
            continue                # a statement's day dates what it says (`statement_day`), not the news
        days = (published.date - day.date).days
        return time.value if 0 < days <= _NEWS_DAY_REACH else None
    return None


#: acts done with the other side (a meeting, an agreement, thanks): its answers belong to the same news
_TOGETHER_TYPES = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST"}


def _answering(article: Article, news: str | None) -> set[str]:
    """The actors the news day's own acts were aimed at, when they did not act that day themselves: the sanctions
    "imposed on Friday" by the EU are the news; Iran's condemnation, told without a day in a report of Saturday,
    answers it later, and keeps the report's date. Acts done together (a visit, an agreement) have no such answer."""
    if news is None:
        return set()
    acts = [e for e in article.events if e.date == news and e.date_text and e.type not in _TOGETHER_TYPES]
    return {e.target.code for e in acts} - {e.source.code for e in acts}


def date_by_report(article: Article, event: Event, undated_precision: str = "day",
                   news: str | None = None) -> None:
    """An occurred, ongoing or planned event the text gives no date for: the publication date (see the module
    docstring), or for one that happened, the day of the news the lead gives (`news_day`). Negated and
    hypothetical events stay undated."""
    anchor = Anchor.parse(news if news and event.status in ("occurred", "ongoing") else article.published)
    if event.status in ("occurred", "ongoing", "planned") and anchor is not None and anchor.knows("month"):
        # a news report describes recent events: dated by the report (a headline or a present-tense clause
        # always reports the news of the publication day: "Putin recibe a Tokáyev", "Kazakhstan opens embassy")
        wanted = "day" if _in_headline(article, event) or _in_present_tense(article, event) else undated_precision
        precision = wanted if anchor.knows(wanted) else "month"
        event.date, event.date_text = iso(anchor.date, precision), None


def _in_present_tense(article: Article, event: Event) -> bool:
    """Is the event's clause in the present tense ("the goal of the trip is", "que realiza la primera visita")?
    A news report's present is its publication day."""
    if not 0 <= event.sentence < len(article.sentences):
        return False
    sentence = article.sentences[event.sentence]
    trigger = _trigger_token(sentence, event)
    if trigger is None or not sentence.parsed:
        return False
    lang = date_language(sentence.language)
    verb = _verb_of(sentence.tokens, trigger)
    if verb.pos not in ("VERB", "AUX"):
        return False
    auxes = [t for t in sentence.tokens if t.head == verb.i and t.i != verb.i and t.dep.startswith("aux")]
    if lang is not None and any(t.lemma.lower() in lang.future_aux or t.text.lower() in lang.future_aux
                                for t in auxes):
        return False
    if verb.morph.get("Tense") == "Pres" and verb.morph.get("VerbForm", "Fin") == "Fin" and not auxes:
        return True
    # progressive present: "are developing", "están desarrollando"
    return verb.morph.get("Aspect") == "Prog" and any(t.morph.get("Tense") == "Pres" for t in auxes)


def _in_headline(article: Article, event: Event) -> bool:
    """Is the event stated in the article's headline (its title, the first sentence of the text)?"""
    if not article.title or not 0 <= event.sentence < len(article.sentences):
        return False
    sentence = article.sentences[event.sentence]
    title = " ".join(article.title.split())
    text = " ".join(sentence.text.split())
    return sentence.start < len(article.title) + 2 and (text in title or title in text)


def _correct_status(article: Article, event: Event) -> None:
    """An 'occurred' event dated clearly after publication is planned."""
    if event.status != "occurred" or not event.date or not article.published:
        return
    if date_order(event.date, article.published) > 0:
        event.status = "planned"


#: acts held on a day of their own (a visit, talks): a planned one is not dated by the day it was announced on,
#: as an announced measure is ("said yesterday it would impose sanctions")
_HELD_TYPES = {"CONSULT"}
#: acts done by saying: dated by the statement that says them
_VERBAL_TYPES = {"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "PROTEST", "THREATEN"}
#: how far up the parse from a time its statement noun may stand ("a statement issued Saturday")
_STATEMENT_REACH = 4


def statement_day(article: Article) -> TimeExpression | None:
    """The day of the one statement the report quotes ("in a statement issued Saturday", "en un comunicado
    difundido la tarde del miércoles", "в заявлении, опубликованном в среду"): what the statement says (an
    accusation, a rejection, a demand) was said that day. None when the text dates no statement, or several."""
    found: dict[str, TimeExpression] = {}
    for time in article.times:
        if not time.value or len(time.value) != 10 or time.sentence is None \
                or not 0 <= time.sentence < len(article.sentences):
            continue
        if _dates_a_statement(article.sentences[time.sentence], time):
            found.setdefault(time.value, time)
    return next(iter(found.values())) if len(found) == 1 else None


def _dates_a_statement(sentence: Sentence, time: TimeExpression) -> bool:
    """Does `time` date a statement noun of its sentence ("a statement issued Saturday")?"""
    lang = date_language(sentence.language)
    if lang is None or not lang.statements or not sentence.parsed:
        return False
    inside = [t for t in sentence.tokens if t.start < time.end and t.end > time.start]
    if not inside:
        return False
    tok = inside[-1]
    for _ in range(_STATEMENT_REACH):
        if tok.head == tok.i or not 0 <= tok.head < len(sentence.tokens):
            return False
        tok = sentence.tokens[tok.head]
        if tok.lemma.lower() in lang.statements or tok.text.lower() in lang.statements:
            return True
    return False


def sentence_times(article: Article, index: int, anchor: str | None,
                   languages: tuple[str, ...]) -> list[TimeExpression]:
    """`find_times` of sentence `index` resolved against `anchor`, found once per article (in its working data,
    which goes with the article): the events stage's `ActDates` reads them for the document merge, then this
    stage reads the same sentences against the same anchor. Read-only: callers copy the list to change it."""
    sentence = article.sentences[index]
    memo = article.working.setdefault("times", {})
    key = (index, anchor, languages, sentence.start, sentence.text, sentence.language)
    if key not in memo:
        memo[key] = find_times(sentence.text, sentence.language, anchor, sentence=sentence, base=sentence.start,
                               sentence_index=index, other_languages=languages)
    return memo[key]


def _article_times(article: Article, published: str | None, languages: tuple[str, ...]) -> list[TimeExpression]:
    times: list[TimeExpression] = []
    for index in range(len(article.sentences)):
        times.extend(sentence_times(article, index, published, languages))
    resolve_story_days(times, published)
    return times


#: how many sentences back the day a "day earlier" counts from may be stated
_STORY_DAY_REACH = 2


def resolve_story_days(times: list[TimeExpression], published: str | None = None) -> None:
    """A day counted from the story's own last day ("Putin met Xi on Tuesday. A day earlier, he ...", "al día
    siguiente", "днем ранее"; kind ``storyday-1``, ``storyday+1`` from `times`): the day before or after the
    nearest day stated before it, in its sentence or up to two sentences back. Without one, the story's day is
    the last day stated earlier in the text when it lies within a week of the report (`published`: "Este martes 7
    de mayo ... [four sentences] El día anterior, ..."), else the report's own day; unresolved without either."""
    report = Anchor.parse(published)
    for n, time in enumerate(times):
        if not time.kind.startswith(STORY_DAY) or time.value is not None or time.sentence is None:
            continue
        days = [t for t in times[:n] if t.value and len(t.value) == 10 and t.sentence is not None
                and t.end <= time.start]
        near = [t for t in days if 0 <= time.sentence - t.sentence <= _STORY_DAY_REACH]
        day = Anchor.parse(near[-1].value) if near else _story_day(days, report)
        if day is not None:
            shifted = day.date + timedelta(days=int(time.kind[len(STORY_DAY):]))
            times[n] = replace(time, value=shifted.isoformat(), kind="relative")


def _story_day(days: list[TimeExpression], report: Anchor | None) -> Anchor | None:
    """The day a story told without a day near it is of: the last day stated before, when within a week of the
    report (`_NEWS_DAY_REACH`), else the report's day (None when the report's day is not known)."""
    if report is None or report.precision != "day":
        return None
    last = Anchor.parse(days[-1].value) if days else None
    if last is not None and abs((report.date - last.date).days) <= _NEWS_DAY_REACH:
        return last
    return report


@stage("dates", "1", requires=("sentences", "events"), assigns=("times", "events.date", "events.date_text"))
class DatesStage(Stage):
    """An article the triage skipped (most of a stream) that gives no figure with a unit gets no time expressions:
    in the built-in pipeline only the events and the facts' figures read them, and finding and resolving them was
    the dearest stage after the models there. An analysed article gets them all, events or not, and so does every
    article when the pipeline has other stages."""

    def process(self, article: Article) -> None:
        if article.skipped and self._times_unread(article):
            article.times = []
            return
        languages = tuple(self.settings.languages)
        article.times = _article_times(article, article.published, languages)
        if not article.published:
            resolve_by_weekday(article, languages)
        reference = None if article.published else reference_day(article)
        if reference is None:
            if not article.published:
                resolve_after_floor(article, languages)
            self._date_events(article)
            return
        article.times = _article_times(article, reference, languages)
        article.published = reference            # only while dating: see reference_day
        try:
            self._date_events(article)
        finally:
            article.published = None

    def _times_unread(self, article: Article) -> bool:
        from ..settings import DEFAULT_PIPELINE
        from .facts import holds_figures

        return set(self.settings.pipeline) <= set(DEFAULT_PIPELINE) and not holds_figures(article)

    def _date_events(self, article: Article) -> None:
        by_sentence: dict[int, list[TimeExpression]] = {}
        for time in article.times:
            by_sentence.setdefault(time.sentence if time.sentence is not None else -1, []).append(time)
        # events a news report gives no date for: the publication month (the gold's convention), or "day"
        precision = self.options.get("undated_precision", "day")
        undated = [event for event in article.events if not date_from_text(article, event, by_sentence)]
        inherit_dates(article)
        statement = statement_day(article)
        news = news_day(article)
        answering = _answering(article, news)
        for event in undated:
            if not event.date:
                date_by_anaphor(article, event) or date_by_sequel(article, event) \
                    or date_by_retelling(article, event, by_sentence)
            if not event.date and statement is not None and event.type in _VERBAL_TYPES \
                    and event.status in ("occurred", "ongoing"):
                event.date, event.date_text = statement.value, statement.text
            if not event.date:
                date_by_report(article, event, precision, None if event.source.code in answering else news)
