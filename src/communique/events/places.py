"""Where an act takes place, and what that says of its sides.

- **Event place**: the place a trigger's clause names with a locative preposition ("met in Astana", "визит в
  Москву", "se reunieron en Lima") is the event's location (`event_place`).
- **Setting**: where a meeting's situation takes place, also read from a word above the trigger ("was on an official
  visit in Astana, where he held talks"); a meeting held in one side's country is the other side's visit, so the
  host is the target (`setting`, `host_last`).
- **An organisation's own gathering** in a city ("саммит ШОС в Астане") is where its members meet, no
  consultation between the organisation and its host (`own_gathering`).
- **A visit told with talks**: the visit a sentence states gives the direction of the pair's consultation in it
  (`visit_direction`).
"""
from __future__ import annotations

from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .arguments import governing_verb, role_of
from .postings import venue_head
from .rules import Tree

PLACE_KINDS = {"place", "capital", "seat"}
VISIT_MODES = {"visit", "host"}     # readings that say who travelled: the visitor is the source, the host the target


def own_gathering(tree: Tree, i: int, frame: Frame, source: ActorMention, target: ActorMention, heads: dict) -> bool:
    """"the summit of the Organization of Turkic States in Astana", "саммит ШОС в Астане": an organisation's own
    meeting held in a city is where its members meet, not a consultation between the organisation and its host."""
    if frame.type != "CONSULT" or tree.tokens[i].pos not in ("NOUN", "PROPN"):
        return False
    if source.kind != "org" or target.kind not in PLACE_KINDS:
        return False
    h = heads.get(id(source))
    return h is not None and tree.head(h) is not None and i in [tree.head(h), *tree.ancestors(h, 2)]


def host_last(source: ActorMention, target: ActorMention,
              where: ActorMention | None) -> tuple[ActorMention, ActorMention]:
    """A meeting held in one side's country is the other side's visit: "Lavrov met Tokayev in Moscow" is
    Tokayev's trip (KAZ→RUS), "se reunió en Brasilia con su homólogo" the guest's. The host is the target."""
    if where is not None and where.code == source.code and target.code != source.code:
        return target, source
    return source, target


def setting(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention],
            heads: dict) -> ActorMention | None:
    """Where the trigger's situation takes place: a place, or a country, in a locative phrase of the trigger or of
    a word above it ("was on an official visit in Astana, where he held talks", "встреча состоялась в Москве").
    Only a direct locative phrase counts: an ambassador "in Kazakhstan" names a posting, not the setting."""
    preps = lex.words("roles", "venue_preps") | lex.words("roles", "locative_preps")
    anchors = [i, *tree.ancestors(i, 8)]
    for anchor in anchors:
        for m in mentions:
            h = venue_head(tree, m, heads.get(id(m)), lex, PLACE_KINDS | {"country"})   # or "la ciudad japonesa"
            if h is None or h in tree.subtree(i) and anchor != i:
                continue
            role = role_of(tree, h, anchor)
            if role is not None and role[1] in preps and direct_child_of(tree, h, anchor):
                return m
    return None


def direct_child_of(tree: Tree, h: int, anchor: int) -> bool:
    """The mention's phrase hangs on `anchor` itself, not on a noun below it ("the embassy in Quito")."""
    path = [h] + tree.ancestors(h)
    below = path[:path.index(anchor)] if anchor in path else []
    return not any(tree.tokens[j].pos in ("NOUN", "PROPN") and j != h and tree.tokens[j].dep.split(":")[0]
                   not in ("flat", "compound", "appos", "pobj") for j in below[1:])


def event_place(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> ActorMention | None:
    """The place the trigger's clause names with a locative preposition ("met in Astana", "визит в Москву")."""
    preps = lex.words("roles", "venue_preps") | lex.words("roles", "locative_preps")
    anchors = [i] + ([g] if (g := governing_verb(tree, i)) is not None else [])
    for m in mentions:
        h = heads.get(id(m))
        if m.kind not in PLACE_KINDS or h is None:
            continue
        for anchor in anchors:
            role = role_of(tree, h, anchor)
            if role is not None and role[1] in preps:
                return m
    return None


def visit_direction(found: list) -> list:
    """Of one sentence's candidates: talks or a meeting between two sides, read as both sides' or one way, yield to
    a visit of the same status between them in the sentence that goes the other way ("Lavrov will hold talks with
    his Kazakh counterpart, who will arrive in Russia on a working visit", "conversaciones con su homólogo chileno,
    que llegará a España en visita oficial" are the guest's trips to the host: KAZ→RUS, CHL→ESP). Visits read both
    ways between them settle nothing; a call says who rang."""
    visits = {(c.source.code, c.target.code, c.status) for c in found
              if c.type == "CONSULT" and not c.mutual and c.frame.mode in VISIT_MODES}
    return [c for c in found if not (
        c.type == "CONSULT" and c.frame.mode not in VISIT_MODES | {"phone"}
        and (c.target.code, c.source.code, c.status) in visits
        and (c.source.code, c.target.code, c.status) not in visits)]
