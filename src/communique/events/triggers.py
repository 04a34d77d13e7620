"""Which trigger words state an event of their own, and of which type, beyond what a frame's lemma says.

Mechanisms that hold across languages, each read from the language's ``events.toml`` ``[roles]`` (and, at the
end, the constraints an object, a modal or a preposition of several words puts on a frame):

- **Reversal**: a nominal trigger that a reversing verb governs is not an event of its own type: "suspended the
  water-sharing agreement", "lifted the sanctions", "разорвали отношения", "rompió relaciones". The verb states the
  event (a SANCTION, a CONCEDE) through its own frame; the noun is only what it acts on (``reversal_verbs``).
- **Topic of talks**: what talks or a meeting are about ("talks on the normalisation of relations") has not
  happened: the talks are the event (`topic_of_event`, ``topic_preps``).
- **Background**: an agreement cited as the frame of something else ("según los acuerdos vigentes", "согласно
  договору", "pursuant to the treaty") is not stated as happening (`background`, ``background_preps``).
- **Off topic**: a sentence from the sports pages or the markets names countries as teams and indices ("Spain beat
  France 88-64", "Канада уступила Финляндии"): none of its words is a diplomatic event (``off_topic``, lemmas).
- **Intent as threat**: a coercive act that is only conditional or possible ("will impose sanctions if ...",
  "may use force", "si no ... tomará medidas") is a THREATEN in PLOVER, not the act (`as_threat`).
- **Obliged**: what one side is told it must do has not happened (`obliged_content`); the demand is the event.
- **Alleged**: what one side is accused of ("accused the Greek military of firing on Turkish jets", "acusó a Rabat
  de respaldar al MAK", "обвинила Украину в нападении") is the accuser's claim, not an act stated (`alleged_content`).
- **Kinds of one act**: a type that covers distinct acts ("expelled the ambassador", "closed the border", "severed
  relations" are three SANCTIONs) names each by the words of the trigger and its object (``[kinds.TYPE]``), so that
  a document keeps them apart (`act_kind`).
- **Conditional**: an act announced on a condition ("will close the border if Vilnius does not lift the ban",
  "will withdraw its force from Chad unless elections are held", "cerrará la frontera si ...", "закроет границу,
  если ...") is a THREATEN when coercive or when the condition is negative, a promise (AGREE) when a cooperative
  act is offered on a condition (`conditional_type`, ``conditions``, ``negative_conditions``).
- **Offer**: a cooperative act offered, promised or said to be welcome ("offered to negotiate", "is willing to
  withdraw its troops", "está dispuesto a enviar ayuda", "готов вывести войска") is an AGREE in PLOVER (CAMEO 03,
  "express intent to"), a coercive one so announced a THREATEN (`offered_type`, ``offer_heads``).
"""
from __future__ import annotations

import functools
from collections.abc import Iterator

from ..datafiles import language_data
from ..lexicon import Frame, Lexicon, name_word
from ..records import Sentence
from .denied_acts import denied_content
from .rules import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, Tree

# material conflict that, stated as intent, is a threat (PLOVER THREATEN: "threaten to sanction, attack, coerce")
THREATENED_TYPES = {"SANCTION", "ASSAULT", "COERCE"}
INTENT_STATUSES = {"hypothetical"}       # conditional or possible; a decided one ("decided to impose") is the act
REVERSAL_DEPS = {"obj", "dobj", "nsubjpass", "nsubj:pass", "obl", "pobj", "nmod", "xcomp"}


def reversed_by_verb(tree: Tree, i: int, lex: Lexicon) -> bool:
    """True when nominal trigger `i` is what a reversing verb acts on ("suspend the agreement", "lift sanctions",
    "the breaking off of relations"): the verb's own frame states the event, the noun states none; so does a
    participle describing such a noun ("suspends the agreement signed in 1960")."""
    tok = tree.tokens[i]
    if tok.pos == "VERB" and tok.morph.get("VerbForm") == "Part" and tok.dep.split(":")[0] in ("acl", "amod") \
            and not tree.kids(i, "aux", "nsubj") and (noun := tree.head(i)) is not None:   # not "que se ha referido"
        i = noun                          # "приостановит действие соглашения, подписанного в 1960 году"
    elif tok.pos not in ("NOUN", "PROPN"):
        return False
    reversal = lex.words("roles", "reversal_verbs")
    for j, head in _path_up(tree, i, 3):
        if tree.tokens[j].dep.split(":")[0] not in REVERSAL_DEPS | {"case", "prep"}:
            return False
        if tree.lemma(head) in reversal:
            return True
        if tree.tokens[head].pos in ("VERB", "AUX"):
            return False              # another verb closes the phrase: "agreed to lift" is the lifting's
    return False


def _path_up(tree: Tree, i: int, steps: int, over_prepositions: bool = False) -> Iterator[tuple[int, int]]:
    """(token, its head) pairs up from `i`, at most `steps`; English prepositions stepped over on request."""
    j = i
    for _ in range(steps):
        head = tree.head(j)
        if over_prepositions and head is not None and tree.tokens[head].pos == "ADP":
            head = tree.head(head)            # English: noun → preposition → its object
        if head is None:
            return
        yield j, head
        j = head


def topic_of_event(tree: Tree, i: int, lex: Lexicon) -> bool:
    """True when nominal trigger `i` is what another event noun is about: "talks on the normalisation of relations",
    "переговоры по открытию границы", "negociaciones sobre la firma del tratado". The talks are the event; what
    they are about has not happened. A speech or decision verb above ("сообщило о закрытии границ", "announced
    the closure") still reports the act itself, so only a governing noun with a frame of its own counts."""
    if matter_of(tree, i, lex) or matter_of(tree, tree.head(i), lex, of_noun=i):
        return True                       # "trataron la importancia de cooperar con": a matter, not an act
    if tree.tokens[i].pos not in ("NOUN", "PROPN"):
        return False
    topic_preps = lex.words("roles", "topic_preps")
    for j, head in _path_up(tree, i, 5, over_prepositions=True):
        if tree.tokens[head].pos in ("VERB", "AUX"):     # a topic the parser hung on the verb of an event-noun
            return tree.preposition(j) in topic_preps and any(   # subject: "встреча по нормализации ... состоялась"
                _event_noun(tree, s, lex) for s in tree.kids(head, "nsubj") if tree.tokens[s].pos == "NOUN")
        if tree.preposition(j) in topic_preps and tree.tokens[head].pos in ("NOUN", "PROPN") and (
                tree.lemma(head) in lex.nouns or tree.form(head) in lex.nouns):
            return True
    return False


MATTER_OBJECT_DEPS = {"dobj", "obj", "nmod"}


def matter_of(tree: Tree, j: int | None, lex: Lexicon, of_noun: int | None = None) -> bool:
    """Is `j`, a verb that names no finished act (an infinitive, a gerund, a participle), what a matter head
    governs ("the importance of cooperating", "la importancia de cooperar", "важность сотрудничать")? With
    `of_noun`, `j` is the word that governs that nominal trigger and may be a nominalisation too: "the importance
    of strengthening cooperation", "la importancia de fortalecer la cooperación", "важность укрепления
    сотрудничества" name what is stressed, no cooperation strengthened."""
    if j is None or of_noun is not None and (j == of_noun or tree.tokens[of_noun].dep.split(":")[0] not in
                                             MATTER_OBJECT_DEPS):
        return False
    tok = tree.tokens[j]
    if not (tok.pos == "VERB" and tok.morph.get("VerbForm") in ("Inf", "Ger", "Part")
            or of_noun is not None and tok.pos == "NOUN"):
        return False
    h = tree.head(j)
    if h is not None and tree.tokens[h].dep == "prep":      # English: "the importance of cooperating"
        h = tree.head(h)
    return h is not None and h != j and tree.is_word(h, lex.words("roles", "matter_heads"))


def _event_noun(tree: Tree, i: int, lex: Lexicon) -> bool:
    """A noun that names an act by itself: "встреча", not "посольство" (an act only under "открыть": a subject
    "посольство Литвы заявило о высылке" is a doer, and what it announces is no topic of talks)."""
    return any(not f.requires_governor for f in lex.nouns.get(tree.lemma(i), ()))


def background(tree: Tree, i: int, lex: Lexicon) -> bool:
    """True when nominal trigger `i` is cited as the frame of something else, not stated as happening: "según los
    acuerdos vigentes", "согласно договору", "in accordance with the treaty" (``background_preps``)."""
    if tree.tokens[i].pos not in ("NOUN", "PROPN"):
        return False
    markers = lex.words("roles", "background_preps")
    words = {tree.preposition(i)}
    head = tree.head(i)
    if tree.tokens[i].dep == "pobj" and head is not None and tree.head(head) is not None:
        words.add(tree.lemma(tree.head(head)))          # English "according to", "pursuant to"
    for case in tree.kids(i, "case"):
        words.update(tree.lemma(k) for k in [case, *tree.kids(case, "fixed")])
    return bool(words & markers)


def cited_as_time(tree: Tree, i: int, lex: Lexicon, mentions: list, heads: dict) -> bool:
    """A two-sided act named as the time of another whose only actor is in a relative clause on it ("recalled its
    ambassador after the agreement that gives Ethiopia access to the sea", "после подписания соглашения, которое
    дает Эфиопии", "tras el acuerdo que da a Etiopía"; ``sequence_preps``): that actor is the relative clause's, and
    the sentence's own actors are no sides of it, so it is no event of its own."""
    anchor, h = i, tree.head(i)
    if tree.preposition(i) is None and h is not None and tree.tokens[h].pos == "NOUN" and \
            tree.tokens[i].dep.split(":")[0] in ("nmod", "pobj"):
        anchor = h                        # "после подписания соглашения": the phrase of the act it names
    if tree.tokens[i].pos not in ("NOUN", "PROPN") or \
            tree.preposition(anchor) not in lex.words("roles", "sequence_preps"):
        return False
    own = tree.subtree(anchor)
    relative = lex.words("roles", "relative_pronouns")
    in_relative = False
    for m in mentions:
        h = heads.get(id(m))
        if h is None or h not in own:
            continue
        path = [h] + tree.ancestors(h)
        if not any(tree.tokens[j].dep.split(":")[0] in ("relcl", "acl") and
                   any(tree.is_word(k, relative) for k in tree.children[j]) for j in path[:path.index(anchor)]):
            return False
        in_relative = True
    return in_relative      # "after the talks", with no one named in it: the sides the text is about


def off_topic(tree: Tree, lex: Lexicon) -> bool:
    """A sentence about sport or markets (one of the language's ``off_topic`` lemmas or forms in it), outside a name:
    "el Partido Comunista de China", "the Arab League" are no match nor league."""
    words = lex.words("roles", "off_topic")
    return bool(words) and any(tree.is_word(i, words) and not in_a_name(tree, i) for i in range(len(tree.tokens)))


def in_a_name(tree: Tree, i: int) -> bool:
    """A word of a proper name (:func:`communique.lexicon.name_word`)."""
    near = tuple(tree.tokens[j].text for j in (i - 1, i + 1) if 0 <= j < len(tree.tokens))
    return name_word(tree.tokens[i].text, tree.tokens[i].pos, i, near)


#: modes of force whose announcement is a threat (CAMEO 1381, Threaten blockade), like violence announced ahead
FORCE_MODES = {"blockade"}


def as_threat(event_type: str, status: str, mode: str | None = None) -> str:
    """The PLOVER type of a coercive act stated as an intent: THREATEN ("will close the border if ...")."""
    if (event_type == "ASSAULT" or mode in FORCE_MODES) and status == "planned":
        # violence or a blockade announced ahead ("we will kill", "убьем", "would tighten the naval blockade of
        # Serbia", "reforzará el bloqueo naval") is a threat, not a plan
        return "THREATEN"
    return "THREATEN" if event_type in THREATENED_TYPES and status in INTENT_STATUSES else event_type


#: what a plain denial turns into a rejection: "would not meet the demands", "no aceptó la propuesta", "no reconoce
#: la legitimidad de" (a recognition, SUPPORT, denied)
ACCEPTED_TYPES = {"AGREE", "CONCEDE", "SUPPORT"}


def refused(tree: Tree, i: int, lex: Lexicon) -> bool:
    """An acceptance verb denied outright by a negation on the verb itself ("would not meet the demands", "has not
    agreed to the plan", "no aceptará las exigencias", "не примет требования"): a refusal. ``acceptance_verbs`` and
    ``refusal_negation`` in [roles]; "without accepting" or "failed to agree" is no refusal."""
    if tree.lemma(i) not in lex.words("roles", "acceptance_verbs"):
        return False
    negation = lex.words("roles", "refusal_negation")
    return any(tree.is_word(c, negation) for c in tree.children[i])


def refused_type(tree: Tree, i: int, event_type: str, lex: Lexicon) -> str | None:
    """REJECT for an acceptance or concession denied outright (`refused`), else None."""
    return "REJECT" if event_type in ACCEPTED_TYPES | {"REJECT"} and refused(tree, i, lex) else None


OFFER_LINKS = {"xcomp", "dobj", "obj", "advcl", "ccomp"}   # what an offer word governs: "offered to mediate"
# what stays itself when offered: what one says, asks, refuses or threatens, and an agreement already is one
UNOFFERED_TYPES = {"AGREE", "REQUEST", "ACCUSE", "REJECT", "PROTEST", "THREATEN"}


def offered_type(tree: Tree, i: int, event_type: str, lex: Lexicon) -> str | None:
    """The type of a trigger an offer word governs within its clause: AGREE for a cooperative act ("offered to
    mediate", "ready to host a meeting"), THREATEN for a coercive one ("vowed to strike"); None when no offer word
    governs it."""
    if event_type in UNOFFERED_TYPES:
        return None
    sympathy = lex.words("roles", "sympathy_nouns")
    if tree.is_word(i, sympathy):
        return None                       # "offered its condolences": sympathy offered is sympathy given
    heads = lex.words("roles", "offer_heads")
    j = i
    for a in tree.ancestors(i, 3):
        if tree.tokens[j].dep.split(":")[0] not in OFFER_LINKS:
            return None
        if tree.is_word(a, heads):
            return "THREATEN" if event_type in THREATENED_TYPES else "AGREE"
        j = a
    return None


CONDITION_DEPS = {"advcl", "ccomp", "parataxis", "conj"}   # a conjunct marked "если" is a condition the parser coordinated
YIELDING_TYPES = {"RETREAT", "CONCEDE", "AID", "COOPERATE"}   # promised on a condition, threatened to be withheld


def condition_clause(tree: Tree, i: int, lex: Lexicon) -> tuple[int, bool] | None:
    """(head of the condition clause, negative?) of the trigger or a verb just above it in its clause: "if X does
    not ...", "unless X ...", "si no ...", "если не ..."; None without one."""
    marks, negative_marks = lex.words("status", "conditions"), lex.words("status", "negative_conditions")
    negation = lex.words("status", "negation")
    j = i
    for a in [i, *tree.ancestors(i, 2)]:
        if a != i and tree.tokens[j].dep.split(":")[0] not in ("xcomp", "aux", "dobj", "obj", "ccomp"):
            break
        if (found := _condition_below(tree, a, marks, negative_marks | negation)) is not None:
            return found
        j = a
    for o in tree.kids(i, "obl", "obj", "dobj"):     # "предупредил о последствиях, если ...": hung on the object
        if (found := _condition_below(tree, o, marks, negative_marks | negation)) is not None:
            return found
    return None


def _condition_below(tree: Tree, a: int, marks: frozenset[str], negative: frozenset[str]) -> tuple[int, bool] | None:
    """A clause under `a` opened by a condition mark, and whether it is negative."""
    for c in tree.kids(a, *CONDITION_DEPS):
        words = {tree.lemma(k) for k in tree.children[c]} | {tree.form(k) for k in tree.children[c]}
        if words & marks:
            return c, bool(words & negative)
    return None


def conditional_type(tree: Tree, i: int, event_type: str, status: str, lex: Lexicon) -> str | None:
    """The type of an act announced on a condition: THREATEN for a coercive one or one withheld unless the other
    side complies, AGREE for a cooperative one promised if it does; None when the act is not planned on a condition."""
    if status not in ("planned", "hypothetical") or event_type not in THREATENED_TYPES | YIELDING_TYPES:
        return None
    condition = condition_clause(tree, i, lex)
    if condition is None:
        return None
    if event_type in THREATENED_TYPES or condition[1]:
        return "THREATEN"
    return "AGREE"


def obliged_content(tree: Tree, i: int, lex: Lexicon) -> bool:
    """What one side is told it must do has not happened ("the US must be ready to mediate", "debe levantar el
    bloqueo"): the demand is the event. The modal hangs on the trigger or on a verb above it in its clause."""
    for j in [i, *tree.ancestors(i, 3)]:
        if any(f.obligation for c in tree.kids(j, "aux") if c != i for f in lex.verbs.get(tree.lemma(c), ())):
            return True
        # or the modal governs it ("Россия обязана вывести войска", "Ливия должна выдать")
        h = tree.head(j)
        if tree.tokens[j].dep.split(":")[0] == "xcomp" and h is not None and h != i and \
                any(f.obligation for f in lex.verbs.get(tree.lemma(h), ())):
            return True
        if j != i and tree.tokens[j].dep.split(":")[0] in ("ccomp", "parataxis", "root"):
            return False
    return False


def following_phrase(tree: Tree, i: int) -> list[int]:
    """The prepositional phrase right after a nominal trigger that the parser hung on the trigger's own head
    ("la ceremonia de firma de una serie de instrumentos", "the end of the war against ..."): the trigger's
    complement all the same, for the trigger's preposition checks."""
    h = tree.head(i)
    if tree.tokens[i].pos not in ("NOUN", "PROPN") or h is None or h == i or i + 1 >= len(tree.tokens):
        return []
    nxt = tree.tokens[i + 1]
    if nxt.dep == "prep":                                   # English: the preposition heads its phrase
        return [i + 1] if tree.head(i + 1) == h else []
    phrase = tree.head(i + 1)                               # UD: the preposition is a case mark of its noun
    if nxt.dep != "case" or phrase is None or phrase <= i + 1 or tree.head(phrase) != h:
        return []
    return [phrase]


def names_complement(tree: Tree, i: int, nouns: tuple[str, ...], lex: Lexicon) -> bool:
    """A nominal trigger's "of" phrase (a genitive in Russian), where it has one, names one of `nouns` somewhere
    inside: "the opening of the new building of the UAE Embassy", "открытие посольства", not "la inauguración de
    la Gran Presa"; a trigger with no such phrase ("the opening ceremony") passes."""
    of = lex.words("roles", "source_preps") | {"of", "de", "del"}
    phrases = [c for c in tree.children[i] if c > i and tree.tokens[c].dep.split(":")[0] in ("nmod", "prep")
               and (tree.preposition(c) in of or (not tree.kids(c, "case") and tree.tokens[c].morph.get("Case") == "Gen"))]
    for j in range(i + 1, min(i + 5, len(tree.tokens))):    # or hung elsewhere: "la inauguración en mayo de X"
        if tree.tokens[j].pos == "PUNCT":
            break
        if tree.form(j) in of and tree.tokens[j].dep in ("case", "prep"):
            phrase = j if tree.tokens[j].dep == "prep" else tree.head(j)
            phrases += [phrase] if phrase is not None else []
            break
    wanted = set(nouns)
    return not phrases or any(tree.is_word(n, wanted)
                              for c in phrases for n in tree.subtree(c))


def multiword_preps(tree: Tree, i: int) -> set[str]:
    """Prepositions of several words on the trigger's children ("votó en contra de la resolución")."""
    out = set()
    for c in tree.children[i]:
        for case in tree.kids(c, "case"):
            fixed = tree.kids(case, "fixed")
            if fixed:
                out.add(" ".join(tree.form(k) for k in sorted([case, *fixed])))
        if tree.tokens[c].dep == "advmod" and tree.kids(c, "fixed"):    # standing alone: "votaron en contra"
            out.add(" ".join(tree.form(k) for k in sorted([c, *tree.kids(c, "fixed")])))
    return out


def object_names_actor(tree: Tree, obj: int, h: int | None, lex: Lexicon | None) -> bool:
    """The object is the actor or a person of it ("received the ambassador of Moldova", "принял посла Молдавии"),
    not a thing about the actor ("приняли решение в отношении Белоруссии", "hosted a summit on Niger"): no
    preposition on the way up from the actor to the object, other than a possessor's ("of", "de"), and no clause
    of its own ("приняла резолюцию, призывающую США ...", "adopted a resolution urging Israel ...")."""
    if h is None or h not in tree.subtree(obj):
        return False
    possessor = lex.words("roles", "source_preps") if lex is not None else frozenset()
    j = h
    while j != obj and j is not None:
        prep = tree.preposition(j)
        if prep is not None and prep not in possessor:
            return False
        if j != h and tree.tokens[j].pos in ("VERB", "AUX"):
            return False
        j = tree.head(j)
    return True


def marked_objects(tree: Tree, i: int, lex: Lexicon | None) -> list[int]:
    """Objects the parser took for obliques by their preposition ("retiró a su embajador": Spanish marks a person
    object with "a"; ``personal_object_preps`` in [roles]), or hung on the other object ("convocó a una reunión a la
    embajadora": the person taken for the meeting's modifier)."""
    preps = lex.words("roles", "personal_object_preps") if lex is not None else frozenset()
    if not preps:
        return []
    marked = [o for o in tree.kids(i, "obl") if tree.preposition(o) in preps]
    return marked + [n for o in marked + tree.kids(i, "obj") for n in tree.kids(o, "nmod")
                     if tree.preposition(n) in preps]


def object_is_person(tree: Tree, i: int, lex: Lexicon, names_actor) -> bool:
    """Trigger `i`'s direct object (or a passive's subject), when it has one, is a person or a group of them: an
    animate noun, one of the language's ``persons`` words or envoys (``[kinds.SANCTION] envoys``), a name, a pronoun,
    a number, or an actor's own name (`names_actor(o)`): "expelled two diplomats", "выслала граждан", "expulsó a
    la misión de la ONU"; "документы выслали в Литву" (papers sent), "expelled Chinese nets" are no expulsion."""
    objects = tree.kids(i, "obj", "dobj") + (tree.kids(i, "nsubj", *PASSIVE_SUBJECT_DEPS) if tree.is_passive(i)
                                             else tree.kids(i, *PASSIVE_SUBJECT_DEPS))
    if not objects:
        return True
    persons = lex.words("roles", "persons") | next((w for k, w in lex.kinds.get("SANCTION", ()) if k == "envoys"),
                                                   frozenset()) | title_words(lex.language)
    marks = lex.words("roles", "personal_object_preps")     # "recibió al ministro": Spanish marks a person object
    return any(tree.tokens[o].pos != "NOUN" or tree.tokens[o].morph.get("Animacy") == "Anim"
               or tree.is_word(o, persons) or names_actor(o)
               or tree.preposition(o) in marks
               for o in objects)


@functools.cache
def title_words(language: str) -> frozenset[str]:
    """The last word of each title the language's actors.toml knows ("president", "foreign minister" -> minister,
    "canciller", "министр"), and the words that refer to one ("counterpart", "homólogo", "коллега"): persons."""
    data = language_data(language, "actors") or {}
    phrases = list(data.get("roles", {})) + list(data.get("references", {}).get("heads", []))
    return frozenset(p.split()[-1].lower() for p in phrases if p.split())


KIND_WORD_DEPS = {"nmod", "compound", "amod", "pobj", "prep", "xcomp", "oprd", "flat", "conj"}


def act_kind(tree: Tree, i: int, frame: Frame, lex: Lexicon) -> str:
    """Which of its type's distinct acts trigger `i` states (``[kinds.TYPE]`` of the language, in order): the
    words of its object or of the noun's own phrase decide ("closed the border" / "closed the embassy", "закрытие
    границы", "cierre de la embajada"), else the trigger's own lemma ("expelled", "высылка"). A frame's own kind
    stands; a type without kinds, or words naming none, keep none."""
    table = lex.kinds.get(frame.type)
    if frame.kind or not table:
        return frame.kind
    # a person object the parser took for an oblique counts as one ("retiró a su embajador": envoys)
    heads = tree.kids(i, *OBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) + marked_objects(tree, i, lex)
    if tree.tokens[i].pos in ("NOUN", "PROPN"):
        heads += tree.kids(i, "nmod", "compound", "amod", "prep", "flat")
    heads += tree.kids(i, "xcomp", "oprd", "ccomp")            # "declared two diplomats persona non grata"
    if tree.lemma(i) in lex.words("roles", "allegation_verbs"):    # what is alleged: "accused X of backing ..."
        alleged = [k for k in tree.kids(i, "prep", "obl", "obl:arg", "advcl", "xcomp")
                   if tree.preposition(k) in lex.words("roles", "allegation_preps")
                   or any(tree.lemma(m) in lex.words("roles", "allegation_preps") for m in tree.kids(k, "mark"))]
        heads += alleged + [c for k in alleged for c in tree.kids(k, "pcomp", "pobj")]
    words: set[str] = set()
    for h in heads:                                           # the object and the nouns of its own phrase
        for j in [h, *(k for k in tree.children[h] if tree.tokens[k].dep.split(":")[0] in KIND_WORD_DEPS)]:
            words.update((tree.lemma(j), tree.form(j)))
            words.update(tree.lemma(k) for k in tree.kids(j, "pobj"))   # English: "closure of the embassy"
    for name, kind_words in table:
        if words & kind_words:
            return name
    lemma = {tree.lemma(i), tree.form(i)}
    return next((name for name, kind_words in table if lemma & kind_words), "")


def alleged_content(tree: Tree, i: int, lex: Lexicon) -> bool:
    """True when trigger `i` is what an accusation alleges: the complement of an accusing verb
    (``allegation_verbs``) introduced by its preposition (``allegation_preps``: "of", "de", "в") or as its
    infinitive ("acusó a Rabat de respaldar", "accusing the Greek military of firing", "обвинила в нападении").
    The accusation is the event; the act alleged is not stated as happening. Another verb on the way up closes it.
    A noun inside the alleged act's own phrase is alleged with it: "accused the United States of restoring the
    blackmail in the negotiations on Namibia", "обвинила США в срыве переговоров с Колумбией" state no talks.
    An act in a clause its doer denies is not stated either (`denied_acts`)."""
    if denied_content(tree, i, lex):
        return True
    if not lex.words("roles", "allegation_verbs"):
        return False
    if _alleged(tree, i, lex):
        return True
    if tree.tokens[i].pos != "NOUN":
        return False
    for a in tree.ancestors(i, 4):
        if a != i and tree.tokens[a].pos in ("NOUN", "VERB") and _alleged(tree, a, lex):
            return True
        if tree.tokens[a].pos in ("VERB", "AUX"):
            return False
    return False


def _alleged(tree: Tree, i: int, lex: Lexicon) -> bool:
    """Token `i` is marked as an accusing verb's complement and that verb is above it within its clause."""
    verbs, preps = lex.words("roles", "allegation_verbs"), lex.words("roles", "allegation_preps")
    tok = tree.tokens[i]
    head = tree.head(i)
    marks = {tree.lemma(c) for c in tree.kids(i, "mark", "case")}
    marked = tok.dep.split(":")[0] == "xcomp" or bool(marks & preps) or tree.preposition(i) in preps or (
        tok.dep == "pcomp" and head is not None and tree.lemma(head) in preps)
    if not marked:
        return False
    for a in tree.ancestors(i, 4):
        if tree.lemma(a) in verbs:
            return True
        if tree.tokens[a].pos in ("VERB", "AUX"):
            return False
    return False


def in_fixed_phrase(sentence: Sentence, offset: int, lex: Lexicon) -> bool:
    """Trigger words inside idioms that do not state an event ("de acuerdo con", "in accordance with")."""
    return lex.in_fixed_phrase(sentence.text, offset - sentence.start)


def drop_visits_one_is_invited_to(tree: Tree, found: list) -> list:
    """"X invited Y to visit": one event, the invitation (REQUEST, X→Y); the visit it asks for is planned at most
    and adds nothing between the same pair. An invitation accepted ("aceptó la invitación para visitar") leaves
    the visit, which is then the event."""
    invited = {frozenset((c.source.code, c.target.code)) for c in found
               if c.type == "REQUEST" and c.frame.mode == "invitation" and tree.tokens[c.trigger].pos == "VERB"}
    return [c for c in found if not (c.type == "CONSULT" and c.status == "planned"
                                     and frozenset((c.source.code, c.target.code)) in invited)]


REQUESTED_LINKS = {"xcomp", "dobj", "obj", "ccomp"}                  # what a request verb asks for
REQUESTED_PATH = REQUESTED_LINKS | {"conj", "prep", "pobj", "obl", "nmod"}   # and the words inside it


def requested_content(tree: Tree, i: int, lex: Lexicon) -> bool:
    """"asked Amman to support the bid", "seeks backing for", "calls on both to cease fire and return to talks":
    what is asked for has not happened; the request is the event. A visit one is invited to make stays (it is a
    planned visit). The request verb must take the asked-for clause as its complement or object: "during the talks,
    X asked" leaves the talks an event."""
    j = i
    for _ in range(5):
        head, dep = tree.head(j), tree.tokens[j].dep.split(":")[0]
        # "pushing for the US to support", "presionó para que", "a call for its forces to be deployed"; an English
        # purpose infinitive's "to" is tagged as its aux: "demanded a meeting to discuss"
        if head is not None and dep in ("advcl", "acl", "relcl"):
            marks = {tree.lemma(m) for m in tree.kids(j, "mark")} | {
                tree.lemma(m) for m in tree.kids(j, "aux") if tree.tokens[m].pos == "PART"}
            if not marks & lex.words("roles", "request_marks"):
                return False
            g = tree.head(head)           # or of the act asked or threatened: "amenazó con recurrir a ... para denunciar"
            return _requests(tree, head, lex) or (g is not None and tree.tokens[head].dep in REQUESTED_LINKS
                                                  and _requests(tree, g, lex))
        if head is None or dep not in REQUESTED_PATH:
            return False
        if (dep in REQUESTED_LINKS or _asked_with(tree, head, j, lex)) and _requests(tree, head, lex, j):
            own = lex.verbs.get(tree.lemma(i), ()) + lex.nouns.get(tree.lemma(i), ())
            invited = any(f.mode == "invitation" for f in lex.verbs.get(tree.lemma(head), ()))
            return not (invited and any(f.type == "CONSULT" for f in own))
        j = head
    return False


def _asked_with(tree: Tree, head: int, j: int, lex: Lexicon) -> bool:
    """What a demand verb asks for through the preposition its frame requires ("insisted on the withdrawal",
    "настаивает на выводе", "pushed for the release")."""
    prep = tree.preposition(j)
    return prep is not None and any(f.type == "REQUEST" and prep in f.requires_prep
                                    for f in lex.verbs.get(tree.lemma(head), ()))


def _requests(tree: Tree, i: int, lex: Lexicon, asked: int | None = None) -> bool:
    if tree.is_passive(i):              # "are expected to sign": a plan, not a request
        return False
    # what is threatened or refused has not happened either: "threatened to strike", "refused to commit assistance";
    # a sense bound to its objects asks only for those ("ожидает сотрудничества", not "ожидают визита": a plan)
    # and a sense that orders a state asks nothing of an act it orders ("ordered the expulsion": decided, done)
    return any(f.type in ("REQUEST", "THREATEN", "REJECT") and not f.requires_negated and (
        asked is None or f.type != "REQUEST" or not f.requires_object_noun or tree.lemma(asked) in f.requires_object_noun)
        and not (f.requires_object_actor and asked is not None and tree.lemma(asked) in lex.nouns)
               for f in lex.verbs.get(tree.lemma(i), ())) or \
        tree.lemma(i) in lex.words("roles", "request_verbs") or refused(tree, i, lex)   # "would not meet the demands"
