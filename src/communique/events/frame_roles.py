"""Who acts on whom where a frame's roles lie outside the trigger's own arguments.

- a threat is aimed at whoever the threatened act would hit, else at whoever must meet its condition
  (`complement_targets`);
- a demand is made of whoever is to do what is demanded: the subject of the demanded clause ("demanded that
  Hamas renounce", "pushing for the US to support"), the doer of a demanded act ("demanded the withdrawal of Serbian
  forces", "настаивает на выводе американских войск") (`asked_side`);
- what one is thanked for was given by the one thanked to the one thanking (`thanked_for`);
- what a speaker says another side must do is the speaker's demand on that side (`obligation_sides`);
- aid carried by a vehicle or received from someone is the sender's or giver's (`aid_roles`);
- a response that names what it answers answers that, not whoever acted before (`answers_named`);
- citizens named by a plural demonym never act for their state in diplomacy ("51 Mexicans visited"), but coercion and
  violence against them is aimed at it, and a people's protest, violence, accusation or defiance is coded as its
  side's (PLOVER/CAMEO code civilians by nationality: "Palestinians blamed Israel") (`conflict_targets`).
"""
from __future__ import annotations

import functools
from dataclasses import replace

from ..actors.codes import actor_code
from ..lexicon import Frame, Lexicon, lexicon
from .actor_mentions import ActorMention
from .arguments import (Arguments, find_arguments, governing_verb, light_verb, oblique_subject, reflexive_passive,
                        speech_subjects)
from .discourse import distinct_codes, with_conjuncts
from .purposes import aid_purpose
from .rules import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree
from .triggers import condition_clause

# acts whose target may be a country's citizens, named by a plural demonym (they never act for it): harm, and support
# ("support the rights of Palestinians" is SUPPORT → PSE, as PLOVER codes it)
CIVILIAN_TARGET_TYPES = {"ASSAULT", "COERCE", "THREATEN", "AID", "SANCTION", "SUPPORT"}
# acts a people may carry out as its side: protest, violence, accusation, defiance (never visits, talks or accords)
CIVILIAN_SOURCE_TYPES = {"PROTEST", "ASSAULT", "ACCUSE", "THREATEN", "REJECT"}
# parts of speech of which a span standing for an actor holds one (not a lone function word)
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "X", "NUM", "VERB"}
CURRENCY_SIGNS = {"$", "€", "£", "¥", "₽"}


def citizens(tree: Tree, m: ActorMention) -> bool:
    """A demonym used as a plural noun: citizens of the country ("51 Mexicans", "decenas de miles de rusos")."""
    if m.kind != "demonym":
        return False
    head = tree.span_head(m.start, m.end)
    tok = tree.tokens[head] if head is not None else None
    return tok is not None and tok.pos in ("NOUN", "PROPN") and bool(
        tok.morph.get("Number") == "Plur" or tree.kids(tok.i, "nummod")
        or (tok.text.endswith("s") and tok.text[:1].isupper() and tok.text.isascii()))


def acts_for_state(tree: Tree, m: ActorMention, lex: Lexicon | None = None) -> bool:
    """Drop spans that cannot stand for a state acting: a lone function word ("The"), a currency's country ("US
    $22 million", "28 миллионов долларов США": ``currency_nouns`` in [roles]), or a demonym used as a plural noun for
    citizens ("51 Mexicans visited Kazakhstan", "decenas de miles de rusos")."""
    inside = [t for t in tree.tokens if t.start < m.end and t.end > m.start]
    if not any(t.pos in CONTENT_POS for t in inside):
        return False
    after = next((t for t in tree.tokens if t.start >= m.end), None)
    if after is not None and after.text[:1] in CURRENCY_SIGNS and after.start - m.end <= 1:
        return False                      # "US $22 million", "HK$": a currency, not a side
    if lex is not None and inside[0].i > 0 and tree.lemma(inside[0].i - 1) in lex.words("roles", "currency_nouns"):
        return False                      # "долларов США", "dólares de EE.UU." without the "de"
    if inside and inside[0].i == 0 and m.text.isupper() and len(m.text) > 3 and dateline_end(tree, inside[-1].i):
        return False                      # a dateline ("BUENOS AIRES, May 14 (EFE) –") says where it was written
    if inside and dateline_country(tree, inside[0].i) and dateline_end(tree, inside[-1].i):
        return False                      # and the country after its place ("UNITED NATIONS, United States --")
    if inside and inside[-1].i < dateline_dash(tree):
        return False                      # "October 6, 2022 (NAIROBI) –": a dateline after a date
    return not citizens(tree, m)


DATELINE_DASHES = {"–", "—", "--", "-"}
DATELINE_TOKENS = 12                      # how far into a sentence a dateline's dash may stand


def dateline_dash(tree: Tree) -> int:
    """The token index of the dash that closes a dateline opening the sentence ("October 6, 2022 (NAIROBI) –",
    "UNITED NATIONS, United States -- Russia vetoed"), else -1: a dash near the start with no verb before it, after
    a date, a bracket or a word in capitals (a place written as a dateline); "Kazakhstan – Russia: talks" is none."""
    return tree.remember("dateline_dash", lambda: _dateline_dash(tree))


def _dateline_dash(tree: Tree) -> int:
    for t in tree.tokens[1:DATELINE_TOKENS]:
        if t.pos in ("VERB", "AUX"):
            return -1
        if t.text in DATELINE_DASHES and t.i + 1 < len(tree.tokens):
            before = tree.tokens[:t.i]
            dated = any(b.pos == "NUM" or b.text in ("(", ")") or (b.text.isupper() and len(b.text) > 3) for b in before)
            return t.i if dated else -1
    return -1


def drop_venue_organisations(tree: Tree, frame: Frame, lex: Lexicon, targets: list[ActorMention],
                             heads: dict) -> list[ActorMention]:
    """An organisation named with a locative preposition beside another target ("наложили вето на резолюцию США в СБ
    ООН", "voted against the US draft at the UN") is where the act happened, not whom it is aimed at."""
    if frame.venue or frame.mutual:
        return targets
    preps = lex.words("roles", "locative_preps")
    venues = [m for m in targets if m.kind == "org" and heads.get(id(m)) is not None
              and tree.preposition(heads[id(m)]) in preps]
    rest = [m for m in targets if m not in venues and all(m.code != v.code for v in venues)]
    return rest if venues and rest else targets


CARRIED_TYPES = {"SANCTION", "COERCE"}


def carrier_object(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                   args: Arguments) -> list[ActorMention]:
    """Whom a measure named in a phrase of the verb that carries it is taken against, when the noun names no one:
    that verb's object ("включил в санкционный список двадцать российских чиновников", "ввёл запрет на въезд
    японских депутатов")."""
    if frame.type not in CARRIED_TYPES or args.target or tree.tokens[i].pos not in ("NOUN", "PROPN"):
        return []
    verb = governing_verb(tree, i)
    if verb is None or not light_verb(tree, i, verb, lex):
        return []
    objects = [o for o in tree.kids(verb, *OBJECT_DEPS) if o != i and i not in tree.subtree(o)]
    sources = {m.code for m in args.source + args.pair}
    return [m for m in mentions if m.code not in sources and any(heads.get(id(m)) in tree.subtree(o) for o in objects)]


def describes_organisation(tree: Tree, m: ActorMention, mentions: list[ActorMention], heads: dict) -> bool:
    """"the Lebanese group Hezbollah", "el movimiento palestino Hamás", "палестинского движения ХАМАС": a demonym
    on the noun an organisation seated in that state is named by says where the organisation is from; the
    organisation acts, not the state."""
    h = heads.get(id(m))
    if m.kind != "demonym" or h is None or tree.tokens[h].dep.split(":")[0] != "amod":
        return False
    noun = tree.head(h)
    for o in mentions:
        oh = heads.get(id(o))
        if o.kind != "org" or o.code == m.code or oh is None:
            continue
        if oh == noun or (tree.head(oh) == noun and tree.tokens[oh].dep.split(":")[0] in ("appos", "flat", "compound")):
            code = actor_code(o.code)
            if code is not None and code.country == m.code:
                return True
    return False


def dateline_country(tree: Tree, first: int) -> bool:
    """The words before token `first` are a capitalised dateline's place and a comma ("UNITED NATIONS, United
    States -- Russia vetoed", "GEORGETOWN, Guyana, CMC –"): what follows it there names the place's country."""
    before = tree.tokens[:first]
    return len(before) >= 2 and before[-1].text == "," and before[0].text.isupper() and len(before[0].text) > 3 \
        and all(t.text.isupper() for t in before[:-1])


def dateline_end(tree: Tree, last: int) -> bool:
    """A capitalised opening is a dateline where punctuation or the end follows it ("MOSCOW, May 14", "UNITED
    NATIONS (AP) –"); an acronym a word follows acts ("NATO confirmed", "U.N. helicopters evacuated")."""
    return last + 1 >= len(tree.tokens) or tree.tokens[last + 1].pos in ("PUNCT", "SYM")


def conflict_targets(tree: Tree, mentions: list[ActorMention], frame: Frame) -> list[ActorMention]:
    """Citizens cannot act for their state, but a state's coercion or violence against them is aimed at it:
    "soldiers arrested more than 100 Palestinians", "deported 168 Liberians" (PLOVER codes them by nationality)."""
    if frame.type not in CIVILIAN_TARGET_TYPES | CIVILIAN_SOURCE_TYPES:
        return []
    return [m for m in mentions if citizens(tree, m)]


def thanked_for(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> Arguments | None:
    """"Tokayev thanked Turkey for its humanitarian aid", "agradeció a México por la ayuda", "поблагодарил Турцию за
    помощь": what one is thanked for was given by the one thanked to the one thanking. None when nominal trigger `i`
    is not the reason of a gratitude verb with both sides named."""
    if tree.tokens[i].pos not in ("NOUN", "PROPN"):
        return None
    for a in tree.ancestors(i, 4):
        if tree.tokens[a].pos not in ("VERB", "AUX") or any(m.start <= tree.tokens[a].start < m.end for m in mentions):
            continue                      # a name the parser took for a verb ("to Sadyr Japarov"): no verb
        holders = gratitude_holders(tree, a, lex)
        if holders is None or (i in holders and any(f.mode == "gratitude" for f in lex.frames_of(
                tree.lemma(i), tree.tokens[i].text, tree.tokens[i].pos))):
            return None                   # the thanks itself ("expressed gratitude to X") is the thanker's act
        thanker = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in tree.kids(a, *SUBJECT_DEPS))]
        thanked = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(o) for o in holders)
                   and i not in tree.subtree(heads.get(id(m))) and heads.get(id(m)) not in tree.subtree(i)]
        if i in holders:                  # "La Habana agradeció la ayuda": the act thanked for was given to the thanker
            # by the one thanked beside it ("Kazajistán agradeció a Turquía la ayuda humanitaria"), else by whoever
            # the act's own phrase names ("la ayuda de México"), found by the trigger's own arguments
            giver = [m for m in thanked if not thanker or m.code != thanker[0].code][:1]
            own = [m for m in mentions if heads.get(id(m)) in tree.subtree(i) and thanker and m.code != thanker[0].code]
            return Arguments(source=giver or own[:1], target=thanker[:1], has_subject=True) if thanker else None
        if thanker and thanked and thanker[0].code != thanked[0].code:
            return Arguments(source=thanked[:1], target=thanker[:1], has_subject=True)
        return None
    return None


def gratitude_holders(tree: Tree, a: int, lex: Lexicon) -> list[int] | None:
    """Where verb `a` names the ones thanked: its objects for a verb of thanks ("thanked Turkey"); for a verb that
    carries a noun of thanks ("expressed gratitude to the people of Kyrgyzstan", "expresó su agradecimiento a
    México", "выразил благодарность Японии") the noun's phrase and the verb's partner or dative phrases. None when
    `a` states no thanks."""
    if any(f.mode == "gratitude" for f in lex.verbs.get(tree.lemma(a), ())):
        return tree.kids(a, *OBJECT_DEPS)
    noun = next((o for o in tree.kids(a, *OBJECT_DEPS)
                 if any(f.mode == "gratitude" for f in lex.nouns.get(tree.lemma(o), ()))), None)
    if noun is None:
        return None
    partners = lex.words("roles", "partner_preps") | {None}
    return [noun] + [c for c in tree.children[a] if c != noun and tree.tokens[c].dep.split(":")[0]
                     in ("prep", "obl", "iobj", "nmod") and tree.preposition(c) in partners]


def complement_targets(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                       args: Arguments) -> list[ActorMention]:
    """"threatened to strike South Korea", "amenazó con llevar a Ecuador ante la Corte", "пригрозила закрыть
    границу с Литвой": a threat is aimed at whoever the threatened act would hit, the target of its complement."""
    taken = {m.code for m in args.source + args.pair}
    for c in tree.children[i]:
        if tree.tokens[c].dep.split(":")[0] not in ("xcomp", "ccomp", "advcl", "obl", "prep"):
            continue
        verb = next((j for j in [c, *tree.kids(c, "pobj")] if tree.tokens[j].pos == "VERB"), None)
        if verb is None or (frame.type == "REJECT" and tree.lemma(verb) in lex.words("roles", "unsaid_verbs")):
            continue                      # "declined to comment on Russia's offer": a word withheld, no act
        found = [m for v in complement_chain(tree, verb, lex)
                 for m in find_arguments(tree, v, frame, lex, mentions, heads).target if m.code not in taken]
        # "amenazó con recurrir a la Corte Internacional para denunciar a Ecuador": the court is where, not whom
        found = sorted(found, key=lambda m: tree.lemma(heads[id(m)]) in lex.words("roles", "forum_nouns")
                       if heads.get(id(m)) is not None else False)
        # "refused to allow United Nations planes to land", "se negó a permitir que los aviones de la ONU
        # aterrizaran": whoever the complement lets or makes act, the subject of its own clause
        subjects = [s for k in tree.kids(verb, "ccomp", "xcomp", "obj", "dobj") for s in tree.kids(k, *SUBJECT_DEPS)]
        found = found or [m for m in mentions if m.code not in taken
                          and any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
        if found:
            return found[:1]
    # "threatened to stop negotiations if the United States goes ahead": whoever must meet the condition
    for j in [i, *[c for c in tree.children[i] if tree.tokens[c].dep.split(":")[0] in ("xcomp", "ccomp")]]:
        condition = condition_clause(tree, j, lex)
        if condition is not None:
            subjects = tree.kids(condition[0], *SUBJECT_DEPS)
            found = [m for m in mentions if m.code not in taken
                     and any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
            if found:
                return found[:1]
    return []


def complement_chain(tree: Tree, verb: int, lex: Lexicon) -> list[int]:
    """The complement verb, then what it completes in turn and the event nouns it acts on, nearest first: "puede
    decidir renovar las sanciones contra Nicaragua", "amenazó con recurrir a la Corte para denunciar a Ecuador"."""
    out, todo = [], [verb]
    while todo and len(out) < 6:
        v = todo.pop(0)
        out.append(v)
        todo += [c for c in tree.children[v] if tree.tokens[c].dep.split(":")[0] in ("xcomp", "ccomp", "advcl")
                 and tree.tokens[c].pos == "VERB"]
        todo += [o for o in tree.kids(v, *OBJECT_DEPS) if tree.lemma(o) in lex.nouns]
    return out


ASKED_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl"}
DOER_DEPS = {"poss", "nmod:poss", "amod", "nmod", "compound"}


def asked_side(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict,
               args: Arguments) -> list[ActorMention]:
    """Whom a demand is made of, when the demand verb has no object naming them: the subject of the clause it asks
    for, else the doer of the act it asks for (an event noun's possessor, "of" phrase or national adjective)."""
    taken = {m.code for m in args.source + args.pair}

    def inside(nodes: list[int]) -> list[ActorMention]:
        return [m for m in mentions if m.code not in taken and any(heads.get(id(m)) in tree.subtree(n) for n in nodes)]

    # the one asked, named by its preposition ("потребовала от США прекращения блокады Кубы", "demanded from X")
    addressed = lex.words("roles", "addressee_preps")
    found = inside([c for c in tree.kids(i, "prep", "obl", "nmod") if tree.preposition(c) in addressed]
                   if tree.tokens[i].pos in ("VERB", "AUX") else [])
    if found:
        return found[:1]
    for c in tree.kids(i, *ASKED_CLAUSE_DEPS):
        found = inside(tree.kids(c, *SUBJECT_DEPS))
        if found:
            return found[:1]
    source_preps, locative = lex.words("roles", "source_preps"), lex.words("roles", "locative_preps")
    asked_with = {p for f in lex.verbs.get(tree.lemma(i), ()) if f.type == "REQUEST" for p in f.requires_prep}
    for c in tree.kids(i, *OBJECT_DEPS) + [c for c in tree.kids(i, "prep", "obl", "nmod")
                                           if tree.preposition(c) in asked_with]:
        nouns = [c] + tree.kids(c, "pobj")
        for n in nouns:
            if tree.lemma(n) not in lex.nouns:
                continue
            doers = [k for k in tree.children[n] if (tree.tokens[k].dep in DOER_DEPS
                     or (tree.preposition(k) in source_preps and tree.tokens[k].dep in ("prep", "nmod")))
                     and tree.preposition(k) not in locative]     # "conversaciones en Kenia": where, no doer
            found = inside(doers)
            if found:
                return found[:1]
    return []


def obligation_sides(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention],
                     heads: dict) -> tuple[ActorMention, ActorMention] | None:
    """"Mubarak said the US must be ready to mediate", "declaró que China debe eliminar las barreras": what one
    side says another must do is a demand (REQUEST) of the speaker on the obliged side. Both must be named: a bare
    "X must" with no speaker is an opinion of the article's."""
    head = tree.head(i) if tree.tokens[i].dep.split(":")[0] == "aux" else i
    if head is None:
        return None
    speaker = speech_subjects(tree, i, lex, mentions, heads)
    subjects = tree.kids(head, *SUBJECT_DEPS)
    if summons_detail(tree, head, subjects, lex):
        return None
    obliged = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)
               and m.code not in {p.code for p in speaker}]
    if not speaker or not obliged:
        return None
    return speaker[0], obliged[0]


def summons_detail(tree: Tree, head: int, subjects: list[int], lex: Lexicon) -> bool:
    """"el embajador español deberá comparecer el viernes en la cancillería", "the ambassador must appear at the
    ministry", "посол должен явиться в МИД": an envoy told to appear is summoned (the summons is its event), no
    demand of the speaker's (``appearance_verbs`` and ``envoy_nouns`` in [roles])."""
    verbs = [head, *tree.kids(head, "xcomp")]
    return any(tree.lemma(v) in lex.words("roles", "appearance_verbs") for v in verbs) and \
        any(tree.lemma(s) in lex.words("roles", "envoy_nouns") for s in subjects)


def cargo_words(lex: Lexicon) -> frozenset[str]:
    """What aid is named by: the lexicon's aid nouns and `cargo_nouns` (tonnes, supplies, medicines)."""
    return _cargo_words(lex.language)


@functools.lru_cache(maxsize=16)
def _cargo_words(language: str) -> frozenset[str]:
    # once per language, not per trigger: the lexicon (one per language, `lexicon`) is read whole for its aid nouns
    lex = lexicon(language)
    if lex is None:
        return frozenset()
    aid = {n for n, frames in lex.nouns.items() if any(f.type == "AID" for f in frames)}
    return frozenset(aid) | lex.words("roles", "cargo_nouns")


def sent_from(tree: Tree, subjects: list[int], args: Arguments, context: list[ActorMention],
              heads: dict) -> Arguments:
    """The sides of aid that arrived where the sentence names only where it came from ("llegó una carga de ayuda
    procedente de Bolivia", "a shipment of aid from Japan arrived"): the origin named inside the arriving phrase
    gives, the side the text is about receives; else `args` as they are."""
    if args.pair or args.source and args.target:
        return args                       # both named: the frame placed them ("llegó a Cuba ... de Bolivia")
    if not args.source:                   # the origin read as where it arrived
        carried = set().union(*(tree.subtree(s) for s in subjects))
        givers = [m for m in args.target if heads.get(id(m)) in carried]
        if not givers:
            return args
        args = replace(args, source=givers[:1], target=[m for m in args.target if m not in givers])
    given = {m.code for m in args.source}
    return replace(args, target=[m for m in args.target if m.code not in given]
                   or [m for m in context if m.code not in given][:1])


def aid_roles(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
              args: Arguments, context: list[ActorMention]) -> tuple[Frame | None, Arguments] | None:
    """Aid whose doer stands outside the aid word's own phrase. None where nothing here applies; (None, args) where
    the trigger states no event of its own.

    - a vehicle, not a visitor, arrives ("llegó a Chile el primer avión con ayuda humanitaria enviado por México",
      "в Кабул прибыл самолет с гуманитарным грузом"): with aid or cargo on board it is the sender's AID to the
      place, else no event at all;
    - aid that a receiving verb governs goes from the giver named with it to the receiver, the verb's subject or
      the side the text is about ("se recibirá ayuda de organismos como la Unicef", "received aid from Japan",
      "получила помощь от Китая"); the receiving verb itself is then no visit;
    - peacekeepers sent, deployed or arriving are protection given (CAMEO 074, PLOVER AID) to where they go, not a
      mobilisation nor a visit ("NATO peacekeeping troops have arrived in Bosnia", `peacekeeping_words`)."""
    cargo = cargo_words(lex)
    if (purpose := aid_purpose(tree, i, frame, lex, cargo)) is not None:
        # "delivered aid to support the victims in X": the aid, to X (read again as aid: where it goes is its target)
        placed = find_arguments(tree, i, purpose, lex, mentions, heads)
        return purpose, replace(args, target=args.target or placed.target)
    if frame.type == "MOBILIZE" or frame.mode == "visit":
        phrase = set(tree.subtree(i)) if tree.tokens[i].pos in ("NOUN", "PROPN") else set().union(
            *(tree.subtree(c) for c in tree.kids(i, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS, *OBJECT_DEPS)))
        if any(tree.is_word(n, lex.words("roles", "peacekeeping_words")) for n in phrase):
            return replace(frame, type="AID", mode=None, venue=True), args
    if frame.mode == "visit":
        # with the object: a subject after the verb the parser reads as one ("llegó una carga de ayuda"), never a
        # vehicle nor aid where a visit is meant ("visitó Cuba")
        subjects = tree.kids(i, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS, *OBJECT_DEPS)
        if any(tree.is_word(s, cargo) for s in subjects):     # "aid from Egypt arrived in Sudan"
            return replace(frame, type="AID", mode=None, venue=True), sent_from(tree, subjects, args, context, heads)
        if not any(tree.is_word(s, lex.words("roles", "carrier_nouns")) for s in subjects):
            return None
        if not any(tree.is_word(n, cargo) for n in tree.subtree(i)):
            return None, args
        return replace(frame, type="AID", mode=None, venue=True), sent_from(tree, subjects, args, context, heads)
    receive = lex.words("roles", "receive_verbs")
    if frame.inverse and tree.lemma(i) in receive:
        kids = tree.kids(i, *OBJECT_DEPS, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)
        return (None, args) if any(tree.is_word(k, cargo) for k in kids) else None
    g = tree.head(i)
    while g is not None and tree.tokens[i].dep == "conj" and g != tree.head(g) and tree.lemma(g) in cargo:
        g = tree.head(g)                  # "alabó la ayuda de X y la asistencia de Y": the verb of the first
    if frame.type != "AID" or g is None or g == i:
        return None
    if (handed := handed_over(tree, i, g, lex, mentions, heads, args)) is not None:
        return frame, handed
    praise = [f for f in lex.verbs.get(tree.lemma(g), ()) if f.type == "SUPPORT"]
    if praise and args.source:
        # "alabó la asistencia tecnológica de la UE y Estados Unidos", "praised Japan's aid": aid given, whose giver
        # its own phrase names, to the side of the one praising or thanking it
        praisers = [m for m in find_arguments(tree, g, praise[0], lex, mentions, heads).source
                    if m.code not in {s.code for s in args.source}]
        return (frame, Arguments(source=args.source, target=praisers[:1], has_subject=True)) if praisers else None
    if tree.lemma(g) not in receive:
        return None
    froms = lex.words("roles", "from_preps") | lex.words("roles", "source_preps") | lex.words("roles", "departure_preps")
    phrases = [c for c in tree.children[g] + tree.children[i] if tree.preposition(c) in froms]
    givers = args.source + [m for m in mentions if any(heads.get(id(m)) in tree.subtree(p) for p in phrases)]
    if not givers:
        return None
    givers = listed_donors(tree, givers, mentions)
    taken = {m.code for m in givers}
    above = [g] + tree.ancestors(g)
    if reflexive_passive(tree, g, lex) and tree.tokens[g].dep == "conj":
        above = [a for a in above if a != tree.head(g)]   # "la UE aportará ... y se recibirá ayuda": not the EU
    for a in above:                       # the receiver, or whoever announces what is received
        subjects = [s for s in tree.kids(a, *SUBJECT_DEPS) if i not in tree.subtree(s)]
        receivers = [m for m in mentions if m.code not in taken
                     and any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
        if receivers:
            break
    receivers = receivers or [m for m in context if m.code not in taken]
    return frame, Arguments(source=givers, target=receivers[:1], has_subject=True)


def listed_donors(tree: Tree, givers: list[ActorMention], mentions: list[ActorMention]) -> list[ActorMention]:
    """Every donor listed with the first one found gives ("aid sent by Egypt and Saudi Arabia", "помощь от Египта и
    Саудовской Аравии")."""
    return with_conjuncts(tree, distinct_codes(givers[:1]), mentions, set())


def handed_over(tree: Tree, i: int, g: int, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                args: Arguments) -> Arguments | None:
    """Aid that is the passive subject of a verb of giving ("the aid from Norway was handed over to Afghanistan",
    "la ayuda de Noruega fue entregada a Afganistán", "помощь от Норвегии была передана Афганистану") goes from the
    donors its own phrase names, each of them, to the one the verb hands it to. None where that does not apply."""
    if not tree.is_passive(g) or tree.tokens[i].dep not in PASSIVE_SUBJECT_DEPS | {"nsubj"}:
        return None
    if not (any(f.type == "AID" for f in lex.verbs.get(tree.lemma(g), ()))
            or tree.lemma(g) in lex.words("roles", "light_verbs")):
        return None
    own = set(tree.subtree(i))
    givers = [m for m in args.source if heads.get(id(m)) in own] or [m for m in mentions if heads.get(id(m)) in own]
    if not givers:
        return None
    givers = listed_donors(tree, givers, mentions)
    taken = {m.code for m in givers}
    receivers = [m for m in mentions if m.code not in taken and (h := heads.get(id(m))) is not None
                 and h not in own and g in [h] + tree.ancestors(h)]
    return Arguments(source=givers, target=receivers[:1], has_subject=True) if receivers else None


def answers_named(tree: Tree, i: int, lex: Lexicon) -> bool:
    """A response verb that names what it answers, and no actor there ("would continue to respond firmly to any
    attempts to question ..."): it answers that, not whoever acted before. An act it names ("will respond to the
    expulsion", "ответит на высылку", "to this move") was someone's: the response answers its doer, named in its
    phrase or having acted before (`answers_before`)."""
    if tree.tokens[i].pos not in ("VERB", "AUX"):
        return False
    named = [c for c in tree.children[i] if tree.preposition(c) in lex.words("roles", "target_preps")
             and tree.tokens[c].dep.split(":")[0] in ("prep", "obl", "nmod")]
    return bool(named) and not any(_names_act(tree, c, lex) for c in named)   # not "на высылку по принципу ..."


def _names_act(tree: Tree, c: int, lex: Lexicon) -> bool:
    """The phrase at `c` (or, in English, its preposition's object) is an act: a trigger noun or a word that
    refers to one ("the expulsion", "las sanciones", "этот шаг")."""
    nouns = [c] if tree.tokens[c].pos in ("NOUN", "PROPN") else tree.kids(c, "pobj")
    acts = lex.words("roles", "anaphoric_acts")
    return any(tree.lemma(n) in lex.nouns or tree.is_word(n, acts) for n in nouns)


ANAPHOR_TYPES = {"ACCUSE", "REJECT", "SUPPORT"}   # "condemned the move", "rejected the measure", "welcomed the step"


def answers_anaphor(tree: Tree, i: int, frame: Frame, lex: Lexicon) -> bool:
    """"condenó la acción como una violación de su soberanía", "condemned the move", "осудил этот шаг": a
    condemnation or rejection of an act named only by a word that points back (``anaphoric_acts``, with its
    article or demonstrative) answers whoever acted before, as a response does."""
    if not (frame.type in ANAPHOR_TYPES or frame.mode == "gratitude") or tree.tokens[i].pos not in ("VERB", "AUX"):
        return False
    acts = lex.words("roles", "anaphoric_acts")
    if frame.mode == "gratitude":         # thanks for an act named before: "agradeció la ayuda", "thanked for the aid"
        acts = acts | frozenset(lex.nouns)
    owner = lex.words("roles", "source_preps")
    return any(tree.is_word(o, acts) and tree.kids(o, "det") and not any(   # not "the move of X", "la acción de X"
        tree.preposition(c) in owner or tree.tokens[c].dep.split(":")[0] in ("poss", "nmod:poss", "compound")
        for c in tree.children[o]) for o in tree.kids(i, *OBJECT_DEPS))


def answers_before(tree: Tree, i: int, frame: Frame, lex: Lexicon) -> bool:
    """A response that names nothing it answers, or a condemnation of the act before (`answers_anaphor`: its object
    names what is answered, other phrases are its setting: "rechazó desde el principio la medida"): its target is
    whoever acted before."""
    return (frame.responds and not answers_named(tree, i, lex)) or answers_anaphor(tree, i, frame, lex)


def earlier_doers(tree: Tree, i: int, mentions: list[ActorMention], heads: dict, taken: set[str]) -> list[ActorMention]:
    """The act before that a response or an anaphor answers, stated by the sentence's main clause ahead of the
    trigger ("España, Irlanda y Noruega reconocieron a Palestina, desafiando a Israel, que rechazó la medida"):
    the subjects of that clause, every conjunct of them."""
    roots = [t.i for t in tree.tokens if tree.head(t.i) in (None, t.i)]
    if len(roots) != 1 or roots[0] == i or roots[0] > i or tree.tokens[roots[0]].pos not in ("VERB", "AUX"):
        return []
    span = {n for s in tree.kids(roots[0], *SUBJECT_DEPS) for n in tree.subtree(s)}
    doers = [m for m in mentions if heads.get(id(m)) in span]
    return [] if any(m.code in taken for m in doers) else doers   # one's own act is answered by no one


ATTACK_PHRASE_DEPS = ("prep", "obl", "nmod", "advmod", "agent")   # where a weapon or a place hangs on the act
VIOLENCE_TYPES = {"ASSAULT"}


def unnamed_attackers(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention],
                      heads: dict, args: Arguments) -> list[ActorMention]:
    """Violence against a state's forces whose doer is named only by its weapon or as unidentified attackers, in
    another country ("three US servicemen were killed by an improvised explosive device outside of the Iraqi city
    of Basra", "un artefacto explosivo mató a dos soldados estadounidenses en Irak", "в Ираке при взрыве фугаса
    погибли американские военнослужащие"): the country where it struck is the source, as PLOVER and CAMEO code
    attackers nobody names. Nothing where a doer is named, where the victims are not a state's forces (a bomb that
    kills tourists is a crime, not an act between states), or where no other country is the place."""
    if frame.type not in VIOLENCE_TYPES or args.source or args.pair or not args.target:
        return []
    if not any(m.sector == "MIL" for m in args.target):
        return []
    attackers = lex.words("roles", "unnamed_attackers")
    phrases = tree.kids(i, *SUBJECT_DEPS, *ATTACK_PHRASE_DEPS)
    doers = [n for p in phrases for n in tree.subtree(p) if tree.is_word(n, attackers)]
    if not doers and not tree.is_word(i, attackers):
        return []
    victims = {m.code for m in args.target if m.sector == "MIL"}   # the place may have been taken as a target
    spots = [c for h in [i, *doers] for c in tree.kids(h, *ATTACK_PHRASE_DEPS)
             if tree.preposition(c) not in lex.words("roles", "agent_preps") or h != i]
    # or where the victims were ("killed two soldiers in Iraq" as the parser may hang it on the soldiers)
    spots += [c for o in tree.kids(i, *OBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) for c in tree.kids(o, *ATTACK_PHRASE_DEPS)
              if tree.preposition(c) in lex.words("roles", "locative_preps")]
    return [m for m in mentions if m.code not in victims and m.kind in ("place", "country", "demonym", "seat")
            and any(heads.get(id(m)) in tree.subtree(c) for c in spots)][:1]


def indefinite_doer(tree: Tree, i: int, lex: Lexicon, args: Arguments, heads: dict,
                    mentions: list[ActorMention] = ()) -> ActorMention | None:
    """A verb in the indefinite-personal form (``indefinite_number``: Russian 3rd plural, no subject: "В Польше
    выслали трех белорусских дипломатов", "двух российских дипломатов объявили персонами нон грата в Болгарии"),
    or a passive without its agent, names no doer: the country where it happens acts, when the act has another
    target; so does the institution it happens in ("В МИД Украины назвали решение Мали недальновидным")."""
    number = lex.words("roles", "indefinite_number")
    verb = i if tree.tokens[i].pos in ("VERB", "AUX") else governing_verb(tree, i)
    if not number or verb is None or args.source or args.pair:
        return None
    tok = tree.tokens[verb]
    if tree.is_passive(verb):             # a passive with no agent names none either: "дипломат объявлен персоной нон
        pass                              # грата в Латвии", "высланы из Польши" (its subject is the one acted on)
    elif tok.morph.get("Number") not in number or tok.morph.get("VerbForm") != "Fin" or tok.morph.get("Person") == "1" \
            or any(not oblique_subject(tree, s) for s in tree.kids(verb, *SUBJECT_DEPS)):
        return None
    preps = lex.words("roles", "locative_preps")
    places = [m for m in args.target if m.kind in ("country", "place", "capital")
              and heads.get(id(m)) is not None and tree.preposition(heads[id(m)]) in preps]
    if not places:
        places = [m for m in mentions if m.kind in ("org", "country") and heads.get(id(m)) in tree.kids(verb, "obl")
                  and tree.preposition(heads[id(m)]) in preps and m.code not in {t.code for t in args.target}]
    others = [m for m in args.target if all(m.code != p.code for p in places)]
    return places[0] if len({p.code for p in places}) == 1 and others else None


def on_behalf(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """The side an act is done in the name of ("expresó en nombre del Gobierno de Chile el agradecimiento", "on
    behalf of the Government of Chile", "от имени правительства Чили"): its doer, when none is named."""
    words = lex.words("roles", "behalf_nouns")
    anchors = {i, *tree.ancestors(i, 2)}
    for b in [t.i for t in tree.tokens if tree.is_word(t.i, words)]:
        scope = b
        if tree.tokens[b].dep == "fixed":              # "en nombre de" as one preposition of the noun it marks
            case = tree.head(b)
            scope = tree.head(case) if case is not None else None
        if scope is None or not anchors & set(tree.ancestors(scope, 3)):
            continue
        found = [m for m in mentions if heads.get(id(m)) in tree.subtree(scope)]
        if found:
            return found[:1]
    return []


def unsaid_speaker(tree: Tree, i: int, lex: Lexicon, args: Arguments, context: list[ActorMention],
                   mentions: list[ActorMention] = (), heads: dict | None = None) -> Arguments | None:
    """A speech verb with no subject at all ("..., dijo en un comunicado", "..., заявил в коммюнике"): the one who
    speaks is the subject of the sentences before (``context``), never the one it is said to ("Американской стороне
    заявлено, что ...": a dative of the verb); what the clause says is about the others."""
    speech = lex.words("roles", "speech_verbs")
    verbs = [a for a in [i] + tree.ancestors(i) if tree.lemma(a) in speech] + [
        t.i for t in tree.tokens if tree.lemma(t.i) in speech and tree.head(t.i) is None]
    if not verbs or not context:
        return None
    verb = tree.tokens[verbs[0]]
    named = [k for k in tree.kids(verbs[0], *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)   # or a pronoun: "it said"
             if tree.tokens[k].pos != "PRON" or tree.lemma(k) in lex.words("roles", "relative_pronouns")
             or tree.tokens[k].morph.get("Person") == "1"]
    impersonal = verb.morph.get("VerbForm") == "Part" and verb.morph.get("Variant") == "Short"   # «заявлено, что»
    if named or verb.morph.get("VerbForm") not in ("Fin", None) and not impersonal or verb.morph.get("Person") == "1":
        return None
    told = {k for c in tree.children[verbs[0]] if tree.tokens[c].morph.get("Case") == "Dat"
            and tree.preposition(c) is None for k in tree.subtree(c)}
    addressees = {m.code for m in mentions if (heads or {}).get(id(m)) in told}
    speaker = next((m for m in context if m.code not in addressees), None)
    if speaker is None:
        return None
    others = [m for m in args.source + args.target + args.pair if m.code != speaker.code]
    return Arguments(source=[speaker], target=others[:1], has_subject=True) if others or impersonal else None


HARM_TYPES = {"ASSAULT", "COERCE"}


def speaker_possessed(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                      args: Arguments) -> list[ActorMention]:
    """"The Thai army said Cambodian soldiers opened fire near one of its stations", "«atacaron nuestras posiciones»,
    dijo Kiev": harm done to what a possessive pronoun owns, where that pronoun is the speaker's own (first person)
    or cannot be the doer's (its number differs from the doer's: "its" after "soldiers"), is done to the speaker.
    [] when the act has a target, no doer, or no such possessive below it."""
    if frame.type not in HARM_TYPES or args.target or not args.source:
        return []
    subjects = tree.kids(i, *SUBJECT_DEPS)
    doer_number = tree.tokens[subjects[0]].morph.get("Number") if subjects else None
    # what the act hits or where: its object or a phrase with a preposition, not a dative ("нашим детям") nor a clause
    hit = [c for c in tree.children[i] if tree.tokens[c].dep.split(":")[0] in ("dobj", "obj", "prep")
           or (tree.tokens[c].dep.split(":")[0] in ("obl", "nmod") and tree.preposition(c) is not None)]
    reach = set().union(*(tree.subtree(c) for c in hit))
    reach -= set().union(*(tree.subtree(v) for v in reach if tree.tokens[v].pos in ("VERB", "AUX")))
    for p in sorted(reach):
        tok = tree.tokens[p]
        if tok.morph.get("Poss") != "Yes" and tree.lemma(p) not in lex.words("roles", "possessives"):
            continue
        mine = tree.lemma(p) in lex.words("roles", "first_person")
        if mine or (doer_number and tok.morph.get("Number") and tok.morph.get("Number") != doer_number):
            taken = {m.code for m in args.source}
            return [m for m in speech_subjects(tree, i, lex, mentions, heads) if m.code not in taken][:1]
    return []


def verb_pair(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict, args: Arguments) -> None:
    """"Clashes broke out between Thailand and Cambodia", "estallaron enfrentamientos entre Perú y Ecuador": the pair
    phrase the parser hung on the verb of which the event noun is the subject is the noun's own: its two sides."""
    v = tree.head(i)
    if args.source or args.pair or args.target or v is None or tree.tokens[i].pos != "NOUN" \
            or tree.tokens[i].dep.split(":")[0] != "nsubj" or tree.tokens[v].pos not in ("VERB", "AUX"):
        return
    preps = lex.words("roles", "pair_preps")
    phrases = [c for c in tree.children[v] if c != i and tree.preposition(c) in preps]
    sides = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(c) for c in phrases)]
    if len({m.code for m in sides}) > 1:
        args.pair = sides


def shared_object_targets(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention],
                          heads: dict) -> list[ActorMention]:
    """"Bolivia rechazó y condenó las sanciones de EE.UU.", "rejected and condemned the sanctions": a verb with no
    object of its own acts on the object of the verb coordinated after it (with no subject of its own)."""
    if tree.tokens[i].pos != "VERB" or tree.kids(i, *OBJECT_DEPS) or tree.is_passive(i):
        return []
    for c in tree.kids(i, "conj"):
        if c > i and tree.tokens[c].pos == "VERB" and tree.kids(c, *OBJECT_DEPS) \
                and not tree.kids(c, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) and not tree.is_passive(c):
            objects = set().union(*(tree.subtree(o) for o in tree.kids(c, *OBJECT_DEPS)))
            return [m for m in find_arguments(tree, c, frame, lex, mentions, heads).target if heads.get(id(m)) in objects]
    return []


RELATIVE_OBJECT_DEPS = {"obj", "dobj", "iobj", "obl", "dative"}


def relative_object_sides(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention],
                          heads: dict) -> Arguments | None:
    """A reproach or punishment in a relative clause whose pronoun is the object ("sancionó a funcionarios cubanos, a
    quienes acusa de ...", "officials whom it accuses of", "чиновников, которых обвиняет в"): the act is aimed at the
    actors the described noun names, and done by its own subject, else by whoever acts on that noun above it (the subject of the verb
    that governs it, or the "of" phrase of the act noun that governs it: "las sanciones de EE.UU. contra cargos,
    a los que acusa"). None where the trigger is no such clause."""
    if tree.tokens[i].pos not in ("VERB", "AUX") or tree.tokens[i].dep.split(":")[0] not in ("relcl", "acl"):
        return None
    relative = lex.words("roles", "relative_pronouns")
    objects = [k for k in tree.kids(i, *RELATIVE_OBJECT_DEPS) if k < i and tree.is_word(k, relative)
               and tree.preposition(k) in lex.words("roles", "personal_object_preps") | {None}]
    if not objects or (antecedent := nearest_antecedent(tree, i, objects[0], tree.head(i))) is None:
        return None
    clause = tree.subtree(i)
    described = [m for m in mentions if (h := heads.get(id(m))) is not None and h not in clause
                 and h in tree.subtree(antecedent) and not any(tree.tokens[j].pos == "VERB"
                                                               for j in [h] + tree.ancestors(h) if j in
                                                               tree.subtree(antecedent) and j != antecedent)]
    if not described:
        return None
    source = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in tree.kids(i, *SUBJECT_DEPS))]
    up = antecedent if all(tree.tokens[s].pos == "PRON" for s in tree.kids(i, *SUBJECT_DEPS)) else None
    while not source and up is not None and (up := tree.head(up)) is not None:   # "whom it accuses": above
        if tree.tokens[up].pos in ("VERB", "AUX"):
            source = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in tree.kids(up, *SUBJECT_DEPS))]
            break
        of = [c for c in tree.children[up] if c not in tree.subtree(antecedent) and (tree.preposition(
              c) in lex.words("roles", "source_preps") or tree.tokens[c].dep.split(":")[0] == "amod")]
        source = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(c) for c in of)]
    codes = {m.code for m in described}
    source = [m for m in source if m.code not in codes]
    return Arguments(source=source[:1], target=described[:1], has_subject=True) if source else None


def nearest_antecedent(tree: Tree, i: int, pronoun: int, head: int | None) -> int | None:
    """The noun a relative clause describes: the nearest noun before it inside the phrase the parser hung it on,
    agreeing in number with the pronoun's article where it has one ("sanciones contra altos cargos del ejecutivo, a
    los que acusa": the officials, though the parser hung the clause on the sanctions)."""
    if head is None or tree.tokens[head].pos not in ("NOUN", "PROPN"):
        return head
    number = next((tree.tokens[d].morph.get("Number") for d in tree.kids(pronoun, "det")), None) \
        or tree.tokens[pronoun].morph.get("Number")
    inside = tree.subtree(head)
    for j in range(min(tree.subtree(i)) - 1, head - 1, -1):
        tok = tree.tokens[j]
        if j in inside and tok.pos in ("NOUN", "PROPN") and (number is None or tok.morph.get("Number") in (None, number)):
            return j
    return head


def noun_agents(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """The doer an act noun names with an agent phrase of its own ("la donación por parte del Gobierno de China",
    ``noun_agent_preps``), [] for none."""
    preps = lex.words("roles", "noun_agent_preps")
    if not preps or tree.tokens[i].pos != "NOUN":
        return []
    # the parser often hangs the phrase on the noun of the act's own "of" phrase ("la expulsión del embajador de
    # Guatemala por parte de Nicaragua"): the phrase's words say whose act it is wherever it hangs in it
    nouns = [i, *(k for k in tree.children[i] if tree.tokens[k].dep.split(":")[0] == "nmod"),
             *(o for p in tree.kids(i, "prep") if tree.lemma(p) in lex.words("roles", "source_preps")
               for o in tree.kids(p, "pobj"))]
    phrases = [c for k in nouns for c in tree.children[k] if tree.preposition(c) in preps]
    return [m for m in mentions if any(heads.get(id(m)) in tree.subtree(c) for c in phrases)][:1]
