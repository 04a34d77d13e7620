"""Which side of a meeting the people named together belong to, read from how a sentence lists them: countries
and names coordinated in the same order ("the foreign ministers of Chile and Argentina, X and Y", "los presidentes
de Perú y Uruguay, X y Y, respectivamente"), a side that opens a list ("с белорусской стороны - X, Y и Z", "por la
parte peruana, X"), a country after each name ("X por México y Y por Paraguay", "X от России"), the officials
accompanying one ("el presidente X está acompañado del canciller Y": Y is on X's side), and the aides of a named
person ("X, Prime Minister Y's security adviser", "el portavoz del presidente Y, X": X serves Y's country).
"""
from __future__ import annotations

from collections import Counter

from .gazetteer import Match, PhraseTables, Tok
from .mentions import Person
from .people import TITLE_GLUE, _host
from .titles import SERVED_WORDS

#: a person placed in a sentence: first token, end token, the person
Placed = tuple[int, int, Person]

_LIST_SEPARATORS = {",", ";", "-", "—", "–", ":"}


def place_sides(si: int, toks: list[Tok], placed: list[Placed], matches: list[Match], roles: list[Match],
                tables: PhraseTables) -> None:
    """Give the people of one sentence the country its listing puts them on (people the gazetteer knows keep theirs)."""
    if not placed:
        return
    countries = sorted((m for m in matches if m.best.country and m.best.kind in ("country", "demonym")
                        and not _host(toks, m.i, matches)), key=lambda m: m.i)
    _in_order(toks, placed, countries, roles, tables)
    _side_lists(toks, placed, countries, tables)
    _for_country(toks, placed, countries, tables)
    _country_pairs(toks, placed, countries)
    _companions(si, toks, placed, matches, tables)
    _aides(si, toks, placed, roles, tables)
    _visitors(toks, placed, matches, tables)
    _partners(si, toks, placed, tables)


def _set(person: Person, country: str | None, strong: bool) -> None:
    if country and not person.known and (strong or person.country is None):
        person.country = country


def _name_run(toks: list[Tok], placed: list[Placed], start: int, tables: PhraseTables) -> list[Placed]:
    """The names listed from token `start` on, joined by commas or "and" only."""
    run: list[Placed] = []
    pos = start
    for span in sorted(placed, key=lambda s: s[0]):
        i, j, _ = span
        if i < pos:
            continue
        if i - pos > 2 or not all(toks[k].text == "," or toks[k].norm in tables.coordinators for k in range(pos, i)):
            break
        run.append(span)
        pos = j
    return run


def _in_order(toks: list[Tok], placed: list[Placed], countries: list[Match], roles: list[Match],
              tables: PhraseTables) -> None:
    """"the foreign ministers of Chile and Argentina, X and Y", "Президенты Беларуси и России X и Y": a title, two or
    more coordinated countries, then as many coordinated names, in the same order ("respectively" may follow)."""
    for r in roles + tables.plural_titles.find(toks):
        k, group = r.j, []
        while k < len(toks):
            m = next((c for c in countries if c.i == k), None)
            if m is not None:
                group.append(m)
                k = m.j
            elif toks[k].norm in TITLE_GLUE or toks[k].norm in tables.coordinators or toks[k].text == ",":
                k += 1
            else:
                break
        if len(group) < 2 or len({m.best.country for m in group}) < len(group):
            continue
        run = _name_run(toks, placed, k, tables)
        if len(run) == len(group):
            for (_, _, person), m in zip(run, group):
                _set(person, m.best.country, strong=True)


def _side_lists(toks: list[Tok], placed: list[Placed], countries: list[Match], tables: PhraseTables) -> None:
    """"с российской стороны присутствуют X, Y и Z", "С белорусской - X, Y", "por la parte peruana asistieron X y Y",
    "The Ghanaian side was represented by X and Y", "Казахстанскую сторону представляли X и Y": each side marker (a
    demonym and a side noun, or a side's demonym alone after its preposition) places the names after it, up to the
    next marker."""
    markers = []
    for m in countries:
        k = m.i - 1
        while k >= 0 and toks[k].norm in ("the", "la", "el"):
            k -= 1
        nxt = toks[m.j] if m.j < len(toks) else None
        if m.best.kind == "demonym" and nxt is not None and (nxt.norm in tables.side_nouns
                                                             or nxt.lemma in tables.side_nouns):
            markers.append(m)                # "с российской стороны", "The Ghanaian side", "Казахстанскую сторону"
        elif k >= 0 and toks[k].norm in tables.side_preps and nxt is not None and m.best.kind == "demonym" and \
                nxt.text in ("-", "—", "–", ":"):
            markers.append(m)                # "С белорусской -"
        elif k >= 0 and toks[k].norm in tables.side_nouns and m.best.kind == "demonym":
            markers.append(m)                # "por la parte peruana", "la delegación ecuatoriana estuvo ..."
    for n, m in enumerate(markers):
        end = markers[n + 1].i if n + 1 < len(markers) else len(toks)
        for i, _, person in placed:
            if m.j <= i < end:
                _set(person, m.best.country, strong=False)


def _for_country(toks: list[Tok], placed: list[Placed], countries: list[Match], tables: PhraseTables) -> None:
    """"los cancilleres X por México, y Y por Paraguay", "X от России и Y от Беларуси": a name, then "for" and
    its country, then a comma, "and" or the end of the clause."""
    for i, j, person in placed:
        if j + 1 >= len(toks) or toks[j].norm not in tables.representing:
            continue
        m = next((c for c in countries if c.i == j + 1 and c.best.kind == "country"), None)
        if m is None:
            continue
        nxt = toks[m.j] if m.j < len(toks) else None
        if nxt is None or nxt.text in _LIST_SEPARATORS | {".", ")"} or nxt.norm in tables.coordinators:
            _set(person, m.best.country, strong=False)


def _country_pairs(toks: list[Tok], placed: list[Placed], countries: list[Match]) -> None:
    """"the ambassadors of Chile, X; Norway, Y; and Kenya, Z", "послы: Чили — X, Норвегии — Y": where two or more
    names each follow a different country and a comma or dash, each name is that country's."""
    pairs = []
    for i, _, person in placed:
        m = next((c for c in countries if c.j == i - 1 and c.best.kind == "country"), None)
        if m is not None and toks[i - 1].text in _LIST_SEPARATORS:
            pairs.append((person, m.best.country))
    if len(pairs) >= 2 and len({code for _, code in pairs}) == len(pairs):
        for person, code in pairs:
            _set(person, code, strong=False)


def _companions(si: int, toks: list[Tok], placed: list[Placed], matches: list[Match], tables: PhraseTables) -> None:
    """"El presidente X está acompañado del canciller Y", "the Ghanaian President, accompanied by Minister Y",
    "в сопровождении министра Y": the companions belong to the side of whoever (or whichever country) comes just
    before the phrase in the sentence; a person's side is read once the document's names are resolved."""
    for phrase in tables.accompanied.find(toks):
        lead = max((s for s in placed if s[1] <= phrase.i), key=lambda s: s[1], default=None)
        demonyms = [m for m in matches if m.j <= phrase.i and m.best.country and m.best.kind == "demonym"
                    and (lead is None or m.i >= lead[1])]
        for i, _, person in placed:
            if i < phrase.j or person.known:
                continue
            if demonyms:                     # "el mandatario uruguayo está acompañado de"
                _set(person, demonyms[-1].best.country, strong=False)
            elif lead is not None and person.side_of is None:
                person.side_of = (si, toks[lead[0]].start)


#: tokens at most between an aide's title and the person it names, and between the aide's name and the title
_AIDE_GAP = 6


def _aides(si: int, toks: list[Tok], placed: list[Placed], roles: list[Match], tables: PhraseTables) -> None:
    """"X, Prime Minister Y's National Security Adviser", "X, who heads Y's press office", "X, asesor del presidente
    Y", "X, пресс-секретарь президента Y", and the title before the aide's name ("Y's special envoy X", "el vocero del
    presidente Y, X", "советник президента Y X"): an aide, spokesperson or envoy of a person serves that person's
    country (read once the document's names are resolved, like a companion's)."""
    if len(placed) < 2:
        return                               # an aide and the person served: two names, or nothing to read
    aides = tables.aides.find(toks)
    spans = sorted(placed, key=lambda s: s[0])
    for aide in aides:
        principal = _aide_of(toks, aide.i, aide.j, spans, roles)
        if principal is None:
            continue
        for i, j, person in spans:
            if person is principal[2] or person.known or person.side_of is not None:
                continue
            apposed = toks[j].text == "," and j < aide.i and _clause_gap(toks, j + 1, min(aide.i, principal[0]))
            titled = aide.j <= i and (principal[1] == i or (principal[1] < i and toks[principal[1]].text == ","
                                                               and principal[1] + 1 == i)
                                      or (principal[1] < aide.i and _clause_gap(toks, aide.j, i, 2)))
            if apposed or titled:
                person.side_of = (si, toks[principal[0]].start)
                title = next((r for r in roles if r.i <= aide.i and aide.j <= r.j), None)
                if person.role is None and title is not None:
                    person.role = title.best.code          # "X, adviser to Y": X is the adviser
                break


def _aide_of(toks: list[Tok], a: int, b: int, spans: list[Placed], roles: list[Match]) -> Placed | None:
    """The person an aide's title at tokens a..b belongs to: a possessive just before it ("Y's [National Security]
    adviser") or a name shortly after it, through the principal's own title or a bare preposition ("adviser to
    President Y", "asesor del presidente Y", "советник президента Y", "adviser to Y"). A name right after the title,
    or after words that are no title ("спецпредставители по нормализации отношений Y и Z"), is the aide's own."""
    for span in spans:
        i, j = span[0], span[1]
        if j <= a and a - j <= _AIDE_GAP and _possessive_end(toks, j) and _clause_gap(toks, j, a):
            return span
        if i > b and _clause_gap(toks, b, i, _AIDE_GAP) and (
                any(b <= r.i and r.j <= i for r in roles) or (i - b == 1 and toks[b].norm in SERVED_WORDS)):
            return span
    return None


def _possessive_end(toks: list[Tok], j: int) -> bool:
    return j + 1 < len(toks) and toks[j].norm == "'" and toks[j + 1].norm == "s"


def _clause_gap(toks: list[Tok], start: int, end: int, limit: int = _AIDE_GAP) -> bool:
    """At most `limit` tokens from `start` to `end`, none of them a clause's punctuation."""
    return 0 <= end - start <= limit and not any(t.text in {",", ";", ".", ":", "(", ")", "—"} for t in toks[start:end])


def companion_sides(people: dict[str, Person]) -> None:
    """The companions of a person take that person's country (after names are resolved across the document)."""
    by_mention = {(si, start): p for p in people.values() for si, start, _ in p.mentions}
    for person in people.values():
        if person.side_of is None or person.country or person.known:
            continue
        lead = by_mention.get(person.side_of)
        if lead is not None and lead is not person and lead.country:
            person.country = lead.country


def _visitors(toks: list[Tok], placed: list[Placed], matches: list[Match], tables: PhraseTables) -> None:
    """"X arrived in Accra for talks", "X, quien realiza una visita de trabajo al Perú", "X прибыл в Астану с
    визитом": the visitor does not serve the country visited (it joins the places the person is posted to, which the
    document-wide guesses leave out). The visitor is the name the phrase's relative clause or possessive hangs on
    ("X, who arrived", "X's visit to"), else the sentence's first name (its subject)."""
    places = [m for m in matches if m.best.country and m.best.kind in ("country", "capital", "city", "seat")]
    for i, _, person in placed:              # "the visiting minister, X, met officials in Astana"
        if any(t.norm in ("visiting", "visitante", "visitantes") for t in toks[max(0, i - 4):i]) and places:
            person.hosts.add(places[-1].best.country)
    for phrase in tables.visits.find(toks):
        place = next((m for m in places if phrase.j <= m.i <= phrase.j + 6), None)
        before = sorted((s for s in placed if s[1] <= phrase.i), key=lambda s: s[0])
        if place is not None and not before and \
                any(t.norm in tables.visit_openers for t in toks[max(0, phrase.i - 3):phrase.i]):
            after = sorted((s for s in placed if s[0] >= place.j), key=lambda s: s[0])
            if after:                        # "During his visit to Astana, X met ...": the name after it
                after[0][2].hosts.add(place.best.country)
            continue
        if place is None or not before:
            continue
        nearest = before[-1]
        gap = [t.norm for t in toks[nearest[1]:phrase.i]]
        hangs = any(w in tables.relatives for w in gap[:3]) or gap[:2] in (["'", "s"], ["s"]) or gap[:1] == ["'"]
        visitor = nearest[2] if hangs else before[0][2]
        visitor.hosts.add(place.best.country)


def _partners(si: int, toks: list[Tok], placed: list[Placed], tables: PhraseTables) -> None:
    """"X met Y", "X recibió a Y y Z", "X провел переговоры с Y": the people on either side of a meeting phrase (or
    the two people of a sentence with one) met each other, and are read as the two sides."""
    phrase = next(iter(tables.meetings.find(toks)), None)
    if phrase is None or len(placed) < 2:
        return
    before = [s for s in placed if s[1] <= phrase.i]
    after = [s for s in placed if s[0] >= phrase.j]
    if before and after:
        pairs = [(a, b) for a in before for b in after]
    else:
        pairs = [(placed[0], placed[1])] if len(placed) == 2 else []
    for a, b in pairs:
        if a[2] is not b[2]:
            a[2].partners.add((si, toks[b[0]].start))
            b[2].partners.add((si, toks[a[0]].start))


def met_countries(person: Person, people: dict[str, Person]) -> set[str]:
    """The countries of the people this person met."""
    if not person.partners:
        return set()
    by_mention = {(si, start): p for p in people.values() for si, start, _ in p.mentions}
    met = [by_mention.get(key) for key in person.partners]
    return {p.country for p in met if p is not None and p is not person and p.country}


def partner_sides(people: dict[str, Person], counts: Counter) -> None:
    """Someone with no country yet who met people of one side is of the document's most mentioned other country
    (a clear first choice only; not a country they visit)."""
    for person in people.values():
        if person.country or person.known or not person.partners:
            continue
        others = met_countries(person, people)
        if not others:
            continue
        ranked = [(code, n) for code, n in counts.most_common() if code not in others | person.hosts]
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            person.country = ranked[0][0]


def visitors_serve_another_country(people: dict[str, Person], counts: Counter) -> None:
    """A visitor (or an envoy posted abroad) with no country yet serves the document's most mentioned country other
    than those visited (a clear first choice only)."""
    for person in people.values():
        if person.country or person.known or not person.hosts or not person.mentions:
            continue
        ranked = [(code, n) for code, n in counts.most_common() if code not in person.hosts]
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            person.country = ranked[0][0]
