"""Where an envoy serves is not who acts: "the Spanish ambassador in Caracas", "посла Украины в Казахстане",
"embajadora venezolana acreditada ante el Reino de España", "ambassador with residence in Brasília".

A place named after an envoy noun (ambassador, embassy, chargé, mission ...) with a posting preposition is the
envoy's posting. It is never an argument of an event by position alone; what it means depends on whose envoy it is:

- a foreign envoy ("Venezuela summoned the Spanish ambassador in Caracas"): the act is aimed at the envoy's country
  (ESP); the posting is where it happened;
- the actor's own envoy ("llamó a consultas a su embajadora en Madrid", "opened its embassy in Dakar", "the US
  ambassador to Guyana will support the partnership"): the act concerns the country of the posting, which is then
  the target.

Parsers attach the posting phrase to the verb as often as to the envoy ("convocó al embajador español en Caracas":
`obl` of the verb), so the posting is read from the words' order: envoy noun, then only its modifiers, names and
posting words ("accredited", "with residence"), then the preposition and the place.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import Lexicon, lexicon
from ..records import Article
from .actor_mentions import ActorMention
from .arguments import Arguments, governing_verb, path_below
from .rules import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree

OWN = ""                         # the envoy's owner is the actor itself ("its ambassador", "nuestra embajadora")
POSTED_KINDS = {"country", "place", "capital", "seat", "org"}
GLUE_POS = {"ADJ", "PROPN", "DET", "NUM", "PUNCT"}
LOOKBACK = 8                     # tokens between the envoy noun and the posting preposition, at most


@dataclass(frozen=True, slots=True)
class Posting:
    place: ActorMention          # where the envoy serves
    envoy: int                   # token index of the envoy noun
    owner: str | None            # the envoy's country code as the text gives it, OWN for a possessive, else None


def postings(tree: Tree, mentions: list[ActorMention], lex: Lexicon) -> list[Posting]:
    """The actor mentions of a sentence that name an envoy's posting, with the envoy and whose envoy it is."""
    envoys, preps = lex.words("roles", "envoy_nouns"), lex.words("roles", "posting_preps")
    if not envoys or not preps:
        return []
    out = []
    for m in mentions:
        if m.kind not in POSTED_KINDS:
            continue
        first = next((t.i for t in tree.tokens if t.start >= m.start), None)
        if first is None:
            continue
        k = first - 1
        while k >= 0 and tree.tokens[k].pos == "DET":
            k -= 1                          # "ante el Reino de España"
        if k < 1 or tree.form(k) not in preps:
            continue
        envoy = envoy_before(tree, k, envoys, lex)
        if envoy is not None:
            out.append(Posting(m, envoy, owner_of(tree, envoy, k, m, mentions, lex)))
    return out


def envoy_before(tree: Tree, k: int, envoys: frozenset[str], lex: Lexicon) -> int | None:
    """The envoy noun the posting preposition at `k` follows, over its modifiers, names and posting words."""
    glue = lex.words("roles", "posting_words") | lex.words("roles", "source_preps")
    for j in range(k - 1, max(-1, k - 1 - LOOKBACK), -1):
        tok = tree.tokens[j]
        if tree.lemma(j) in envoys or tok.text.lower() in envoys:
            return j
        if tok.pos in GLUE_POS or tree.lemma(j) in glue or tok.text.lower() in glue:
            continue
        return None
    return None


def owner_of(tree: Tree, envoy: int, prep: int, place: ActorMention, mentions: list[ActorMention],
             lex: Lexicon) -> str | None:
    """Whose envoy: an actor named with it ("the Spanish ambassador", "посла Украины", "Spain's ambassador"),
    else OWN when a possessive makes it the actor's own ("its", "su", "свой", "our"), else None."""
    lo = tree.tokens[max(0, envoy - 3)].start
    hi = tree.tokens[prep].start
    start, end = tree.tokens[envoy].start, tree.tokens[envoy].end
    # the nearest ("США выслали дипломатов Постпредства России при ООН": Russia's mission, not the US's)
    named = sorted((m for m in mentions if m is not place and lo <= m.start < hi and m.kind != "person"),
                   key=lambda m: m.start - end if m.start >= end else start - m.end)
    named += [m for m in mentions if m is not place and m.kind == "person" and m.start <= start < m.end]
    if named:
        return named[0].code
    owners = lex.words("roles", "possessives") | lex.words("roles", "first_person")
    before = range(max(0, envoy - 2), envoy)
    if any(tree.is_word(j, owners) or tree.tokens[j].morph.get("Poss") == "Yes"
           for j in before):
        return OWN
    return None


def own_posting(tree: Tree, i: int, posts: list[Posting], source_codes: set[str],
                anchors: list[int], targeted: bool = False, other_acts: frozenset[int] = frozenset()) -> ActorMention | None:
    """The posting of the acting side's own envoy when that envoy is an argument of the trigger (or of the verb it
    hangs from): "recalled its ambassador in Buenos Aires" concerns Argentina. An envoy that is the active subject
    of a trigger that has a target (`targeted`) acts itself: "the UN mission in Mali condemned Russia" targets Russia,
    not the posting; one inside the phrase of another act noun (`other_acts`) belongs to that act ("обвинил Эр-Рияд
    в ударе по иранскому посольству в Йемене": the strike's, not the accusation's)."""
    doers = {k for a in anchors for s in tree.kids(a, "nsubj") for k in tree.subtree(s)} if targeted else set()
    for p in posts:
        if p.envoy in doers:
            continue
        if p.owner not in (OWN, None) and p.owner not in source_codes:
            continue
        if p.place.code in source_codes:
            continue
        if any(p.envoy in tree.subtree(a) for a in anchors) and not other_acts & set(tree.ancestors(p.envoy)):
            return p.place
    return None


SUMMONS = {"PROTEST", "ACCUSE"}


def hosting_side(tree: Tree, i: int, event_type: str, posts: list[Posting], args: Arguments) -> ActorMention | None:
    """A foreign envoy summoned with no doer named ("the Polish ambassador in Moscow was summoned", "посла
    Украины в Казахстане вызвали в МИД"): the host country of the posting summoned him. (A recall, by contrast,
    is the envoy's own country's act.)"""
    if event_type not in SUMMONS or args.source or args.pair or not args.target:
        return None
    if tree.tokens[i].pos not in ("VERB", "AUX") or tree.kids(i, "nsubj"):
        return None                       # an active subject that is no actor still names the doer ("he")
    targets = {m.code for m in args.target}
    for p in posts:
        if p.owner in targets and p.place.code not in targets and p.envoy in tree.subtree(i):
            return p.place
    return None


def own_envoy_owners(tree: Tree, targets: list[ActorMention], posts: list[Posting]) -> list[ActorMention]:
    """Targets that only name whose envoy a posted envoy is ("la embajada española en Buenos Aires", "the Spanish
    ambassador in Buenos Aires"): when the doer turns out to be that same country, the envoy is its own and the
    act ("llamó a consultas a la embajada española en Buenos Aires") concerns the posting, not the owner."""
    out = []
    for m in targets:
        for p in posts:
            lo = tree.tokens[max(0, p.envoy - 3)].start
            if p.owner == m.code and lo <= m.start < p.place.start and p.place.code != m.code:
                out.append(m)
                break
    return out


SUMMONED_TO_DEPS = {"obl", "prep", "nmod", "obj", "iobj"}   # "a la Cancillería" is parsed as an object as often


def summoning_side(tree: Tree, i: int, mode: str | None, mentions: list[ActorMention], heads: dict, lex: Lexicon,
                   args: Arguments) -> ActorMention | None:
    """An envoy summoned *to* a ministry with no doer named ("Посла Украины вызвали в МИД РК", "the ambassador was
    summoned to the Kazakh Foreign Ministry", "fue convocado a la Cancillería de Chile"): the side whose ministry it
    is summoned him. Only a verb of summoning (mode summon) and a phrase of the verb itself count, outside the
    envoy's own phrase."""
    if mode != "summon" or args.source or args.pair or not args.target or tree.tokens[i].pos not in ("VERB", "AUX"):
        return None
    preps = lex.words("roles", "venue_preps") | lex.words("roles", "locative_preps")
    envoys = lex.words("roles", "envoy_nouns")
    envoy = set().union(*(tree.subtree(c) for c in tree.kids(i, "nsubj", *OBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)
                          if tree.is_word(c, envoys)))
    for m in mentions:
        h = heads.get(id(m))
        if h is None or h in envoy or m.kind not in ("org", "country", "demonym", "place", "seat"):
            continue                      # a city too: "was summoned to the foreign ministry in Warsaw"
        path = [h] + tree.ancestors(h)
        if i not in path or path.index(i) < 1:
            continue
        child = path[path.index(i) - 1]
        if tree.preposition(child) in preps and tree.tokens[child].dep.split(":")[0] in SUMMONED_TO_DEPS:
            return m if any(t.code != m.code for t in args.target) else None
    return None


def venue_head(tree: Tree, m: ActorMention, h: int | None, lex: Lexicon, kinds: set[str]) -> int | None:
    """The token whose phrase sets an event at the mention: its own head for a place or a country (`kinds`); for a
    demonym, the place noun it describes ("en la ciudad japonesa de Nara", "in the Japanese city of Nara",
    "в японском городе Нара": a city of Japan, where Japan hosts; ``venue_nouns`` in [roles]); else None."""
    if h is None or m.kind in kinds:
        return h
    up = tree.head(h)
    if m.kind == "demonym" and up is not None and tree.tokens[h].dep.split(":")[0] == "amod" \
            and tree.lemma(up) in lex.words("roles", "venue_nouns"):
        return up
    return None


MEETING_MODES = {"meeting", "talks"}


def summons(candidates: list) -> set[frozenset[str]]:
    """The pairs of the summonses stated ("вызвал посла", "summoned the ambassador")."""
    return {frozenset((c.source.code, c.target.code)) for c in candidates
            if c.frame.mode == "summon" and c.status == "occurred"}


def drop_meetings_of_summons(article: Article, candidates: list, summoned: set[frozenset[str]]) -> list:
    """A meeting with the envoy a side summoned is the summons itself, not a consultation of its own: "the Foreign
    Ministry summoned the ambassador of Ukraine ... a meeting of the deputy minister with the ambassador took place",
    "в ходе встречи с временным поверенным в делах РФ выразил недоумение", "se reunió con el embajador convocado".
    A meeting of the same pair in the document whose partner is named as an envoy goes with the summons (`summoned`:
    the pairs of the summonses, also where another reading of the same sentence won)."""
    if not summoned:
        return candidates
    out = []
    for c in candidates:
        if c.type == "CONSULT" and c.frame.mode in MEETING_MODES and c.status == "occurred" \
                and frozenset((c.source.code, c.target.code)) in summoned:
            sentence = article.sentences[c.sentence]
            lex = lexicon(sentence.language)
            if lex is not None and any(named_as_envoy(Tree(sentence), m, lex) for m in (c.source, c.target)):
                continue
        out.append(c)
    return out


def named_as_envoy(tree: Tree, m: ActorMention, lex: Lexicon) -> bool:
    """The actor is named as an envoy: the envoy's own name, a country whose envoy the phrase names ("с послом
    Украины", "with the chargé d'affaires of Russia"), or the head of a mission ("главе украинской дипмиссии")."""
    h = tree.span_head(m.start, m.end)
    envoys = lex.words("roles", "envoy_nouns")
    return h is not None and any(tree.is_word(j, envoys) for j in [h, *tree.ancestors(h, 3), *tree.children[h]])


def closed_by_owner(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                    args: Arguments) -> Arguments:
    """"after the closure of the U.S. Embassy in Damascus": with no other doer named (no actor in the subject of the
    verb above), the owner of the post closed, in the noun's "of" phrase, closed its own ("Warsaw announced the
    closure of Russia's consulate": Russia's was closed); a partner ("the border with Pakistan") stays the target."""
    governor = governing_verb(tree, i)
    subjects = tree.kids(governor, *SUBJECT_DEPS) if governor is not None else []
    if any(heads.get(id(m)) in tree.subtree(s) for s in subjects for m in mentions):
        return args
    partners = lex.words("roles", "partner_preps")
    owners = [m for m in args.target if heads.get(id(m)) is not None
              and not any(tree.preposition(j) in partners for j in path_below(tree, heads[id(m)], i))]
    if owners:
        args.source, args.target = owners[:1], [m for m in args.target if m not in owners]
    return args
