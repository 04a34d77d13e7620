"""Who the text is talking about, sentence after sentence: what a pronoun, a dropped subject, "the parties",
"both sides", "the two ministers" or "они" refers back to.

News names the two sides once ("Kazakhstan and Kyrgyzstan signed ...", "talks between Tokayev and Japarov") and
then writes "the parties agreed", "ambos cancilleres", "стороны договорились", "they also witnessed the signing".
The events stage keeps one `Discourse` per document and updates it after each sentence:

- `subjects`: the actors of the latest main-clause subject (a singular pronoun or a dropped subject);
- `recent`: every actor named so far, the latest first, one per code (a passive without its agent, a response);
- `parties`: the two sides of the latest two-sided statement: the actors of the latest event with two sides (a
  mediator's last: "with US mediation, the ministers of A and B held talks. The sides agreed" are A and B,
  `act_sides_of`), else of the latest sentence that names exactly two (a clash "between Thailand and Cambodia" with no event of
  its own still sets who "both countries" are). A sentence naming a single actor ("К чему готовиться России")
  leaves them as they were: a third country mentioned in passing does not become a party;
- `act_sides`: the (source, target) of the latest event with two sides, whose matter a vote answers;
- `acted`: the doers of the two-sided acts found so far, the latest first, one per code (whom an answer or "this
  step" condemned points back to);
- `groups`: the lists of actors named together (coordinated: "España, Irlanda y Noruega"), the latest first, that a
  counted group noun refers back to ("the three countries", "los dos gobiernos", "делегации двух государств":
  `counted_group`, with each language's group nouns and counting words in ``data/lang/<iso>/discourse.toml``).
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..actors.codes import countries
from ..datafiles import language_data
from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .merge import COOCCURRENCE_TYPES, Candidate
from .arguments import Arguments, governing_verb, role_of
from .party_subjects import plural_party_subject
from .rules import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree, conjunct_of
from .triggers import act_kind

PARTY_KINDS = {"country", "org", "person", "place", "seat", "demonym"}


@dataclass(slots=True)
class Discourse:
    subjects: list[ActorMention] = field(default_factory=list)
    recent: list[ActorMention] = field(default_factory=list)
    parties: list[ActorMention] = field(default_factory=list)
    groups: list[list[ActorMention]] = field(default_factory=list)
    acted: list[ActorMention] = field(default_factory=list)   # the doers of the acts found so far, the latest first
    act_sides: list[ActorMention] = field(default_factory=list)   # the latest two-sided act's (source, target)
    named: Counter = field(default_factory=Counter)   # in how many sentences each code was named (the main side)

    def pair(self) -> list[ActorMention]:
        """The two sides "the parties" refer to: the latest two-sided statement's, else the latest two actors."""
        return self.parties if len(self.parties) == 2 else distinct_codes(self.subjects + self.recent)[:2]

    def update(self, here: list[ActorMention], subjects: list[ActorMention],
               sides: Iterable[tuple[ActorMention, ActorMention]], states_act: bool = False,
               groups: list[list[ActorMention]] | None = None) -> None:
        """After a sentence: its actors, the actors of its main subject, the (source, target) of its events, and
        whether it names an act at all (a trigger word), found or not."""
        protagonist = (subjects or self.subjects)[:1]
        if subjects:
            self.subjects = subjects
        self.groups = (groups or []) + self.groups
        codes = {m.code for m in here}
        self.named.update({m.code for m in here if m.code})   # sentences naming it: a dateline's city counts once
        self.recent = here + [m for m in self.recent if m.code not in codes]
        two_sided = [(s, t) for s, t in sides if s.code != t.code]
        doers = distinct_codes([s for s, _ in two_sided])
        self.acted = doers + [m for m in self.acted if m.code not in {d.code for d in doers}]
        named = distinct_codes([m for m in here if m.kind in PARTY_KINDS])
        if two_sided:
            self.parties = self.act_sides = list(two_sided[0])
        elif len(named) == 2:
            self.parties = named
        elif states_act and protagonist:
            # "there was also a meeting with the Brazilian economist X": the one side named meets the protagonist
            others = [m for m in named if m.code != protagonist[0].code]
            if len(others) == 1:
                self.parties = [protagonist[0], others[0]]

    def take_pair(self, args: Arguments) -> float | None:
        """An act stated without its doer is the pair's, when the doers found (none, or one of the two) fit it:
        its confidence, else None."""
        pair = self.pair()
        if len(pair) != 2 or not {m.code for m in args.source + args.pair} <= {m.code for m in pair}:
            return None
        args.pair, args.source = pair, []
        return 0.5

    def matter(self, doers: list[ActorMention]) -> list[ActorMention]:
        """Whom an act with no object is aimed at, when it answers the matter the text is about (a vote against,
        with the resolution unnamed): the side the latest two-sided act was aimed at, else its doer. Two sides
        merely named after an act ("165 countries, Russia among them, voted for") state no matter: a vote answers
        that act; with no act found, the two sides named last ("adopted a resolution on Cuba")."""
        sides = self.act_sides if len(self.act_sides) == 2 else self.parties
        if len(sides) != 2:
            return []
        codes = {m.code for m in doers}
        return [m for m in reversed(sides) if m.code not in codes][:1]

    def joint_partner(self, mutual: bool, args: Arguments) -> list[ActorMention]:
        """Who did a joint (`mutual`) act with its targets left unsaid ("la medida se coordinó con Irlanda y
        Noruega"): the one other member of the latest group named together with all of them ("España, Irlanda y
        Noruega reconocieron ..."), not whoever was the subject just before."""
        if not mutual or args.has_subject:
            return []
        codes = {m.code for m in args.target}
        for group in self.groups:
            others = distinct_codes([m for m in group if m.code not in codes])
            if codes and codes < {m.code for m in group} and len(others) == 1:
                return others
        return []

    def group(self, size: int) -> list[ActorMention]:
        """The actors a group of `size` refers to: for two, the pair; else the latest list of that many named
        together."""
        if size == 2:
            return self.pair()
        return next((g for g in self.groups if len(g) == size), [])


def act_sides_of(found: list[Candidate]) -> list[tuple[ActorMention, ActorMention]]:
    """The (source, target) of a sentence's events in its order, a mediation's last: the mediator acts on both
    sides, but "the sides" of the next sentence are the two it mediated between ("при посредничестве ЕС Сербия и
    Косово провели переговоры. Стороны договорились ...")."""
    return [(c.source, c.target) for c in sorted(found, key=lambda c: c.frame.mode == "mediation")]


def distinct_codes(mentions: list[ActorMention]) -> list[ActorMention]:
    """The first mention of each code, in order."""
    seen: set[str] = set()
    return [m for m in mentions if not (m.code in seen or seen.add(m.code))]


def group_sides(tree: Tree, i: int, frame: Frame, lex: Lexicon, discourse: Discourse, args: Arguments,
                confidence: float) -> tuple[bool, float]:
    """A counted group noun as the doer ("the three countries", "los dos gobiernos"): the actors named together
    before (see `counted_group`); of two, a one-sided act needs its target named to tell which of them acts.
    Returns whether the count settled the doers (a count no list fits settles that there are none to name: "the
    three countries" after two were named is not the pair) and the confidence."""
    size = counted_group(tree, i, governing_verb(tree, i), lex.language) \
        if not args.pair and (frame.speaker or not args.source) else None
    group = [m for m in discourse.group(size) if m.code not in {t.code for t in args.target}] if size else []
    if len(group) > 2 or (group and not plural_party_subject(tree, i, lex)):
        if frame.mutual:
            args.pair, args.source = group, []
            return True, 0.7
        if size > 2 or (args.target and len(group) == 1):
            args.source = group
            return True, 0.7
    return size not in (None, 2), confidence


def group_doers(tree: Tree, i: int, frame: Frame, lex: Lexicon, discourse: Discourse, args: Arguments,
                confidence: float, mentions: list[ActorMention], heads: dict) -> tuple[bool, float]:
    """`group_sides`, then the members a group subject is said to include, who do the act each of them
    (`included_members`): whether the doers are settled, and the confidence."""
    counted, confidence = group_sides(tree, i, frame, lex, discourse, args, confidence)
    if members := included_members(tree, i, mentions, heads, lex.language):
        codes = {m.code for m in members}
        args.source, args.pair = members, []
        args.target, counted = [m for m in args.target if m.code not in codes], True
    return counted, confidence


def state_context(tree: Tree, i: int, lex: Lexicon, context: list[ActorMention],
                  recent: list[ActorMention]) -> list[ActorMention]:
    """Whom a dropped or pronoun-like subject may refer back to: `context` (the latest subjects), except for a
    subject that names a state's government ("el régimen expulsó a la embajadora", "the government recalled",
    "правительство выслало"; ``state_subjects`` in [roles]): a state, never an organisation named before (the EU
    that sanctioned it), the latest state among the subjects, else among every actor named before."""
    verb = i if tree.kids(i, *SUBJECT_DEPS) else governing_verb(tree, i)
    nouns = lex.words("roles", "state_subjects")
    subjects = {tree.lemma(s) for s in tree.kids(verb, *SUBJECT_DEPS)} if verb is not None else set()
    if subjects & lex.words("roles", "personal_pronouns"):
        return [m for m in context if m.kind != "org"]   # "he discussed": a person, never an organisation named before
    if not subjects & nouns:
        return context
    return [m for m in distinct_codes(context + recent) if m.code in countries()]


QUOTE_OPENINGS = {"«", "“", '"', "„"}


def colon_speakers(tree: Tree, i: int, mentions: list[ActorMention]) -> list[ActorMention]:
    """Who says a quotation opened after a colon that holds trigger `i` ("Александр Лукашевич, официальный
    представитель МИД РФ: «Мы ответим жёстко»", "the ministry said: \"we will respond\""): the actors named before the
    colon. A dropped or pronoun subject inside the quotation is theirs."""
    colon = next((t.i for t in reversed(tree.tokens[:i]) if t.text == ":"), None)
    if colon is None or not any(t.text in QUOTE_OPENINGS for t in tree.tokens[colon + 1:min(colon + 3, i + 1)]):
        return []
    return [m for m in mentions if m.end <= tree.tokens[colon].start and m.kind != "place"]


QUOTE_CLOSINGS = {"»", "”", '"'}


def institution_speakers(tree: Tree, mentions: list[ActorMention], lex: Lexicon) -> list[ActorMention]:
    """The institution a subjectless plural speech verb speaks from ("В МИД Китая отметили:", "в Кремле заявили"):
    who the next sentences, a quotation among them, are said by."""
    speech, preps = lex.words("roles", "speech_verbs"), lex.words("roles", "locative_preps")
    heads = {id(m): tree.span_head(m.start, m.end) for m in mentions}
    for root in (t.i for t in tree.tokens if tree.head(t.i) is None):
        if tree.lemma(root) not in speech or tree.kids(root, *SUBJECT_DEPS) or \
                tree.tokens[root].morph.get("Number") not in lex.words("roles", "indefinite_number"):
            continue
        found = [m for m in mentions if m.kind in ("org", "country", "seat") and heads[id(m)] in tree.kids(root, "obl")
                 and tree.preposition(heads[id(m)]) in preps]
        if found:
            return found
    return []


def quoted_speaker(tree: Tree, i: int, args: Arguments, context: list[ActorMention]) -> Arguments | None:
    """A statement inside a quotation that began in a sentence before ("В МИД России отметили: «Выражаем недоумение.
    Этот выпад не останется без ответа»"; the sentence a quotation opens with or the
    end of one): the side the text is about says it; what it says is about the others."""
    opened = [t.i for t in tree.tokens[:i] if t.text in QUOTE_OPENINGS - {'"'}]
    if not context or opened not in ([], [0]) or not any(t.text in QUOTE_CLOSINGS - {'"'} for t in tree.tokens[i + 1:]):
        return None                       # not a whole quotation or its end, said with no one named
    return said_by(context[0], args)


def said_by(speaker: ActorMention, args: Arguments) -> Arguments:
    """A statement's speaker as its source; the first other side among its arguments as its target."""
    others = [m for m in args.source + args.target + args.pair if m.code != speaker.code]
    return Arguments(source=[speaker], target=others[:1], has_subject=True)


GROUP_KINDS = {"country", "org", "demonym", "seat", "place"}


def coordinated_groups(tree: Tree, here: list[ActorMention]) -> list[list[ActorMention]]:
    """The lists of actors a sentence names together: mentions whose heads are conjuncts of one another
    ("Australia, Britain and Spain", "España, Irlanda y Noruega", "Литва, Латвия и Эстония"), two codes or more."""
    lists: dict[int, list[ActorMention]] = {}
    states = {tree.span_head(m.start, m.end): m.code for m in here if m.kind == "country"}
    for m in here:
        if m.kind not in GROUP_KINDS:
            continue
        h = tree.span_head(m.start, m.end)
        for _ in range(8):
            if h is None or tree.head(h) is None or not (tree.tokens[h].dep.split(":")[0] == "conj"
                                                         or listed_apposition(tree, h, states)):
                break
            h = tree.head(h)
        if h is not None:
            lists.setdefault(h, []).append(m)
    return [distinct_codes(g) for g in lists.values() if len(distinct_codes(g)) > 1]


def listed_apposition(tree: Tree, h: int, states: dict[int | None, str]) -> bool:
    """The last state of a list with no conjunction before it ("Belarus, Nicaragua, Eritrea, Syria"), which the
    parser makes an apposition of the first: no state is another state. `states`: the code of each state's head."""
    g = tree.head(h)
    return tree.tokens[h].dep == "appos" and h in states and states.get(g) not in (None, states[h]) \
        and bool(tree.kids(g, "conj"))


def with_conjuncts(tree: Tree, targets: list[ActorMention], mentions: list[ActorMention],
                   taken: set[str]) -> list[ActorMention]:
    """The targets and every actor named together with one of them: a mediator acts between the sides ("tras la
    mediación de China, Irán y Arabia Saudí acordaron", "the mediation of Qatar between Israel and Hamas")."""
    out = list(targets)
    for group in coordinated_groups(tree, mentions):
        if any(m.code in {t.code for t in targets} for m in group):
            out += [m for m in group if m.code not in taken and m.code not in {t.code for t in out}]
    return out


@functools.lru_cache(maxsize=8)
def group_words(language: str) -> dict[str, Any]:
    data = (language_data(language, "discourse") or {}).get("groups", {})
    return {"nouns": frozenset(data.get("nouns", ())), "sizes": dict(data.get("sizes", {})),
            "of_heads": frozenset(data.get("of_heads", ())), "of_preps": frozenset(data.get("of_preps", ())),
            "each": frozenset(data.get("each", ())),
            "included": tuple(tuple(w.split()) for w in data.get("included", ())),
            # the words a mark begins with (None where an empty one matches anywhere)
            "included_firsts": None if any(not w.split() for w in data.get("included", ()))
            else frozenset(w.split()[0] for w in data.get("included", ()))}


def included_members(tree: Tree, i: int, mentions: list[ActorMention], heads: dict, language: str) -> list[ActorMention]:
    """The actors a group noun subject is said to include ("seven countries voted against, among them the US and
    Israel", "siete países votaron en contra, entre ellos", "против проголосовали семь стран, в том числе США"): the
    list after the inclusion words (``included`` in [groups]) right after the subject or the verb (nothing but
    punctuation and particles between: "áreas, entre ellas ..." further on lists something else). They do the act,
    each of them; the group names no actor itself. Empty where the subject is no group noun."""
    verb = i if tree.tokens[i].pos in ("VERB", "AUX") else governing_verb(tree, i)
    words = group_words(language)
    if verb is None or not words["included"]:
        return []
    subjects = [s for s in tree.kids(verb, *SUBJECT_DEPS) if tree.tokens[s].pos == "NOUN"
                and tree.is_word(s, words["nouns"])
                and not any(heads.get(id(m)) == s for m in mentions)]
    if not subjects:
        return []
    texts = tree.forms
    firsts = words["included_firsts"]
    for start in range(subjects[0] + 1, len(texts)):
        # a mark begins with the word here: most words begin none, and no slice of the sentence is compared then
        mark = next((w for w in words["included"] if tuple(texts[start:start + len(w)]) == w), None) \
            if firsts is None or texts[start] in firsts else None
        if mark is None or not any(all(tree.tokens[k].pos in LINKING_POS or tree.tokens[k].dep == "fixed"
                                       for k in range(a + 1, start))
                                   for a in (subjects[0], verb) if a < start):
            continue
        after = [m for m in mentions if m.start >= tree.tokens[start + len(mark) - 1].end]
        if mark == (":",) and not only_names(tree, start + 1, after):
            return []                     # "two countries said: ...": what they said, not who they are
        return with_conjuncts(tree, after[:1], mentions, set()) if after else []
    return []


def only_names(tree: Tree, start: int, names: list[ActorMention]) -> bool:
    """Tokens from `start` on are the `names` listed and the commas, conjunctions and marks between them: a colon
    introduces the list of a group's members ("nine countries voted against: Belarus, Eritrea and Mali")."""
    return bool(names) and all(tree.tokens[k].pos in NAME_LIST_POS
                               or any(m.start <= tree.tokens[k].start < m.end for m in names)
                               for k in range(start, len(tree.tokens)))


#: the words of a list of names, where some name is not known as an actor: no verb, no preposition
NAME_LIST_POS = {"PUNCT", "CCONJ", "DET", "PROPN", "ADJ", "NUM"}


# what may stand between a group or its verb and the inclusion words: "voted against, among them", "en contra,"
# (with the words of a fixed phrase: "contra")
LINKING_POS = {"PUNCT", "ADV", "ADP", "PART", "NUM", "DET"}


def counted_group(tree: Tree, i: int, governor: int | None, language: str) -> int | None:
    """How many sides the subject of trigger `i` counts when it is a counted group noun ("the three countries
    agreed", "ambos gobiernos firmarán", "делегации двух государств договорились", "los tres países señalaron que
    darán una respuesta"): the size, else None. The subject is the trigger's own, its governing verb's, or, for a
    clause with no subject of its own, the subject of the clause it completes."""
    words = group_words(language)
    if not words["nouns"]:
        return None
    node, seen = governor if governor is not None else i, 0
    while node is not None and seen < 4:
        subjects = tree.kids(node, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) or (tree.kids(i, *SUBJECT_DEPS) if seen == 0 else [])
        if subjects and tree.tokens[subjects[0]].pos != "PRON":
            return _group_size(tree, subjects[0], words)
        # no subject, or a pronoun ("the three countries said they will respond"): the clause it completes
        if tree.tokens[node].dep.split(":")[0] not in ("ccomp", "xcomp", "conj"):
            return None
        node, seen = tree.head(node), seen + 1
    return None


def _group_size(tree: Tree, s: int, words: dict[str, Any]) -> int | None:
    # a people noun that is no group of its own counts through its "of" phrase: "officials of the two countries"
    size = _counted(tree, s, words["sizes"]) if tree.is_word(s, words["nouns"]) else None
    if size is not None or not tree.is_word(s, words["of_heads"]):
        return size
    for c in tree.children[s]:                 # "the delegations of both countries": the group is the "of" phrase
        dep = tree.tokens[c].dep.split(":")[0]
        if dep == "prep" and tree.lemma(c) in words["of_preps"]:
            n = next(iter(tree.kids(c, "pobj")), None)
        elif dep == "nmod" and (not words["of_preps"] or
                                any(tree.lemma(k) in words["of_preps"] for k in tree.kids(c, "case"))):
            n = c
        else:
            continue
        if n is not None and tree.is_word(n, words["nouns"]) and (size := _counted(tree, n, words["sizes"])):
            return size
    return None


def _counted(tree: Tree, k: int, sizes: dict[str, int]) -> int | None:
    """The size a counting word before noun `k` gives ("three", "ambos", "обеих"), else None."""
    for c in sorted(tree.subtree(k)):      # a parser may hang the numeral from the article ("Los tres países")
        if k - 3 <= c < k and tree.form(c) in sizes:
            return int(sizes[tree.form(c)])
    return None


@functools.lru_cache(maxsize=8)
def impersonal_words(language: str) -> frozenset[str]:
    return frozenset((language_data(language, "discourse") or {}).get("doerless", {}).get("impersonal", ()))


MAIN_CLAUSE_DEPS = {"ROOT", "root", "conj", "ccomp", "parataxis"}


def doerless(tree: Tree, i: int, language: str) -> bool:
    """A verbal trigger stated without its doer: a passive with no agent ("24 documents were signed", "было
    подписано"), a passive with "se" ("se firmaron 24 documentos")."""
    if tree.tokens[i].pos not in ("VERB", "AUX") or tree.tokens[i].dep.split(":")[0] not in MAIN_CLAUSE_DEPS:
        return False                  # "the memorandum signed in Addis Ababa": a participle describing a noun
    impersonal = impersonal_words(language)
    # "se firmaron 24 documentos" (a thing as subject), not "se reunirá con" (a reflexive verb, its doer dropped)
    reflexive = any(tree.form(c) in impersonal and tree.tokens[c].dep.split(":")[0] in ("expl", "obj")
                    for c in tree.children[i]) and any(tree.tokens[c].pos == "NOUN" for c in tree.kids(i, "nsubj"))
    return (tree.is_passive(i) or reflexive) and not tree.kids(i, "agent", "obl:agent")


def pair_act(tree: Tree, i: int, frame: Frame, lex: Lexicon, args: Arguments, status: Callable[[], str]) -> bool:
    """The act is the pair's the text is about, its sides unnamed: mutual, past and stated without its doer ("after
    the talks, 24 documents were signed"), or said of both together (`between_both`; a place in its phrase, "por
    los sucesos en Oaxaca", is where, not a side)."""
    if not args.pair and len({m.code for m in args.source}) < 2 and (each_other(tree, i, lex.language)
                                                                    or respective(tree, i, lex.language)):
        args.target = []                  # "ready to support each other in the UN": the pair, each the other
        return True
    shared = between_both(tree, i, lex)   # a reciprocal act stated, not one planned ("agreed to exchange mutual visits")
    if shared and (shared == "both" or status() == "occurred") and all(m.kind in ("place", "capital")
                                                                      for m in args.target):
        args.target = []
        return True
    if not frame.mutual and frame.type not in COOCCURRENCE_TYPES and status() == "occurred" \
            and each_other(tree, i, lex.language) and both_subjects(args):
        return True                       # "Перу и Чили взаимно отозвали послов": each the other's
    if frame.mutual and frame.requires_governor and frame.type not in COOCCURRENCE_TYPES and one_side_at_most(args) \
            and status() == "occurred":
        return True                       # "tras el intercambio de acusaciones": the two sides the text is about
        # (an exchange: "the clashes" with no sides named may be with protesters)
    # "... arrived in Hanoi. On Tuesday he held talks": a meeting of one side referred back to (a pronoun, a dropped
    # subject) with no other named in its sentence is with the other side of the pair (`Discourse.take_pair`)
    return not args.target and frame.mutual and status() == "occurred" and (
        doerless(tree, i, lex.language) or happened(tree, i, lex.language)
        or (frame.type in MEETING_TYPES and not args.pair and len({m.code for m in args.source}) == 1
            and args.subject_is_pronoun                                      # "he", a dropped subject
            and tree.tokens[i].dep.split(":")[0] not in ("acl", "amod")))    # not "the memorandum signed in X"


def one_side_at_most(args: Arguments) -> bool:
    """No other side named: the act's two sides are the pair the text is about (`Discourse.take_pair` checks that
    the one named, if any, is one of them)."""
    return not (args.target or args.pair) and len({m.code for m in args.source}) < 2


def both_subjects(args: Arguments) -> bool:
    """Two sides named as the doers of a one-sided act each does to the other: they become the pair."""
    named = distinct_codes(args.source)
    if args.pair or args.target or len(named) != 2:
        return False
    args.pair, args.source = named, []
    return True


MEETING_TYPES = {"CONSULT", "AGREE"}     # a meeting and a signing (not a promise to cooperate, said in general)


def happened(tree: Tree, i: int, language: str) -> bool:
    """A meeting noun as the subject of a verb that only says it took place, began or went on, with no side of its
    own ("the talks then continued in an expanded format", "переговоры начались в расширенном формате", "las
    conversaciones se iniciaron"; ``[doerless] happen`` verbs): the pair the text is about met."""
    h = tree.head(i)
    return (tree.tokens[i].pos == "NOUN" and h is not None and tree.tokens[i].dep.split(":")[0] in ("nsubj", "nsubjpass")
            and tree.lemma(h) in happen_words(language) and tree.tokens[h].dep.split(":")[0] in MAIN_CLAUSE_DEPS
            and not tree.kids(i, "prep", "nmod", "poss", "nmod:poss"))


@functools.lru_cache(maxsize=8)
def happen_words(language: str) -> frozenset[str]:
    return frozenset((language_data(language, "discourse") or {}).get("doerless", {}).get("happen", ()))


def each_other(tree: Tree, i: int, language: str) -> bool:
    """The act's object is the doers themselves, each the other's: "support each other", "apoyarse mutuamente",
    "поддержать друг друга" (``[doerless] each_other``). Read once per trigger: the pair rules ask it per frame."""
    return tree.remember(("each_other", i, language), lambda: _each_other(tree, i, language))


def _each_other(tree: Tree, i: int, language: str) -> bool:
    phrases = each_other_words(language)
    # the forms of k tokens joined hold k - 1 spaces at least: a phrase is only looked for in phrases that short
    most = max((p.count(" ") for p in phrases), default=0) + 1
    return any(" ".join(tree.form(k) for k in sorted(tree.subtree(c))) in phrases
               for c in tree.children[i] if len(tree.subtree(c)) <= most) if phrases else False


@functools.lru_cache(maxsize=8)
def each_other_words(language: str) -> frozenset[str]:
    return frozenset((language_data(language, "discourse") or {}).get("doerless", {}).get("each_other", ()))


def respective(tree: Tree, i: int, language: str) -> bool:
    """What the act is done to is each side's own ("recalled their respective ambassadors", "la llamada a consultas
    de los respectivos embajadores"; ``[doerless] respective`` outside the subject): each side acts on the other."""
    words = respective_words(language)
    return bool(words) and any(tree.form(j) in words for c in tree.children[i]
                               if tree.tokens[c].dep not in SUBJECT_DEPS for j in tree.subtree(c))


@functools.lru_cache(maxsize=8)
def respective_words(language: str) -> frozenset[str]:
    return frozenset((language_data(language, "discourse") or {}).get("doerless", {}).get("respective", ()))


@functools.lru_cache(maxsize=8)
def reciprocal_words(language: str) -> frozenset[str]:
    return frozenset((language_data(language, "discourse") or {}).get("doerless", {}).get("reciprocal", ()))


def between_both(tree: Tree, i: int, lex: Lexicon) -> str | None:
    """An event noun said of the two sides together without naming them: "la expresión recíproca de condolencias",
    "mutual accusations", "взаимные обвинения" (a reciprocal adjective), "la reunión entre ambos", "the meeting
    between the two" (both, under the pair preposition): the pair the text is about. Which of the two it is
    ("reciprocal", "both"), else None."""
    if tree.tokens[i].pos not in ("NOUN", "PROPN"):
        return None
    anchors = [i] + [h for h in [tree.head(i)] if h is not None and tree.tokens[h].pos == "NOUN"]
    reciprocal = reciprocal_words(lex.language)
    if any(tree.is_word(c, reciprocal) for a in anchors for c in tree.kids(a, "amod")):
        return "reciprocal"               # "la expresión recíproca de condolencias": the act the noun above names
    sizes = group_words(lex.language)["sizes"]
    pair_preps = lex.words("roles", "pair_preps")
    both = any(sizes.get(tree.form(k)) == 2 or _counted(tree, k, sizes) == 2
               for c in tree.children[i] if tree.preposition(c) in pair_preps
               for k in [c, *tree.kids(c, "pobj")])   # English: the preposition heads
    return "both" if both else None



def between_sides(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """The actors an event noun names as its two sides with the pair preposition ("las negociaciones entre Estados
    Unidos e Irán", "talks between the US and Iran", "переговоры между США и Ираном"): they meet each other,
    whoever organised or hosted it."""
    if tree.tokens[i].pos not in ("NOUN", "PROPN"):
        return []
    preps = lex.words("roles", "pair_preps")
    named = {heads.get(id(m)) for m in mentions}
    return [m for m in mentions if heads.get(id(m)) is not None
            and (role := role_of(tree, heads[id(m)], i)) is not None and role[1] in preps
            and not _inside_other(tree, heads[id(m)], i, named)]


def _inside_other(tree: Tree, h: int, i: int, named: set) -> bool:
    """The mention at `h` hangs on another actor's name below `i` ("entre Rusia y Ucrania en Estambul": Istanbul
    places Russia, it is no side), not as its conjunct."""
    path = [h] + tree.ancestors(h)
    below = path[:path.index(i)]
    return any(k in named and tree.tokens[below[n]].dep.split(":")[0] != "conj" for n, k in enumerate(below[1:]))


def hosts_others(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> bool:
    """A host's verb whose object is a meeting of two other sides ("Qatar hosted talks between the US and Iran"):
    the meeting's own noun states the event; the host is no side of it."""
    return any(tree.lemma(o) in lex.nouns and len({m.code for m in between_sides(tree, o, lex, mentions, heads)}) > 1
               for o in tree.kids(i, *OBJECT_DEPS))


def relation_sides(tree: Tree, i: int, frame: Frame, lex: Lexicon, args: Arguments) -> None:
    """"Both Cambodia and Thailand downgraded diplomatic relations", "Tanto Rusia como Georgia rompieron relaciones":
    a one-sided act on relations (its ``[kinds.TYPE]`` relations) by two coordinated subjects that a word says each
    acts (``[groups] each``) and aimed at no one named is each side's act on the other: the subjects become the
    pair. Without that word ("Algeria and Morocco broke off relations") the text says elsewhere whose act it was."""
    if args.target or args.pair or frame.mutual or len({m.code for m in args.source}) != 2:
        return
    if respective(tree, i, lex.language):
        args.pair, args.source = distinct_codes(args.source), []    # "recalled their respective ambassadors"
        return
    each = group_words(lex.language)["each"]
    if not any(tree.form(j) in each for s in tree.kids(i, *SUBJECT_DEPS) for j in tree.subtree(s)):
        return
    relations = dict(lex.kinds.get(frame.type, ())).get("relations", frozenset())
    if act_kind(tree, i, frame, lex) != "relations" and not any(
            tree.is_word(o, relations) for o in tree.kids(i, *OBJECT_DEPS)):    # "relaciones diplomáticas"
        return
    args.pair, args.source = distinct_codes(args.source), []


def pronoun_object_target(tree: Tree, i: int, lex: Lexicon, args: Arguments,
                          recent: list[ActorMention], carrier: int | None = None) -> list[ActorMention]:
    """"El canciller lo respaldó", "decidió apoyarlo", "le pidió": a verb whose object is a personal pronoun (on its
    own or written on the verb; ``roles.object_pronouns``) acts on the latest other actor named before; so does the
    light verb `carrier` of a nominal trigger ("вручил ему ноту протеста", "handed him a protest note")."""
    words = lex.words("roles", "object_pronouns")
    listed = lex.words("roles", "listed_object_pronouns")    # "их": a group just listed, never one actor
    i = i if carrier is None else carrier
    tok = tree.tokens[i]
    if not (words or listed) or args.target or not (args.source or args.pair) or tok.pos != "VERB":
        return []
    pronouns = [c for c in tree.kids(i, *OBJECT_DEPS) if tree.tokens[c].pos == "PRON" and tree.form(c) in words | listed]
    written_on = bool(words) and tok.morph.get("PronType") == "Prs" and tok.morph.get("Case") in ("Acc", "Dat") and \
        tok.text.lower().endswith(tuple(words))
    if not (pronouns or written_on):
        return []
    taken = {m.code for m in args.source + args.pair}
    latest = [m for m in recent if m.code not in taken and m.kind in PARTY_KINDS - {"place"}][:1]
    if latest and any(tree.tokens[c].morph.get("Number") == "Plur" for c in pronouns):
        latest += listed_with(tree, latest[0], [m for m in recent if m.code not in taken and m.kind in PARTY_KINDS])
    if not written_on and all(tree.form(c) in listed - words for c in pronouns) and len(latest) < 2:
        return []
    return latest


def listed_with(tree: Tree, last: ActorMention, recent: list[ActorMention]) -> list[ActorMention]:
    """The actors listed together with `last` in the sentence: "..., sanctions on officials in Iran, Syria and
    Uganda, accusing them of": "them" is all three."""
    def head(m: ActorMention) -> int | None:
        inside = tree.tokens[0].start <= m.start and m.end <= tree.tokens[-1].end
        return tree.span_head(m.start, m.end) if inside else None
    h = head(last)
    if h is None:
        return []
    first = h
    while tree.tokens[first].dep.split(":")[0] == "conj" and (up := tree.head(first)) is not None and up != first:
        first = up
    seen = {last.code}
    out = []
    for m in recent:
        k = head(m)
        if k is not None and m.code not in seen and (k == first or conjunct_of(tree, k, first)):
            seen.add(m.code)
            out.append(m)
    return out


BORDER_TYPES = {"MOBILIZE", "ASSAULT", "COERCE"}


def across_border(tree: Tree, i: int, event_type: str, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                  discourse: Discourse, args: Arguments) -> list[ActorMention]:
    """Troops sent to, or an attack at, the border (``border_nouns``) with no target named: the other side of the
    pair the sentence names ("la tensión entre Belice y Guatemala, que movilizó 3.000 efectivos a la frontera") or
    the text is about ("soldados beliceños atacaron a una familia en la zona fronteriza")."""
    if event_type not in BORDER_TYPES or not args.source or args.target or args.pair:
        return []
    words = lex.words("roles", "border_nouns")
    if not any(tree.is_word(j, words) for j in tree.subtree(i)):
        return []
    preps = lex.words("roles", "pair_preps")
    named = distinct_codes([m for m in mentions if (h := heads.get(id(m))) is not None
                            and any(tree.preposition(j) in preps for j in [h, *tree.ancestors(h, 2)])])
    doers = {m.code for m in args.source}
    pair = named if len(named) == 2 else discourse.pair()
    others = [m for m in pair if m.code not in doers]
    return others if len(pair) == 2 and len(others) == 1 else []
