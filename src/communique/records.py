"""Typed records that flow through the pipeline.

An input becomes a :class:`RawInput` (bytes or text plus what came with it); the first stage turns it into an
:class:`Article`, which every later stage enriches in place. :meth:`Article.to_record` renders the public
record described by ``shared/contract/document.schema.json`` (schema version 1). All records are slotted
dataclasses: cheap, typed and picklable, so a batch can cross a process pool or a Dask partition unchanged.

Offsets are 0-based, end-exclusive code-point offsets into :attr:`Article.text` (the cleaned text) unless a
field says otherwise.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"

ENTITY_TYPES = ("COUNTRY", "PERSON", "ORG", "PLACE")
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
EVENT_STATUSES = ("occurred", "planned", "ongoing", "negated", "hypothetical")
# acts the text names without stating that they happen: denied, not held, only possible or wished. The record keeps
# them apart from its events (``unasserted_events``): no store, export or score counts them as events.
UNASSERTED_STATUSES = ("negated", "hypothetical")


@dataclass(slots=True)
class RawInput:
    """One input document as read from disk, stdin or a JSONL line, before any decoding or cleaning."""

    path: str | None
    data: bytes | None = None          # undecoded bytes (files)
    text: str | None = None            # already-decoded plain text (JSONL `text`, Python API)
    html: str | None = None            # already-decoded HTML (JSONL `html`)
    url: str | None = None
    title: str | None = None
    published: str | None = None       # ISO date given with the input, trusted over what the text says
    media_type: str | None = None      # "text/plain" or "text/html" when known from the file name
    error: str | None = None           # set by a reader that could not produce a document at all
    warnings: list[str] = field(default_factory=list)
    retrieved: str | None = None       # ISO date the page was fetched (a crawl's WARC-Date), not its publication
    last_modified: str | None = None   # ISO date of the HTTP Last-Modified header, where it is not the fetch time


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    language: str | None = None


@dataclass(slots=True)
class Token:
    """A parsed token. `head` is the index of the head token within the sentence (the root points to itself)."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str                            # Universal POS tag
    dep: str                            # dependency label of the parser that produced it, lower-cased
    head: int
    morph: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class NerSpan:
    start: int
    end: int
    label: str                          # PER, ORG, LOC, GPE, NORP, MISC, DATE, ...
    text: str
    normal: str | None = None           # lemmatised form where the model gives one (natasha)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    language: str
    tokens: list[Token] = field(default_factory=list)
    ner: list[NerSpan] = field(default_factory=list)
    parsed: bool = False

    def token_at(self, offset: int) -> Token | None:
        for tok in self.tokens:
            if tok.start <= offset < tok.end:
                return tok
        return None


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    sentence: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Entity:
    id: str
    type: str                           # one of ENTITY_TYPES
    name: str                           # canonical Latin-script name
    code: str | None = None             # ISO3 for countries, acronym for orgs, gazetteer id for places
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "name": self.name, "code": self.code, "country": self.country,
            "role": self.role, "sector": self.sector, "mentions": [m.as_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class ActorRef:
    code: str | None
    entity: str | None = None
    sector: str | None = None
    text: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "entity": self.entity, "sector": self.sector, "text": self.text}


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "country": self.country}
        if self.lat is not None and self.lon is not None:
            out.update(lat=self.lat, lon=self.lon)
        return out


@dataclass(slots=True)
class Event:
    id: str
    type: str                           # one of EVENT_TYPES
    source: ActorRef
    target: ActorRef
    evidence: Span                      # the sentence that states the event
    sentence: int                       # index into Article.sentences
    mode: str | None = None
    date: str | None = None
    date_text: str | None = None        # the words the date was resolved from
    status: str = "occurred"
    location: Location | None = None
    trigger: Span | None = None
    confidence: float = 0.5
    mutual: bool = False                # both actors act (talks, agreements): direction is not meaningful
    also: list[Span] = field(default_factory=list)   # other sentences of the document stating the same event
    cameo: str | None = None            # CAMEO code for the type and mode (CAMEO2PLOVER-2021), for exports

    @property
    def asserted(self) -> bool:
        """Does the text state that the act happens (happened, will, goes on)? A threat made on a condition is a
        threat made: a THREATEN the text makes of a conditional act is asserted whatever its status says."""
        return self.status not in UNASSERTED_STATUSES or (self.type == "THREATEN" and self.status == "hypothetical")

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "mode": self.mode,
            "source": self.source.as_dict(), "target": self.target.as_dict(),
            "date": self.date, "status": self.status,
            "location": self.location.as_dict() if self.location else None,
            "evidence": self.evidence.as_dict(), "confidence": round(self.confidence, 3),
            "trigger": self.trigger.as_dict() if self.trigger else None,
            "date_text": self.date_text, "mutual": self.mutual,
            "also_evidence": [span.as_dict() for span in self.also],
            "cameo": self.cameo,
        }


@dataclass(slots=True)
class Fact:
    type: str
    countries: list[str]
    value: float
    unit: str
    evidence: Span
    period: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, "countries": list(self.countries), "value": self.value, "unit": self.unit,
                "period": self.period, "evidence": self.evidence.as_dict()}


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: str | None = None          # entity id

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "speaker": self.speaker}


@dataclass(slots=True)
class TimeExpression:
    """A date expression found in the text and what it resolves to."""

    start: int
    end: int
    text: str
    value: str | None                  # ISO date at its precision, or None when it cannot be fixed
    sentence: int | None = None
    kind: str = "date"                  # date, weekday, relative, month, year, range


@dataclass(slots=True)
class Triage:
    """The triage's decision on one article: whether the models analyse it, which sentences it looked at first.

    `candidates`: indexes of the sentences where two states or organisations are named close together (the only
    places an event between states can be stated); the parse stage tags them first and analyses the article when
    one of them holds an event word. `reason`: why a skipped article was not analysed."""

    analysed: bool = True
    reason: str | None = None
    candidates: list[int] = field(default_factory=list)

    def skip(self, reason: str) -> None:
        self.analysed, self.reason = False, reason


@dataclass(slots=True)
class Article:
    """The working record of one document; stages fill it in, `to_record` renders the public record."""

    path: str | None = None
    url: str | None = None
    raw: RawInput | None = None         # the input, consumed (and dropped) by the read stage
    raw_text: str = ""                  # decoded text before cleaning (HTML already reduced to text)
    html: str | None = None
    encoding: str | None = None
    media_type: str = "text/plain"
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_inferred: bool = False
    published_given: bool = False       # came with the input (JSONL field, API argument, HTML metadata)
    published_source: str | None = None  # where `published` came from (reading/published.py: SOURCES)
    dateline: dict[str, Any] | None = None
    text: str = ""
    removed: list[Span] = field(default_factory=list)   # junk cut from raw_text (offsets into raw_text)
    language: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None            # set when the document could not be processed
    failed_stage: str | None = None
    stages: dict[str, str] = field(default_factory=dict)  # stage name -> version that ran
    elapsed: float = 0.0                # seconds spent on this document so far (for the time budget)
    retrieved: str | None = None        # when the page was fetched (from a crawl), not when it was published
    last_modified: str | None = None    # the HTTP Last-Modified header's date, when it is a modification stamp
    actor_mentions: list[Any] = field(default_factory=list)  # entities.ActorMention spans, for the events stage
    triage: Triage | None = None        # set by the `triage` stage; None when it did not run
    working: dict[str, Any] = field(default_factory=dict)   # what one stage hands a later one (the gazetteer's
                                                            # reading of each sentence); never in the record

    @classmethod
    def from_input(cls, raw: RawInput) -> Article:
        return cls(path=raw.path, url=raw.url, title=raw.title, raw=raw, retrieved=raw.retrieved,
                   last_modified=raw.last_modified)

    @property
    def id(self) -> str:
        return content_id(self.text if self.text else self.raw_text)

    @property
    def failed(self) -> bool:
        return self.error is not None

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def fail(self, stage: str, reason: str) -> None:
        self.error = reason
        self.failed_stage = stage

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)

    @property
    def skipped(self) -> bool:
        """True when the triage kept the models off this article (it cannot state an event between states)."""
        return self.triage is not None and not self.triage.analysed

    def to_record(self) -> dict[str, Any]:
        """The public record (document.schema.json, schema_version 1); failed documents render as errors.

        An article the triage skipped says so (``"triage": {"skipped": true, "reason": ...}``); the record of an
        analysed article has no such key, so it is what it would have been without the triage."""
        if self.failed:
            return self.to_error()
        record = self._record()
        if self.skipped:
            assert self.triage is not None
            record["triage"] = {"skipped": True, "reason": self.triage.reason}
        return record

    @property
    def asserted_events(self) -> list[Event]:
        """The events the record lists (`Event.asserted`); the others go under ``unasserted_events``."""
        return [e for e in self.events if e.asserted]

    def _record(self) -> dict[str, Any]:
        record = self._fields()
        unasserted = [e.as_dict() for e in self.events if not e.asserted]
        if not unasserted:                # only where there are some: the other records read as they did
            return record
        out: dict[str, Any] = {}
        for key, value in record.items():
            out[key] = value
            if key == "events":
                out["unasserted_events"] = unasserted
        return out

    def _fields(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "source": {"path": self.path, "url": self.url, "outlet": self.outlet, "retrieved": self.retrieved,
                       "last_modified": self.last_modified},
            "title": self.title,
            "language": self.language or "und",
            "published": self.published,
            "published_inferred": self.published_inferred,
            "published_source": self.published_source if self.published else None,
            "dateline": self.dateline,
            "authors": list(self.authors),
            "encoding": self.encoding,
            "text": self.text,
            "paragraphs": [{"start": p.start, "end": p.end, "language": p.language} for p in self.paragraphs],
            "entities": [e.as_dict() for e in self.entities],
            "events": [e.as_dict() for e in self.asserted_events],
            "facts": [f.as_dict() for f in self.facts],
            "quotes": [q.as_dict() for q in self.quotes],
            "warnings": list(self.warnings),
            "pipeline": dict(self.stages),
        }

    def to_error(self) -> dict[str, Any]:
        return {"error": self.error, "stage": self.failed_stage,
                "source": {"path": self.path, "url": self.url}, "warnings": list(self.warnings)}


def content_id(text: str) -> str:
    """Stable id of a document's content: the same cleaned text always gives the same id."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
