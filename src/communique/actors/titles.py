"""Where a title's words end and a name begins: in Spanish the words after a title's "de" name what it heads, not a
person ("presidenta de Marca País"); in a headline's capitalised words a verb ends the name ("President Trump Makes
New Threats"); a country's possessive before a title and an "of" before a country after a name.
"""
from __future__ import annotations

from ..records import Sentence
from .gazetteer import Match, Tok

#: the Spanish "of" that ties a title to what it heads ("presidenta de Marca País")
_OF_WORDS = {"de", "del"}
_ARTICLES = {"la", "el", "los", "las"}


def title_complement(toks: list[Tok], i: int, roles: list[Match]) -> bool:
    """"presidenta de Marca País", "viceministro de Políticas Antibloqueo", "jefe de la Dirección General de
    Contrainteligencia Militar": in Spanish a name never follows a title's "de"; the capitalised words there name
    what the title heads (its office, institution or portfolio), not a person."""
    k = i - 1
    while k >= 0 and toks[k].norm in _ARTICLES:
        k -= 1
    if k < 1 or toks[k].norm not in _OF_WORDS:
        return False
    ends = {r.j for r in roles}
    steps = 0
    while k >= 0 and steps < 10:            # back over "de la Dirección General" to the title
        if k in ends:
            return True
        t = toks[k]
        if not (t.norm in _OF_WORDS | _ARTICLES | {"y", "e"} or t.text[:1].isupper() and t.text.isalpha()):
            return False
        k -= 1
        steps += 1
    return False


def before_verb(sentence: Sentence, toks: list[Tok], k: int, end: int) -> int:
    """A headline's capitalised words after a title end the name at the first verb ("President Trump Makes New
    Threats", "Indian Foreign Minister Holds Bilateral Talks")."""
    for n in range(k, end):
        parsed = sentence.token_at(toks[n].start)
        if parsed is not None and parsed.pos in ("VERB", "AUX"):
            return n
    return end


#: the "of" that ties a country to the name before it ("President X of Zambia", "el rey X de Jordania")
OF_COUNTRY = {"of", "de", "del"}


def of_before(toks: list[Tok], k: int) -> int:
    """Where "of [the]" before token k begins (-1 if no "of" is there)."""
    n = k
    while n > 0 and toks[n - 1].norm in ("the", "la", "el", "los", "las"):
        n -= 1
    return n - 1 if n > 0 and toks[n - 1].norm in OF_COUNTRY else -1


def possessive(sentence: Sentence | None, toks: list[Tok], a: int, b: int) -> bool:
    """"Mexico's President", "Syria's embattled President": a possessive, perhaps adjectives, then the title."""
    k = a
    while k < b and toks[k].norm in ("'", "s"):
        k += 1
    if k == a or b - k > 2:
        return k == b
    parsed = [sentence.token_at(t.start) if sentence is not None else None for t in toks[k:b]]
    return all(p is not None and t.text.islower() and (p.pos == "ADJ" or p.morph.get("VerbForm") == "Part")
               for p, t in zip(parsed, toks[k:b]))


#: words that join a second title to the first ("the ministers of the EU and Iranian Foreign Minister X")
COORDINATORS = {"and", "or", "y", "e", "o", "и", "или"}
