"""Repairs of attachments a dependency parser is known to get wrong, applied to its tokens before any stage reads
them. Each repair is a rule of the grammar, checked on the tagger's morphology, never a list of words.

Russian (natasha/slovnet): a nominative noun before a finite verb that has no subject is often hung on a word
between them as a modifier ("белорусский военный незаконно перешёл границу": "военный" as an adjective of
"незаконно"). A nominative noun outside any prepositional phrase that agrees with that verb in number (and in
gender, for a past singular) is its subject. The Latin "персона нон грата" is split into an object and its
dependents ("объявила персоной нон грата российского дипломата": "нон" and "грата" objects of the verb, the
diplomat under "грата"): the two words are the fixed part of "персона", what hangs on them the verb's object.
natasha also splits a sentence at a comma into two roots, and hangs words across the clause boundary: a second
subjectless verb that agrees with the first is its conjunct, two verbs joined by "и" are conjuncts, and a modifier
hung across a clause goes to the nearest noun it can modify. A noun in an oblique case is never a subject.
"""
from __future__ import annotations

from ..records import Token

#: labels a misattached subject comes with (never a subject, a conjunct, an apposition or a name's part; an object
#: before its verb, which has no subject, tagged nominative: "что китайский корабль заблокировал катера")
_MISATTACHED = frozenset({"amod", "nmod", "obl", "advmod", "dep", "obj"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
#: words that open another clause between the noun and the verb
_CLAUSE_BREAKS = frozenset({"SCONJ", "PRON", "VERB", "AUX"})


#: the fixed words after "персона" and the lemmas the tagger gives them
_NON_GRATA = (frozenset({"нон", "non"}), frozenset({"грата", "грат", "grata", "gratae"}))
#: the Latin noun in English, singular and plural ("declared two diplomats personae non gratae")
_PERSONA = frozenset({"persona", "personae"})
#: and in Spanish ("declaró personas non gratas a tres diplomáticos")
_PERSONA_ES = (frozenset({"persona", "personas"}), frozenset({"grata", "gratas"}))


#: cases no Russian subject takes (a subject is nominative, or genitive under a numeral or a negation)
_OBLIQUE_CASES = frozenset({"Ins", "Dat", "Loc"})


def repair_russian(tokens: list[Token]) -> None:
    """The repairs of a natasha parse, in place."""
    repair_non_grata(tokens)
    repair_oblique_subjects(tokens)
    repair_subjects(tokens)
    repair_coordinated_subjects(tokens)
    repair_split_roots(tokens)
    repair_verb_pairs(tokens)
    repair_crossing_modifiers(tokens)
    repair_verbless_relatives(tokens)
    repair_listed_appositions(tokens)
    repair_stray_objects(tokens)
    repair_purpose_objects(tokens)
    repair_double_subjects(tokens)
    repair_self_heads(tokens)


def repair_oblique_subjects(tokens: list[Token]) -> None:
    """A noun in the instrumental, dative or locative the parser made a subject is the verb's oblique ("власти
    занимаются укрывательством террористов": "укрывательством" is what they do, not who does it)."""
    for tok in tokens:
        if tok.dep == "nsubj" and tok.pos == "NOUN" and tok.morph.get("Case") in _OBLIQUE_CASES:
            tok.dep = "obl"


def repair_non_grata(tokens: list[Token]) -> None:
    """"персона нон грата" as one word: its two Latin words fixed to "персона"; a bare noun after it the verb's object.
    Written in Latin letters ("объявила persona non grata сотрудника"), the tagger takes "persona" for a foreign word:
    it is the noun "персона" all the same."""
    for n, tok in enumerate(tokens[:-2]):
        first, second = tokens[n + 1], tokens[n + 2]
        if tok.lemma not in ("персона", "persona") or first.text.lower() not in _NON_GRATA[0] or \
                second.text.lower() not in _NON_GRATA[1]:
            continue
        tok.lemma, tok.pos = "персона", "NOUN"
        verb = tok.head if tok.head != tok.i and tokens[tok.head].pos == "VERB" else None
        for word in (first, second):
            word.dep, word.head = "fixed", tok.i
        cased = {t.head for t in tokens if t.dep == "case"}
        for t in tokens:      # what hangs on the phrase after it: with no preposition the verb's object ("...
            hung_on_itself = t.head == t.i and t.i == second.i + 1 and t.dep != "root"   # "grata сотрудника"
            if t.head not in (tok.i, first.i, second.i) and not hung_on_itself or t.i <= second.i or \
                    t.pos not in ("NOUN", "PROPN"):
                continue      # грата российского консула"), with one the phrase's own ("... грата в Болгарии")
            if t.i in cased:
                t.head = tok.i
            else:
                t.head, t.dep = (verb, "obj") if verb is not None else (tok.i, "nmod")


def repair_english_non_grata(tokens: list[Token]) -> None:
    """spaCy's English parse of "declared X persona non grata" takes "persona" for a verb or a compound and hangs the
    envoys on it as its subject: "persona non grata" is one noun, the predicate (oprd) of the verb above it, and the
    nouns hung on its three words are that verb's objects."""
    for n, tok in enumerate(tokens[:-2]):
        first, second = tokens[n + 1], tokens[n + 2]
        if tok.text.lower() not in _PERSONA or first.text.lower() not in _NON_GRATA[0] or \
                second.text.lower() not in _NON_GRATA[1]:
            continue
        phrase = {tok.i, first.i, second.i}
        verb = next((a for a in _ancestors(tokens, second.i) if tokens[a].pos in ("VERB", "AUX") and a not in phrase),
                    None)
        verb = verb if verb is not None else next((t.i for t in reversed(tokens[:tok.i]) if t.pos == "VERB"), None)
        if verb is None:
            return
        passive = any(t.head == verb and t.dep in ("auxpass", "nsubjpass") for t in tokens)
        for t in tokens:
            if t.head in phrase and t.i not in phrase and t.pos in ("NOUN", "PROPN", "PRON"):
                t.head, t.dep = verb, "dobj"          # "declared two diplomats persona non grata"
            elif t.head in phrase and t.i not in phrase and passive and t.text.lower() == "by":
                t.head, t.dep = verb, "agent"         # "was declared persona non grata by the EU Council"
            elif t.head in phrase and t.i not in phrase:
                t.head = tok.i
        tok.pos, tok.lemma, tok.dep, tok.head = "NOUN", "persona", "oprd", verb
        for word in (first, second):
            word.dep, word.head = "fixed", tok.i


def repair_spanish_non_grata(tokens: list[Token]) -> None:
    """spaCy's Spanish parse of "declaró a tres diplomáticos letones personas non gratas" hangs the Latin words on
    the envoys as modifiers: "persona non grata" is one noun, the predicate (xcomp) of the verb before it, and a noun
    hung on its words is that verb's object. A phrase already hung on a verb is left as parsed."""
    for n, tok in enumerate(tokens[:-2]):
        first, second = tokens[n + 1], tokens[n + 2]
        if tok.text.lower() not in _PERSONA_ES[0] or first.text.lower() != "non" or \
                second.text.lower() not in _PERSONA_ES[1] or tokens[tok.head].pos in ("VERB", "AUX"):
            continue
        verb = next((t.i for t in reversed(tokens[:tok.i]) if t.pos == "VERB"), None)
        if verb is None:
            return
        phrase = {tok.i, first.i, second.i}
        for t in tokens:
            if t.head in phrase and t.i not in phrase:
                t.head, t.dep = (verb, "obj") if t.pos in ("NOUN", "PROPN") else (tok.i, t.dep)
        tok.pos, tok.lemma, tok.dep, tok.head = "NOUN", "persona", "xcomp", verb
        for word in (first, second):
            word.dep, word.head = "fixed", tok.i


def _ancestors(tokens: list[Token], i: int) -> list[int]:
    out: list[int] = []
    while tokens[i].head != i and len(out) < len(tokens):
        i = tokens[i].head
        out.append(i)
    return out


def repair_subjects(tokens: list[Token]) -> None:
    """Re-attach a nominative noun as the subject of the finite verb after it that has none (in place)."""
    heads = {t.i: t.head for t in tokens}
    with_subject = {t.head for t in tokens if t.dep in _SUBJECTS}
    for tok in tokens:
        if tok.pos not in ("NOUN", "PROPN") or tok.morph.get("Case") != "Nom" or tok.dep not in _MISATTACHED:
            continue
        if any(t.head == tok.i and t.dep == "case" for t in tokens):
            continue                       # inside a prepositional phrase
        verb = _next_finite_verb(tokens, tok.i)
        if verb is None or verb.i in with_subject or not _agrees(tok, verb) or not _dominates(heads, verb.i, tok.i):
            continue
        tok.dep, tok.head = "nsubj", verb.i
        heads[tok.i] = verb.i
        with_subject.add(verb.i)


def repair_coordinated_subjects(tokens: list[Token]) -> None:
    """A list of nominative nouns before a plural finite verb with no subject is that verb's subject, though natasha
    hung its first noun on a phrase before it ("в знак солидарности с Эр-Риядом Бахрейн, Джибути, Судан и Катар
    разорвали отношения": "Бахрейн", whose nominative and accusative are one form, as a modifier of "солидарности").
    The first noun may be tagged accusative when it is inanimate (the two cases share its form), or hung as an
    apposition of a noun in another case ("с Каиром Ливан"); its conjuncts must be nominative."""
    heads = {t.i: t.head for t in tokens}
    with_subject = {t.head for t in tokens if t.dep in _SUBJECTS}
    for tok in tokens:
        case = tok.morph.get("Case")
        misattached = tok.dep in _MISATTACHED or tok.dep == "appos" and tokens[tok.head].morph.get("Case") != case
        if tok.pos not in ("NOUN", "PROPN") or not misattached or not (
                case == "Nom" or case == "Acc" and tok.morph.get("Animacy") != "Anim"):
            continue
        conjuncts = [t for t in tokens if t.head == tok.i and t.dep == "conj" and t.i > tok.i]
        if not conjuncts or any(t.morph.get("Case") != "Nom" for t in conjuncts):
            continue
        if any(t.head == tok.i and t.dep == "case" for t in tokens):
            continue                       # inside a prepositional phrase
        verb = _next_finite_verb(tokens, conjuncts[-1].i)
        if verb is None or verb.i in with_subject or verb.morph.get("Number") != "Plur" or \
                not _dominates(heads, verb.i, tok.i):
            continue
        tok.dep, tok.head = "nsubj", verb.i
        heads[tok.i] = verb.i
        with_subject.add(verb.i)


def _next_finite_verb(tokens: list[Token], i: int) -> Token | None:
    bracket = False                       # an acronym in brackets after the noun: "корабль (CCG) заблокировал"
    for t in tokens[i + 1:]:
        if t.text in ("(", ")"):
            bracket = t.text == "("
            continue
        if bracket:
            continue
        if t.pos == "VERB" and t.morph.get("VerbForm") == "Fin":
            return t
        if t.pos in _CLAUSE_BREAKS or t.text in (",", ";", ":", "—", "–", '"', "«", "»"):
            return None
    return None


def _agrees(noun: Token, verb: Token) -> bool:
    number = verb.morph.get("Number")
    if number is None or noun.morph.get("Number") != number:
        return False
    gender = verb.morph.get("Gender")
    return number != "Sing" or gender is None or noun.morph.get("Gender") in (gender, None)


def _dominates(heads: dict[int, int], top: int, i: int) -> bool:
    seen = set()
    while i not in seen:
        if i == top:
            return True
        seen.add(i)
        i = heads.get(i, i)
    return False


def repair_split_roots(tokens: list[Token]) -> None:
    """A finite verb after a comma that natasha made a second root of the sentence, with no subject and no
    conjunction of its own and agreeing with the root before it, is that root's conjunct: it shares its subject
    ("Индия вызвала дипломата Пакистана, объявила об отзыве атташе": India announced the recall too)."""
    roots = [t for t in tokens if t.dep == "root" and t.head == t.i]
    for before, root in zip(roots, roots[1:]):
        if root.i == 0 or tokens[root.i - 1].text != "," or not _finite(before) or not _finite(root):
            continue
        if any(t.head == root.i and t.i != root.i and (t.dep in _SUBJECTS or t.dep in ("mark", "csubj"))
               for t in tokens):
            continue
        if any(before.morph.get(f) != root.morph.get(f) for f in ("Number", "Gender", "Person", "Tense")):
            continue
        root.dep, root.head = "conj", before.i


def _finite(tok: Token) -> bool:
    return tok.pos == "VERB" and tok.morph.get("VerbForm") == "Fin"


def repair_crossing_modifiers(tokens: list[Token]) -> None:
    """Modifiers natasha hangs across a clause: a noun phrase after a finite verb hung on a noun before it ("вызвала
    дипломата Пакистана, объявила об отзыве атташе из Исламабада": "из Исламабада" on "дипломата") belongs to the
    nearest noun of that verb's clause before it; an adjective hung on a noun before it ("катера Филиппинской
    береговой охраны": "Филиппинской" on an earlier "охраны") modifies the noun after it it agrees with."""
    heads = {t.i: t.head for t in tokens}
    for tok in tokens:
        h = tok.head
        if h >= tok.i or tok.pos not in ("NOUN", "PROPN", "ADJ"):
            continue
        if tok.dep == "amod":
            noun = next((t for t in tokens[tok.i + 1:tok.i + 4] if t.pos in ("NOUN", "PROPN")), None)
            if noun is not None and noun.head != tok.i and _agree_in_case(tok, noun):
                tok.head = noun.i
            continue
        if tok.dep != "nmod":
            continue
        verb = next((t for t in tokens[h + 1:tok.i] if _finite(t) and not _dominates(heads, t.i, h)), None)
        if verb is None:
            continue
        noun = next((t for t in reversed(tokens[verb.i + 1:tok.i]) if t.pos in ("NOUN", "PROPN")
                     and _dominates(heads, verb.i, t.i)), None)
        if noun is not None:
            tok.head = noun.i
            heads[tok.i] = noun.i


def _agree_in_case(adjective: Token, noun: Token) -> bool:
    feats = ("Case", "Number") + (("Gender",) if adjective.morph.get("Number") == "Sing" else ())
    return all(adjective.morph.get(f) is not None and adjective.morph.get(f) == noun.morph.get(f) for f in feats)


def repair_verb_pairs(tokens: list[Token]) -> None:
    """Two finite verbs joined by a bare conjunction ("заблокировал и атаковал") are conjuncts: the second, hung
    by natasha on a verb further away, shares the first's subject and clause."""
    for tok in tokens[2:]:
        first, cc = tokens[tok.i - 2], tokens[tok.i - 1]
        if tok.dep != "conj" or tok.head == first.i or cc.pos != "CCONJ" or cc.head != tok.i or \
                not _finite(tok) or not _finite(first):
            continue
        if any(first.morph.get(f) != tok.morph.get(f) for f in ("Number", "Gender", "Person")):
            continue
        tok.head = first.i


def repair_verbless_relatives(tokens: list[Token]) -> None:
    """A relative with a preposition and no verb lists members of the noun it describes ("семь стран, среди
    которых США, Украина и Израиль"): natasha makes "которых" a clause and the names its subjects; they are
    appositions of the noun, the countries it counts."""
    for tok in tokens:
        if tok.lemma != "который" or tok.dep != "acl:relcl" or tok.head == tok.i:
            continue
        kids = [t for t in tokens if t.head == tok.i and t.i != tok.i]
        if not any(t.dep == "case" for t in kids) or any(t.pos in ("VERB", "AUX") for t in kids):
            continue
        for t in kids:
            if t.dep in _SUBJECTS and t.pos in ("NOUN", "PROPN"):
                t.dep, t.head = "appos", tok.head


def repair_listed_appositions(tokens: list[Token]) -> None:
    """The names a colon lists after a noun ("ввел санкции против трех стран: Иран, Сирия, Белоруссия"): natasha
    hangs the first on the noun as a clause of its own (parataxis); with no verb under it, it is the noun's
    apposition, the members the noun counts (the others are its conjuncts)."""
    for tok in tokens:
        if tok.dep != "parataxis" or tok.pos != "PROPN" or tok.i == 0 or tokens[tok.i - 1].text != ":" \
                or tok.head == tok.i or tokens[tok.head].pos != "NOUN":
            continue
        if not any(t.head == tok.i and t.i != tok.i and t.pos in ("VERB", "AUX") for t in tokens):
            tok.dep = "appos"


def repair_stray_objects(tokens: list[Token]) -> None:
    """An object right after a verb that natasha hung on a verb of a later clause, across a comma, where that verb
    has an object of its own ("вызвало посла Мексики из-за публикации, где дипломат выразил поддержку": "посла"
    taken for a second object of "выразил"), is the first verb's object."""
    for verb, tok in zip(tokens, tokens[1:]):
        if tok.dep != "obj" or verb.pos != "VERB" or tok.head <= tok.i or tok.head >= len(tokens):
            continue
        if verb.morph.get("VerbForm") not in ("Fin", "Inf") or any(t.head == verb.i and t.dep == "obj" for t in tokens):
            continue
        later = tok.head
        if not any(t.pos == "PUNCT" for t in tokens[tok.i + 1:later]) or \
                not any(t.head == later and t.dep == "obj" and t.i != tok.i for t in tokens):
            continue
        tok.head = verb.i


#: the preposition of a purpose phrase between a verb and its object ("вызвал для дачи объяснений посла")
_PURPOSE = frozenset({"для"})


def repair_purpose_objects(tokens: list[Token]) -> None:
    """An animate noun in the genitive-accusative after a purpose phrase of a verb with no object, which natasha
    hung in that phrase ("вызвал для дачи объяснений посла Португалии": "посла" under "объяснений"), is the verb's
    object."""
    for tok in tokens:
        if tok.dep != "nmod" or tok.pos != "NOUN" or tok.morph.get("Animacy") != "Anim" or \
                tok.morph.get("Case") not in ("Gen", "Acc"):
            continue
        h, steps = tok.head, 0
        while 0 <= h < len(tokens) and tokens[h].pos == "NOUN" and tokens[h].dep == "nmod" and steps < 3:
            h, steps = tokens[h].head, steps + 1
        if not 0 <= h < len(tokens) or h == tok.i or tokens[h].pos != "NOUN" or tokens[h].dep != "obl" or \
                not any(t.head == h and t.dep == "case" and t.lemma in _PURPOSE for t in tokens):
            continue
        verb = tokens[h].head
        if not 0 <= verb < h or tokens[verb].pos != "VERB" or any(t.head == verb and t.dep == "obj" for t in tokens):
            continue
        tok.head, tok.dep = verb, "obj"


def repair_double_subjects(tokens: list[Token]) -> None:
    """Of two subjects natasha gave one finite verb, one before it that does not agree with it and one after it that
    does, the first is its object, fronted ("Санкции против Ирана ввела Канада": "Санкции" plural, "ввела" feminine
    singular; "Дипломатов ... высылает Россия")."""
    for verb in tokens:
        if not _finite(verb):
            continue
        subjects = [t for t in tokens if t.head == verb.i and t.i != verb.i and t.dep == "nsubj"
                    and t.pos in ("NOUN", "PROPN")]
        agreeing = [t for t in subjects if _agrees(t, verb)]
        if len(subjects) == 2 and len(agreeing) == 1:
            fronted = next(t for t in subjects if t is not agreeing[0])
            if fronted.i < verb.i < agreeing[0].i:       # object, verb, subject: the order that fronts an object
                fronted.dep = "obj"


def repair_self_heads(tokens: list[Token]) -> None:
    """A noun natasha hung on itself with a label that is no root's ("принял Чрезвычайного и Полномочного Посла
    Российской Федерации": "Посла" nmod of itself) is the object of the nearest verb before it that has none, when
    it is in the accusative or the genitive-accusative of an animate noun; what else hung on it from before that verb
    goes to the noun before it."""
    for tok in tokens:
        if tok.head != tok.i or tok.dep == "root" or tok.pos not in ("NOUN", "PROPN") or \
                tok.morph.get("Case") not in ("Acc", "Gen") or \
                (tok.morph.get("Case") == "Gen" and tok.morph.get("Animacy") != "Anim"):
            continue
        verb = next((t for t in reversed(tokens[:tok.i]) if t.pos == "VERB"), None)
        if verb is None or not _finite(verb) or any(t.head == verb.i and t.dep == "obj" for t in tokens):
            continue
        tok.head, tok.dep = verb.i, "obj"
        for t in tokens[:verb.i]:
            noun = next((n for n in reversed(tokens[:t.i]) if n.pos in ("NOUN", "PROPN")), None)
            if t.head == tok.i and noun is not None:
                t.head = noun.i           # "Министр иностранных дел Кыргызской Республики": on the noun before it


def repair_spanish(tokens: list[Token]) -> None:
    """spaCy's Spanish parse of two clauses joined by a comma with no conjunction ("Bolivia rompió relaciones, Chile y
    Colombia llamaron a sus embajadores") hangs the second clause's coordinated subject on a word of the first clause
    as more conjuncts, leaving the second verb with no subject: names joined by "y" that open right after a comma and
    end right before a plural finite verb with no subject of its own, the first hung on a word before the comma, are
    that verb's subject."""
    for verb in tokens:
        if verb.pos != "VERB" or verb.i < 4 or not _finite(verb) or verb.morph.get("Number") != "Plur" or any(
                t.head == verb.i and t.i != verb.i and t.dep.startswith("nsubj") for t in tokens):
            continue
        n = verb.i - 1
        while n > 0 and (tokens[n].pos == "PROPN" or tokens[n].dep == "cc"):
            n -= 1
        span = tokens[n + 1:verb.i]
        if tokens[n].text != "," or len(span) < 3 or span[0].pos != "PROPN" or span[-1].pos != "PROPN" or \
                span[0].dep != "conj" or span[0].head >= n or not any(t.dep == "cc" for t in span):
            continue                      # no comma before, or a list hung where it stands
        inside = {t.i for t in span}
        for t in span[1:]:
            if t.head not in inside and t.dep == "conj":
                t.head = span[0].i        # the other names: conjuncts of the first
        span[0].head, span[0].dep = verb.i, "nsubj"
