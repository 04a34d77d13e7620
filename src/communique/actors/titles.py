"""Where a title's words end and a name begins: in Spanish the words after a title's "de" name what it heads, not a
person ("presidenta de Marca País"); in a headline's capitalised words a verb ends the name ("President Trump Makes
New Threats"); a country's possessive before a title and an "of" before a country after a name.
"""
from __future__ import annotations

from collections.abc import Callable

from ..records import Sentence
from .gazetteer import Match, PhraseTables, Tok
from .mentions import Person

#: the Spanish "of" that ties a title to what it heads ("presidenta de Marca País")
_OF_WORDS = {"de", "del"}
_ARTICLES = {"la", "el", "los", "las"}
#: the word after an aide's title that ties it to the person served ("adviser to X", "asesor del presidente X")
SERVED_WORDS = {"to", "de", "del"}


def serves_the_named(toks: list[Tok], title: Match, i: int, roles: list[Match], tables: PhraseTables) -> bool:
    """"adviser to President X", "asesor del presidente X", "пресс-секретарь президента X": an aide's title before a
    name is the office of someone who serves that person, not the name's own office: the title's phrase goes on past
    the aide's word with the principal's own title ("президента", not the institution of "представитель МИД"), or
    "to" or "de" follows it with nothing but a title or an article before the name ("envoy to India X" is the
    envoy's)."""
    for aide in tables.aides.find(toks, title.i, title.j):
        if title.j > aide.j:
            if tables.roles.find(toks, aide.j, title.j):
                return True
            continue
        if title.j < i and toks[title.j].norm in SERVED_WORDS and (toks[title.j].norm == "to" or title.j + 1 < i):
            covered = {k for r in roles for k in range(r.i, r.j)}
            if all(k in covered or toks[k].norm in _ARTICLES | {"the"} for k in range(title.j + 1, i)):
                return True
    return False


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


#: what a title's complement may not hold when it names the person after its comma: a sentence break, another
#: comma, a coordinator (the title of a list's other member), a quote
_COMPLEMENT_BREAKS = {".", ";", ":", "!", "?", "(", ")", "«", "»", '"', "“", "”", ","} | COORDINATORS


def apposed_title(sentence: Sentence | None, toks: list[Tok], i: int, roles: list[Match],
                  matches: list[Match], limit: int = 12) -> tuple[Match, int] | None:
    """"Uganda's chief of military intelligence, Major General X", "el secretario permanente del Ministerio de
    Asuntos Exteriores de Suriname, X", "la embajadora de El Salvador acreditada en esa nación, X", "представитель
    Армении в ОБСЕ, X": a title, its complement (no clause verb, no other name), a comma, perhaps an honorific or
    a rank, then the name. The title and the comma's position, or None."""
    covered = {n for m in matches if m.best.kind not in ("country", "demonym", "person") for n in range(m.i, m.j)}
    covered |= {n for r in roles for n in range(r.i, r.j)}
    k = i
    while k > 0 and (k - 1) in covered:
        k -= 1                               # the honorific or the rank before the name
    if k < 2 or toks[k - 1].text != ",":
        return None
    comma = k - 1
    title = max((r for r in roles if r.j <= comma and comma - r.j <= limit), key=lambda r: r.j, default=None)
    if title is None or any(t.text in _COMPLEMENT_BREAKS or t.norm in COORDINATORS for t in toks[title.j:comma]):
        return None
    if any(m.best.kind == "person" and title.j <= m.i < comma for m in matches):
        return None
    for t in toks[title.j:comma]:
        parsed = sentence.token_at(t.start) if sentence is not None else None
        if parsed is not None and parsed.pos in ("VERB", "AUX") and parsed.morph.get("VerbForm") == "Fin":
            return None                      # "the minister said, X": a clause, not a title's complement
    return title, comma


def apposed_country(sentence: Sentence | None, toks: list[Tok], i: int, j: int, person: Person, roles: list[Match],
                    matches: list[Match], host: Callable[[list[Tok], int, list[Match]], bool]) -> None:
    """A person with no country yet takes the one in brackets right after the name, as lists pair names with
    countries ("Amina Bello (Nigeria)", "Jorge Salas (Bolivia)", "Бахтиёр Рашидов (Узбекистан)"), else that of a
    title in apposition before the name (`apposed_title`): named in its complement and not where the official
    serves ("de Suriname", not "in Brazil"), else the possessive or demonym before the title ("Uganda's chief of
    ...", "the Kenyan envoy to ...")."""
    if person.known or person.country:
        return
    bracketed = [m for m in matches if m.i == j + 1 and m.best.country and m.best.kind in ("country", "demonym")
                 and j < len(toks) and toks[j].text == "(" and m.j < len(toks) and toks[m.j].text == ")"]
    if bracketed:
        person.country = bracketed[0].best.country
        return
    found = apposed_title(sentence, toks, i, roles, matches)
    if found is None:
        return
    title, comma = found
    inside = [m for m in matches if title.j <= m.i and m.j <= comma and m.best.country
              and m.best.kind in ("country", "demonym") and not host(toks, m.i, matches)]
    before = [m for m in matches if m.j <= title.i and m.best.country and m.best.kind in ("country", "demonym")
              and (m.j == title.i and m.best.kind == "demonym" or possessive(sentence, toks, m.j, title.i))]
    person.country = next((m.best.country for m in inside + before), None)
