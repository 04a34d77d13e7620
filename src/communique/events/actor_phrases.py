"""Of the actors a phrase names, which are parties to the act: the ones nearest the object's head, not the members
a phrase in apposition or a participle describes, not an organisation named only as the frame of something else
("en el marco de la UEE", "the summit of the Organization of Turkic States", "взаимодействие в ООН").
"""
from __future__ import annotations

from .actor_mentions import ActorMention
from .rules import OBJECT_DEPS, Tree

#: links inside one name or list of names ("the governments of Australia, Britain and Spain")
NAME_LINKS = {"conj", "appos", "flat", "compound", "fixed", "cc", "case", "det", "punct"}


def closest_in_object(tree: Tree, i: int, targets: list[ActorMention], heads: dict,
                      aimed_preps: frozenset[str] = frozenset(), own_heads: dict | None = None) -> list[ActorMention]:
    """Of the actors inside the trigger's object, the ones nearest its head: "denied Venezuela's claim of joint
    efforts by the United States and Guyana" answers Venezuela; what the claim is about is no party to the denial.
    Coordinated actors stand together ("accused Russia and Belarus"); targets outside the object are kept."""
    objects = tree.kids(i, *OBJECT_DEPS)
    if len(targets) < 2 or not objects:
        return targets

    def depth(m: ActorMention) -> int | None:
        h = heads.get(id(m))
        path = [h] + tree.ancestors(h) if h is not None else []
        top = next((o for o in objects if o in path), None)
        if top is None:
            return None
        below = path[:path.index(top) + 1]
        return sum(1 for child, parent in zip(below, below[1:])
                   if parent != top and tree.tokens[parent].pos in ("NOUN", "PROPN")
                   and tree.tokens[child].dep.split(":")[0] not in NAME_LINKS)

    depths = {id(m): depth(m) for m in targets}
    inside = [d for d in depths.values() if d is not None]
    if not inside:
        return targets
    nearest = min(inside)
    kept = [m for m in targets if depths[id(m)] in (None, nearest)]
    # "condemned Russia's aggression against Ukraine", "la agresión de Rusia contra Ucrania", "агрессию России
    # против Украины": of two actors of the object's phrase the one whose act or words it is answers; the one the
    # act was aimed at (a target preposition) is no party to the condemnation
    own_heads = own_heads or heads
    aimed = {id(m) for m in kept if depths[id(m)] == nearest and own_heads.get(id(m)) is not None
             and tree.preposition(own_heads[id(m)]) in aimed_preps}
    owners = [m for m in kept if depths[id(m)] == nearest and id(m) not in aimed]
    return [m for m in kept if id(m) not in aimed] if aimed and owners else kept


DESCRIBING_DEPS = {"acl", "appos"}


def drop_described_members(tree: Tree, targets: list[ActorMention], heads: dict) -> list[ActorMention]:
    """Targets inside a reduced participle or an apposition that describes a phrase already naming a target: "the
    efforts of the co-chairs of the OSCE Minsk Group – Russia, France and the United States – aimed at resolving
    the Nagorno-Karabakh conflict" supports the OSCE, not each co-chair or the region. Only countries in apposition
    to an organisation's phrase give way (its members): the parsers also read lists of people and organisations as
    appositions ("negociaciones con el presidente de China, Xi Jinping, el presidente de EE. UU., Donald Trump";
    "the leadership of OLADE, and ALADI"), and each of those is a party."""
    if len(targets) < 2:
        return targets
    kept = []
    for m in targets:
        branch = describing_branch(tree, heads.get(id(m)))
        if branch is not None:
            governor = tree.head(branch)
            inside = tree.subtree(governor) - tree.subtree(branch) if governor is not None else set()
            appositive = tree.tokens[branch].dep.split(":")[0] == "appos"
            if appositive and m.kind != "country":
                kept.append(m)
                continue
            if any(heads.get(id(o)) in inside and (o.kind == "org" or not appositive) for o in targets if o is not m):
                continue
        kept.append(m)
    return kept


def describing_branch(tree: Tree, h: int | None) -> int | None:
    """The participle or apposition branch a token sits in (through coordination and prepositional phrases)."""
    j = h
    for _ in range(7):
        if j is None:
            return None
        if tree.tokens[j].dep.endswith("agent"):
            return None                   # a participle's agent does what it describes ("введённые Польшей")
        dep = tree.tokens[j].dep.split(":")[0]
        if dep in DESCRIBING_DEPS:
            return j
        if dep not in ("conj", "pobj", "prep", "nmod", "compound", "amod", "poss", "obl", "obj", "dobj"):
            return None
        j = tree.head(j)
    return None


NOMINAL_MODIFIER_DEPS = {"nmod", "poss", "compound", "appos"}


def framing_in_object(tree: Tree, m: ActorMention, h: int, i: int, heads: dict, of_preps: frozenset[str],
                      locative_preps: frozenset[str]) -> bool:
    """An organisation framing a noun deep inside the object ("firmaron una declaración sobre la cooperación en el
    marco de la UEE") is not what the act is aimed at; the object's own "de" phrase ("una declaración de la OTAN")
    and the members it names ("the co-chairs of the OSCE Minsk Group") still are. Frame: "de" + org under a noun
    that a locative preposition introduces."""
    h = name_head(tree, h)
    path = [h] + tree.ancestors(h)
    below = path[:path.index(i)] if i in path else []
    if len(below) < 3 or tree.preposition(h) not in of_preps or not framing_organisation(tree, m, heads):
        return False
    frame_noun = below[1]
    return tree.tokens[frame_noun].pos == "NOUN" and tree.preposition(frame_noun) in locative_preps


def name_head(tree: Tree, h: int | None) -> int | None:
    """The head of the whole name a token belongs to: an acronym in brackets after the full name ("la Unión
    Económica Euroasiática (UEE)") is parsed as part of it (`flat`), and its role is the full name's."""
    for _ in range(6):
        if h is None or tree.tokens[h].dep.split(":")[0] != "flat" or tree.head(h) is None:
            break
        h = tree.head(h)
    return h


def framing_organisation(tree: Tree, m: ActorMention, heads: dict) -> bool:
    """An organisation named as the frame of something else ("the summit of the Organization of Turkic States",
    "en el marco de la UEE", "взаимодействие в ООН", "by the UN's centenary") is where or what, not a party: it is
    never the nearest-actor fallback target. Organisations that are arguments of a verb still are."""
    if m.kind != "org":
        return False
    h = name_head(tree, heads.get(id(m)))
    if h is None:
        return False
    dep = tree.tokens[h].dep.split(":")[0]
    governor = tree.head(h)
    if dep == "pobj" and governor is not None:           # English: the preposition's own head decides
        dep, governor = "nmod", tree.head(governor)
    return dep in NOMINAL_MODIFIER_DEPS and governor is not None and tree.tokens[governor].pos in ("NOUN", "PROPN")


def nested_venue(tree: Tree, h: int, i: int, lex) -> bool:
    """Token `h` places another act named inside trigger `i`'s phrase ("invited the leaders for peace talks in South
    Africa", "invitó a los líderes a conversaciones de paz en Sudáfrica", "пригласил на переговоры в ЮАР"): where
    that act is held, no side of `i`. Only below a joint act's noun (talks, a meeting) other than `i`: "aid to the
    people in Gaza" and "condemned the violence in Myanmar" keep theirs."""
    path = [h] + tree.ancestors(h)
    if i not in path or tree.is_word(i, lex.words("roles", "light_verbs")):
        return False                      # "провел переговоры в Пекине": the light verb's own talks, met there
    nouns, locative_preps = lex.nouns, lex.words("roles", "locative_preps")
    below = path[:path.index(i)]
    return any(tree.preposition(j) in locative_preps and k + 1 < len(below) and below[k + 1] != i
               and any(f.mutual for f in nouns.get(tree.lemma(below[k + 1]), ())) for k, j in enumerate(below)
               if tree.tokens[j].pos in ("PROPN", "NOUN") or tree.tokens[j].dep == "prep")
