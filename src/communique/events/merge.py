"""The document merge of the `events` stage: the candidates found sentence by sentence become one event per type,
kind, pair of actors and status in the document (repeated mentions merge; see `merge`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..lexicon import Frame
from .actor_mentions import ActorMention

# types whose missing target may come from the sentence's other actor: diplomatic exchanges between two sides;
# conflict and coercion name their target or are not coded ("the sanctions", "the war in Ukraine")
COOCCURRENCE_TYPES = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST"}

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


def merge(candidates: list[Candidate], named_kinds: frozenset | set = frozenset()) -> list[Candidate]:
    """One event per type, kind, pair of actors and status in the document: a directed reading ("X visited Y") wins
    over a mutual one of the same pair ("X and Y met"), and the best-supported, earliest mention is kept. Kinds keep
    distinct events of one type apart (opening a consulate is not establishing relations), but one sentence still
    states one event of a type for a pair. A mention without a kind stands for any kind of its pair that the
    language's ``[kinds.TYPE]`` names (`named_kinds`: "Ethiopia accuses Egypt of seeking escalation ... It also
    accused Cairo of ..."): it joins the first such kind stated (a frame's own kind, "award", stays apart)."""
    groups: dict[tuple, list[Candidate]] = {}
    for c in candidates:
        groups.setdefault((c.type, _kind_of(c, candidates, named_kinds), frozenset((c.source.code, c.target.code)), c.status),
                          []).append(c)
    kept: list[Candidate] = []
    for group in groups.values():
        directed = [c for c in group if not c.mutual]
        by_direction: dict[tuple[str, str], Candidate] = {}
        for c in directed or group:
            key = (c.source.code, c.target.code) if directed else ("", "")
            if key not in by_direction or c.confidence > by_direction[key].confidence:
                by_direction[key] = c
        # conflict read both ways ("clashes between Thailand and Cambodia") still states the direction that no
        # directed mention of it does ("Cambodian soldiers opened fire on Thai troops")
        for c in [c for c in group if c.mutual and c.type not in COOCCURRENCE_TYPES] if directed else []:
            for s, t in ((c.source, c.target), (c.target, c.source)):
                by_direction.setdefault((s.code, t.code), replace(c, source=s, target=t, mutual=False))
        kept.extend(by_direction.values())
        _keep_evidence(group, list(by_direction.values()))
    return _one_per_sentence(sorted(kept, key=lambda c: (c.sentence, c.trigger)))


def _kind_of(c: Candidate, candidates: list[Candidate], named_kinds: frozenset | set) -> str:
    """The kind whose event `c` states in the document: its own, else the first kind of its type, pair and status
    that another mention names (a reading without a kind stands for all of them, as in `best_of_kinds`)."""
    if c.frame.kind:
        return c.frame.kind
    return next((k.frame.kind for k in candidates if (k.type, k.frame.kind) in named_kinds
                 and (k.type, k.status) == (c.type, c.status)
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
        groups.setdefault((c.sentence, c.type, c.source.code, c.target.code, c.status), []).append(c)
    kept: set[int] = set()
    for group in groups.values():
        chosen = best_of_kinds(group)
        for c in group:
            chosen[0].also |= c.also
        kept.update(id(c) for c in chosen)
    return [c for c in candidates if id(c) in kept]
