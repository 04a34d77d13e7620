"""Who is the source and who the target of a trigger: its arguments in the parse, and the fallbacks.

For a trigger token the actor mentions of its sentence are placed in its argument structure (subject, object,
a phrase with a preposition, a possessor or modifier of a nominal trigger), also through the verb that governs a
nominal trigger ("paid a visit to", "held talks with") or a controlled/coordinated verb. A side the grammar leaves
empty is filled only where it allows: the subject of a verb above the trigger, the speaker of a quotation, the
actor the previous sentences were about for a pronoun or dropped subject, the two sides for "the parties".
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..datafiles import data_languages, language_data
from ..lexicon import Frame, Lexicon
from .accused import object_doers, undeclined_addressee
from .actor_mentions import ActorMention
from .actor_phrases import (NAME_LINKS, closest_in_object, drop_described_members, framing_in_object, nested_venue,
                            framing_organisation)
from .carriers import amount_above, container, container_addressees
from .helpers import helped_actors, helper_phrase
from .participles import PARTICIPLE_DEPS, is_agent, nested_participle_owner, participle_side
from .reported_acts import aimed_doers
from .intent_owners import intent_owners
from .rules import (MODIFIER_DEPS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree, conjunct_of, described_noun,
                    whither, joined_subject)

LIGHT_VERB_DEPS = {"dobj", "obj", "pobj", "obl", "attr"}    # "paid a visit", "held talks", "arrived on a visit"
# a noun predicated of the verb's object: "declared two diplomats persona non grata", "объявила послов персонами"
PREDICATE_DEPS = {"xcomp", "oprd"}
FIRST_PERSON_DEPS = {"det", "poss", "nmod:poss", "nsubj", "amod"}
# acts aimed at the place they happen in: "lifted the curfew in Montenegro", "rioted in Dili", "raided ... in Quito"
LOCATIVE_TYPES = {"ASSAULT", "MOBILIZE", "RETREAT", "COERCE", "AID", "COOPERATE", "SANCTION", "CONCEDE", "PROTEST"}
# reactions: the author of what they answer is their target when no other is named ("condemnation over the remarks
# of the Ukrainian ambassador", "протест в связи с заявлениями посла России", "su condena por las declaraciones de")
REACTION_TYPES = {"ACCUSE", "PROTEST", "REJECT", "SUPPORT"}
# what is taken away from a place targets it: "withdrew troops from Azerbaijan", "отозвала посла из Австралии"
DEPARTURE_TYPES = {"RETREAT", "SANCTION"}
SUBCLAUSE_DEPS = {"xcomp", "advcl", "ccomp", "acl", "relcl", "parataxis", "csubj"}


@dataclass(slots=True)
class Arguments:
    """Actor mentions found in each role of one trigger."""

    source: list[ActorMention] = field(default_factory=list)
    target: list[ActorMention] = field(default_factory=list)
    pair: list[ActorMention] = field(default_factory=list)
    subject_is_pronoun: bool = False
    has_subject: bool = False


def role_of(tree: Tree, mention_head: int, predicate: int,
            of_preps: frozenset[str] = frozenset()) -> tuple[str, str | None] | None:
    """(dependency label of the predicate's child on the path, its preposition) when the mention is in the
    predicate's subtree, else None."""
    if mention_head == predicate:
        return None
    path = [mention_head] + tree.ancestors(mention_head)
    if predicate not in path:
        return None
    below = path[:path.index(predicate)]
    described = any(tree.tokens[j].dep == "appos" and {tree.preposition(k) for k in below[:n + 1]} - {None} - of_preps
                    for n, j in enumerate(below[1:]))
    if any(own_clause(tree, j) for j in below) or described:
        # inside a clause of its own, or inside an apposition that describes another participant ("Buenos Aires,
        # its second mission after Brasília"); "Xi Jinping, the president of the US, Donald Trump" still lists
        return None                       # inside a clause of its own ("..., where he spoke against ...")
    child = below[-1]
    dep = tree.tokens[child].dep
    prep = tree.preposition(child)
    return dep, prep      # an English pobj's own preposition is its head, the predicate's `prep` child


def path_below(tree: Tree, h: int, c: int) -> list[int]:
    """The words from `h` up to its ancestor `c`, `c` left out ("la embajada de China ante el gobierno de Filipinas")."""
    path = [h] + tree.ancestors(h)
    return path[:path.index(c)] if c in path else []


def role_child(tree: Tree, h: int, i: int) -> int:
    """The child of `i` on the path up from `h` (`h` itself when it hangs on `i`)."""
    path = [h] + tree.ancestors(h)
    return path[path.index(i) - 1] if i in path and path.index(i) > 0 else h


def direct_child(tree: Tree, h: int, i: int) -> int | None:
    """The child of `i` on the path up from `h`, when the path holds no other noun (names and appositions
    inside one actor's span do not count)."""
    path = [h] + tree.ancestors(h)
    if i not in path:
        return None
    below = path[:path.index(i)]
    nouns = [j for j in below[1:] if tree.tokens[j].pos == "NOUN" and tree.tokens[j].dep.split(":")[0] != "appos"]
    return below[-1] if not nouns else None


def own_clause(tree: Tree, j: int) -> bool:
    """Token `j` opens a clause of its own: a complement or adverbial clause, or a relative clause with its own
    subject ("where he spoke against"); a reduced participle ("the group led by Senator X") does not."""
    dep = tree.tokens[j].dep.split(":")[0]
    if dep in ("acl", "relcl"):
        return bool(tree.kids(j, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS))
    return dep in SUBCLAUSE_DEPS


AIMED_ELSEWHERE_TYPES = {"ACCUSE", "REJECT", "PROTEST", "ASSAULT"}


def aimed_elsewhere(tree: Tree, i: int, frame: Frame, lex: Lexicon) -> bool:
    """An act noun whose "of" phrase would be its patient ("la condena de Rusia", "el bombardeo de Gaza") names what
    it is aimed at in a phrase of its own ("la condena de Brasil al ataque de Israel", "el bombardeo de Israel contra
    Líbano"): its "of" phrase is then its author. A condemnation or an attack is aimed by any phrase of its target
    ("a", "contra"); other acts only by one that aims (``aimed_preps``: "la expulsión de los diplomáticos a Rusia"
    sends them there)."""
    aimed = lex.words("roles", "aimed_preps")
    if frame.type in AIMED_ELSEWHERE_TYPES:
        aimed = lex.words("roles", "target_preps") - lex.words("roles", "locative_preps") - \
            lex.words("roles", "source_preps") - lex.words("roles", "topic_preps")
    return any(tree.preposition(c) in aimed and tree.tokens[c].pos in ("NOUN", "PROPN")
               and tree.tokens[c].dep.split(":")[0] in ("nmod", "obl") for c in tree.children[i])


def on_behalf(tree: Tree, i: int, frame: Frame, lex: Lexicon) -> bool:
    """A support noun in a phrase of purpose ("spoke out in support of Morocco", "se pronunció en apoyo de
    Marruecos", "выступила в поддержку Марокко"): its "of" phrase is whom it backs, the verb's subject backs it."""
    return frame.type == "SUPPORT" and tree.tokens[i].pos == "NOUN" and \
        tree.preposition(i) in lex.words("roles", "behalf_preps")


def find_arguments(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention],
                   heads: dict) -> Arguments:
    args = Arguments()
    is_noun = tree.tokens[i].pos in ("NOUN", "PROPN")
    passive = not is_noun and tree.is_passive(i)
    target_preps, source_preps = lex.words("roles", "target_preps"), lex.words("roles", "source_preps")
    pair_preps = lex.words("roles", "pair_preps")
    behalf = on_behalf(tree, i, frame, lex)
    patient_of = frame.patient_of and not (is_noun and aimed_elsewhere(tree, i, frame, lex)) or behalf
    nested: list[ActorMention] = []
    answered: list[ActorMention] = []     # authors of what a reaction answers (cause_preps)
    for m in mentions:
        h = heads.get(id(m))
        role = role_of(tree, h, i, lex.words("roles", "source_preps")) if h is not None else None
        if role is None:
            continue
        dep, prep = role
        if helper_phrase(tree, h, i, lex) or partners_venue(tree, m, h, i, frame, lex, mentions, heads) or \
                nested_venue(tree, h, i, lex):
            continue                      # "with Albania's help", "con el apoyo de Francia": a helper, no party
        base = dep.split(":")[0]
        by_participle = participle_side(tree, h, i, lex) if is_noun and base in PARTICIPLE_DEPS else None
        if is_noun and nested_participle_owner(tree, h, lex) == i:
            args.source.append(m)         # "the blockade of Gaza imposed by Israel": Israel's blockade
        elif by_participle is not None:   # "las sanciones impuestas por la UE a Rusia"
            (args.source if by_participle == "source" else args.target).append(m)
        elif prep in pair_preps:
            args.pair.append(m)
        elif base == "nsubj" and tree.partner_participle(i, partner_preps()) is not None:
            continue                      # "filed a complaint with the UN accusing Russia": whom it was filed with
        elif (dep in SUBJECT_DEPS or base == "nsubj" and dep not in PASSIVE_SUBJECT_DEPS) \
                and not oblique_subject(tree, role_child(tree, h, i)):
            (args.target if passive else args.source).append(m)
        elif dep in SUBJECT_DEPS or base == "nsubj":
            args.target.append(m)         # "двух российских дипломатов выслали": an object taken for a subject
        elif dep in PASSIVE_SUBJECT_DEPS:
            args.target.append(m)
        elif dep == "agent" or (passive and (prep in lex.words("roles", "agent_preps") or prep is None and base == "obl"
                                             and tree.tokens[role_child(tree, h, i)].morph.get("Case") == "Ins")):
            args.source.append(m)         # "by the EU", "введены Евросоюзом" (a bare instrumental)
        elif dep in OBJECT_DEPS:
            if not frame.topic_object and not framing_in_object(tree, m, h, i, heads, source_preps,
                                                                lex.words("roles", "locative_preps")):
                args.target.append(m)
        elif frame.mutual and m.kind == "place" and prep in lex.words("roles", "venue_preps"):
            continue                      # "met in New York": where they met, not with whom
        elif is_noun and (prep is None or prep in source_preps) and tree.head(h) != i \
                and tree.preposition(h) in lex.words("roles", "partner_preps") - {prep}:
            # "la suspensión de las relaciones con Ecuador", "разрыв отношений с Марокко": the partner of the
            # relation the event noun is about is its target, though reached through an "of" phrase
            args.target.append(m)
        elif prep is not None and prep in source_preps and is_noun:
            # "the expulsion of Syria's top diplomat", "la invasión de Ucrania": an act done to the "of" phrase
            (args.target if patient_of else args.source).append(m)
        elif prep is not None and prep in lex.words("roles", "cause_preps") and not (passive and prep in lex.words(
                "roles", "agent_preps")):
            if frame.type in REACTION_TYPES:
                answered.append(m)
        elif prep is not None and prep in lex.words("roles", "departure_preps") and frame.type in DEPARTURE_TYPES:
            (args.source if passive and frame.mode == "expel" else args.target).append(m)   # "высланы из Польши"
        elif is_noun and prep is None and frame.type in DEPARTURE_TYPES and \
                tree.preposition(h) in lex.words("roles", "departure_preps"):
            args.target.append(m)         # "об отзыве своих военных атташе из Исламабада": whence they are recalled
        elif prep is not None and prep in target_preps:
            # two sides meet or agree *with* each other; "in", "on", "at" only place the event, except where
            # the place is the target (a visit, an embassy, an offensive)
            if frame.mutual and prep not in lex.words("roles", "partner_preps"):
                continue
            if prep in lex.words("roles", "locative_preps") and not (frame.venue or frame.type in LOCATIVE_TYPES or
                    frame.responds or whither(tree, h, i)):   # "ответит на решение", "нота в посольство"
                continue
            args.target.append(m)
        elif is_noun and prep is None and base in MODIFIER_DEPS:
            child = role_child(tree, h, i)
            if (frame.patient_of or behalf) and base == "nmod" and tree.tokens[child].morph.get("Case") != "Ins":
                args.target.append(m)     # "высылка российских дипломатов": the genitive is whom it is done to
                continue
            if undeclined_addressee(tree, h, i, lex.words("roles", "light_verbs")):
                args.target.append(m)     # "Китай выразил протест США": a dative that reads as a genitive
                continue
            # "поддержка Москвой приоритетов Казахстана": the trigger's own modifier acts; one nested deeper
            # in another noun's phrase is who it is for
            (args.source if direct_child(tree, h, i) is not None else nested).append(m)
    # a nested modifier is the actor when there is no closer one ("визит замминистра ... Казахстана"), else whom
    # the event is for ("поддержка Москвой приоритетов Казахстана", "Россия подтвердила поддержку позиции Сербии")
    (args.target if args.source or stated_support(tree, i, frame, lex) else args.source).extend(nested)
    args.target = args.target or answered
    # a subject that is itself an event noun is the theme of a reflexive passive ("se firmará una declaración")
    own_subjects = [s for s in tree.kids(i, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) if tree.lemma(s) not in lex.nouns]
    if not args.source and reflexive_passive(tree, i, lex):
        own_subjects = []                 # "se firmó un paquete de documentos": the subject is what was signed
    args.has_subject = bool(own_subjects)
    if own_subjects and not args.source and not (passive and args.target):
        # "he", "the minister", "the parties": a subject that is no actor refers back to the text's actors
        args.subject_is_pronoun = any(tree.lemma(s) in lex.words("roles", "pronoun_subjects") for s in own_subjects)
    governed_arguments(tree, i, frame, lex, mentions, heads, args)
    if is_noun and not args.source and not args.pair and relative_carrier_sides(tree, i, lex, mentions, heads, args):
        args.has_subject = True
    if not args.source and not args.pair and (owner := intent_owners(tree, i, governing_verb(tree, i), lex, mentions,
                                                                      heads)):
        args.source, args.subject_is_pronoun = owner, False    # "the Biden administration's move to impose"
    if not args.source and not args.pair:
        # "the governments of Australia, Britain and Spain, all of whom have expelled their Syrian ambassadors",
        # "España, que expulsó al embajador", "Литва, которая выслала посла": the relative pronoun's antecedent
        antecedent = antecedent_actors(tree, i, lex, mentions, heads)
        if antecedent and passive:
            args.target = args.target or antecedent
        elif antecedent:
            args.source, args.subject_is_pronoun = antecedent, False
    args.target = drop_described_members(tree, args.target, heads)
    helped = helped_actors(tree, i, lex, mentions, heads) if is_noun else []
    helped = [m for m in helped if m.code not in {s.code for s in args.source}]
    if helped:                            # "con el apoyo de Albania": Albania's support goes to the one it helps
        args.target = helped
    if not frame.mutual:
        aimed = lex.words("roles", "aimed_preps")
        # the doer of an act named in the object ("condemned the sanctions against Minsk imposed by Poland") stands
        # where the act's noun stands, whatever word the parser hung its participle on
        owned = {id(m): owner for m in args.target
                 if heads.get(id(m)) is not None and (owner := nested_participle_owner(tree, heads[id(m)], lex)) is not None}
        args.target = closest_in_object(tree, i, args.target, {**heads, **owned}, aimed, heads) \
            or object_authors(tree, i, mentions, heads)
    return args


def partners_venue(tree: Tree, m: ActorMention, h: int, i: int, frame: Frame, lex: Lexicon,
                   mentions: list[ActorMention], heads: dict) -> bool:
    """A place named with a locative preposition that the parser hung on a meeting's partner ("announced a meeting
    with Egypt in Khartoum", "talks with Somalia's leader in Addis Ababa", "переговоры с лидером Сомали в
    Аддис-Абебе") is where they meet, no partner of its own."""
    if frame.type != "CONSULT" or frame.venue or m.kind != "place" or \
            tree.preposition(h) not in lex.words("roles", "locative_preps"):
        return False
    up = tree.head(h)
    if up is not None and tree.tokens[h].dep == "pobj":
        up = tree.head(up)                # English: the preposition heads its phrase
    if up is None or up == i or tree.tokens[up].pos not in ("NOUN", "PROPN"):
        return False                      # "talks in Beijing": the place is all the trigger names (host_last)
    below = tree.subtree(up)
    return any(heads.get(id(o)) in below for o in mentions if o is not m and o.kind != "place")


def relative_carrier_sides(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                           args: Arguments) -> bool:
    """"el embargo que Estados Unidos mantiene sobre Cuba", "the sanctions that the EU imposed on Russia",
    "санкции, которые ЕС ввел против России": a relative clause whose light verb carries the event noun (the
    relative pronoun is its object) names the doer as its subject and the target in a directional phrase. Returns
    whether it named the doer."""
    relative = lex.words("roles", "relative_pronouns")
    aimed = lex.words("roles", "target_preps") - lex.words("roles", "locative_preps") - lex.words("roles", "source_preps")
    for r in tree.kids(i, *RELATIVE_CLAUSE_DEPS):
        if tree.lemma(r) not in lex.words("roles", "light_verbs") or not any(
                tree.is_word(o, relative) for o in tree.kids(r, *OBJECT_DEPS)):
            continue
        subjects = tree.kids(r, *SUBJECT_DEPS)
        doers = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
        if not doers:
            return False
        aimed_at = [m for m in mentions if m not in doers and heads.get(id(m)) is not None
                    and (role := role_of(tree, heads[id(m)], r)) is not None and role[1] in aimed]
        args.source = doers[:1]
        args.target = [m for m in args.target if m.code != doers[0].code] or aimed_at
        return True
    return False


RELATIVE_CLAUSE_DEPS = {"relcl", "acl"}
# the words between an antecedent and the actors it names: "the governments of Australia, Britain and Spain"
ANTECEDENT_LINKS = NAME_LINKS | {"pobj", "prep", "nmod", "poss", "amod"}


def antecedent_actors(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention],
                      heads: dict) -> list[ActorMention]:
    """The actors a relative clause's pronoun subject stands for: a trigger verb (or the verb carrying a nominal
    trigger, or one coordinated with it) in a relative clause whose subject is a relative pronoun ("who", "all of
    whom", "que", "который", ``relative_pronouns``) acts for the noun the clause describes, and so for the actors
    that noun names itself or through possessors ("the governments of Australia, Britain and Spain, all of whom")."""
    verb = i if tree.tokens[i].pos in ("VERB", "AUX") else governing_verb(tree, i)
    for _ in range(3):                    # "who expelled the envoy and closed the border": the first conjunct
        if verb is None or tree.tokens[verb].dep.split(":")[0] not in ("conj", "xcomp") or \
                tree.kids(verb, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS):
            break
        verb = tree.head(verb)
    relative = lex.words("roles", "relative_pronouns")
    if verb is not None and tree.tokens[verb].dep.split(":")[0] == "csubj":
        # "Entre quienes votaron en contra se encuentran Israel y Hungría": the headless relative's members
        if any(tree.lemma(k) in relative and tree.preposition(k) in lex.words("roles", "among_preps")
               for k in tree.children[verb]):
            return listed_actors(tree, tree.head(verb), mentions, heads)
        return []
    if verb is None or tree.tokens[verb].dep.split(":")[0] not in RELATIVE_CLAUSE_DEPS:
        return []
    # a relative pronoun the parser took for a conjunction ("la oposición de Israel que rechazó", no comma) is the
    # subject of a clause that has none
    subjects = tree.kids(verb, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) or [
        k for k in tree.kids(verb, "mark") if k < verb and tree.head(verb) is not None and tree.head(verb) < k]
    if not any(tree.is_word(k, relative)
               for s in subjects for k in tree.subtree(s)):
        return []
    antecedent = tree.head(verb)
    if antecedent is None:
        return []
    clause = tree.subtree(verb)
    out = []
    for m in mentions:
        h = heads.get(id(m))
        if h is None or h in clause or h not in tree.subtree(antecedent):
            continue
        path = [h] + tree.ancestors(h)
        below = path[:path.index(antecedent)]
        source_preps = lex.words("roles", "source_preps")
        if all(tree.tokens[j].dep.split(":")[0] in ANTECEDENT_LINKS
               and tree.preposition(j) in source_preps | {None} for j in below):
            out.append(m)
    if len({m.code for m in out}) > 1 and singular_clause(tree, verb, subjects):
        # "la tensión entre Belice y Guatemala, que movilizó 3.000 efectivos": a singular clause on a list of
        # actors describes the one it follows
        before = [m for m in out if m.end <= tree.tokens[min(clause)].start]
        out = before[-1:] if before else out
    if not out and tree.preposition(antecedent) in lex.words("roles", "among_preps"):
        # "Entre los países que votaron en contra figuran Siria y Corea del Norte": the ones listed are its members
        return listed_actors(tree, tree.head(antecedent), mentions, heads)
    return out


def singular_clause(tree: Tree, verb: int, subjects: list[int]) -> bool:
    """The relative clause's verb or its pronoun subject is marked singular ("que movilizó", "которая мобилизовала")."""
    return any(tree.tokens[k].morph.get("Number") == "Sing" for k in [verb, *subjects])


def listed_actors(tree: Tree, verb: int | None, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """The actors of a presentational verb's subject ("se encuentran Israel, Hungría y Ucrania")."""
    subjects = tree.kids(verb, *SUBJECT_DEPS) if verb is not None else []
    return [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]


def object_authors(tree: Tree, i: int, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """"rechazó el reclamo que Evo Morales presentó", "welcomed the aid that Japan sent": with no actor in the
    object itself, the subject of the relative clause describing it made what the act answers."""
    for o in tree.kids(i, *OBJECT_DEPS):
        if tree.tokens[o].pos != "NOUN":
            continue
        for r in tree.kids(o, "acl", "relcl"):
            subjects = tree.kids(r, *SUBJECT_DEPS)
            found = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
            if found:
                return found[:1]
    return []


def reflexive_passive(tree: Tree, i: int, lex: Lexicon) -> bool:
    markers = lex.words("roles", "reflexive_passive")
    return bool(markers) and any(tree.form(c) in markers for c in tree.children[i])


def governed_arguments(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention],
                       heads: dict, args: Arguments) -> None:
    """Arguments a trigger takes from the verb above it: the subject of "paid a visit", "held talks with",
    "agreed to expand cooperation", "arrived in Astana on a visit". A noun takes them only from a light verb
    ("discussed the agreements" says nothing about who agreed)."""
    is_noun = tree.tokens[i].pos in ("NOUN", "PROPN")
    governor = governing_verb(tree, i)
    light = governor is not None and (not is_noun or light_verb(tree, i, governor, lex))
    if not light:
        if is_noun and not args.source and possessive_pronoun(tree, i, lex):
            args.subject_is_pronoun = True        # "his visit", "su visita": someone already named
        return
    pronouns, target_preps = lex.words("roles", "pronoun_subjects"), lex.words("roles", "target_preps")
    subjects = [s for s in tree.kids(governor, *SUBJECT_DEPS) if s != i and tree.lemma(s) not in lex.nouns]
    objects = [s for s in subjects if oblique_subject(tree, s)]
    subjects = [s for s in subjects if s not in objects]
    controller = None
    predicated = is_noun and tree.tokens[i].dep.split(":")[0] in PREDICATE_DEPS
    if tree.tokens[i].dep.split(":")[0] == "xcomp" and not predicated:   # "invited Xi to visit": Xi visits; an
        controller = [o for o in tree.kids(governor, *OBJECT_DEPS) if o < i] or None   # object after is the act's
    for m in mentions:
        h = heads.get(id(m))
        if h is None or h in tree.subtree(i):
            continue
        role = role_of(tree, h, governor, lex.words("roles", "source_preps"))
        if role is None or helper_phrase(tree, h, governor, lex) or \
                partners_venue(tree, m, h, governor, frame, lex, mentions, heads):
            continue                      # "with US mediation, A and B held talks": the mediator is no partner
        _, prep = role
        in_subject = any(h in tree.subtree(s) for s in (controller or subjects))
        if in_subject and is_noun and tree.is_passive(governor):
            args.target.append(m)         # "дипломат объявлен персоной нон грата": declared so, not declaring
        elif is_noun and tree.is_passive(governor) and is_agent(tree, (c := role_child(tree, h, governor)), lex) \
                and not any(tree.tokens[k].pos == "PUNCT" for k in range(governor + 1, c)) \
                and not any(tree.preposition(j) in target_preps for j in path_below(tree, h, c)):
            # "was declared persona non grata by the EU Council", "a protest was lodged by China": who did it (an
            # agent after a comma may be a participle's the parser moved up: "actions taken, ..., by the guards")
            args.source.append(m)
        elif predicated and any(h in tree.subtree(s) for s in tree.kids(governor, *PASSIVE_SUBJECT_DEPS)):
            args.target.append(m)         # "two Russian diplomats were declared persona non grata"
        elif in_subject and not args.has_subject and (not args.source or joined_subject(tree, h, frame, args, heads)):
            args.source.append(m)
        elif prep in lex.words("roles", "pair_preps"):
            args.pair.append(m)
        elif predicated and (role[0].split(":")[0] in OBJECT_DEPS or any(h in tree.subtree(o) for o in objects)):
            args.target.append(m)         # the one declared persona non grata
        elif (prep in lex.words("roles", "target_preps") and not args.target and frame.venue
              or (frame.mutual and prep in lex.words("roles", "partner_preps"))):
            args.target.append(m)
        elif (is_noun and not frame.mutual and prep in lex.words("roles", "target_preps") and (
                not args.target or any(conjunct_of(tree, h, heads.get(id(t))) for t in args.target)) and (
                prep not in lex.words("roles", "locative_preps") or frame.type in LOCATIVE_TYPES
                or whither(tree, h, governor))):     # "impose sanctions on Niger", "направила ноту в МИД"
            args.target.append(m)         # "lodged a protest with Beijing"; "extended its tariffs to the EU and Canada"
        elif is_noun and not (frame.mutual or args.target or prep) and tree.tokens[i].dep in OBJECT_DEPS and (role[0] in (
                "iobj", "dative") or (role[0] == "obl" and tree.tokens[h].morph.get("Case") == "Dat")):
            args.target.append(m)         # the light verb's dative: "выразила протест Кишинёву", "gave Kyiv aid"
        elif is_noun and not args.target and frame.type in REACTION_TYPES and prep in lex.words("roles", "cause_preps"):
            args.target.append(m)         # "выразило протест в связи с заявлениями посла России"
    if is_noun and not args.target:       # "заявил о вручении ноты протеста послу": the container's addressee
        args.target.extend(container_addressees(tree, i, mentions, heads, lex.words("roles", "target_preps"), args))
    if not args.source and not args.has_subject:
        args.subject_is_pronoun = (any(tree.lemma(s) in pronouns for s in subjects) or not subjects
                                   or possessive_pronoun(tree, i, lex))
        args.has_subject = bool(subjects) and is_noun


def oblique_subject(tree: Tree, s: int) -> bool:
    """A noun the parser made the subject though its case says object ("2 марта двух российских дипломатов объявили
    персонами нон грата": genitive-accusative after "двух", the verb's subject unnamed). Only a form that is not
    its dictionary form counts ("Казахстан" reads alike in both cases), and not with a nominative numeral."""
    tok = tree.tokens[s]
    if tok.pos not in ("NOUN", "PROPN") or tok.morph.get("Case") not in ("Acc", "Gen"):
        return False
    if tok.text.lower() == tree.lemma(s) or any(tree.tokens[n].morph.get("Case") == "Nom" for n in tree.kids(s, "nummod")):
        return False
    verb = tree.head(s)
    return verb is not None and tree.tokens[verb].morph.get("Number") == "Plur" and not tree.is_passive(verb)


def light_verb(tree: Tree, i: int, governor: int, lex: Lexicon) -> bool:
    """The verb above a nominal trigger only carries it ("paid a visit", "held talks"), unless a cause marks it."""
    carrier, h, amount = i, tree.head(i), amount_above(tree, i)
    if container(tree, h) or amount is not None:
        carrier = h if amount is None else amount   # "провести второй раунд консультаций", "$600 million in aid"
    # "a strong protest was lodged by China": the subject of a passive light verb is carried as its object is, when
    # the verb or the noun's possessor names who did it ("Pakistan's protest was lodged with Iran"; "дипломатам
    # заявлен протест" leaves the doer unsaid)
    carried_subject = (tree.tokens[carrier].dep in PASSIVE_SUBJECT_DEPS or (
        tree.tokens[carrier].dep == "nsubj" and tree.is_passive(governor))) and (any(
        is_agent(tree, k, lex) for k in tree.kids(governor)) or bool(tree.kids(carrier, "poss")))
    if tree.tokens[carrier].dep.split(":")[0] not in LIGHT_VERB_DEPS | PREDICATE_DEPS and not carried_subject \
            or tree.preposition(carrier) in lex.words("roles", "reason_preps") | lex.words("roles", "cause_preps"):
        return False
    if tree.lemma(i) in lex.words("roles", "readiness_nouns") and tree.preposition(carrier) is not None:
        return True                       # "put its troops on high alert", "permanecen en alerta": any verb states it
    lemma = tree.lemma(governor)
    noun_types = {f.type for f in lex.nouns.get(tree.lemma(i), ())}
    return (lemma in lex.words("roles", "light_verbs") or lemma in lex.words("status", "planned_lemmas")
            or any(f.type in noun_types for f in lex.verbs.get(lemma, ()))
            # "recognised three diplomats as personae non gratae", "признал персонами нон грата": what the object is
            or lemma in lex.words("roles", "predicating_verbs") and tree.preposition(carrier) is None
            and tree.tokens[carrier].dep.split(":")[0] in PREDICATE_DEPS | {"obl"})


def stated_support(tree: Tree, i: int, frame: Frame, lex: Lexicon) -> bool:
    """Support stated by the subject of the verb that carries its noun ("Россия подтвердила поддержку
    территориальной целостности Сербии", "Кения выразила поддержку заявке Сомали"): the doer is that subject, so an
    actor nested deeper in the noun's phrase is whom the support is for. Greetings and thanks (a mode of their own)
    keep the owner they name ("передал приветствие президента Ас-Сиси")."""
    g = tree.head(i)
    return frame.type == "SUPPORT" and frame.mode is None and g is not None and tree.tokens[i].dep.split(":")[0] in OBJECT_DEPS and \
        bool(tree.kids(g, *SUBJECT_DEPS)) and (light_verb(tree, i, g, lex) or
                                              tree.lemma(g) in lex.words("roles", "restated_verbs"))


def possessive_pronoun(tree: Tree, i: int, lex: Lexicon) -> bool:
    """"his visit", "su visita", "его визит": the possessor is someone the text already named."""
    return any(tree.tokens[c].morph.get("Poss") == "Yes" or tree.lemma(c) in lex.words("roles", "possessives")
               for c in tree.children[i])


def governing_verb(tree: Tree, i: int) -> int | None:
    """The verb a trigger hangs from: a nominal trigger's verb, or the verb a coordinated/controlled verb
    shares its subject with."""
    tok = tree.tokens[i]
    h = tree.head(i)
    if h is None:
        return None
    dep = tok.dep.split(":")[0]
    if tok.pos in ("NOUN", "PROPN", "NUM"):
        if dep in ("pobj",) and tree.tokens[h].dep == "prep":
            h = tree.head(h)
        if container(tree, h) or (h is not None and h == amount_above(tree, i)):
            return governing_verb(tree, h)      # "took part in the fourth round of consultations"
        return h if h is not None and tree.tokens[h].pos in ("VERB", "AUX") else None
    if dep in ("conj", "xcomp", "advcl") and not tree.kids(i, *SUBJECT_DEPS):
        return h
    return tree.partner_participle(i, partner_preps())     # "filed a complaint with the UN accusing Russia"


@functools.lru_cache(maxsize=1)
def partner_preps() -> frozenset[str]:
    return frozenset(w for language in data_languages("events") for w in
                     ((language_data(language, "events") or {}).get("roles") or {}).get("partner_preps", []))


def speaker_arguments(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                      args: Arguments) -> Arguments:
    """Praise frames ("X is a reliable partner", said Y): the speaker is the source, the one praised the target."""
    speaker = speech_subjects(tree, i, lex, mentions, heads)
    if not speaker:
        # "Brazil is a key partner for Kazakhstan": the one it is a partner for values it
        # (also on the copula: "Бразилия является для Казахстана одним из ключевых партнеров")
        anchors = [i] + tree.ancestors(i, 2)
        valuer = [m for m in mentions if heads.get(id(m)) is not None and any(
            (role := role_of(tree, heads[id(m)], a)) and role[1] in lex.words("roles", "beneficiary_preps")
            for a in anchors)]
        if valuer:
            valued = [m for m in args.source + args.target + copula_subjects(tree, i, mentions, heads)
                      if m.code != valuer[0].code]
            return Arguments(source=valuer[:1], target=valued[:1], has_subject=True)
        # "Kazakhstan remains a reliable partner of Russia": the one called a partner stands by the other
        subject = copula_subjects(tree, i, mentions, heads) + [
            m for m in args.source if any(heads.get(id(m)) in tree.subtree(s) for s in tree.kids(i, *SUBJECT_DEPS))]
        if subject:
            others = [m for m in args.source + args.target + args.pair if m.code != subject[0].code]
            return Arguments(source=subject[:1], target=others[:1], has_subject=True)
        return args
    speaker_codes = {m.code for m in speaker}
    others = [m for m in args.source + args.target + args.pair + copula_subjects(tree, i, mentions, heads)
              if m.code not in speaker_codes] or [m for m in object_doers(tree, i, mentions, heads)
                                                  if m.code not in speaker_codes]
    return Arguments(source=speaker[:1], target=others[:1], has_subject=True)


def copula_subjects(tree: Tree, i: int, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """"Russia is the main partner": spaCy hangs the subject on the copula, whose attribute is the trigger."""
    h = tree.head(i)
    if h is None or tree.tokens[i].dep not in ("attr", "oprd", "xcomp"):
        return []
    subjects = tree.kids(h, *SUBJECT_DEPS)
    return [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]


def speech_subjects(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """Who says the clause of token `i`: the subject of a speech verb above it, else of the speech verb that
    attributes a quotation in the same sentence ("«Russia is our ally», said the Kazakh leader")."""
    speech = lex.words("roles", "speech_verbs")
    above = [i] + tree.ancestors(i)
    elsewhere = [t.i for t in tree.tokens if t.i not in above and tree.lemma(t.i) in speech
                 and (tree.head(t.i) is None or tree.tokens[t.i].dep in ("parataxis", "root"))]
    for a in [a for a in above if tree.lemma(a) in speech] + elsewhere:
        subjects = tree.kids(a, *SUBJECT_DEPS)
        found = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
        if not subjects:
            # "— сказал в интервью блогеру Врублевский": a postposed speaker the parser hung elsewhere under the
            # verb (as an apposition, its case copied) is still the one whose name stands in its dictionary form
            found = [m for m in mentions if m.kind == "person" and heads.get(id(m)) in tree.subtree(a)
                     and nominative(tree, heads[id(m)])]
        if found:
            return found
    return []


def nominative(tree: Tree, h: int) -> bool:
    """A name in a language with case (Russian) standing in its dictionary form: nominative, whatever the tagger
    copied onto it from the word it was attached to."""
    tok = tree.tokens[h]
    return tok.morph.get("Case") is not None and tok.text.lower() == tree.lemma(h).lower()


def first_person(tree: Tree, i: int, lex: Lexicon) -> bool:
    """"my first trip", "nuestro aliado", "мы подписали": the speaker is the actor."""
    words = lex.words("roles", "first_person")
    nodes = [i] + ([g] if (g := governing_verb(tree, i)) is not None else [])
    if any(first_person_verb(tree, n) for n in nodes):
        return True
    return any(tree.is_word(c, words)
               for n in nodes for c in tree.children[n] if tree.tokens[c].dep.split(":")[0] in FIRST_PERSON_DEPS)


def first_person_verb(tree: Tree, n: int) -> bool:
    """"condenamos", "осуждаем", "exigimos": a finite verb in the first person with its subject dropped."""
    tok = tree.tokens[n]
    return tok.pos in ("VERB", "AUX") and tok.morph.get("Person") == "1" and tok.morph.get("VerbForm") == "Fin" \
        and not tree.kids(n, *SUBJECT_DEPS)


def fill_source(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict, args: Arguments,
                context: list[ActorMention], recent: list[ActorMention] | None = None) -> list[ActorMention]:
    """A missing source: the subject of a verb above the trigger, else (a pronoun or dropped subject) the
    actor the previous sentences were about (`context`, their subjects; `recent`, every actor named before)."""
    taken = {m.code for m in args.target}
    if first_person(tree, i, lex):
        speaker = [m for m in speech_subjects(tree, i, lex, mentions, heads) if m.code not in taken]
        if speaker:
            return speaker[:1]
    if len(taken) > 1 and tree.is_passive(i) and len({shared_noun(tree, heads.get(id(m))) for m in args.target}) < 2:
        # a border or a tie of two sides, one phrase, undone in the passive with no doer, said by one of them
        # ("Польско-белорусская граница будет закрыта, заявил глава МВД Польши"): the speaker's side acts on the other
        speaker = [m for m in speech_subjects(tree, i, lex, mentions, heads) if m.code in taken]
        if speaker:
            return speaker[:1]
    if (aimed := aimed_doers(tree, i, lex, mentions, heads, taken)) is not None:
        return aimed                      # "medidas contra Moscú por la invasión": Moscow's invasion
    for a in tree.ancestors(i):
        # the subject of a verb above, unless the trigger sits inside that subject ("the fact that this visit...")
        subjects = [s for s in tree.kids(a, *SUBJECT_DEPS) if i not in tree.subtree(s)] or described_noun(tree, a)
        found = [m for m in mentions     # in text order: a described noun's own name before its participle's
                 if m.code not in taken and any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
        if found:
            return found[:1]
        if tree.tokens[a].dep.split(":")[0] in PARTICIPLE_DEPS and any(is_agent(tree, k, lex) for k in tree.kids(a)):
            break                         # "lesiones sufridas por el personal durante la incursión": its own scene
    is_noun = tree.tokens[i].pos in ("NOUN", "PROPN")
    # a passive without its agent leaves the doer unsaid: "был вызван временный поверенный" (by the side the text
    # is about; the chargé's posting "в Москве" is no party)
    if not is_noun and args.target and tree.is_passive(i) and lex.language == "ru":
        parties = {m.code for m in args.target if m.kind != "place"}
        # with no subject before that names an actor ("Гуманитарная помощь направлена ..."), an act named by its
        # own noun is the actor's named before: "помощь будет передана афганской стороне" after a paragraph on
        # Kazakhstan's aid is Kazakhstan's ("билеты будут высланы" names no act)
        # (one side named: "relations between Kazakhstan and Brazil were established" has both and needs no doer)
        named_act = len(parties) == 1 and \
            any(tree.lemma(s) in lex.nouns for s in tree.kids(i, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS))
        return [m for m in context if m.code not in parties][:1] or \
            [m for m in (recent or [])[:3] if named_act and m.code not in parties and m.kind != "place"][:1]
    if args.subject_is_pronoun or (not args.has_subject and not is_noun):
        return [m for m in context if m.code not in taken][:1]
    return []


def shared_noun(tree: Tree, h: int | None) -> int | None:
    """The noun whose phrase holds token `h`: "Польско-белорусская граница", "la frontera entre Polonia y Bielorrusia"."""
    for j in [] if h is None else [h, *tree.ancestors(h, 4)]:
        if tree.tokens[j].pos == "NOUN":
            return j
    return None


def subject_among_targets(tree: Tree, i: int, mentions: list[ActorMention], heads: dict,
                          args: Arguments) -> bool:
    """The nearest subject above the trigger names one of its targets: "the Irish government announced it will
    establish relations between Dublin and Ramallah" is an act of the two sides named, not of someone before."""
    taken = {m.code for m in args.target}
    for a in tree.ancestors(i):
        subjects = [s for s in tree.kids(a, *SUBJECT_DEPS) if i not in tree.subtree(s)]
        named = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
        if named:
            return any(m.code in taken for m in named)
    return False


def relative_subject_clause(tree: Tree, clause: int) -> bool:
    """A relative clause whose relative pronoun is its subject ("Algeria, which supports ..."): its antecedent is the
    doer, so the clause names its target itself. Where the pronoun is the object ("the Polish president, whom he
    called an ally", "al que calificó de aliado", "которого назвал партнером"), the antecedent outside the clause is
    the target."""
    if not (tree.tokens[clause].dep in ("relcl", "acl:relcl", "acl")):
        return False
    # Russian models mark no PronType: then the clause's first word (after its comma) when it is a pronoun
    first = min((j for j in tree.subtree(clause) if tree.tokens[j].pos != "PUNCT"), default=clause)
    pronouns = [c for c in tree.children[clause] if "Rel" in tree.tokens[c].morph.get("PronType", "")
                or c == first and tree.tokens[c].pos in ("PRON", "DET")]
    if tree.tokens[clause].dep == "acl" and not pronouns:
        return False
    return not any(not tree.tokens[c].dep.startswith("nsubj") for c in pronouns)


def fill_target(tree: Tree, i: int, frame: Frame, mentions: list[ActorMention], heads: dict,
                args: Arguments) -> list[ActorMention]:
    """A missing target: the nearest other actor of the sentence (weaker evidence, lower confidence); of a relative
    clause, the nearest one inside it ("Algeria, which supports the independence of the Sahrawi people, answered
    France": the clause says what Algeria supports, the main clause's France is no target of it)."""
    taken = {m.code for m in args.source + args.pair}
    pos = tree.tokens[i].start
    clause = i if tree.tokens[i].pos in ("VERB", "AUX") else governing_verb(tree, i)
    if clause is not None and relative_subject_clause(tree, clause):
        inside = tree.subtree(clause)
        mentions = [m for m in mentions if heads.get(id(m)) in inside]
    others = sorted((m for m in mentions if m.code not in taken and not framing_organisation(tree, m, heads)),
                    key=lambda m: abs(m.start - pos))
    return listed_partners(tree, args.source, others, mentions, heads)[:1] or others[:1]


def listed_partners(tree: Tree, source: list[ActorMention], others: list[ActorMention], mentions: list[ActorMention],
                    heads: dict) -> list[ActorMention]:
    """The actors named in one list with the source's side ("the ministers of Azerbaijan and Armenia discussed the
    treaty in Washington", "Алиев и Пашинян по итогам встречи с Путиным договорились ... о подготовке договора"):
    the other side of an act of theirs, before whichever third actor or place stands nearest the trigger."""
    codes = {m.code for m in source}
    roots = {conjunct_root(tree, heads.get(id(m))) for m in mentions if m.code in codes} - {None}
    return [m for m in others if conjunct_root(tree, heads.get(id(m))) in roots]


def conjunct_root(tree: Tree, h: int | None) -> int | None:
    """The first conjunct of the list token `h` stands in ("Armenia" in "Azerbaijan and Armenia": "Azerbaijan");
    None where `h` is in no list."""
    first = h
    while first is not None and tree.tokens[first].dep.split(":")[0] == "conj":
        first = tree.head(first)
    return first if first != h or (h is not None and any(
        tree.tokens[k].dep.split(":")[0] == "conj" for k in tree.children[h])) else None


def main_subject_actors(tree: Tree, mentions: list[ActorMention]) -> list[ActorMention]:
    """Actors in the subject of the sentence's root (what the next sentence's dropped subject refers to)."""
    roots = [t.i for t in tree.tokens if tree.head(t.i) is None]
    heads = {id(m): tree.span_head(m.start, m.end) for m in mentions}
    for root in roots:
        subjects = [s for s in tree.kids(root, *SUBJECT_DEPS) if not oblique_subject(tree, s)]
        found = [m for m in mentions if any(heads.get(id(m)) in tree.subtree(s) for s in subjects)]
        if found:
            return found
    return []
