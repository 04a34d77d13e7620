"""A side's claim that the other side did a hostile act is its accusation of that side.

"Azerbaijan's defence ministry said Armenian forces had violated the ceasefire", "Pakistán afirmó que la India atacó
cinco aldeas", "Пакистан заявил, что Индия атаковала пять населённых пунктов": besides the act (when the clause
names whom it hit), the speaker accuses its doer, an event of its own (ACCUSE). A claim states it only when the
clause is the speech verb's own complement, the act is one of the language's conflict verbs (its frame's
constraints met: "opened fire", not "opened a consulate"), the doer is another side than the speaker, and the act
hits the speaker or no side named: a third side's report of a strike on someone else ("the US said Israel struck
targets in Gaza") accuses no one.
"""
from __future__ import annotations

from dataclasses import replace

from ..lexicon import Frame, Lexicon
from .actor_mentions import ActorMention
from .frame_constraints import frame_applies, lexical_frames
from .merge import Candidate
from .rules import SUBJECT_DEPS, Tree

# the acts whose doer a claim accuses: force used on the claimant's side
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE"})
CLAIM = Frame(type="ACCUSE", mode="claim", speaker=True)
CLAIM_CONFIDENCE = 0.6
CLAUSE_DEPS = ("ccomp",)
NEGATION_DEPS = ("neg", "advmod")


def claimed_acts(tree: Tree, lex: Lexicon, mentions: list[ActorMention], heads: dict, index: int,
                 context: list[ActorMention] = ()) -> list[Candidate]:
    """ACCUSE events of speakers on the doers of the hostile acts their complement clauses state; a speaker named
    only as "the ministry", "it" or not at all ("..., заявили в ведомстве") is the side the text was speaking of
    (`context`: the subjects of the sentences before)."""
    speech = lex.words("roles", "speech_verbs") | lex.words("roles", "claim_verbs")
    negations = lex.words("roles", "refusal_negation")
    beliefs = lex.words("roles", "belief_verbs")
    out: list[Candidate] = []
    for a, tok in enumerate(tree.tokens):
        if tok.pos not in ("VERB", "AUX"):
            continue
        believes = tree.lemma(a) in beliefs
        if not (believes or tree.lemma(a) in speech) or _negated(tree, a, negations):
            continue
        speakers = _subject_actors(tree, a, mentions, heads) or _unnamed_speaker(tree, a, lex, context)
        if not speakers:
            continue
        speaker = speakers[0]
        for v in _claimed_clauses(tree, a, lex):
            if _culprit_clause(tree, v, lex) and not _negated(tree, v, negations):
                # "said Kyiv was behind the attack", «считает, что за терактом стоит Киев»: whom it names guilty
                culprits = [m for k in [v, *tree.kids(v, "cop")] for m in _subject_actors(tree, k, mentions, heads)
                            if m.code != speaker.code]
                if culprits:
                    out.append(Candidate("ACCUSE", CLAIM, speaker, culprits[0], index, a, CLAIM_CONFIDENCE))
                continue
            if believes:
                continue
            if tree.tokens[v].pos != "VERB" or _negated(tree, v, negations) or not _hostile(tree, v, lex, mentions, heads):
                continue
            # the subject of the act, or of the verb that tries or begins it ("troops tried to cross")
            doer_verb = tree.head(v) if tree.tokens[v].dep == "xcomp" and not tree.kids(v, *SUBJECT_DEPS) else v
            doers = [m for m in _subject_actors(tree, doer_verb, mentions, heads) if m.code != speaker.code]
            hit = {m.code for m in mentions if heads.get(id(m)) in tree.subtree(v)
                   and heads.get(id(m)) not in {j for s in tree.kids(doer_verb, *SUBJECT_DEPS) for j in tree.subtree(s)}}
            if not doers or hit - {speaker.code, doers[0].code}:
                continue                  # a third side hit: a report, no accusation
            out.append(Candidate("ACCUSE", CLAIM, speaker, doers[0], index, a, CLAIM_CONFIDENCE))
    return out


def _claimed_clauses(tree: Tree, a: int, lex: Lexicon) -> list[int]:
    """The verbs of what speech verb `a` says: its complement clause, one hung on a pronoun that stands for it
    ("сообщило о том, что ..."), their conjuncts and the acts they try or begin ("tried to cross the border",
    "пытались нарушить границу")."""
    clauses = tree.kids(a, *CLAUSE_DEPS)
    pronouns = lex.words("roles", "clause_pronouns")
    clauses += [k for c in tree.children[a] if tree.lemma(c) in pronouns for k in tree.kids(c, *CLAUSE_DEPS, "acl")]
    clauses += [k for c in clauses for k in tree.kids(c, "conj")]
    return clauses + [k for c in clauses for k in tree.kids(c, "xcomp")]


def someone_else_speaks(tree: Tree, a: int, lex: Lexicon) -> bool:
    """Verb `a` has a subject that is none of ``pronoun_subjects`` ("witnesses said", against "it said", "the ministry
    said", "заявили в МИД"): its speaker is someone other than the side spoken of before."""
    words = lex.words("roles", "pronoun_subjects")
    return any(tree.lemma(k) not in words and tree.form(k) not in words
               for k in tree.kids(a, *SUBJECT_DEPS))


def _unnamed_speaker(tree: Tree, a: int, lex: Lexicon, context: list[ActorMention]) -> list[ActorMention]:
    """The side a speech verb with no named speaker stands for: the subject of the sentences before, unless someone
    else speaks."""
    if someone_else_speaks(tree, a, lex):
        return []
    return [m for m in context if m.kind != "place"][:1]


def _subject_actors(tree: Tree, i: int, mentions: list[ActorMention], heads: dict) -> list[ActorMention]:
    """The actors named in the subject of token `i` ("the Azerbaijani defence ministry", "Armenian forces")."""
    inside = {j for s in tree.kids(i, *SUBJECT_DEPS) for j in tree.subtree(s)}
    return [m for m in mentions if heads.get(id(m)) in inside and m.kind != "place"]


def _negated(tree: Tree, i: int, negations: frozenset[str]) -> bool:
    """"did not attack", "no atacó", "не атаковала": the claim denies the act."""
    return any(tree.is_word(k, negations)
               for k in tree.kids(i, *NEGATION_DEPS))


def _culprit_clause(tree: Tree, v: int, lex: Lexicon) -> bool:
    """Does clause `v` say its subject is behind an act (``culprit_words``: "was behind the attack", "estaba detrás
    del atentado", «за терактом стоит»; ``culprit_acts`` name the acts, ``culprit_preps`` mark them where the word is
    a verb)? The word is the clause's head or hangs from it; the act is its object or the noun of its phrase."""
    words, acts = lex.words("roles", "culprit_words"), lex.words("roles", "culprit_acts")
    preps = lex.words("roles", "culprit_preps")
    links = [v] + [k for k in tree.children[v] if tree.tokens[k].dep.split(":")[0] in ("prep", "advmod", "obl")]
    for w in links:
        if tree.lemma(w) not in words:
            continue
        nouns = [n for n in tree.children[w] if tree.tokens[n].dep.split(":")[0] in ("pobj", "obl", "nmod")]
        if preps:                         # «стоит за терактом»: the verb's phrase marked by its preposition
            nouns = [n for n in nouns if tree.preposition(n) in preps]
        if any(tree.lemma(n) in acts or tree.tokens[n].text.lower() in acts for n in nouns):
            return True
    # "está detrás del atentado" parsed with "detrás" as the act noun's case marker
    return any((tree.lemma(n) in acts or tree.tokens[n].text.lower() in acts)
               and any(tree.lemma(c) in words for c in tree.kids(n, "case"))
               for n in tree.kids(v, "obl", "nmod"))


def _hostile(tree: Tree, v: int, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> bool:
    """Does verb `v` state force used (HOSTILE_TYPES), its frame's constraints met? The side hit need not be named
    as an actor: a claimant speaks of its own villages, troops or border ("attacked five villages")."""
    return any(f.type in HOSTILE_TYPES and frame_applies(tree, v, replace(f, requires_object_actor=False), mentions,
                                                         heads, lex)
               for f in lexical_frames(tree.tokens[v], lex))
