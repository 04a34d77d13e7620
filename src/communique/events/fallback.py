"""The classifier's fallback of the `events` stage: events the trigger rules cannot type, from the sentence
classifier (`communique.events.classifier`), for sentences with two actors and no rule event."""
from __future__ import annotations

from ..lexicon import Frame, lexicon
from ..records import Article
from .actor_mentions import ActorMention
from .arguments import main_subject_actors
from .frame_roles import acts_for_state
from .merge import Candidate
from .rules import Tree
from .status import event_status

CLASSIFIER_CONFIDENCE = 0.5        # a classifier-typed event is at most this confident: no trigger, actors by position


def classifier_events(article: Article, indexes: list[int], mentions: dict[int, list[ActorMention]],
                      min_probability: float) -> list:
    """Events the trigger rules cannot type, from the sentence classifier (`communique.classifier`): a sentence
    with two actors and no trigger gets the classifier's best PLOVER type when it is likely enough and more likely
    than no event at all. The subject's actor is the source, the first other actor the target. Off by default
    (stage option ``classifier_fallback``): on diplomatic news the rules cover what matters and the classifier's
    guesses cost precision; on sentence sets the rules barely cover (the PLOVER gold records) it types them."""
    from .classifier import NONE, default_classifier

    model = default_classifier()
    if model is None:
        return []
    predictions = model.classify([article.sentences[i].text for i in indexes])
    out = []
    for index, prediction in zip(indexes, predictions):
        event_type, probability = prediction.best_event()
        if probability < min_probability or probability <= prediction.probability_of(NONE):
            continue
        sentence = article.sentences[index]
        tree = Tree(sentence)
        here = [m for m in mentions.get(index, []) if acts_for_state(tree, m)]
        pair = subject_first_pair(tree, here)
        lex = lexicon(sentence.language)
        if pair is None or lex is None:
            continue
        root = clause_root(tree)
        frame = Frame(type=event_type, kind="classifier")
        out.append(Candidate(event_type, frame, pair[0], pair[1], index, root,
                             round(CLASSIFIER_CONFIDENCE * probability, 3), event_status(tree, root, lex)))
    return out


def clause_root(tree: Tree) -> int:
    """The sentence's root verb; for a sentence the parser skipped (every token its own head), its first verb."""
    roots = [t.i for t in tree.tokens if tree.head(t.i) is None]
    return next((i for i in roots if tree.tokens[i].pos in ("VERB", "AUX")), roots[0] if roots else 0)


def subject_first_pair(tree: Tree, mentions: list[ActorMention]) -> tuple[ActorMention, ActorMention] | None:
    """(source, target): an actor of the main subject (else the first actor), and the first actor of another code."""
    if len({m.code for m in mentions}) < 2:
        return None
    source = (main_subject_actors(tree, mentions) or mentions)[0]
    target = next(m for m in mentions if m.code != source.code)
    return source, target
