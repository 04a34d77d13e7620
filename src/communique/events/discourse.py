"""Who the text is talking about, sentence after sentence: what a pronoun, a dropped subject, "the parties",
"both sides", "the two ministers" or "они" refers back to.

News names the two sides once ("Kazakhstan and Kyrgyzstan signed ...", "talks between Tokayev and Japarov") and
then writes "the parties agreed", "ambos cancilleres", "стороны договорились", "they also witnessed the signing".
The events stage keeps one `Discourse` per document and updates it after each sentence:

- `subjects`: the actors of the latest main-clause subject (a singular pronoun or a dropped subject);
- `recent`: every actor named so far, the latest first, one per code (a passive without its agent, a response);
- `parties`: the two sides of the latest two-sided statement: the actors of the latest event with two sides,
  else of the latest sentence that names exactly two (a clash "between Thailand and Cambodia" with no event of
  its own still sets who "both countries" are). A sentence naming a single actor ("К чему готовиться России")
  leaves them as they were: a third country mentioned in passing does not become a party.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .actor_mentions import ActorMention

PARTY_KINDS = {"country", "org", "person", "place", "seat", "demonym"}


@dataclass(slots=True)
class Discourse:
    subjects: list[ActorMention] = field(default_factory=list)
    recent: list[ActorMention] = field(default_factory=list)
    parties: list[ActorMention] = field(default_factory=list)

    def pair(self) -> list[ActorMention]:
        """The two sides "the parties" refer to: the latest two-sided statement's, else the latest two actors."""
        return self.parties if len(self.parties) == 2 else distinct_codes(self.subjects + self.recent)[:2]

    def update(self, here: list[ActorMention], subjects: list[ActorMention],
               sides: Iterable[tuple[ActorMention, ActorMention]], states_act: bool = False) -> None:
        """After a sentence: its actors, the actors of its main subject, the (source, target) of its events, and
        whether it names an act at all (a trigger word), found or not."""
        protagonist = (subjects or self.subjects)[:1]
        if subjects:
            self.subjects = subjects
        codes = {m.code for m in here}
        self.recent = here + [m for m in self.recent if m.code not in codes]
        two_sided = [(s, t) for s, t in sides if s.code != t.code]
        named = distinct_codes([m for m in here if m.kind in PARTY_KINDS])
        if two_sided:
            self.parties = list(two_sided[0])
        elif len(named) == 2:
            self.parties = named
        elif states_act and protagonist:
            # "there was also a meeting with the Brazilian economist X": the one side named meets the protagonist
            others = [m for m in named if m.code != protagonist[0].code]
            if len(others) == 1:
                self.parties = [protagonist[0], others[0]]


def distinct_codes(mentions: list[ActorMention]) -> list[ActorMention]:
    """The first mention of each code, in order."""
    seen: set[str] = set()
    return [m for m in mentions if not (m.code in seen or seen.add(m.code))]
