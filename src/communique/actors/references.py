"""Descriptive references resolved to a person already named in the document: "the Kazakh official", "el líder
kazajo", "глава государства" → the person with that role and country.
"""
from __future__ import annotations

from ..records import Sentence
from .gazetteer import (
    Match,
    name_origin_countries,
    Tok,
    fold,
    phrase_tables,
)
from .mentions import COUNTRY_KINDS, RELATIONAL_ROLES, Found, Person, analysis_language

#: possessives that make a description an institution's office ("its spokeswoman", "su portavoz", "их представитель")
_OWNER_POSSESSIVES = {"its", "their", "su", "sus", "его", "ее", "её", "их"}

#: role values that do not narrow down who a description is ("the Kazakh leader")
_GENERIC_ROLES = {"", "leader", "diplomat", "minister"}
#: of those, the ones that still pick one person out of several named when only one holds such an office ("the
#: minister" after a director, an ambassador and a foreign minister were named: the foreign minister)
_ROLE_FAMILIES = {"minister"}

# --------------------------------------------------------------------------------------------- references

def descriptive_references(si: int, sentence: Sentence, toks: list[Tok], found: list[Found],
                           people: dict[str, Person]) -> list[Found]:
    """"the Kazakh official", "el líder kazajo", "глава государства", "the President" → a named person."""
    if not people:
        return []                            # no one named to refer to (most skipped articles): no heads looked for
    language = analysis_language(sentence)
    tables = phrase_tables(language)
    heads = tables.reference_heads.find(toks)
    if not heads:
        return []
    here = [f for f in found if f.sentence == si]
    out = []
    for h in heads:
        start, end = toks[h.i].start, toks[h.j - 1].end
        if any(f.start <= end + 2 and f.end >= start for f in here if f.kind in ("person", "ministry", "org")) or \
                any(f.start < end and start < f.end for f in here if f.kind == "title"):
            continue                         # a title of a name, or part of an organisation's name
        if _plural(sentence, toks[h.j - 1]):
            continue                         # "los presidentes", "главы ведомств": not one person
        if _followed_by_name(toks, h.j) or _of_something(toks, h.j, here):
            continue
        country, lo, hi = _reference_country(toks, h, here)
        determined = h.i > 0 and fold(toks[h.i - 1].text) in tables.determiners
        if country is None and not determined and language != "ru":
            continue
        role = h.best.code if h.best.code not in _GENERIC_ROLES | RELATIONAL_ROLES and h.best.sector else None
        named_here = {f.person.key for f in here if f.person is not None and not f.descriptive}
        if _inside_quotation(sentence, start):
            # «también hablé con el presidente», dijo X tras reunirse con el presidente surcoreano, Lee: a description
            # inside a quotation may point ahead to the person named after the quotation in its own sentence
            named_here = {f.person.key for f in here if f.person is not None and not f.descriptive and f.start < start}
        office = next((e.code for e in h.entries if e.sector and e.code not in _GENERIC_ROLES | RELATIONAL_ROLES),
                      None)
        # "its spokeswoman", "su portavoz": the office of an institution named before; only a holder of that office
        owned = h.i > 0 and fold(toks[h.i - 1].text) in _OWNER_POSSESSIVES and (role or office) is not None
        family = h.best.code if h.best.code in _ROLE_FAMILIES else None
        person = _resolve_reference(role, country, start, people, named_here, si, office, exact_only=owned,
                                    family=family)
        if person is None:
            continue
        person.mentions.append((si, min(lo, start), max(hi, end)))
        out.append(Found(si, min(lo, start), max(hi, end), "person", person.country, person.name,
                         person.country, person.sector, person, descriptive=True))
    return out


QUOTE_OPENERS, QUOTE_CLOSERS = "«“„", "»”"


def _inside_quotation(sentence: Sentence, offset: int) -> bool:
    """Is `offset` inside a quotation opened earlier in the sentence (or at its start) and not yet closed?"""
    before = sentence.text[:max(0, offset - sentence.start)]
    opened = sum(before.count(c) for c in QUOTE_OPENERS) - sum(before.count(c) for c in QUOTE_CLOSERS)
    return opened > 0 or before.count('"') % 2 == 1


def _followed_by_name(toks: list[Tok], k: int) -> bool:
    while k < len(toks) and toks[k].text == ",":
        k += 1
    return k + 1 < len(toks) and toks[k].text[:1].isupper() and toks[k + 1].text[:1].isupper() and \
        toks[k].text.isalpha()


def _of_something(toks: list[Tok], k: int, here: list[Found]) -> bool:
    """"the president of the Senate", "el presidente de la Cámara": a different office, not a reference."""
    if k >= len(toks) or toks[k].norm not in ("of", "de", "del"):
        return False
    k += 1
    while k < len(toks) and toks[k].norm in ("the", "la", "el", "los", "las"):
        k += 1
    if k >= len(toks) or not toks[k].text[:1].isupper():
        return False
    return not any(f.start == toks[k].start and f.kind in COUNTRY_KINDS for f in here)


def _reference_country(toks: list[Tok], head: Match, here: list[Found]) -> tuple[str | None, int, int]:
    start, end = toks[head.i].start, toks[head.j - 1].end
    for f in here:
        inside = start <= f.start and f.end <= end                      # "the Kremlin chief"
        if f.kind in ("demonym", "seat", "country") and (inside or 0 <= start - f.end <= 2 or 0 <= f.start - end <= 5):
            return f.country, min(f.start, start), max(f.end, end)
    return None, start, end


def _plural(sentence: Sentence, tok: Tok) -> bool:
    """"los presidentes", and a counted head in the singular form its numeral takes ("оба министра", "два посла")."""
    parsed = sentence.token_at(tok.start)
    if parsed is None:
        return False
    before = [t for t in sentence.tokens if t.end <= parsed.start]
    return parsed.morph.get("Number") == "Plur" or bool(before) and before[-1].pos == "NUM"


def _resolve_reference(role: str | None, country: str | None, offset: int, people: dict[str, Person],
                       named_here: set[str], si: int, office: str | None = None,
                       exact_only: bool = False, family: str | None = None) -> Person | None:
    """The person a description points to: same country and role, named before it, and not in its own
    sentence (there a description denotes someone else: "Cafiero recibió al embajador de Kazajistán").
    A candidate whose country or role was unknown learns it when the choice is clear."""
    candidates = [p for p in people.values() if p.mentions and p.key not in named_here
                  and (country is None or p.country in (country, None)) and (role is None or p.role in (role, None))]

    def is_exact(p: Person) -> bool:
        return (country is None or p.country == country) and (role is None or p.role == role)

    def is_before(p: Person) -> bool:
        return min(m[1] for m in p.mentions) < offset

    if exact_only:                         # "its spokeswoman": the holder of that very office, or no one
        candidates = [p for p in candidates if p.role == (role or office)]
    exact_before = [p for p in candidates if is_exact(p) and is_before(p)]
    loose_before = [] if exact_only else [p for p in candidates if not is_exact(p) and is_before(p)]
    exact_after = [p for p in candidates if is_exact(p) and not is_before(p)]
    # "the Algerian foreign minister claimed ..." then "Foreign Minister Abdelkader Messahel's remarks": the one
    # holder of that office named after it with no country of their own
    same_office_after = [p for p in candidates if office is not None and country is not None and p.role == office
                         and p.country is None and not p.known and not is_before(p)
                         and country in (name_origin_countries(p.name) or {country})]
    if country is None and len(exact_before) > 1 and (principals := [p for p in exact_before if not p.relative]):
        # "el ministro de Relaciones Exteriores" after "el canciller X se reunió con su homólogo boliviano, Y": an
        # office with no country is the text's own office holder's, not the counterpart named relative to them
        exact_before = principals
    pool = exact_before or loose_before or exact_after or same_office_after
    if len(pool) > 1 and not role and family:
        holders = [p for p in pool if p.role and family in p.role.split()]
        pool = holders if len(holders) == 1 else pool
    if not pool or (len(pool) > 1 and not country and not role):
        return None                          # "the official" with two officials named: ambiguous
    if pool is same_office_after:
        if len(pool) > 1:
            return None
        pool[0].country = country
        return pool[0]
    if pool is exact_after:                  # pointing ahead: the nearest fitting person named after it
        return min(pool, key=lambda p: min(m[1] for m in p.mentions))
    person = max(pool, key=lambda p: max((m[1] for m in p.mentions if m[1] < offset), default=-1))
    recent = any(m[0] >= si - 1 for m in person.mentions if m[1] < offset)
    if not is_exact(person) and (len(pool) == 1 or recent):
        person.country = person.country or country
        person.role = person.role or role
    return person
