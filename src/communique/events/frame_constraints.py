"""Which of a trigger word's frames apply (``data/lang/<iso>/events.toml``): the constraints a frame sets on the
trigger's neighbours (a preposition, a modifier, a governing word, an object noun, a person or an actor as object)
and the words that say no act is meant here (a wish or a chance above the trigger, a state one holds rather than an
act that happens).
"""
from __future__ import annotations

from ..lexicon import Frame, Lexicon
from ..records import Token
from .actor_mentions import ActorMention
from .arguments import governing_verb
from .rules import OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, Tree
from .status import event_status
from .triggers import as_threat, following_phrase, marked_objects, multiword_preps, names_complement, object_is_person, \
    object_names_actor


def lexical_frames(tok: Token, lex: Lexicon) -> tuple[Frame, ...] | list[Frame]:
    """The frames the lexicon gives the word by its part of speech and lemma (or form, for a noun)."""
    return lex.frames_of(tok.lemma, tok.text, tok.pos)


def trigger_frames(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> list[Frame]:
    return [f for f in lexical_frames(tree.tokens[i], lex) if frame_applies(tree, i, f, mentions, heads, lex)]


def under_non_event_head(tree: Tree, i: int, lex: Lexicon, event_type: str | None = None) -> bool:
    """A trigger that a wish or a chance governs within its clause ("is also interested in economic agreements",
    "la oportunidad histórica de firmar un tratado"): no event has happened or been set. (An anniversary still
    states the event it celebrates: the `dates` stage dates it that many years back.)"""
    heads = lex.words("roles", "non_event_heads")
    if event_type != "THREATEN":          # "the right of X to fire on": claimed, not done; a right to respond threatens
        heads = heads | lex.words("roles", "right_heads")
    for a in tree.ancestors(i, 4):
        if tree.is_word(a, heads):
            return True
        form = tree.tokens[a].morph.get("VerbForm")
        if tree.tokens[a].pos in ("VERB", "AUX") and form not in ("Inf", "Ger") and \
                not (form == "Part" and tree.tokens[a].dep == "pcomp"):     # "possibilities of expanding"
            return False                  # a finite verb closes the clause; "the chance to sign a treaty" does not
        if tree.tokens[a].pos == "VERB" and tree.kids(a, *SUBJECT_DEPS):
            return False                  # nor does a verb with its own subject ("hopes his visit will open")
    return False


#: what an agreement cited as the measure of another act would govern if it were stated: its content or partner
CITED_COMPLEMENT_DEPS = ("nsubj", "dobj", "obj", "iobj", "xcomp", "ccomp", "csubj")


def cited_agreement(tree: Tree, i: int, lex: Lexicon) -> bool:
    """An agreement verb in a clause of manner with neither subject nor content ("as originally agreed", "como se
    había acordado", "как было договорено"): the act it qualifies is measured by an earlier agreement, none is
    stated here. A reflexive "se" is no object; the parser may take the mark for an adverb ("as originally
    agreed")."""
    if tree.tokens[i].pos != "VERB" or not any(tree.is_word(m, lex.words("roles", "manner_marks"))
                                                for m in tree.kids(i, "mark", "advmod")):
        return False
    return not [c for c in tree.kids(i, *CITED_COMPLEMENT_DEPS)
                if not (tree.tokens[c].pos == "PRON" and tree.is_word(c, lex.words("roles", "reflexive_passive")))]


#: acts against another side that a side agrees to take: the act is the event, not an agreement with its target
AGREED_HOSTILE_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT", "THREATEN", "MOBILIZE", "ACCUSE", "REJECT",
                                  "PROTEST"})


def agreed_to_punish(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> bool:
    """A single side that agrees to act against another ("the EU agreed to impose new sanctions on Belarus", "la UE
    acordó imponer sanciones a Bielorrusia", "Евросоюз договорился ввести санкции против Белоруссии"): what it
    agreed among its members is the sanction, which the complement's own trigger states; no agreement with the side
    sanctioned. Sides that agree together ("Russia and Ukraine agreed") and acts stopped or lifted ("agreed to stop
    shelling", "to lift the sanctions") still agree."""
    if tree.tokens[i].pos != "VERB" or any(tree.kids(s, "conj") for s in tree.kids(i, *SUBJECT_DEPS)):
        return False
    undone = lex.words("roles", "reversal_verbs") | lex.words("status", "litotes")
    marks = lex.words("status", "purpose_marks")         # "agreed on Monday to expel", not "Sin renunciar a"
    chain = [c for c in tree.kids(i, "xcomp", "ccomp", "advcl") if tree.tokens[c].pos == "VERB" and (
        tree.tokens[c].dep != "advcl" or any(tree.is_word(m, marks) for m in tree.kids(c, "mark", "aux")))]
    if not chain or tree.is_word(chain[0], undone):
        return False
    chain += [o for v in chain for o in tree.kids(v, *OBJECT_DEPS) if tree.tokens[o].pos == "NOUN"]
    return any(f.type in AGREED_HOSTILE_TYPES for v in chain for f in trigger_frames(tree, v, lex, mentions, heads))


def force_as_time(tree: Tree, i: int, frame: Frame, lex: Lexicon) -> bool:
    """Force named as the time of an act announced ahead ("would reinforce its border operations after the armed
    clash", "reforzaría sus acciones en la frontera tras el enfrentamiento", "усилит операции на границе после
    столкновения"): the clash precedes the act; the announcement's future is not its own, so it is no threat of
    force, and its report, if any, states it elsewhere. A noun in a ``sequence_preps`` phrase (or the noun it
    completes: "после вооруженного столкновения") whose type the governing future would turn into THREATEN."""
    if tree.tokens[i].pos != "NOUN":
        return False
    anchor, h = i, tree.head(i)
    if tree.preposition(i) is None and h is not None and tree.tokens[h].pos == "NOUN" and \
            tree.tokens[i].dep.split(":")[0] in ("nmod", "pobj"):
        anchor = h
    if tree.preposition(anchor) not in lex.words("roles", "sequence_preps"):
        return False
    return as_threat(frame.type, event_status(tree, i, lex), frame.mode) == "THREATEN"


def claimed_right(tree: Tree, i: int, lex: Lexicon) -> bool:
    """A response one claims the right to ("reserves the right to respond", "se reserva el derecho de responder",
    "оставляет за собой право ответить"): promised as much as a planned one."""
    return any(tree.lemma(a) in lex.words("roles", "right_heads") for a in tree.ancestors(i, 2))


def stative(tree: Tree, i: int, lex: Lexicon) -> bool:
    """A nominal trigger held rather than happening: "has consular accords with Brazil", "tiene acuerdos"."""
    if tree.tokens[i].pos not in ("NOUN", "PROPN"):
        return False
    governor = governing_verb(tree, i)
    return governor is not None and tree.lemma(governor) in lex.words("roles", "stative_verbs")


def thanked_for(tree: Tree, i: int, lex: Lexicon) -> bool:
    """A noun of support that a word of thanks governs, directly or through its preposition ("thanked for the
    condolences", "agradeció las condolencias", "поблагодарил за соболезнования"): the other side's act, thanked
    for, no act of the one who thanks (the thanks is its own trigger)."""
    if tree.tokens[i].pos != "NOUN":
        return False
    h = tree.head(i)
    if h is not None and tree.tokens[h].pos == "ADP":       # English: "for" above its object
        h = tree.head(h)
    return h is not None and h != i and any(f.mode == "gratitude" for f in lexical_frames(tree.tokens[h], lex))


def courtesy_asked(tree: Tree, i: int, lex: Lexicon) -> bool:
    """A request to pass on a courtesy ("asked the ambassador to convey his greetings to the President", "le pidió
    transmitir sus saludos al presidente", "попросил передать привет президенту"): good manners, nothing asked of
    the other side ([roles] courtesy_nouns, what the asked clause passes on)."""
    courtesies = lex.words("roles", "courtesy_nouns")
    # ("pidió al embajador que transmitiera sus felicitaciones": the parser may hang the clause on the one asked)
    for c in tree.kids(i, "xcomp", "ccomp") + [a for o in tree.kids(i, *OBJECT_DEPS) for a in tree.kids(o, "acl")]:
        objects = tree.kids(c, *OBJECT_DEPS)
        objects += [k for o in objects for k in tree.kids(o, "conj")]
        if any(tree.is_word(o, courtesies) for o in objects):
            return True
    return False


def asks_no_state(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> bool:
    """A call whose addressee is no state but the public at large, no actor named in it ("called on the
    international community to support Ukraine", "instó a la comunidad internacional a apoyar a Ucrania", "призвал
    мировое сообщество поддержать Украину"; [roles] public_nouns): the side its asked act concerns (Ukraine, the
    beneficiary) is not asked anything."""
    to = lex.words("roles", "appeal_preps")
    asked = tree.kids(i, *OBJECT_DEPS) + [o for p in tree.kids(i, "prep") if tree.lemma(p) in to
                                          for o in tree.kids(p, "pobj")] + \
        [o for o in tree.kids(i, "obl", "nmod") if tree.preposition(o) in to] + \
        [s for c in tree.kids(i, "xcomp", "ccomp") for s in tree.kids(c, *SUBJECT_DEPS)]   # "urged X to vote": X
    public = lex.words("roles", "public_nouns")
    named = lambda o: [m for m in mentions if heads.get(id(m)) in tree.subtree(o)]   # noqa: E731
    return any(tree.is_word(o, public) and not named(o) for o in asked)


def joins_other_act(tree: Tree, i: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> bool:
    """Taking part in an act the lexicon knows, of which no consultation applies here ("took part in the exchange of
    prisoners", "participó en el intercambio de prisioneros", "участвовали в обмене военнопленными": an exchange
    not of views; "participated in the attack"): the act itself, no meeting of the participants. A gathering the
    lexicon does not know as an act ("the ceremony", "el foro") stays a multilateral meeting."""
    joined = [o for o in tree.children[i] if tree.tokens[o].dep.split(":")[0] in ("obl", "obj", "dobj", "nmod")]
    joined += [o for p in tree.kids(i, "prep") for o in tree.kids(p, "pobj")]   # English: "in" above its object
    for o in joined:
        frames = lexical_frames(tree.tokens[o], lex) if tree.tokens[o].pos == "NOUN" else ()
        if frames and not any(f.type == "CONSULT" and f.mode != "multilateral"
                              and frame_applies(tree, o, f, mentions, heads, lex) for f in frames):
            return True
    return False


def stands_alone(tree: Tree, c: int) -> bool:
    """An adverbial preposition with no object of its own ("проголосовали против."), or only an aside set off by
    punctuation after it ("против: США, Израиль", "против, в том числе США"): the list names the voters."""
    return all(k > c and any(tree.tokens[j].pos == "PUNCT" for j in range(c + 1, k)) for k in tree.children[c]
               if tree.tokens[k].pos != "PUNCT")


def alone_after(tree: Tree, i: int) -> set[str]:
    """The adverbial preposition standing alone right after the trigger, wherever the parser hung it ("тогда как
    девять стран проголосовали против: ...", its "против" hung on the main clause's verb)."""
    j = i + 1
    if j < len(tree.tokens) and tree.tokens[j].dep == "advmod" and stands_alone(tree, j):
        return {tree.lemma(j)}
    return set()


def frame_applies(tree: Tree, i: int, frame: Frame, mentions: list[ActorMention], heads: dict,
                  lex: Lexicon | None = None) -> bool:
    if lex is not None and frame.type == "SUPPORT" and thanked_for(tree, i, lex):
        return False
    if lex is not None and frame.type == "REQUEST" and (courtesy_asked(tree, i, lex)
                                                        or asks_no_state(tree, i, lex, mentions, heads)):
        return False
    if lex is not None and frame.mode == "multilateral" and joins_other_act(tree, i, lex, mentions, heads):
        return False
    if lex is not None and frame.type != "THREATEN" and force_as_time(tree, i, frame, lex):
        return False
    if lex is not None and frame.type == "AGREE" and (cited_agreement(tree, i, lex)
                                                      or agreed_to_punish(tree, i, lex, mentions, heads)):
        return False
    # a meeting or a call one "has" happens all the same ("had a telephone conversation", "tuvo una reunión")
    held = frame.type != "CONSULT" and stative(tree, i, lex) if lex is not None else False
    if lex is not None and (held or under_non_event_head(tree, i, lex, frame.type)):
        return False
    if frame.requires_prep:
        preps = {tree.preposition(c) for c in tree.children[i] + following_phrase(tree, i)} | \
            multiword_preps(tree, i) | {tree.lemma(m) for c in tree.kids(i, "advcl", "ccomp") for m in tree.kids(c, "mark")} | \
            {tree.lemma(c) for c in tree.kids(i, "advmod") if stands_alone(tree, c)} | \
            alone_after(tree, i)          # "проголосовали против.", "против: Беларусь, Мали"
        if not preps & set(frame.requires_prep):
            return False
    if frame.requires_modifier:
        # a conjunct shares the modifier of the word it is coordinated with: "an excellent reference point and
        # partner", "отличным ориентиром и партнером"
        anchors = [i] + ([h] if tree.tokens[i].dep == "conj" and (h := tree.head(i)) is not None else [])
        kids = [c for h in anchors for c in tree.children[h] if c != i]
        kids += [g for c in kids if tree.tokens[c].dep == "prep" for g in tree.kids(c, "pobj")]   # "closure of the embassy"
        # what a count noun counts: "reduction in the number of diplomats", «сокращение числа сотрудников»
        counted = [g for c in kids if lex is not None and tree.lemma(c) in lex.words("roles", "count_nouns")
                   for g in tree.children[c]]
        kids += counted + [g for c in counted if tree.tokens[c].dep == "prep" for g in tree.kids(c, "pobj")]
        kids += [g for c in kids if tree.tokens[c].dep.split(":")[0] == "amod" for g in tree.kids(c, "conj")]
        # an adjective the parser hung on a bare noun of the phrase: "socios de cooperación inseparables"
        kids += [g for c in kids if tree.tokens[c].dep == "nmod" and not tree.kids(c, "det") for g in tree.kids(c, "amod")]
        # the predicate the parser hung on the object as its adjective: after it ("called Canada's decision hasty")
        # or on a bare noun ("designó a Irán estado patrocinador del terrorismo")
        kids += [g for c in kids if tree.tokens[c].dep in OBJECT_DEPS for g in tree.kids(c, "amod")
                 if g > c or not tree.kids(c, "det")]
        # an infinitive the parser hung on the object: "заставили миссию ООН покинуть страну"
        kids += [g for c in kids if tree.tokens[c].dep in OBJECT_DEPS
                 for g in tree.children[c] if tree.tokens[g].pos == "VERB"]
        # and the predicate in the instrumental hung on that infinitive ("назвал решение закрыть границу антинародным")
        kids += [g for c in kids if tree.tokens[c].pos == "VERB" and tree.tokens[c].dep not in OBJECT_DEPS
                 for g in tree.children[c] if tree.tokens[g].morph.get("Case") == "Ins"]
        # the predicate adjective the noun is the subject of: "las relaciones son excelentes", "отношения отличные"
        # (English hangs both on the verb "be": its complement)
        predicate: list[int] = []
        if tree.tokens[i].dep.split(":")[0] == "nsubj" and (h := tree.head(i)) is not None and tree.kids(h, "cop"):
            predicate = [h, *tree.kids(h, "conj")]
        elif tree.tokens[i].dep == "nsubj" and (h := tree.head(i)) is not None and tree.lemma(h) == "be":
            predicate = [a for c in tree.kids(h, "acomp", "attr") for a in (c, *tree.kids(c, "conj"))]
        kids = predicate if frame.predicate_modifier else kids + predicate
        # ("una respuesta coordinada y firme": the second of two coordinated modifiers counts too)
        mods = {tree.lemma(c) for c in kids} | {tree.form(c) for c in kids}
        if not mods & set(frame.requires_modifier):
            return False
    if frame.complement_nouns and not names_complement(tree, i, frame.complement_nouns, lex):
        return False                      # "la inauguración de la Gran Presa": no mission is opened
    if frame.requires_governor:
        # the governing word above the trigger, or just before it when the parser attached the noun elsewhere
        near = {tree.lemma(a) for a in tree.ancestors(i, 5)} | {tree.lemma(j) for j in range(max(0, i - 6), i)}
        if not near & set(frame.requires_governor):
            return False
    if frame.requires_object_noun:
        # the form too: a lemmatiser may take a participle noun for its verb ("поверенный" → "поверить")
        passive_subjects = tree.kids(i, "nsubj") if tree.is_passive(i) else []   # "fue convocado el embajador"
        # and the title before an object's name ("summoned Russian Ambassador Alexei Borodavkin")
        nouns = tree.kids(i, *OBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) + passive_subjects + marked_objects(tree, i, lex)
        # the object of a particle the parser took for a preposition ("called in the ambassador")
        nouns += [o for p in tree.kids(i, "prep") if tree.lemma(p) in frame.requires_prep for o in tree.kids(p, "pobj")]
        nouns += [k for h in nouns for k in tree.kids(h, "conj")]    # "sent medical teams and vaccines"
        objects = {w for c in nouns + [k for h in nouns for k in tree.kids(h, "compound")]
                   for w in (tree.lemma(c), tree.form(c))}
        if not objects & set(frame.requires_object_noun):
            return False
    if frame.person_object and lex is not None and not object_is_person(
            tree, i, lex, lambda o: any(heads.get(id(m)) == o for m in mentions) or _same_act(tree, o, frame, lex)):
        return False
    if frame.requires_object_actor and lex is not None and _act_predicated(tree, i, frame, lex, mentions, heads):
        return False
    if frame.requires_object_actor:
        # an object that is another kind of act is that act's, not a guest ("se recibirá ayuda de ... la ACNUR")
        # (nor a source the parser took for an object: "los ataques recibidos de Israel"; a passive's agent is one);
        # in the passive the guest is the subject ("el presidente de Bolivia fue recibido por su par de Perú")
        marks = (None, *lex.words("roles", "personal_object_preps"), *lex.words("roles", "agent_preps"))
        guests = tree.kids(i, *OBJECT_DEPS, *((*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) if tree.is_passive(i) else ()))
        objects = [o for o in guests if not _other_act(tree, o, frame, lex) and tree.preposition(o) in marks]
        if not any(object_names_actor(tree, o, heads.get(id(m)), lex) for o in objects for m in mentions):
            return False
    return True


#: what a verb says its object is ("recognised X as persona non grata", "признал персонами нон грата",
#: "reconoció como personas non gratas")
PREDICATE_DEPS = ("xcomp", "oprd", "obl")


def _act_predicated(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> bool:
    """The verb says its object is an act of another type: the act is the event, not a recognition of a guest
    ("recognised three diplomats as personae non gratae", "признал персонами нон грата", "reconoció como personas
    non gratas": an expulsion)."""
    return any(tree.tokens[p].pos == "NOUN" and tree.preposition(p) is None and _other_act(tree, p, frame, lex)
               and any(f.type != frame.type for f in trigger_frames(tree, p, lex, mentions, heads))
               for p in tree.kids(i, *PREDICATE_DEPS))


def _same_act(tree: Tree, o: int, frame: Frame, lex: Lexicon) -> bool:
    """The object names an act of the frame's own type ("received a visit from", "recibió la visita de", "received a
    call from"): the act received stands for its guest."""
    return frame.type in {f.type for f in lex.nouns.get(tree.lemma(o).lower(), ())}


def _other_act(tree: Tree, o: int, frame: Frame, lex: Lexicon) -> bool:
    """A noun of an act of another type than the frame's ("ayuda", "aid", "помощь" for a host), or of a decision or
    proposal ("welcomed Jordan's decision": [kinds.REJECT] decisions, proposals), or of a stance or a bid one holds
    ("welcomed Sudan's position", "acogió con beneplácito la candidatura de": [roles] stance_nouns): no guest."""
    tok = tree.tokens[o]
    if tok.pos != "NOUN":
        return False
    named = {w for kind, words in lex.kinds.get("REJECT", ()) if kind in ("decisions", "proposals") for w in words}
    named |= lex.words("roles", "stance_nouns")
    types = {f.type for f in lex.nouns.get(tok.lemma.lower(), ())}
    return tok.lemma.lower() in named or bool(types) and frame.type not in types
