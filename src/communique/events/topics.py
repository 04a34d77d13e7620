"""What a meeting is about, and where it is held, is no party to it.

- **Topic phrase**: "Abuja hosted the bloc's summit on the political situation in Niger", "organizó una cumbre
  sobre la crisis en Venezuela", "провела встречу по ситуации в Мали". An actor reached from a meeting trigger
  through a topic phrase (``topic_preps``) of a noun below the trigger is neither its host nor its guest, nor one of
  a meeting noun itself ("the summit on Niger"); a verb's own phrase ("visited Moscow on the invitation of Putin") is
  left to the frame.
- **What is discussed**: the object of a verb of talking (a ``topic_object`` frame or ``talk_verbs``) is a topic:
  a country it sets a situation in ("discussed the war in Sudan", "analizaron la crisis en Haití", "обсудили
  ситуацию в Сирии") is no party to a trigger outside it, and a hostile act discussed there is not the discussers'
  own (`discussed_place`, `discussed_act`).
- **Sidelines**: a meeting held "on the sidelines of" a body's session ("al margen de la Asamblea", "на полях
  заседания СМИД СНГ") has its parties outside that phrase; the session and the body named in it are the setting
  (`across_sidelines`, ``sideline_nouns``).
- **A place described as a setting**: "held in Dakar, the Senegalese capital", "en Lima, la capital peruana": a
  country named in a place noun in apposition names where, not who; it is no party to an act (a visit still goes
  there), an organisation's gathering in a city is no consultation with its host, and a place where a gathering
  was held is no side of what the gathering does ("the summit held in Addis Ababa condemned the coup")
  (`described_setting`, `org_gathering`, `gathering_place`)."""
from __future__ import annotations

from ..lexicon import Frame, Lexicon
from .absolutes import other_absolute
from .actor_mentions import ActorMention
from .arguments import Arguments, reflexive_passive
from .rules import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree

MEETING_TYPES = {"CONSULT"}
HOSTILE_TYPES = {"ASSAULT", "COERCE"}     # a war, an attack, a blockade: done by someone, not by whoever discusses it
SETTING_KINDS = {"place", "capital", "seat"}


def meeting_topic(tree: Tree, i: int, frame: Frame, lex: Lexicon, m: ActorMention, heads: dict) -> bool:
    """Is mention `m` only named as what meeting trigger `i`'s object is about?"""
    h = heads.get(id(m))
    if frame.type not in MEETING_TYPES or h is None:
        return False
    path = [h] + tree.ancestors(h)
    if i not in path:
        return False
    topic_preps = lex.words("roles", "topic_preps")
    nominal = tree.tokens[i].pos in ("NOUN", "PROPN")     # "a summit on Niger"; "visited X on the invitation of Y"
    for j in path[:path.index(i)]:
        noun = tree.head(j)
        if tree.tokens[j].dep == "pobj" and noun is not None and tree.tokens[noun].dep == "prep":
            noun = tree.head(noun)        # English: the preposition heads its phrase
        if noun == i and nominal and tree.lemma(i) in lex.words("roles", "paid_on_nouns"):
            return False                  # "paid a courtesy call on the President": whom it is paid on
        if noun is not None and (noun != i or nominal) and tree.preposition(j) in topic_preps \
                and tree.tokens[noun].pos in ("NOUN", "PROPN"):
            return True
    return False


def not_aside(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention],
              heads: dict) -> list[ActorMention]:
    """The mentions that may be parties of trigger `i`: those not `named_aside`."""
    return [m for m in mentions if not named_aside(tree, i, frame, lex, m, heads, mentions)]


def named_aside(tree: Tree, i: int, frame: Frame, lex: Lexicon, m: ActorMention, heads: dict,
                mentions: list[ActorMention]) -> bool:
    """Is mention `m` named beside trigger `i` rather than as its party: what a meeting is about, or the doer or
    target of an absolute construction below it ("..., with Bolivia accusing Peru", see `absolutes`)? (The caller
    also leaves out an envoy's posting: no argument by position.)"""
    return (meeting_topic(tree, i, frame, lex, m, heads) or other_absolute(tree, i, lex, heads.get(id(m)))
            or discussed_place(tree, i, lex, m, heads) or discussed_act(tree, i, frame, lex, m, heads)
            or discussed_object(tree, i, lex, m, heads, mentions)
            or across_sidelines(tree, i, lex, m, heads)
            or (frame.mode != "visit" and not frame.venue and described_setting(tree, m, lex, heads))
            or gathering_place(tree, i, frame, lex, m, heads))


def _locative(tree: Tree, h: int | None, lex: Lexicon) -> bool:
    """Is token `h` (a mention's head) under a locative preposition ("in Geneva", "en Lima", "в Анкаре")?"""
    return h is not None and tree.preposition(h) in lex.words("roles", "locative_preps")


def gathering_place(tree: Tree, i: int, frame: Frame, lex: Lexicon, m: ActorMention, heads: dict) -> bool:
    """Is place `m` where a gathering named with a participle was held ("the summit of the African Union held in
    Addis Ababa condemned the coup", "Саммит АС, прошедший в Аддис-Абебе, осудил")? It is no side of the gathering's
    acts; the meeting itself is left to the meeting rules."""
    h = heads.get(id(m))
    if frame.type in MEETING_TYPES or m.kind not in SETTING_KINDS or not _locative(tree, h, lex):
        return False
    up = tree.head(h)
    if up is not None and tree.tokens[h].dep == "pobj":
        up = tree.head(up)                # English: the preposition heads its phrase
    gathering = tree.head(up) if up is not None else None
    if up is None or gathering is None or i in (up, gathering):
        return False
    t, g = tree.tokens[up], tree.tokens[gathering]
    return t.dep.split(":")[0] in ("acl", "amod") and (t.pos == "VERB" or t.morph.get("VerbForm") == "Part") \
        and any(f.type in MEETING_TYPES for f in lex.frames_of(g.lemma, g.text, g.pos))


def talk_objects(tree: Tree, lex: Lexicon) -> list[tuple[int, frozenset[int], frozenset[int]]]:
    """The objects of the sentence's verbs of talking, each with its phrase (what is discussed) and the locative
    phrase right after it that the parser hung on the verb instead ("analizaron la guerra en Sudán"). Read once per
    sentence: every trigger asks it of every mention."""
    return tree.remember(("talk_objects", lex.language), lambda: _talk_objects(tree, lex))


def _talk_objects(tree: Tree, lex: Lexicon) -> list[tuple[int, frozenset[int], frozenset[int]]]:
    talk = lex.words("roles", "talk_verbs")
    out = []
    for t in tree.tokens:
        if t.pos == "VERB" and (tree.is_word(t.i, talk) or any(
                f.topic_object for f in lex.frames_of(t.lemma, t.text, t.pos))):
            out += [(o, tree.subtree(o), _next_locative(tree, t.i, tree.subtree(o), lex))
                    for o in tree.kids(t.i, "dobj", "obj") + discussed_subjects(tree, t.i, lex)]
    return out


def discussed_subjects(tree: Tree, verb: int, lex: Lexicon) -> list[int]:
    """What a talk verb in the passive has as its subject is what was discussed ("the situation in Sudan was
    discussed", "se analizó la situación en Sudán", "была обсуждена ситуация в Судане")."""
    if tree.is_passive(verb) or reflexive_passive(tree, verb, lex):
        return tree.kids(verb, *SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)
    return []


def _next_locative(tree: Tree, verb: int, phrase: frozenset[int], lex: Lexicon) -> frozenset[int]:
    locative = lex.words("roles", "locative_preps")
    for k in tree.kids(verb):
        below = tree.subtree(k)
        if min(below) == max(phrase) + 1 and tree.preposition(k) in locative and not any(
                tree.tokens[j].pos == "NOUN" for j in below):     # a name only: "at a meeting in Cairo" is no topic
            return below
    return frozenset()


def discussed_place(tree: Tree, i: int, lex: Lexicon, m: ActorMention, heads: dict) -> bool:
    """Is `m` where a situation talked about is ("discussed the situation in Myanmar"), under a locative phrase of
    a talk verb's object, while trigger `i` stands outside that object? A country right after the object counts
    too (a city there is rather where they talked: "discussed the deal in Geneva")."""
    h = heads.get(id(m))
    first = h
    while first is not None and tree.tokens[first].dep == "conj" and tree.head(first) not in (None, first):
        first = tree.head(first)          # "in Sudan and Libya": the second country stands where the first does
    return (_locative(tree, h, lex) or _locative(tree, first, lex)) and any(
        (h in phrase and h != o or h in after and m.kind not in SETTING_KINDS) and i not in phrase | after
        for o, phrase, after in talk_objects(tree, lex))


def discussed_object(tree: Tree, i: int, lex: Lexicon, m: ActorMention, heads: dict,
                     mentions: list[ActorMention]) -> bool:
    """Is `m` named inside the object of a talk verb ("met to discuss the issue of Sudan", "обсудить вопрос
    Судана"), or a country that is that object ("EU ministers discuss Ukraine"), while trigger `i` stands outside
    it: the talk verb itself, or the meeting the talk is the aim of ("held a meeting to discuss the issue of
    Myanmar", "celebraron una reunión para discutir la cuestión de Venezuela", "провели встречу, чтобы обсудить
    вопрос Сирии")? What is talked about is no partner of the talk. A side the sentence also names outside the
    object ("the ministers of Azerbaijan and Armenia discussed a treaty between Baku and Yerevan") keeps this
    mention too, one named with a partner preposition inside the object ("discussed trade with Tokayev" read as
    one phrase) still talks, and a person as the object is left to the frame; an act named inside the object keeps
    its sides (`discussed_act`)."""
    h = heads.get(id(m))
    if h is None or tree.preposition(h) in lex.words("roles", "partner_preps"):
        return False
    for o, phrase, _ in talk_objects(tree, lex):
        phrase = _run_of(phrase, o)       # a conjunct the parser hung on the object from afar is no part of it
        if h in phrase and i not in phrase and (h != o or m.kind != "person"):
            return not any(k.code == m.code and heads.get(id(k)) not in phrase for k in mentions)
    return False


def _run_of(phrase: frozenset[int], o: int) -> frozenset[int]:
    """The tokens of `phrase` that stand in one unbroken run with `o`."""
    first, last = o, o
    while first - 1 in phrase:
        first -= 1
    while last + 1 in phrase:
        last += 1
    return frozenset(range(first, last + 1))


def discussed_act(tree: Tree, i: int, frame: Frame, lex: Lexicon, m: ActorMention, heads: dict) -> bool:
    """Is `m` outside the talk verb's object that hostile trigger `i` stands in ("discussed the war in Sudan": the
    ones who talk do not wage it; the object itself may name who does: "discussed Russia's attack on Ukraine")?"""
    h = heads.get(id(m))
    return frame.type in HOSTILE_TYPES and h is not None and any(
        i in phrase and h not in phrase | after for _, phrase, after in talk_objects(tree, lex))


def across_sidelines(tree: Tree, i: int, lex: Lexicon, m: ActorMention, heads: dict) -> bool:
    """Do trigger `i` and mention `m` stand on different sides of a "sidelines" phrase ("met on the sidelines of the
    UN General Assembly", "al margen de la cumbre de la OEA", "на полях заседания СМИД СНГ")? A meeting there is
    between its own parties; the session it was beside, and its body, are the setting."""
    h = heads.get(id(m))
    if h is None:
        return False
    return any((a <= h <= b) != (a <= i <= b) for a, b in sideline_spans(tree, lex))


def sideline_spans(tree: Tree, lex: Lexicon) -> list[tuple[int, int]]:
    """The token spans of the sentence's "sidelines" phrases, first to last token (read once per sentence)."""
    return tree.remember(("sideline_spans", lex.language), lambda: _sideline_spans(tree, lex))


def _sideline_spans(tree: Tree, lex: Lexicon) -> list[tuple[int, int]]:
    words = lex.words("roles", "sideline_nouns")
    if not words & _vocabulary(tree):
        return []                         # no word of such a phrase in the sentence: no preposition need be read
    heads_of = [j for j in range(len(tree.tokens)) if tree.tokens[j].pos == "NOUN" and tree.is_word(j, words)
                or words & set((tree.preposition(j) or "").split())]     # "al margen de" read as one preposition
    # by position, from the word's own first child on: a parse may hang an earlier name on a word of the phrase
    return [(min([j, *(k for k in tree.kids(j) if k < j)]), max(tree.subtree(j))) for j in heads_of]


def _vocabulary(tree: Tree) -> set[str]:
    """Every word a token's lemma or form, or a preposition read off the parse (`Tree.preposition`), can hold."""
    forms = tree.lemmas + tree.forms
    # each form whole, and its words (a form may hold a space): one split of them all joined gives the words
    return {"by", *(w for v in tree.contractions.values() for w in v.split()), *forms, *" ".join(forms).split()}


def described_setting(tree: Tree, m: ActorMention, lex: Lexicon, heads: dict) -> bool:
    """Is country or demonym `m` named in a place noun in apposition ("in Dakar, the Senegalese capital", "en Lima,
    la capital peruana", "в Астане, столице Казахстана"), describing where something is?"""
    h = heads.get(id(m))
    if h is None or m.kind in SETTING_KINDS or m.kind == "org":
        return False
    for up in tree.ancestors(h, 3):
        if tree.tokens[up].pos in ("NOUN", "PROPN"):
            return tree.lemma(up) in lex.words("roles", "venue_nouns") and _in_apposition(tree, up)
    return False


def _in_apposition(tree: Tree, up: int) -> bool:
    """The noun is in apposition, by its label or by its place: its phrase opens right after a name and a comma
    ("en Lima, la capital peruana", where the parser made it an object of the verb)."""
    first = min(j for j in tree.subtree(up) if tree.tokens[j].pos != "PUNCT")
    return tree.tokens[up].dep.split(":")[0] == "appos" or (
        first > 1 and tree.tokens[first - 1].text == "," and tree.tokens[first - 2].pos == "PROPN")


def city_venue(tree: Tree, m: ActorMention, lex: Lexicon, heads: dict) -> bool:
    """A city named with a locative preposition ("un encuentro en Nueva York", "talks in Geneva") is where a
    meeting happened: as the nearest actor to a meeting with no partner it gives way to the next actor, if any
    (an embassy or a visit "in" a city still targets the city's country)."""
    return m.kind == "place" and _locative(tree, heads.get(id(m)), lex)


def drop_pair_venue(tree: Tree, frame: Frame, lex: Lexicon, args: Arguments, heads: dict) -> None:
    """Two sides that meet "in" a city ("Представители Эфиопии и Сомали провели переговоры в Анкаре", "talks of A
    and B in Geneva") meet each other there: the city is the setting, no third party (one side's talks there still
    go to the host, see `city_venue`; a visit goes to the city)."""
    if not frame.mutual or frame.mode == "visit" or len({m.code for m in args.source + args.pair}) < 2:
        return
    args.target = [m for m in args.target
                   if not (m.kind in SETTING_KINDS and _locative(tree, heads.get(id(m)), lex))]


def org_gathering(tree: Tree, frame: Frame, lex: Lexicon, source: ActorMention, target: ActorMention,
                  heads: dict) -> bool:
    """An organisation meeting in a city ("SCO leaders met in Astana for their summit", "la cumbre de la OEA
    celebrada en Lima, la capital peruana") names where its members met, not a consultation with the host; a visit
    there still goes to the city's country."""
    if frame.type not in MEETING_TYPES or frame.mode == "visit" or source.kind != "org":
        return False
    return (target.kind in SETTING_KINDS and _locative(tree, heads.get(id(target)), lex)
            or described_setting(tree, target, lex, heads))
