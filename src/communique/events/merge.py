"""The document merge of the `events` stage: the candidates found sentence by sentence become one event per type,
kind, pair of actors and status in the document (repeated mentions merge; see `merge`), and per date: one pair's
acts of one type that their sentences date apart (a visit in 2019 and another in 2023, talks in March and a call
in June) stay apart (see `date_parts`). Statuses: an act under way is the act done (`held`), a headline without a
tense and an opening that names the act ("During the talks this afternoon, ...", `retold_mentions`) restate the
body's act (`headline_joins`), a denial of one instance of an act told as done is none of its
own (`denied_twins`); a planned act beside one done stays apart (the gold keeps a visit announced beside one made)."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..lexicon import Frame, lexicon
from ..records import Article, Sentence
from .actor_mentions import ActorMention
from .times import date_language

# types whose missing target may come from the sentence's other actor: diplomatic exchanges between two sides;
# conflict and coercion name their target or are not coded ("the sanctions", "the war in Ukraine")
COOCCURRENCE_TYPES = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST"}

# kinds that are acts of their own, not what a statement is about: a mention naming no kind ("Beijing blamed
# Manila", "выразили осуждение") is no repetition of an envoy summoned or a protest lodged (two events, see `_kind_of`)
OWN_ACT_KINDS = {("ACCUSE", "summons")}

# one-sided acts that two sides can trade: each side's own statement or measure, one event each way (a clash is
# one event of both)
EACH_SIDE_TYPES = {"ACCUSE", "PROTEST", "REJECT", "THREATEN", "SANCTION"}


@dataclass(slots=True)
class Candidate:
    """An event found in one sentence, before document-level merging."""

    type: str
    frame: Frame
    source: ActorMention
    target: ActorMention
    sentence: int
    trigger: int                       # token index in the sentence
    confidence: float
    status: str = "occurred"
    mutual: bool = False
    place: ActorMention | None = None   # where it happened, when the sentence says so
    also: set[int] = field(default_factory=set)   # other sentences found stating this event (document merge)


def held(status: str) -> str:
    """The status class one act's mentions merge within: an act under way ("is now on an official visit", "está
    de visita", "находится с визитом") is the act the report tells as done ("during the visit, talks were held")."""
    return "occurred" if status == "ongoing" else status


# the date of an act under way that its sentence does not date, when the report's own date is unknown: now
PRESENT = "present"


def under_way(dated: Callable[[Candidate], str | None], published: str | None) -> Callable[[Candidate], str | None]:
    """Mentions dated by their sentences, and an act under way that its sentence does not date by the report: it
    is going on now ("is now on an official visit"), apart from a like act its text dates long before (the
    president's state visit of November 2022, recalled at this week's talks)."""
    return lambda c: dated(c) or ((published or PRESENT) if c.status == "ongoing" else None)


def headline_joins(groups: dict[tuple, list[Candidate]], headline: int | None,
                   retold: frozenset[tuple[int, int]] = frozenset()) -> dict[tuple, list[Candidate]]:
    """A headline restates the news its body tells, in headlinese that hides the tense ("Japan's Foreign Minister
    to visit Thailand", "Canada to impose sanctions on Venezuela"), and an opening that names the act told ("During
    the talks this afternoon, the presidents will ...", `retold`: sentence and trigger) refers back to it at the
    tense of what follows: a group of such mentions only, of a type, kind and pair whose body tells the act under
    another status alone (of any kind when either names none), joins the body's act (negated never) and takes its
    status; so does an act said before the news to be planned ("Earlier, Ruto said he would visit Ethiopia",
    `announced_before`) beside the act the report tells as done."""
    def restates(c: Candidate) -> bool:
        return c.sentence == headline or (c.sentence, c.trigger) in retold
    out = dict(groups)
    for key, group in groups.items():
        if key[3] == "negated" or not all(restates(c) for c in group):
            continue
        body = [k for k in out if (k[0], k[2]) == (key[0], key[2]) and (key[1] in ("", k[1]) or not k[1])
                and k[3] not in (key[3], "negated") and not all(restates(c) for c in out[k])]
        # a mention naming no kind stands for any: the body telling one kind at its own status tells it
        told_so = not key[1] and any((k[0], k[2], k[3]) == (key[0], key[2], key[3]) and k != key
                                     and not all(restates(c) for c in out[k]) for k in out)
        if len(body) != 1 or told_so:
            continue
        status = body[0][3]
        out[body[0]] = [replace(c, status=status) for c in group] + out[body[0]]
        del out[key]
    return out


def denied_twins(candidates: list[Candidate],
                 dated: Callable[[Candidate], str | None] | None = None) -> list[Candidate]:
    """A denial of an act the document also tells as done, planned or under way, by the same side to the same
    side, of the same kind and not dated apart, denies one instance of it ("struck nine sites in Pakistan ... said
    they did not attack any military facility", "no atacaron", "не атаковали"): no event of its own beside the
    act. A denial its sentence dates is compared with the acts their own sentences date only."""
    def date(c: Candidate) -> str | None:
        return dated(c) if dated else None

    def twins(t: Candidate, c: Candidate) -> bool:
        sides = {t.source.code, t.target.code} == {c.source.code, c.target.code} if t.mutual or c.mutual \
            else (t.source.code, t.target.code) == (c.source.code, c.target.code)
        when = date(c)
        return t.type == c.type and sides and (not t.frame.kind or not c.frame.kind or t.frame.kind == c.frame.kind) \
            and (when is None or date(t) is not None) and not dated_apart(date(t), when)
    told = [c for c in candidates if c.status != "negated"]
    return [c for c in candidates if c.status != "negated" or not any(twins(t, c) for t in told)]


def best_of_kinds(group: list[Candidate]) -> list[Candidate]:
    """The best-supported candidate of a group of one type, pair and status; when it has a kind, the best of each
    other kind too: "establecieron relaciones en 1993 y Astaná abrió su embajada en 2006" states two COOPERATE
    events. A reading without a kind stands for all of them."""
    best = max(group, key=lambda c: c.confidence)          # the first of the best, in text order
    if not best.frame.kind:
        return [best]
    per_kind: dict[str, Candidate] = {}
    for c in group:
        if c.frame.kind and (c.frame.kind not in per_kind or c.confidence > per_kind[c.frame.kind].confidence):
            per_kind[c.frame.kind] = c
    return list(per_kind.values())


def merge(candidates: list[Candidate], named_kinds: frozenset | set = frozenset(),
          dated: Callable[[Candidate], str | None] | None = None, published: str | None = None,
          headline: int | None = None, retold: frozenset[tuple[int, int]] = frozenset(),
          looking_back: frozenset[int] = frozenset()) -> list[Candidate]:
    """One event per type, kind, pair of actors and status in the document: a directed reading ("X visited Y") wins
    over a mutual one of the same pair ("X and Y met"), and the best-supported, earliest mention is kept. Kinds keep
    distinct events of one type apart (opening a consulate is not establishing relations), but one sentence still
    states one event of a type for a pair. A mention without a kind stands for any kind of its pair that the
    language's ``[kinds.TYPE]`` names (`named_kinds`: "Ethiopia accuses Egypt of seeking escalation ... It also
    accused Cairo of ..."): it joins the first such kind stated (a frame's own kind, "award", stays apart).
    With `dated` (the date a candidate's own sentence gives its act, see `dates.ActDates`), acts dated apart stay
    apart (`date_parts`). An act under way and the same act done are one event (`held`); the headline's act is
    the body's (`headline_joins`, with `headline` the index of the sentence that is the article's title); a denial
    of an act the document tells as done is none of its own (`denied_twins`); `looking_back`: the sentences that
    tell the last like act before ("Lavrov last visited Venezuela in 2011", see `date_parts`)."""
    candidates = denied_twins(candidates, dated)
    if dated:
        dated = under_way(dated, published)
    groups: dict[tuple, list[Candidate]] = {}
    for c in candidates:
        groups.setdefault((c.type, _kind_of(c, candidates, named_kinds), frozenset((c.source.code, c.target.code)),
                           told_status(c)), []).append(c)
    if headline is not None or retold:
        groups = headline_joins(groups, headline, retold)
    kept: list[Candidate] = []
    parts = [part for group in groups.values()
             for part in (date_parts(group, dated, published, looking_back) if dated else [group])]
    for group in parts:
        directed = [c for c in group if not c.mutual]
        by_direction: dict[tuple[str, str], Candidate] = {}
        for c in directed or group:
            key = (c.source.code, c.target.code) if directed else ("", "")
            if key not in by_direction or _support(c) > _support(by_direction[key]):
                by_direction[key] = c
        # conflict read both ways ("clashes between Thailand and Cambodia") still states the direction that no
        # directed mention of it does ("Cambodian soldiers opened fire on Thai troops"); words or measures traded
        # ("exchanged accusations", "взаимно понизили уровень представительства") are each side's act on the other
        conflict = [c for c in group if c.mutual and c.type not in COOCCURRENCE_TYPES]
        traded = [c for c in conflict if c.type in EACH_SIDE_TYPES]
        if traded:
            by_direction.pop(("", ""), None)
        for c in traded if not directed else conflict:
            for s, t in ((c.source, c.target), (c.target, c.source)):
                by_direction.setdefault((s.code, t.code), replace(c, source=s, target=t, mutual=False))
        kept.extend(by_direction.values())
        _keep_evidence(group, list(by_direction.values()))
    return _one_per_sentence(sorted(kept, key=lambda c: (c.sentence, c.trigger)))


def merge_article(article: Article, candidates: list[Candidate], named_kinds: frozenset | set,
                  acts: Any) -> list[Candidate]:
    """`merge` for an article: each mention dated by its own sentence (`acts`, a `dates.ActDates`), the headline
    found by its title."""
    return merge(candidates, named_kinds, lambda c: acts.of(c.sentence, c.trigger), article.published,
                 headline_of(article), retold_mentions(article, candidates) | announced_before(article, candidates),
                 looking_back(article, candidates))


def announced_before(article: Article, candidates: list[Candidate]) -> frozenset[tuple[int, int]]:
    """The planned mentions (sentence, trigger) of a sentence that retells what was said or reported before the
    news ("Earlier, Lavrov said the two ministries would discuss ...", "Anteriormente se informó de que ...",
    "Ранее сообщалось, что ... решило направить помощь": the language's ``earlier_openings`` dates data): the act
    announced then, that the report tells as done (`headline_joins`)."""
    out = set()
    for c in candidates:
        if c.status != "planned":
            continue
        sentence = article.sentences[c.sentence]
        lang = date_language(sentence.language)
        opening = sentence.text.lower().lstrip("«\"“ ")
        if lang is not None and any(opening.startswith(m) and not opening[len(m):len(m) + 1].isalnum()
                                    for m in lang.earlier_openings):
            out.add((c.sentence, c.trigger))
    return frozenset(out)


def looking_back(article: Article, candidates: list[Candidate]) -> frozenset[int]:
    """The sentences of candidates that tell the last like act before the news ("the last time", "por última vez",
    "в последний раз": the language's ``last_instance`` dates data)."""
    out = set()
    for si in {c.sentence for c in candidates}:
        lang = date_language(article.sentences[si].language)
        if lang is not None and lang.last_instance is not None and lang.last_instance.search(article.sentences[si].text):
            out.add(si)
    return frozenset(out)


def retold_mentions(article: Article, candidates: list[Candidate]) -> frozenset[tuple[int, int]]:
    """The mentions (sentence, trigger) of a sentence whose opening names an act of their type, told before
    ("During the talks this afternoon, the presidents will review ...", "Durante la visita, ...", "В ходе
    переговоров ...": a continuation opening of the language's dates data holding a trigger word of the type)."""
    named = {si: _types_in_opening(article.sentences[si]) for si in {c.sentence for c in candidates}}
    return frozenset((c.sentence, c.trigger) for c in candidates if c.type in named[c.sentence])


def _types_in_opening(sentence: Sentence) -> frozenset[str]:
    """The event types of the trigger words in the sentence's continuation opening ("During the talks"), if any."""
    lang, lex = date_language(sentence.language), lexicon(sentence.language)
    if lang is None or lex is None:
        return frozenset()
    text = sentence.text.lower()
    opening = text.lstrip("«\"“ ")
    marker = next((m for m in lang.continuation if opening.startswith(m)), None)
    if marker is None:
        return frozenset()
    end = sentence.start + len(text) - len(opening) + len(marker)
    return frozenset(f.type for t in sentence.tokens if t.end <= end for f in lex.frames_of(t.lemma, t.text, t.pos))


def headline_of(article: Article) -> int | None:
    """The index of the sentence that is the article's title (the first of its text) when it is in headlinese, no
    finite verb telling its tense ("Japan's Foreign Minister to visit Thailand"), else None."""
    if not article.title or not article.sentences:
        return None
    first = article.sentences[0]
    if any(t.morph.get("VerbForm") == "Fin" for t in first.tokens):
        return None
    title, text = " ".join(article.title.split()), " ".join(first.text.split())
    return 0 if first.start < len(article.title) + 2 and (text in title or title in text) else None


# a trip that may include a stop is the trip planned ("podrían incluirse ... en la agenda del viaje" beside
# "visitará Marruecos"): one consultation, which keeps the surer status of the two (`_support`)
STATUS_RANK = {"hypothetical": 1}     # any other status: 0


def told_status(c: Candidate) -> str:
    """The status under which `c` merges: its `held` class, and a consultation only possible merges with the one
    planned of its pair (the dates still part acts dated apart, see `date_parts`)."""
    return "planned" if c.type == "CONSULT" and c.status == "hypothetical" else held(c.status)


def _support(c: Candidate) -> tuple[int, float]:
    """Which of two mentions of one event and direction it keeps: planned before only possible, then the best
    supported."""
    return -STATUS_RANK.get(c.status, 0), c.confidence


def _kind_of(c: Candidate, candidates: list[Candidate], named_kinds: frozenset | set) -> str:
    """The kind whose event `c` states in the document: its own, else the first kind of its type, pair and status
    that another mention names (a reading without a kind stands for all of them, as in `best_of_kinds`), an act of
    its own (`OWN_ACT_KINDS`) excepted."""
    if c.frame.kind:
        return c.frame.kind
    return next((k.frame.kind for k in candidates if (k.type, k.frame.kind) in named_kinds
                 and (k.type, k.frame.kind) not in OWN_ACT_KINDS
                 and (k.type, held(k.status)) == (c.type, held(c.status))
                 and {k.source.code, k.target.code} == {c.source.code, c.target.code}), "")


def _keep_evidence(group: list[Candidate], kept: list[Candidate]) -> None:
    """A merged-away mention still says the event: its sentence goes to the kept event of the same direction (or,
    for a mutual mention, to the first kept one) as further evidence."""
    for c in group:
        if c in kept:
            continue
        same = [k for k in kept if (k.source.code, k.target.code) == (c.source.code, c.target.code)] or kept
        same[0].also |= {c.sentence} | c.also


def _one_per_sentence(candidates: list[Candidate]) -> list[Candidate]:
    """Of events of one type, pair and status from the same sentence (two triggers of one fact: "the opening of
    the embassy"), keep the best supported (one per kind, see `best_of_kinds`)."""
    groups: dict[tuple, list[Candidate]] = {}
    for c in candidates:
        groups.setdefault((c.sentence, c.type, c.source.code, c.target.code, held(c.status)), []).append(c)
    kept: set[int] = set()
    for group in groups.values():
        chosen = best_of_kinds(group)
        for c in group:
            chosen[0].also |= c.also
        kept.update(id(c) for c in chosen)
    return [c for c in candidates if id(c) in kept]


# days two day-precise dates must lie apart to be two acts: a visit or a crisis runs over several days (arriving
# the evening before the talks, talks on Monday and Tuesday, an expulsion commented two days later)
DAYS_APART = 7


def dated_apart(a: str | None, b: str | None) -> bool:
    """Do two resolved dates (ISO year, month or day) name different acts? Days more than a week apart when both
    are days, else different years, or different months when both name one; an unknown date is apart from none."""
    if PRESENT in (a, b):
        return a != b and bool(a) and bool(b)
    if not a or not b or len(a) < 4 or len(b) < 4 or not (a[:4].isdigit() and b[:4].isdigit()):
        return False
    if len(a) >= 10 and len(b) >= 10:
        try:
            return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) > DAYS_APART
        except ValueError:
            return a[:7] != b[:7]
    if a[:4] != b[:4]:
        return True
    return len(a) >= 7 and len(b) >= 7 and a[:7] != b[:7]


def date_parts(group: list[Candidate], dated: Callable[[Candidate], str | None],
               published: str | None = None, looking_back: frozenset[int] = frozenset()) -> list[list[Candidate]]:
    """A group of one type, kind, pair and status, in parts of one act each: a dated mention joins the first part
    whose dated mentions all agree with its date (`dated_apart`), else starts a part. A mention its sentence dates
    not at all ("the talks", "during the visit") repeats an act already told: it joins the part whose date lies
    nearest the report's (an undated statement in a news report tells the news: the dates stage dates such an
    event by the report), or the latest part when the report's date is unknown. Undated mentions in the lead stay
    apart from like acts all dated long before the report ("agreed to expand the free trade agreement ... The
    agreement entered into force on August 1, 2017 ... The memorandum was signed in 2010": three acts), or, the
    report's date unknown, told as the last one before (`looking_back`: "Lavrov last visited Venezuela in 2011")."""
    if len({c.sentence for c in group}) < 2:
        return [group]
    parts: list[list[tuple[Candidate, str]]] = []
    undated: list[Candidate] = []
    for c in group:
        value = dated(c)
        if value is None:
            undated.append(c)
            continue
        part = next((p for p in parts if not any(dated_apart(value, v) for _, v in p)), None)
        if part is None:
            parts.append([(c, value)])
        else:
            part.append((c, value))
    if parts and all(_news_before_background(undated, part, published, looking_back) for part in parts):
        return [[c for c in group if c in undated]] + [[c for c in group if any(c is d for d, _ in part)]
                                                       for part in parts]
    if len(parts) < 2:
        return [group]
    news = min(range(len(parts)), key=lambda n: _distance(parts[n][0][1], published))
    members = [{id(c) for c, _ in p} | ({id(c) for c in undated} if n == news else set()) for n, p in enumerate(parts)]
    return [[c for c in group if id(c) in m] for m in members]


# how long before the report an act must have ended to be background, not its news ("In October 2021, Algeria
# recalled its ambassador" in a report of February 2023)
BACKGROUND_DAYS = 60
# the sentences of a report's lead, where its news is told
LEAD_SENTENCES = 3


def _news_before_background(undated: list[Candidate], part: list[tuple[Candidate, str]],
                            published: str | None, looking_back: frozenset[int] = frozenset()) -> bool:
    """Does an undated mention in the lead tell the news, before the text dates a like act long before the report?
    "Algeria has ordered the recall of its ambassador to France ... In October 2021, Algeria recalled its
    ambassador": the second time, not the first told twice. Without the report's date, a like act told as the last
    one before (`looking_back`: "Lavrov last visited Venezuela in 2011", "la última vez", "в последний раз") is."""
    if not undated:
        return False
    first_undated = min(c.sentence for c in undated)
    if first_undated >= LEAD_SENTENCES or first_undated > min(c.sentence for c, _ in part):
        return False
    if not published and looking_back:
        return all(c.sentence in looking_back for c, _ in part)
    if not published or len(published) < 7:
        return False
    try:
        report = date.fromisoformat((published + "-01")[:10])
        return all((report - _last_day(value)).days > BACKGROUND_DAYS for _, value in part)
    except ValueError:
        return False


def _last_day(value: str) -> date:
    """The last day of an ISO year, month or day."""
    if len(value) >= 10:
        return date.fromisoformat(value[:10])
    if len(value) >= 7:
        year, month = int(value[:4]), int(value[5:7])
        return date(year, month, calendar.monthrange(year, month)[1])
    return date(int(value[:4]), 12, 31)


def _distance(value: str, published: str | None) -> float:
    """How far a date lies from the report's (days between their first days); from the future back without one."""
    if value == PRESENT:
        return -float("inf")
    if published and published.startswith(value):
        return 0
    try:
        start = date.fromisoformat((value + "-01-01")[:10])
        if not published:
            return -start.toordinal()
        return abs((start - date.fromisoformat((published + "-01-01")[:10])).days)
    except ValueError:
        return float("inf")
