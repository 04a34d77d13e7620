"""Status of an event: negated, hypothetical, planned, ongoing or occurred, read from the trigger and the words
that govern it within its own clause (auxiliaries, tense and mood, negation, words of plan or wish).

The words are each language's own (``[status]`` in ``data/lang/<iso>/events.toml``); the grammar is read from the
parse: a finite past verb asserts that it happened, a future, a conditional seen from the past or a subjunctive of
purpose looks ahead, and a relative clause states what it says on its own.
"""
from __future__ import annotations

from ..lexicon import Lexicon
from .rules import CLAUSE_LINKS, STATUS_LINKS, Tree

STATUS_MARKER_DEPS = {"aux", "auxpass", "neg", "advmod", "mark", "amod", "expl", "cop", "case", "det"}

def event_status(tree: Tree, i: int, lex: Lexicon) -> str:
    """negated > hypothetical > planned > ongoing > occurred, from the trigger and the words that govern it (read
    once per trigger: each frame of it, and the pair rules, ask again)."""
    return tree.remember(("status", i, lex.language), lambda: _event_status(tree, i, lex))


def _event_status(tree: Tree, i: int, lex: Lexicon) -> str:
    chain = _own_reason(tree, status_chain(tree, i), lex.words("status", "reason_nouns"))
    levels: list[set[str]] = []            # per word of the chain: it (above the trigger) and its marker children
    for n, a in enumerate(chain):
        # "plans to visit": the governing word, not the trigger, nor a verb it is coordinated with ("rechazó y
        # condenó": the condemnation is no refusal)
        found = {tree.lemma(a)} if n > 0 and tree.tokens[chain[n - 1]].dep.split(":")[0] != "conj" else set()
        for c in tree.children[a]:
            dep = tree.tokens[c].dep
            base = dep.split(":")[0]
            if c in chain or (n > 0 and base not in STATUS_MARKER_DEPS) or base in CLAUSE_LINKS:
                continue
            if base == "prep" and tree.kids(c, "pcomp", "pobj"):   # a phrase of its own: its words apply to its
                continue                  # object ("Without renouncing its claim, Bolivia agreed", "met without delay")
            for w in [c, *tree.kids(c, "fixed")]:     # a multiword marker: "en vísperas de", "ahead of"
                found.add(tree.lemma(w))
                found.add(tree.form(w))
        levels.append(found)
    near = set().union(*levels)
    words = lambda key: lex.words("status", key)
    # a negated litotes above the trigger affirms it: "ответные меры не заставят себя ждать", "will not hesitate"
    litotes = {tree.lemma(a) for a in chain[1:]} & words("litotes")
    if set().union(*levels[:_predicated(tree, chain)]) & words("negation") and not litotes:
        return "negated"
    if near & words("hypothetical"):
        return "hypothetical"
    # A finite verb in the past asserts that it happened: its own modifiers cannot make it, or a trigger noun under
    # it, planned ("прибыл с визитом накануне вечером", arrived the evening before); words governing it still can,
    # and so do the trigger noun's own ("накануне визита", on the eve of the visit: a visit ahead) and the words
    # between the two ("adelantó planes de firmar", announced plans to sign). A past verb that looks ahead makes
    # its infinitive complement planned ("agreed to hold", "acordaron ampliar", "договорились провести").
    past = next((n for n, a in enumerate(chain) if _finite_past(tree, a)), None)
    if past is None:
        planned_scope = near
    elif past == 0:
        planned_scope = set().union(*levels[1:])
    else:
        link = tree.tokens[chain[past - 1]].dep.split(":")[0]      # and a scheduled act ("анонсировали встречу")
        complement = link == "xcomp" or (link in ("obj", "dobj") and tree.lemma(chain[past]) in words("scheduling_verbs"))
        planned_scope = set().union(*levels[:past], *levels[past + 1:],
                                    {tree.lemma(chain[past])} if complement else set())
    if planned_scope & (words("planned_aux") | words("planned_lemmas")) \
            or any(_future(tree, a, words("purpose_marks")) for a in chain[:3]) \
            or _be_to(tree, chain, words("planned_be_to"), words("purpose_subjects")):
        return "planned"
    if near & words("ongoing"):
        return "ongoing"
    return "occurred"


def _predicated(tree: Tree, chain: list[int]) -> int:
    """How many words of the chain a negation may come from: a trigger noun that is the subject of a copular
    predicate is what the predicate is said of, and a negated predicate denies that, not the act ("our solidarity
    with Ukraine is not a slogan but...", "nuestra solidaridad no es un lema", "наша солидарность — это не
    лозунг"): the chain stops below a nominal or copular head its subject hangs on."""
    for n in range(1, len(chain)):
        if tree.tokens[chain[n - 1]].dep.split(":")[0] == "nsubj" and tree.tokens[chain[n]].pos != "VERB":
            return n
    return len(chain)


def _own_reason(tree: Tree, chain: list[int], reasons: frozenset[str]) -> list[int]:
    """A request or an invitation in a phrase of a verb (``reason_nouns``) says why the verb's act was done or
    not: "will not reveal the details at the request of Kyiv", «no revelará ... a petición de Kiev», «по просьбе
    Киева не раскрывает» deny or plan no request; its status is its own, the verb's words do not reach it."""
    if tree.lemma(chain[0]) not in reasons:
        return chain
    for n in range(1, len(chain)):
        if tree.tokens[chain[n]].pos in ("VERB", "AUX") \
                and any(tree.tokens[a].dep.split(":")[0] in ("prep", "pobj", "obl") for a in chain[:n]):
            return chain[:n]
    return chain


def _be_to(tree: Tree, chain: list[int], be: frozenset[str], purposes: frozenset[str] = frozenset()) -> bool:
    """An arrangement told by a copula or auxiliary with an infinitive ("the ministers are to hold talks and sign an
    agreement", "is to visit"; "han de celebrar conversaciones"): the act is still to come, whatever its tense. A
    copula whose subject names a purpose says what an act is for, not that it is arranged ("the goal of the trip
    is to open new perspectives of cooperation")."""
    def infinitive(v: int) -> bool:
        return tree.tokens[v].morph.get("VerbForm") == "Inf"
    return any((tree.lemma(a) in be and tree.tokens[chain[n]].dep.split(":")[0] == "xcomp" and infinitive(chain[n])
                and not any(tree.lemma(t) in purposes for t in tree.kids(a, "nsubj", "nsubjpass"))
                and any(tree.tokens[t].pos == "PART" for t in tree.kids(chain[n], "aux")))
               for n, a in enumerate(chain[1:])) \
        or any(infinitive(v) and any(tree.lemma(t) in be for t in tree.kids(v, "aux")) and tree.kids(v, "mark")
               for v in chain)


def _finite_past(tree: Tree, i: int) -> bool:
    morph = tree.tokens[i].morph
    return tree.tokens[i].pos in ("VERB", "AUX") and morph.get("Tense") == "Past" and morph.get("VerbForm") == "Fin"


def status_chain(tree: Tree, i: int) -> list[int]:
    """The trigger and the words above it within its own clause (through control verbs and arguments)."""
    chain, j = [i], i
    for _ in range(4):
        h = tree.head(j)
        if h is None or tree.tokens[j].dep not in STATUS_LINKS or relative_clause(tree, j):
            break
        chain.append(h)
        j = h
    return chain


def relative_clause(tree: Tree, j: int) -> bool:
    """Finite verb `j` opens a relative clause ("las sanciones contra altos cargos, a los que acusa de corrupción"):
    what it states stands on its own; a refusal or plan above the noun it describes does not reach it."""
    tok = tree.tokens[j]
    return tok.dep.split(":")[0] in ("acl", "relcl") and tok.morph.get("VerbForm") == "Fin" and any(
        "Rel" in tree.tokens[c].morph.get("PronType", "") for c in tree.children[j])


def _future(tree: Tree, i: int, purpose_marks: frozenset[str] = frozenset()) -> bool:
    tok = tree.tokens[i]
    if tok.morph.get("Tense") == "Fut" and tok.pos in ("VERB", "AUX"):
        return True
    if tok.morph.get("Mood") == "Cnd" and tok.pos == "VERB":
        return True     # a future seen from the past: "dijo que tomaría medidas" (not "habría tomado": a report)
    if tok.morph.get("Mood") == "Sub" and tok.pos == "VERB" \
            and any(tree.lemma(m) in purpose_marks for m in tree.kids(i, "mark")):
        return True    # "para que el canciller visite Astaná": a purpose still to come ("el hecho de que" is not)
    return any(tree.tokens[c].morph.get("Tense") == "Fut" for c in tree.kids(i, "aux", "aux:pass", "cop"))


def drop_unheld_meetings(candidates: list) -> list:
    """A meeting, visit or talks said not to take place ("ASEAN should not be hosted by Myanmar", "no habrá
    reunión con Caracas", "встреча с Киевом не состоялась") is no CONSULT: the gold sets code acts held or planned,
    and a refusal to meet is an act of its own (REJECT, read by the trigger's refused_type before its status)."""
    return [c for c in candidates if not (c.type == "CONSULT" and c.status == "negated")]
