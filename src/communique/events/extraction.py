"""Stage `events`: PLOVER events (who did what to whom) from trigger frames over each sentence's parse.

Each language reads its own triggers (``data/lang/<iso>/events.toml``); there is no translation. For every
trigger word in a sentence the frame says which arguments hold the source and the target; the actors come from
the `entities` stage (see :mod:`communique.event_actors`). Roughly:

1. find triggers: verb and noun lemmas with their frames, checked against the frame's constraints;
2. place each actor mention of the sentence in the trigger's argument structure (subject, object, a phrase with
   a preposition, a possessor or modifier of a nominal trigger), also through the verb that governs a nominal
   trigger ("paid a visit to", "held talks with") and through coordinated or control verbs;
3. map arguments to source / target (inverse frames swap them: "Putin received Tokayev" is KAZ→RUS), fill a
   missing side from a governing speech verb or the previous sentence only where the grammar allows it;
4. status (planned, negated, hypothetical, ongoing) from auxiliaries, tense and governing words;
5. one event per distinct (type, actors, status, kind of mode) and date in the document (`merge`): repeated
   mentions merge, acts their own sentences date apart stay apart (`dates.ActDates` reads those dates).

The events' dates are left to the `dates` stage that runs next.
"""
from __future__ import annotations

import logging
from dataclasses import replace

from ..lexicon import Frame, Lexicon, lexicon
from ..records import ActorRef, Article, Event, Location, Sentence, Span
from ..registry import Stage, stage
from .absolutes import absolute_arguments, drop_elaborations
from .actor_mentions import ActorMention, actor_mentions, breakaway
from .agreed import drop_accepted_invitations, drop_agreed_acts
from .arguments import (Arguments, fill_source, fill_target, find_arguments, governing_verb, light_verb,
                        main_subject_actors, possessive_pronoun, speaker_arguments, speech_subjects,
                        subject_among_targets)
from .cameo import cameo_code
from .answered_words import answered_words
from .claimed_acts import claimed_acts
from .voiced_concerns import voiced_concerns
from .sympathy import unaddressed_sympathy
from .dates import ActDates
from .fallback import classifier_events
from .learned import LEARNED_BY_DEFAULT, verified_events
from .typer import TYPER_BY_DEFAULT, typed_events
from .merge import COOCCURRENCE_TYPES, Candidate, best_of_kinds, merge_article
from .documents import document_authors
from .discourse import (Discourse, across_border, between_sides, colon_speakers, coordinated_groups, distinct_codes,
                        group_doers, hosts_others, institution_speakers, pair_act, pronoun_object_target,
                        quoted_speaker, relation_sides, said_by, state_context, with_conjuncts, act_sides_of)
from .frame_constraints import claimed_right, lexical_frames, trigger_frames
from .frame_roles import (
    CIVILIAN_SOURCE_TYPES,
    acts_for_state,
    carrier_object,
    describes_organisation,
    drop_venue_organisations,
    aid_roles,
    answers_before,
    earlier_doers,
    asked_side,
    complement_targets,
    conflict_targets,
    noun_agents,
    relative_object_sides,
    shared_object_targets,
    indefinite_doer,
    obligation_sides,
    on_behalf,
    speaker_possessed,
    verb_pair,
    thanked_for,
    unsaid_speaker,
    unnamed_attackers,
)
from .postings import (closed_by_owner, drop_meetings_of_summons, hosting_side, summons, own_envoy_owners, own_posting,
                       postings, summoning_side)
from .party_subjects import party_subject
from .places import event_place, host_last, own_gathering, setting, visit_direction
from .purposes import purpose_sides, visit_aim
from .votes import voted_for
from .receipts import received_from, receivers_of
from .reported_acts import PUNISHING_TYPES, REACTION_TYPES, alleged_act, drop_aimed, drop_reason_targets, reported_doers
from .rules import SUBJECT_DEPS, Tree
from .status import drop_unheld_meetings, event_status
from .topics import city_venue, drop_pair_venue, not_aside, org_gathering
from .triggers import (
    act_kind,
    alleged_content,
    as_threat,
    background,
    cited_as_time,
    obliged_content,
    off_topic,
    offered_type,
    conditional_type,
    drop_visits_one_is_invited_to,
    in_fixed_phrase,
    refused_type,
    requested_content,
    reversed_by_verb,
    topic_of_event,
)

log = logging.getLogger(__name__)

ADDRESSED_TYPES = {"ACCUSE", "PROTEST", "THREATEN", "AID"}   # a nominal act handed to someone is aimed at them
CLASSIFIER_MIN_PROBABILITY = 0.2   # the classifier's type is kept from this probability up (16 types + NONE)


@stage("events", "3", requires=("entities",), assigns=("events",))
class EventsStage(Stage):
    def process(self, article: Article) -> None:
        min_confidence = float(self.options.get("min_confidence", 0.0))
        mentions = actor_mentions(article)
        candidates: list[Candidate] = []
        named_kinds: set[tuple[str, str]] = set()     # the kinds [kinds.TYPE] names, in the languages read
        languages_read: set[str] = set()
        silent: list[int] = []                    # sentences with two actors and no rule event
        discourse = Discourse()                   # what pronouns, dropped subjects and "the parties" refer to
        summoned: set[frozenset[str]] = set()     # pairs of a summons, though another reading of it won
        for index, sentence in enumerate(article.sentences):
            lex = lexicon(sentence.language)
            if lex is None or not sentence.tokens:
                continue
            here = mentions.get(index, [])
            tree = Tree(sentence)                 # read once, by the sentence's rules and the discourse below
            found = sentence_events(sentence, index, here, lex, discourse, summoned, tree)
            candidates.extend(c for c in found if c.confidence >= min_confidence)
            if lex.language not in languages_read:      # one language's kinds, once
                languages_read.add(lex.language)
                named_kinds |= {(t, k) for t, table in lex.kinds.items() for k, _ in table}
            if not found and len({m.code for m in here}) > 1:
                silent.append(index)
            # no subject named: the doer found for the sentence's act ("в Болгарии объявили ... персонами нон грата")
            doers = main_subject_actors(tree, here) or institution_speakers(tree, here, lex) or \
                [c.source for c in found if not c.mutual][:1]
            discourse.update(here, doers, act_sides_of(found),
                             states_act(tree, lex), coordinated_groups(tree, here))
        if self.options.get("classifier_fallback") and silent:
            floor = float(self.options.get("classifier_min_probability", CLASSIFIER_MIN_PROBABILITY))
            candidates.extend(c for c in classifier_events(article, silent, mentions, floor)
                              if c.confidence >= min_confidence)
        candidates = drop_accepted_invitations(article, drop_agreed_acts(article, drop_unheld_meetings(
            drop_meetings_of_summons(article, candidates, summoned))))
        # "a deal with Somaliland": a breakaway region's act is none between states (it still names the act's doer)
        candidates = [c for c in candidates if not (breakaway(c.source) or breakaway(c.target))]
        acts = ActDates(article, tuple(self.settings.languages))     # the date each candidate's sentence gives it
        merged = merge_article(article, candidates, named_kinds, acts)
        article.events = [to_event(article, c, n) for n, c in enumerate(merged, 1)]
        if self.options.get("learned", LEARNED_BY_DEFAULT):
            article.events = verified_events(article, article.events, mentions)     # events/learned.py
        if self.options.get("typer", TYPER_BY_DEFAULT):
            article.events = typed_events(article, article.events, mentions)        # events/typer.py


def states_act(tree: Tree, lex: Lexicon) -> bool:
    """Does the sentence hold a trigger word at all (whether or not an event came of it)?"""
    return any((t.pos in ("VERB", "AUX") and tree.lemma(t.i) in lex.verbs)
               or (t.pos in ("NOUN", "PROPN") and tree.lemma(t.i) in lex.nouns) for t in tree.tokens)


# --- one sentence ----------------------------------------------------------------------------------------------

def sentence_events(sentence: Sentence, index: int, mentions: list[ActorMention], lex: Lexicon,
                    discourse: Discourse | None = None, summoned: set | None = None,
                    tree: Tree | None = None) -> list[Candidate]:
    discourse = discourse or Discourse()
    if not mentions and not discourse.recent:
        return []
    tree = tree or Tree(sentence)
    if off_topic(tree, lex):
        return []                         # sport and markets: countries as teams and indices
    everyone = mentions
    mentions = [m for m in mentions if acts_for_state(tree, m, lex)]
    heads = {id(m): tree.span_head(m.start, m.end) for m in everyone}
    mentions = [m for m in mentions if not describes_organisation(tree, m, everyone, heads)]   # "Lebanese Hezbollah"
    out: list[Candidate] = []
    for i, tok in enumerate(tree.tokens):
        if not lexical_frames(tok, lex):
            continue                      # no trigger word: nothing below could find an event here
        if inside_actor(tree, i, mentions, heads) or tree.inside_name(i, sentence):
            continue                      # a word inside a name is not a trigger ("Collective Security Treaty")
        if reversed_by_verb(tree, i, lex) or topic_of_event(tree, i, lex) or background(tree, i, lex):
            continue                      # "suspended the agreement", "talks on normalising relations": no accord
        if in_fixed_phrase(sentence, tok.start, lex) or (tok.pos == "VERB" and tok.dep == "amod"):
            continue                      # idioms; participles used as adjectives ("the visiting delegation")
        if requested_content(tree, i, lex) or obliged_content(tree, i, lex) or alleged_content(tree, i, lex) \
                or alleged_act(tree, i, lex):
            continue
        for frame in trigger_frames(tree, i, lex, mentions, heads):
            if frame.type == "NONE":
                break                     # a sense that names no act: "met their basic needs", "backed off"
            targets = conflict_targets(tree, everyone, frame)
            found = frame_events(tree, i, frame, lex, mentions + targets, heads, discourse, index)
            if not (frame.mutual or frame.venue) and any(breakaway(c.source) or breakaway(c.target) for c in found):
                # "condemned the visit to Abkhazia": a breakaway region is no side (nor a visit's state), the others are
                found = frame_events(tree, i, frame, lex, [m for m in mentions + targets if not breakaway(m)],
                                     heads, discourse, index)
            out.extend(c for c in found if c.source not in targets or c.type in CIVILIAN_SOURCE_TYPES)
            break
    out.extend(claimed_acts(tree, lex, mentions, heads, index, discourse.subjects))   # "X said Y's forces attacked"
    out.extend(voiced_concerns(tree, lex, mentions, heads, index, discourse.subjects))  # concern over Y's violations
    out.extend(answered_words(tree, lex, out, mentions, heads, index))     # "summoned Y's envoy over Y's remarks"
    (summoned if summoned is not None else set()).update(summons(out))
    return best_per_sentence(drop_elaborations(tree, lex, drop_visits_one_is_invited_to(tree, drop_nested(tree, out))))


def drop_nested(tree: Tree, found: list[Candidate]) -> list[Candidate]:
    """A gathering of both sides named inside the phrase of one side's act of the same type is that act ("примет
    участие в работе саммита СВМДА", "will take part in the work of the summit"): the act above gives its status."""
    return [c for c in found if not any(
        c.mutual and not k.mutual and k.type == c.type and k.trigger in tree.ancestors(c.trigger)
        and {k.source.code, k.target.code} == {c.source.code, c.target.code} for k in found)]


def inside_actor(tree: Tree, i: int, mentions: list[ActorMention], heads: dict) -> bool:
    """True when token `i` lies inside an actor's name, unless it heads an institution's name: "the Embassy of
    Mexico" is still an opening's object, "Organization of the Collective Security Treaty" has no treaty event."""
    tok = tree.tokens[i]
    for m in mentions:
        if m.start <= tok.start < m.end:
            return not (m.kind in ("org", "seat") and heads.get(id(m)) == i)
    return False


def best_per_sentence(found: list[Candidate]) -> list[Candidate]:
    """One event per type, pair of actors and status in a sentence ("during the visit, a meeting with"):
    the best-supported reading wins, unless the sentence states distinct kinds of it (see `best_of_kinds`)."""
    groups: dict[tuple, list[Candidate]] = {}
    for c in (found := visit_direction(found)):     # talks the way a visit told with them goes (places.py)
        groups.setdefault((c.type, frozenset((c.source.code, c.target.code)), c.status), []).append(c)
    kept = {id(c) for group in groups.values() for c in best_of_kinds(group)}
    # a reciprocal act states both directions from one trigger ("both countries accused each other")
    kept |= {id(c) for c in found if not c.mutual and any(
        id(k) in kept and k.trigger == c.trigger and (k.source.code, k.target.code) == (c.target.code, c.source.code)
        for k in found)}
    agreed = {frozenset((c.source.code, c.target.code)) for c in found if c.type == "AGREE"}
    aided = {frozenset((c.source.code, c.target.code)) for c in found if c.type == "AID"}
    return [c for c in found if id(c) in kept
            # "signed a plan to strengthen cooperation": the cooperation is what was agreed
            and not (c.type == "COOPERATE" and c.frame.mode is None
                     and frozenset((c.source.code, c.target.code)) in agreed)
            # "pledged aid to Sudan": the aid offered is the aid the pledge gives, no agreement besides
            and not (c.type == "AGREE" and c.frame.type == "AID"
                     and frozenset((c.source.code, c.target.code)) in aided)]


#: links from a trigger up to the verb whose subject does it, within one clause ("приняли решение о высылке")
OBJECT_PATH_DEPS = {"obj", "dobj", "iobj", "nmod", "obl", "pobj", "prep", "xcomp"}


def listed_doers(tree: Tree, i: int, source: list[ActorMention], mentions: list[ActorMention], heads: dict,
                 taken: set[str]) -> list[ActorMention]:
    """The doer found as the subject of a verb above the trigger, with the actors listed together with it when
    the trigger sits in that verb's object, in its own clause: "Латвия, Литва и Эстония приняли решение о высылке
    российских дипломатов", "Latvia, Lithuania and Estonia took the decision to expel" (each expels)."""
    h = heads.get(id(source[0]))
    j = i
    for a in tree.ancestors(i):
        if tree.tokens[j].dep.split(":")[0] not in OBJECT_PATH_DEPS:
            return source
        if any(h in tree.subtree(s) for s in tree.kids(a, *SUBJECT_DEPS)):
            return with_conjuncts(tree, source, mentions, taken)
        j = a
    return source


def frame_events(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                 discourse: Discourse, index: int) -> list[Candidate]:
    """The events trigger `i` states under `frame`: its arguments, corrected by what the sentence says of its sides
    (`phrase_arguments`), who said it (`speaker_sides`), who did it (`party_sides`, `doer_sides`) and to whom
    (`target_sides`), then one candidate per pair of sides (`frame_candidates`)."""
    posts = postings(tree, mentions, lex)
    posted = {id(p.place) for p in posts}
    mentions = not_aside(tree, i, frame, lex, [m for m in mentions if id(m) not in posted], heads)
    if frame.obligation:
        return obligation_events(tree, i, frame, lex, mentions, heads, index)
    if no_act_here(tree, i, frame, lex, mentions, heads):
        return []
    args = phrase_arguments(tree, i, frame, lex, mentions, heads)
    if not args.source and (authors := document_authors(tree, i, lex, mentions, heads)):
        args.source = authors             # "supported a UN resolution accusing Russia": the UN accuses
        args.target = [m for m in args.target if m.code not in {a.code for a in authors}]
    context, context_all = discourse.subjects, discourse.recent
    if (getters := receivers_of(tree, i, frame, lex, mentions, heads)):    # "посол США получил ноту протеста"
        got = {m.code for m in getters}
        args.target, args.pair = getters, []
        args.source = [m for m in args.source if m.code not in got] or [m for m in context if m.code not in got][:1]
    aid = aid_roles(tree, i, frame, lex, mentions, heads, args, context)
    if aid is not None:                   # a plane with aid arrived, aid received from X: no visit, X's aid
        if aid[0] is None:
            return []
        frame, args = aid
    if frame.speaker:
        args = speaker_sides(tree, i, frame, lex, mentions, heads, args, discourse)
        if args is None:
            return []                     # no one says it
    confidence = party_sides(tree, i, frame, lex, mentions, heads, args, discourse, 0.9)
    confidence, unnamed = doer_sides(tree, i, frame, lex, mentions, heads, args, discourse, confidence, posts)
    confidence = target_sides(tree, i, frame, lex, mentions, heads, args, discourse, confidence, posts)
    if pair_act(tree, i, frame, lex, args, lambda: event_status(tree, i, lex)):   # "se firmaron 24 documentos"
        if taken := discourse.take_pair(args):   # cooperation of both is one act, conflict one each way
            confidence, frame = taken, replace(frame, mutual=frame.mutual or frame.type in COOCCURRENCE_TYPES)
    relation_sides(tree, i, frame, lex, args)    # "Cambodia and Thailand downgraded relations": each the other's
    if frame.inverse:                     # the subject side is the host: "Putin received Tokayev" is KAZ→RUS
        args.source, args.target = args.target, args.source
    givers = received_from(tree, i, lex, mentions, heads) if aid is None and not getters else []
    if givers:                            # "accepted credentials from the ambassadors of Brazil and Hungary"
        # the receiver is who received, never one of the givers nor the nearest other actor: "Глава государства
        # принял грамоты у послов Бразилии, Венгрии и Вьетнама" with no head of state named yet states no pair
        giving = {m.code for m in givers}
        receivers = [m for m in args.source or fill_source(tree, i, lex, mentions, heads, args, context)
                     if m.code not in giving]
        args.source, args.target = givers, receivers
    return frame_candidates(tree, i, frame, lex, mentions, heads, args, confidence, index, bool(unnamed))


def no_act_here(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict) -> bool:
    """What the trigger's own clause says before any side is sought: it names no act of the sides."""
    if frame.mode == "visit" and tree.tokens[i].pos == "VERB" and any(
            tree.is_word(s, lex.words("roles", "resident_envoy_nouns")) for s in tree.kids(i, "nsubj")):
        return True                       # "посол РФ уже прибыл в Лондон": an envoy at his post is no state's visit
    if frame.responds and tree.tokens[i].pos == "NOUN" and tree.preposition(i) in lex.words("roles", "role_preps"):
        return True                       # "выслала дипломата в качестве ответной меры": what the act is, no threat
    if frame.mode == "host" and hosts_others(tree, i, lex, mentions, heads):
        return True                       # "Qatar hosted talks between the US and Iran": the talks say who met
    if voted_for(tree, i, frame, lex, mentions, heads):
        return True                       # "supported the UN resolution": a vote, no support of the UN
    if visit_aim(tree, i, frame, lex):
        return True                       # "a visit aimed at strengthening ties": the visit, not the ties
    # "after the agreement that gives Ethiopia access": no sides of its own
    return bool(frame.mutual and cited_as_time(tree, i, lex, mentions, heads))


def phrase_arguments(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention],
                     heads: dict) -> Arguments:
    """The sides the trigger's own phrase gives (`find_arguments`), less venues and reasons, with the sides the
    sentence's grammar adds around it (a shared object, a purpose, an agent phrase, an absolute construction)."""
    args = find_arguments(tree, i, frame, lex, mentions, heads)
    if frame.post_owner and not (args.source or args.pair or args.subject_is_pronoun or args.has_subject):
        args = closed_by_owner(tree, i, lex, mentions, heads, args)
    args.target = drop_venue_organisations(tree, frame, lex, args.target, heads)    # "вето ... в СБ ООН"
    drop_pair_venue(tree, frame, lex, args, heads)      # "A and B held talks in Ankara": no talks with Turkey
    args.target = args.target or carrier_object(tree, i, frame, lex, mentions, heads, args)   # "включил в список X"
    args.target = args.target or shared_object_targets(tree, i, frame, lex, mentions, heads)   # "rechazó y condenó"
    args = purpose_sides(tree, i, frame, lex, mentions, heads, args) or args    # "met the envoy to hand a note"
    if agents := noun_agents(tree, i, lex, mentions, heads):      # "la donación por parte de China"
        args.source, args.target = agents, [m for m in args.target if m.code != agents[0].code]
    if not args.target and frame.type in PUNISHING_TYPES and \
            (whom := relative_object_sides(tree, i, lex, mentions, heads)):   # "funcionarios, a quienes acusa de"
        args = whom
    if frame.type in PUNISHING_TYPES:     # "condemned X for imposing sanctions on Y", "condemned sanctions against Y"
        args.target = drop_reason_targets(tree, i, lex, args.target, heads)
        args.target = drop_aimed(tree, i, lex, args.target, heads) if frame.type in REACTION_TYPES else args.target
    args = thanked_for(tree, i, lex, mentions, heads) or absolute_arguments(tree, i, lex, mentions, heads, args) or args
    verb_pair(tree, i, lex, mentions, heads, args)      # "clashes broke out between Thailand and Cambodia"
    return args


def speaker_sides(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                  args: Arguments, discourse: Discourse) -> Arguments | None:
    """The sides of a speech act (an accusation, a threat said): the speaker is its source, said in the sentence,
    before a colon or in a quote's attribution. None where a verb has no one saying it, or a noun names only the
    hostile acts of one side against another."""
    context, context_all = discourse.subjects, discourse.recent
    said = speech_subjects(tree, i, lex, mentions, heads)
    colon = [] if said else colon_speakers(tree, i, mentions)     # "X, official of Y: «we will respond»"
    unsaid = not said and ((said_by(colon[0], args) if colon else None)
                           or unsaid_speaker(tree, i, lex, args, context, mentions, heads)
                           or quoted_speaker(tree, i, args, context))
    if tree.tokens[i].pos == "VERB" and not said and not unsaid:
        return None                       # "the strike destroyed hopes of peace" with no one quoted: no accusation
    args = unsaid or speaker_arguments(tree, i, lex, mentions, heads, args)     # "..., dijo en un comunicado"
    own = tree.subtree(i)
    if frame.type == "ACCUSE" and not (said or unsaid) and all(heads.get(id(m)) in own for m in args.source):
        return None                       # "hostile acts of X against Y", no one quoted: X accuses no one
    if args.source and not args.target and tree.tokens[i].pos == "NOUN" and possessive_pronoun(tree, i, lex):
        # "dijo que sus argumentos eran falaces": whose they are is the other side, in the sentence or before
        speakers = {m.code for m in args.source}
        args.target = [m for m in fill_target(tree, i, frame, mentions, heads, args) + context_all
                       if m.code not in speakers and m.kind != "place"][:1]
    return args


def party_sides(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                args: Arguments, discourse: Discourse, confidence: float) -> float:
    """Sides named as a group ("the three countries", "seven countries, among them X") or as "the parties", "both
    countries": set on `args`; the confidence that leaves."""
    counted, confidence = group_doers(tree, i, frame, lex, discourse, args, confidence, mentions, heads)
    if not counted and not args.source and not args.pair and party_subject(tree, i, frame, lex, args, mentions):
        # "the parties agreed", "both countries accused each other": the two sides the text is about (named
        # earlier in the sentence itself: "a dispute with Egypt and Sudan, as these countries consider")
        named = distinct_codes([m for m in mentions if m.start < tree.tokens[i].start])
        pair = [m for m in (named if len(named) > 1 else discourse.pair())
                if m.code not in {t.code for t in args.target}]
        if frame.mutual or (len(pair) == 2 and not args.target and not frame.venue):   # no visit to each other
            args.pair, confidence = pair, 0.7
        elif pair and args.target:          # "they accused Moscow": the other side
            args.source, confidence = pair[:1], 0.6
    return confidence


def doer_sides(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
               args: Arguments, discourse: Discourse, confidence: float,
               posts: list) -> tuple[float, list[ActorMention]]:
    """Who did it when the trigger's phrase does not say: the sides a host met between, the summoning or hosting
    side, one acting on another's behalf, the doer found around the clause or before it, an unnamed attacker. Set
    on `args`; returns the confidence that leaves and the unnamed attackers (if that is who did it)."""
    context, context_all = discourse.subjects, discourse.recent
    met = between_sides(tree, i, lex, mentions, heads) if frame.mutual and frame.mode != "mediation" else []
    if len({m.code for m in met}) > 1:    # "organizó negociaciones entre A y B": the host met no one
        args.source, args.target, args.pair = [], [], met
    host = hosting_side(tree, i, frame.type, posts, args) or summoning_side(
        tree, i, frame.mode, mentions, heads, lex, args) or indefinite_doer(tree, i, lex, args, heads, mentions)
    if host is not None:                  # "the Polish ambassador in Moscow was summoned": Moscow summoned him
        args.source, confidence = [host], 0.7
        args.target = [m for m in args.target if m.code != host.code]
    if not args.source and not args.pair and frame.mutual and len({m.code for m in args.target}) > 1 \
            and subject_among_targets(tree, i, mentions, heads, args):
        args.pair, args.target = args.target, []      # the doer named among the sides of a mutual act
    if not args.source and not args.pair and (behalf := on_behalf(tree, i, lex, mentions, heads)):
        args.source, args.target = behalf, [m for m in args.target if m.code != behalf[0].code]
    if not args.source and not args.pair:
        owners = own_envoy_owners(tree, args.target, posts)
        if owners:                        # "[Spain] recalled the Spanish embassy in Buenos Aires": its own envoy
            # (and the doer's own people are no target of it: "tras las palabras a Sánchez")
            owned = {m.code for m in owners}
            rest = [m for m in args.target if m not in owners and m.code not in owned]
            doer = fill_source(tree, i, lex, mentions, heads, replace(args, target=rest), context)
            if doer and doer[0].code in owned:
                args.target = rest
        doers = colon_speakers(tree, i, mentions) + state_context(tree, i, lex, context, context_all)   # "el régimen"
        reported = reported_doers(tree, i, lex, mentions, heads)     # an act a reaction answers: not the reactor's
        args.source, confidence = discourse.joint_partner(frame.mutual, args) or (
            fill_source(tree, i, lex, mentions, heads, args, doers, context_all) if reported is None else reported), 0.6
        if reported is None and args.source and args.source[0] in mentions and not (frame.mutual or frame.speaker):
            args.source = listed_doers(tree, i, args.source, mentions, heads, {m.code for m in args.target})
    unnamed = [] if args.source or args.pair else unnamed_attackers(tree, i, frame, lex, mentions, heads, args)
    if unnamed:                           # "killed by an explosive device outside of the Iraqi city of Basra"
        args.source, args.target = unnamed, [m for m in args.target if m.code != unnamed[0].code]
        confidence = 0.5
    return confidence, unnamed


def target_sides(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                 args: Arguments, discourse: Discourse, confidence: float, posts: list) -> float:
    """To whom, when the trigger's phrase does not say: the side asked to act, the other side of a shared act, a
    complement, a pronoun's referent, whoever acted before a response, the country of the doer's own envoy's
    posting. Set on `args`; returns the confidence that leaves."""
    context_all = discourse.recent
    if frame.type == "REQUEST" and (args.source or args.pair):
        # a demand is made of whoever is to act: "demanded the withdrawal of Serbian forces from Bosnia" is Serbia's
        args.target = asked_side(tree, i, lex, mentions, heads, args) or args.target
    if (not args.target and (frame.type in COOCCURRENCE_TYPES or frame.mutual)     # "exchanged accusations"
            and not (frame.mutual and len({m.code for m in args.source + args.pair}) > 1)):
        args.target = fill_target(tree, i, frame, mentions, heads, args)
        if frame.mutual and args.target and city_venue(tree, args.target[0], lex, heads) and \
                not any(m.kind == "org" for m in args.source + args.pair):   # an org's own gathering: see below
            args.target = fill_target(tree, i, frame, [m for m in mentions if not city_venue(tree, m, lex, heads)],
                                      heads, args)
        confidence = min(confidence, 0.5)
    if frame.mode == "mediation" and args.source:     # the mediator acts on each side it mediates between
        args.target = with_conjuncts(tree, args.target, mentions, {m.code for m in args.source})
    if frame.complement_target and not args.target:
        args.target = complement_targets(tree, i, frame, lex, mentions, heads, args)
    args.target = args.target or speaker_possessed(tree, i, frame, lex, mentions, heads, args) or \
        across_border(tree, i, frame.type, lex, mentions, heads, discourse, args) or \
        unaddressed_sympathy(tree, i, frame, lex, args.source, discourse.named, discourse.recent)   # "near its post"
    if answers_before(tree, i, frame, lex) and not args.target and (args.source or args.pair):
        # a response answers whoever acted before: the latest other doer of an act found before, else the latest
        # other actor named in the sentences before
        taken = {m.code for m in args.source + args.pair}
        inside = [m for m in mentions if heads.get(id(m)) in tree.subtree(i) and m.code not in taken]
        args.target, confidence = inside[:1] or earlier_doers(tree, i, mentions, heads, taken) or [
            m for m in discourse.acted + context_all if m.code not in taken][:1], 0.5
    before = [m for m in mentions if m.end <= tree.tokens[i].start][::-1]     # "..., accusing it of": in the sentence
    # a note, a warning or aid handed to "him" is aimed at him ("вручил ему ноту"); "gave them a veto" is theirs
    governor = governing_verb(tree, i) if tree.tokens[i].pos == "NOUN" and frame.type in ADDRESSED_TYPES else None
    carrier = governor if governor is not None and light_verb(tree, i, governor, lex) else None
    if not (args.target or frame.mutual) and (
            pronoun := pronoun_object_target(tree, i, lex, args, before + context_all, carrier)):
        args.target, confidence = pronoun, 0.5       # "lo respaldó": the one named before ("lo firmó": a text)
    if frame.matter_target and not args.target and args.source:    # "Israel y Hungría votaron en contra"
        args.target, confidence = discourse.matter(args.source), 0.5
    if posts and (args.source or args.pair):
        # the acting side's own envoy: the act concerns the country of the posting ("recalled its ambassador in
        # Buenos Aires"); an envoy's posting still completes a two-sided act the envoy's side takes part in
        sides = {m.code for m in args.source + args.pair}
        governor = governing_verb(tree, i)
        acts = frozenset(j for j in range(len(tree.tokens)) if j != i and tree.lemma(j) in lex.nouns
                         and tree.tokens[j].pos == "NOUN" and j not in tree.ancestors(i))
        own = own_posting(tree, i, posts, sides, [i] + ([governor] if governor is not None else []),
                          bool(args.target), acts)
        if own is None and not args.target and frame.type in COOCCURRENCE_TYPES:
            own = own_posting(tree, i, posts, sides, [t.i for t in tree.tokens if tree.head(t.i) is None])
        if own is not None:
            args.target = [own]
    return confidence


def frame_candidates(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                     args: Arguments, confidence: float, index: int, unnamed: bool) -> list[Candidate]:
    """One candidate per pair of sides, with the status, the type the trigger's words make of it (refused,
    offered, conditional, a threat) and its place; a gathering's own venue is no side of it."""
    status = event_status(tree, i, lex)
    if frame.requires_planned and status != "planned" and not claimed_right(tree, i, lex):
        return []                         # "Iran responded": a past response is no promise of one
    if frame.requires_negated:           # "no hay problemas entre nuestros países", said by one of the two sides
        if status != "negated" or args.pair or not args.source:
            return []
        status = "occurred"
    if (rejected := refused_type(tree, i, frame.type, lex)) and args.source and not args.pair:
        frame, status = replace(frame, type=rejected, mutual=False), "occurred"    # "would not meet the demands"
    event_type = (offered_type(tree, i, frame.type, lex) or conditional_type(tree, i, frame.type, status, lex)
                  or as_threat(frame.type, status, frame.mode))
    place = event_place(tree, i, lex, mentions, heads)
    frame = frame if (kind := act_kind(tree, i, frame, lex)) == frame.kind else replace(frame, kind=kind)
    out = []
    for source, target in actor_pairs(args, frame):
        if own_gathering(tree, i, frame, source, target, heads) or org_gathering(tree, frame, lex, source, target, heads):
            continue
        if frame.type == "CONSULT" and frame.mode != "phone":
            source, target = host_last(source, target, setting(tree, i, lex, mentions, heads))
        if frame.type in ("ASSAULT", "COERCE") and city_venue(tree, source, lex, heads) and not unnamed and \
                not city_venue(tree, target, lex, heads):   # "an attack in Tel Aviv": where it hit, not who struck
            source, target = target, source
        out.append(Candidate(event_type, frame, source, target, index, i, confidence, status,
                             frame.mutual, place))
    return out


def obligation_events(tree: Tree, i: int, frame: Frame, lex: Lexicon, mentions: list[ActorMention], heads: dict,
                      index: int) -> list[Candidate]:
    """A demand said as another side's obligation ("said the US must mediate"): see `obligation_sides`."""
    sides = obligation_sides(tree, i, lex, mentions, heads)
    if sides is None:
        return []
    return [Candidate(frame.type, frame, sides[0], sides[1], index, i, 0.7, event_status(tree, i, lex))]


def actor_pairs(args: Arguments, frame: Frame) -> list[tuple[ActorMention, ActorMention]]:
    sources = args.source + args.pair
    targets = args.target or (args.pair[1:] if len(args.pair) > 1 else [])
    if not args.target and frame.mutual and len({m.code for m in sources}) > 1:
        first = sources[0]
        return unique_pairs([(first, m) for m in sources[1:]])
    if not args.target and not args.source and len({m.code for m in args.pair}) > 1:
        # a one-sided act between two sides ("clashes between Thailand and Cambodia", "both countries accused
        # each other"): each side acts on the other
        return unique_pairs([(s, t) for s in args.pair for t in args.pair])
    return unique_pairs([(s, t) for s in sources for t in targets])


def unique_pairs(pairs: list[tuple[ActorMention, ActorMention]]) -> list[tuple[ActorMention, ActorMention]]:
    seen, out = set(), []
    for s, t in pairs:
        key = (s.code, t.code)
        if s.code != t.code and key not in seen:
            seen.add(key)
            out.append((s, t))
    return out


def to_event(article: Article, c: Candidate, n: int) -> Event:
    sentence = article.sentences[c.sentence]
    tok = sentence.tokens[c.trigger]
    return Event(id=f"ev{n}", type=c.type, source=actor_ref(c.source), target=actor_ref(c.target),
                 evidence=Span(sentence.start, sentence.end, sentence.text), sentence=c.sentence,
                 mode=c.frame.mode, status=c.status, trigger=Span(tok.start, tok.end, tok.text),
                 confidence=c.confidence, mutual=c.mutual, cameo=cameo_code(c.type, c.frame.mode),
                 also=[Span(s.start, s.end, s.text) for s in (article.sentences[i] for i in sorted(c.also - {c.sentence}))],
                 location=Location(name=c.place.text, country=c.place.code) if c.place else None)


def actor_ref(m: ActorMention) -> ActorRef:
    return ActorRef(code=m.code, entity=m.entity, sector=m.sector, text=m.text)
