"""People: person names found in a sentence (the parser's NER, the gazetteer's known figures), resolved to one
person per document, and their roles and countries read from the titles around them ("First Deputy Foreign
Minister of Kazakhstan Kairat Umarov" → first deputy foreign minister, KAZ). Names given again later by a surname
alone, and the store's learned actor table, are `surnames.py`'s.
"""
from __future__ import annotations

from typing import Any

from ..records import Sentence
from .gazetteer import (
    Gazetteer,
    Match,
    PhraseTables,
    Tok,
    fold,
    is_cyrillic,
    latinize,
    latinize_name,
    phrase_tables,
    role_on,
    strip_accents,
    tokenize,
)
from .mentions import RELATIONAL_ROLES, Found, Person
from .name_forms import first_sounds, oblique_stems
from .titles import (COORDINATORS, apposed_country, before_verb, of_before, possessive, serves_the_named,
                     title_complement)

PERSON_LABELS = {"PER", "PERSON"}

#: words allowed between a title and the name it introduces ("Minister of the Republic of Kazakhstan X")
TITLE_GLUE = {"of", "the", "de", "del", "la", "el", "los", "las", "y", "and", ",", "'", "s", "republic",
              "republica", "республика", "kingdom", "reino", "federation", "federacion", "state", "estado",
              "in", "en", "в", "to", "a", "ante", "при", "и", "for", "para", "по", "-", "concurrente", "acreditado",
              "acreditada", "residente", "designado", "designada", "nuevo", "nueva", "new", "newly", "appointed",
              "non", "resident", "entonces", "then", "former", "ex", "accredited", "at", "large", "delegation",
              "delegacion", "делегация", "делегации", "делегацию"}
#: words before a country that make it the host, not the official's own country ("Ambassador to Kazakhstan")
_HOST_MARKERS = {"to", "in", "en", "ante", "в", "во", "при", "a"}

NAME_PARTICLES = {"van", "von", "der", "de", "da", "do", "dos", "del", "la", "bin", "bint", "al", "el", "ibn", "di",
                   "le", "бен", "бин", "ибн"}
#: lower-case particles joined to an Arabic surname by a hyphen ("ас-Сиси", "аль-Асад", "el-Sisi", "al-Thani")
HYPHEN_PARTICLES = {"al", "el", "as", "ad", "an", "ar", "at", "ash", "az", "ал", "аль", "эль", "ас", "ад", "ан", "ар",
                     "ат", "аш", "аз", "эс", "эд", "эн", "эр", "эт", "эш"}


def _particle(toks: list[Tok], n: int, j: int) -> bool:
    """A lower-case particle inside a name before [-] a capitalised part: "Lula da Silva", "ас-Сиси"."""
    nxt = n + 2 if n + 2 < j and toks[n + 1].text == "-" and toks[n].norm in HYPHEN_PARTICLES else n + 1
    if nxt < j and toks[n].norm in ("de", "van", "von") and toks[nxt].norm in ("la", "las", "los", "der", "den"):
        nxt += 1                             # "Gloria de la Fuente", "Martin van der Berg"
    return (toks[n].norm in NAME_PARTICLES | HYPHEN_PARTICLES and nxt < j and toks[nxt].text[:1].isupper()
            and (nxt == n + 2 or toks[n].norm in NAME_PARTICLES))


#: "son/daughter of" in Arabic names, whose bearers are named again by their given name
PATRONYMIC_LINKS = {"bin", "bint", "ibn", "бен", "бин", "ибн"}

_SENTENCE_BREAKS = {".", ";", ":", "!", "?", "(", ")", "«", "»", '"', "“", "”"}

# --------------------------------------------------------------------------------------------- people

def person_spans(sentence: Sentence, toks: list[Tok], matches: list[Match], roles: list[Match],
                 tables: PhraseTables) -> list[tuple[int, int, str | None]]:
    """(first token, end token, NER normal form) of each person name in the sentence."""
    spans: list[tuple[int, int, str | None]] = []
    for ner in sentence.ner:
        if ner.label not in PERSON_LABELS:
            continue
        i, j = _tok_range(toks, ner.start, ner.end)
        if i >= j:
            continue
        i, j = _trim_person(sentence, toks, i, j, matches, roles, tables)
        if i < j and title_complement(toks, i, roles) and \
                not any(m.best.kind == "person" and m.i < j and i < m.j for m in matches):
            continue
        if i < j and _looks_like_name(sentence, toks, i, j, matches, tables):
            spans.append((i, j, ner.normal if ner.normal and is_cyrillic(ner.normal) else None))
    for m in matches:                       # well-known people the model missed
        if m.best.kind == "person":
            spans.append((m.i, m.j, None))
    for r in roles:                         # "Deputy Foreign Minister [of Kazakhstan] Yerzhan Ashikbayev"
        k = _skip_glue(toks, r.j, matches)
        end = _name_run(toks, k, matches)
        while k < end and (toks[k].norm in tables.not_names or toks[k].lemma in tables.not_names):
            k += 1                           # "Minister of Roads Kofi Adjei": the portfolio before the name
        portfolio = [m.j for m in matches if r.j < m.i and _portfolio(toks, r.j, m.j, matches)]
        if portfolio and not (end - k >= 2 and _looks_like_name(sentence, toks, k, end, matches, tables)):
            k = portfolio[0]                 # "Minister of Investment, Industry and Trade of Uzbekistan X"
            end = _name_run(toks, k, matches)
        end = before_verb(sentence, toks, k, end)
        if end - k >= 2 and not title_complement(toks, k, roles) and \
                _looks_like_name(sentence, toks, k, end, matches, tables) and \
                (_apposed(toks, r, k, matches) or _org_reading_only(sentence, toks, k, end)
                 or not _inside_other_ner(sentence, toks, k, end)):
            spans.append((k, end, None))
    return _merge_spans(spans)


def _tok_range(toks: list[Tok], start: int, end: int) -> tuple[int, int]:
    idx = [n for n, t in enumerate(toks) if t.start < end and t.end > start]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)


def _trim_person(sentence: Sentence, toks: list[Tok], i: int, j: int, matches: list[Match],
                 roles: list[Match], tables: PhraseTables) -> tuple[int, int]:
    """Cut places, titles and a headline's opening verb off the edges of a NER span ("Rosario Gustavo Gutierrez",
    "Embajador Ruan Akim", "Recibe Santos a Cristina Fernández")."""
    if j - i >= 2 and toks[i].start == sentence.start and toks[i].norm in tables.name_openers:
        i += 1
    for m in matches:
        if m.best.kind != "person" and m.i == i and m.j < j:
            i = m.j
    for r in roles:
        if r.i <= i < r.j:
            i = r.j
    for m in matches:   # a headline's words after a known name ("Trump Makes New Threats"), or another known name
        if m.best.kind == "person" and m.i == i and m.j < j and (any(      # ("Мохбером Реджеп Тайип Эрдоган")
                p is not None and p.pos in ("VERB", "AUX") for p in map(sentence.token_at, (t.start for t in toks[m.j:j])))
                or any(o.best.kind == "person" and m.j <= o.i and o.j == j for o in matches)):
            j = m.j
    for m in matches:                        # "el rey Abdulá II de Jordania": the country after the name is not in it
        if m.best.kind == "country" and m.j == j and of_before(toks, m.i) > i:
            j = of_before(toks, m.i)
    while i < j and not toks[i].text[:1].isalpha():
        i += 1
    while j > i and (not toks[j - 1].text[:1].isalpha() or toks[j - 1].norm == "s"):
        j -= 1
    return i, j


def _apposed(toks: list[Tok], r: Match, k: int, matches: list[Match]) -> bool:
    """"President of Ghana, Nana Akufo-Addo": after a title with its country and a comma, a name the model read as
    an organisation is still the office holder."""
    return toks[k - 1].text == "," and any(r.j <= m.i and m.j < k and m.best.kind in ("country", "demonym")
                                           for m in matches)


def _org_reading_only(sentence: Sentence, toks: list[Tok], i: int, j: int) -> bool:
    """"his opposite number Kossi Adjovi": after a title, a name the model read, word for word, as an organisation
    (and as nothing else) is the person."""
    start, end = toks[i].start, toks[j - 1].end
    over = [n for n in sentence.ner if n.start < end and start < n.end]
    return bool(over) and all(n.label == "ORG" and n.start == start and n.end == end for n in over)


def _inside_other_ner(sentence: Sentence, toks: list[Tok], i: int, j: int) -> bool:
    """The model read these words as an organisation, place or work, not a person."""
    start, end = toks[i].start, toks[j - 1].end
    # Spanish and Russian models often call people LOC; only their ORG reading is trusted here.
    labels = {"ORG"} if sentence.language in ("es", "ru") else None
    # A span that only adds words before the name is a title the model swallowed ("Kazakhstan Daulet Abenov").
    return any(n.label not in PERSON_LABELS and (labels is None or n.label in labels)
               and n.start <= start and end <= n.end and (n.start == start or n.end > end) for n in sentence.ner)


def _looks_like_name(sentence: Sentence, toks: list[Tok], i: int, j: int, matches: list[Match],
                     tables: PhraseTables) -> bool:
    words = [t for t in toks[i:j] if t.text[:1].isalpha()]
    # a particle inside ("Lula da Silva"), or hyphenated to the surname even first ("ас-Сиси")
    if not words or not all(t.text[:1].isupper() or _particle(toks, n, j) and (n > i or toks[n + 1].text == "-")
                            for n, t in enumerate(toks[i:j], i) if t.text[:1].isalpha()):
        return False
    if any(t.lemma in tables.not_names or t.norm in tables.not_names for t in words):
        return False
    if any(m.i <= i and j <= m.j and m.best.kind != "person" for m in matches):
        return False                         # the whole span is a country, city, org or demonym
    if len(words) == len(toks[i:j]) == 1 and words[0].text.isupper() and len(words[0].text) > 3:
        return False                         # a dateline in capitals
    parsed = [sentence.token_at(t.start) for t in words]
    pos = [p.pos for p in parsed if p is not None]
    if sentence.language == "es" and pos and not any(p == "PROPN" for p in pos):
        return False                         # "Destacó", "Así", "Recordó": capitalised verbs the model calls PER
    return not (pos and all(p in ("VERB", "AUX", "ADV", "ADP", "PRON", "DET", "SCONJ", "CCONJ") for p in pos))


def _skip_glue(toks: list[Tok], k: int, matches: list[Match]) -> int:
    """Skip "of the Republic of Kazakhstan", "de Kazajistán", "Казахстана", commas after a title."""
    starts = {m.i: m for m in matches
              if m.best.kind in ("country", "demonym", "org", "seat", "capital", "city", "institution", "honorific")}
    steps = 0
    while k < len(toks) and steps < 8:
        if k in starts:
            k = starts[k].j
        elif toks[k].norm in TITLE_GLUE:
            k += 1
        else:
            break
        steps += 1
    return k


def _name_run(toks: list[Tok], k: int, matches: list[Match]) -> int:
    """End of a run of capitalised words (with hyphens) starting at k, stopping at a known place or org."""
    starts = {m.i for m in matches if m.best.kind not in ("person",)}
    end = k
    while end < len(toks) and end - k < 5:
        t = toks[end]
        if t.text == "-" and end > k and end + 1 < len(toks) and toks[end + 1].text[:1].isupper():
            end += 2
            continue
        if end > k and _particle(toks, end, len(toks)) and end + 1 not in starts:
            end += 1                         # "Alberto van Klaveren", "Lula da Silva", "Абдель Фаттах ас-Сиси"
            continue
        if not (t.text[:1].isupper() and t.text.isalpha()) or end in starts:
            break
        if t.text.isupper() and len(t.text) > 1:
            break
        end += 1
    return end


def _merge_spans(spans: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """Overlapping candidates become one span (the longest), keeping a NER normal form if any."""
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    merged: list[tuple[int, int, str | None]] = []
    for i, j, normal in spans:
        if merged and i < merged[-1][1]:
            pi, pj, pn = merged[-1]
            merged[-1] = (pi, max(pj, j), pn or normal)
        else:
            merged.append((i, j, normal))
    return merged


def person_for(toks: list[Tok], i: int, j: int, normal: str | None, gaz: Gazetteer,
               people: dict[str, Person], on: str | None) -> Person | None:
    person = _person_for(toks, i, j, normal, gaz, people, on)
    if person is not None:
        person.spellings.add(" ".join(t.text for t in toks[i:j] if t.text.isalpha()))
    return person


def _person_for(toks: list[Tok], i: int, j: int, normal: str | None, gaz: Gazetteer,
                people: dict[str, Person], on: str | None) -> Person | None:
    known = _known_person(toks, i, j, gaz)
    if known is None and normal:             # Russian: the model's nominative form ("Токаева" → "Токаев")
        ntoks = tokenize(normal)
        known = _known_person(ntoks, 0, len(ntoks), gaz)
    if known is not None:
        return official(known, gaz, people, on)
    name = _latin_name(toks, i, j, normal)
    if not name:
        return None
    key = fold(name)
    if key not in people:
        people[key] = Person(key, name, first=toks[i].start)
    return people[key]


def _known_person(toks: list[Tok], i: int, j: int, gaz: Gazetteer) -> str | None:
    span = toks[i:j]
    for key in (" ".join(t.norm for t in span), " ".join(t.lemma for t in span), " ".join(t.alt for t in span)):
        if key in gaz.surname_index:
            return gaz.surname_index[key]
    words = [t for t in span if t.text[:1].isalpha()]
    if words:                                # the surname alone: the last word, or a hyphenated last part
        for form in (words[-1].norm, words[-1].lemma, words[-1].alt, *oblique_stems(words[-1].norm)):
            if form in gaz.surname_index and len(form) > 3:
                name = gaz.surname_index[form]
                before = words[-2] if len(words) > 1 else None
                if before is None or _is_title_word(before, gaz) or first_name_agrees(before, gaz.people[name]):
                    return name
    if len(words) >= 3 and words[-1].text[:1].isupper() and span[-1] is words[-1]:
        # "Eladio Loizaga Caballero", "María Ángela Holguín Cuéllar", "Horacio Manuel Cartes Jara": a known person
        # with the second (maternal) surname added
        head = span[:-1]
        for key in (" ".join(t.norm for t in head), " ".join(t.lemma for t in head), " ".join(t.alt for t in head)):
            if key in gaz.surname_index:
                return gaz.surname_index[key]
        for form in (words[-2].norm, words[-2].lemma, words[-2].alt):
            if form in gaz.surname_index and len(form) > 3 and \
                    any(first_name_agrees(w, gaz.people[gaz.surname_index[form]]) for w in words[:-2]):
                return gaz.surname_index[form]
    return None


def _is_title_word(tok: Tok, gaz: Gazetteer) -> bool:
    """"President" in a span the model read as "President Pena": a title, not a given name."""
    return not tok.text[:1].isupper() or bool(phrase_tables(gaz.language or "en").roles.lookup([tok], 0, 1))


def first_name_agrees(first: Tok, record: dict[str, Any]) -> bool:
    """"Marcelino Medina" is not Danilo Medina, "Ivanka Trump" not Donald Trump: the name before a known surname
    must look like one of that person's given names (spelling variants pass: Sergei/Sergey, Yerlan/Erlan,
    Дмитрий/Dmitry, Jomart in Kassym-Jomart)."""
    if len(first.text) < 3 or first.text.isupper() or first.norm in NAME_PARTICLES:
        return True                          # an initial, an acronym or a particle says nothing

    # an English name written in Cyrillic keeps only its first letter for sure (Дэвид / David, Кэтрин / Catherine)
    size = 1 if is_cyrillic(first.text) else 2

    def stem(word: str) -> str:
        word = fold(latinize(word) if is_cyrillic(word) else word).replace("c", "k")    # Катрин / Catherine
        return word[1:1 + size] if word[:1] in "yij" and len(word) > 3 else word[:size]

    parts = [part for n in [record["name"], *record.get("aliases", [])] for part in n.replace("-", " ").split()[:-1]]
    given_names = {stem(part) for part in parts}
    initials = {fold(latinize(part) if is_cyrillic(part) else part)[:1] for part in parts} if size == 1 else set()
    return not given_names or stem(first.text) in given_names or \
        bool(first_sounds(fold(latinize(first.text))) & initials)     # "Хорхе" / Jorge: "kh" is a Spanish "j"


def official(name: str, gaz: Gazetteer, people: dict[str, Person], on: str | None) -> Person:
    """A person of the officials table, with the role and country they had on the article's date."""
    key = fold(name)
    if key not in people:
        record = gaz.people[name]
        role, country = role_on(record, on)
        people[key] = Person(key, name, country or record.get("country"), role, "GOV", known=True)
    return people[key]


_OBLIQUE_ENDINGS = ("ом", "ым", "ем", "ого", "ому", "ыми")


def _a_nominative(tok: Tok) -> str:
    """"Верму" → "Верма", "Мирьяной" → "Мирьяна": only where the word's alternative lemma is the same stem in -а/-я
    (the lemmatiser's other guesses for foreign names, "Мамаду" → "мамад", are not trusted)."""
    word, alt = tok.text, tok.alt
    if word.lower().endswith(("у", "ю", "ой", "ей")) and alt.endswith(("а", "я")) and len(alt) > 3 and \
            word.lower()[:len(alt) - 1] == alt[:-1]:
        return word[:1] + alt[1:]
    return word


def _joined(words: list[str], toks: list[Tok]) -> str:
    """Words rejoined with the spacing they had in the text ("Касым-Жомарт" stays hyphenated)."""
    out = ""
    for k, (word, tok) in enumerate(zip(words, toks)):
        out += word if k == 0 or toks[k - 1].end == tok.start else " " + word
    return out


def _latin_name(toks: list[Tok], i: int, j: int, normal: str | None) -> str:
    surface = " ".join(t.text for t in toks[i:j] if t.text.isalpha())
    if normal and normal.replace("-", " ").split() == surface.split() and \
            any(w.endswith(_OBLIQUE_ENDINGS) for w in surface.split()):
        # the model left an oblique case as it was ("Лазизом Кудратовым"): use the words' lemmas
        normal = _joined([t.alt if t.text.isalpha() else t.text for t in toks[i:j]], toks[i:j])
    elif normal and normal.replace("-", " ").split() == surface.split():
        # a feminine-type name left in an oblique case ("Праная Верму", "с Мирьяной"): its nominative in -а/-я
        normal = _joined([_a_nominative(t) if t.text.isalpha() else t.text for t in toks[i:j]], toks[i:j])
    if normal:
        words = " ".join(w[:1].upper() + w[1:] for w in normal.replace(" - ", "-").split())
        return latinize_name(words)
    text = "".join(t.text if k == i or toks[k - 1].end == t.start else " " + t.text
                   for k, t in enumerate(toks[i:j], start=i))
    return latinize_name(text) if is_cyrillic(text) else strip_accents(text)


def apply_title(si: int, toks: list[Tok], i: int, j: int, person: Person, matches: list[Match],
                roles: list[Match], found: list[Found], tables: PhraseTables, sentence: Sentence | None = None) -> None:
    """Role and country from the title before the name, from an apposition after it, or from a predicate
    ("X is Mexican Ambassador to Kazakhstan")."""
    before = [r for r in roles if r.j <= i and (_only_glue(toks, r.j, i, matches, 16) or _quoted_org(toks, r.j, i)
                                                or _portfolio(toks, r.j, i, matches)
                                                or _portfolio_apposition(toks, r.j, i, matches)
                                                or _portfolio_nouns(toks, r.j, i, tables))
              and not serves_the_named(toks, r, i, roles, tables)]
    after = [r for r in roles if r.i >= j and toks[j].text == "," and (_only_glue(toks, j, r.i, matches, 4)
                                                                      or _possessor(toks, j + 1, r))
             and (_name_run(toks, _skip_glue(toks, r.j, matches), matches) - _skip_glue(toks, r.j, matches) < 2
                  or title_complement(toks, _skip_glue(toks, r.j, matches), roles))] \
        if j < len(toks) else []             # an apposition, unless it is the title of the next name
    predicate = not before and not after
    if predicate:
        after = _predicate_title(toks, j, roles, matches, tables)
    title = before[-1] if before else (after[0] if after else None)
    # "su homólogo boliviano, X", "his Bolivian counterpart, Foreign Minister X": named relative to another
    person.relative = person.relative or any(
        r.best.code in RELATIONAL_ROLES and (r in before or title in before and r.j <= title.i and
                                             all(t.text in ",-—" for t in toks[r.j:title.i])) for r in roles)
    if title is None:
        _demonym_before_name(si, toks, i, person, matches, found)
        _led_by(toks, i, person, matches, tables)
        apposed_country(sentence, toks, i, j, person, roles, matches, _host)
        return
    found.append(Found(si, toks[title.i].start, toks[title.j - 1].end, "title", None, title.best.code,
                       person=person))
    if title.best.code in RELATIONAL_ROLES:
        person.counterpart = not person.known    # "his Chilean counterpart, X": a country, not an office
    elif predicate and person.known:
        pass                                 # "Nurtleu, who also serves as deputy prime minister": the office by date
    elif not person.known or person.role is None or title.best.code != "minister":
        person.role = title.best.code
        person.sector = title.best.sector or person.sector
    lo, hi = (title.i, i) if before else (j, min(len(toks), title.j + 4))
    window = [m for m in matches if lo <= m.i and m.j <= hi and m.best.country and not _host(toks, m.i, matches)]
    person.hosts.update(m.best.country for m in matches
                        if lo <= m.i and m.j <= hi and m.best.country and _host(toks, m.i, matches))
    if before:                               # "Kazakh Deputy Foreign Minister", "Mexico's President" X
        # a demonym or a possessive qualifies the title even after "to" ("access to Indian High Commissioner X")
        window += [m for m in matches if m.j <= title.i and m.best.country and m.best.kind != "city"
                   and possessive(sentence, toks, m.j, title.i)
                   and (m.best.kind == "demonym" or m.j < title.i or not _host(toks, m.i, matches))]
    if before and not window:                # "... of Brazil and Director of BMJ X": the first title's country
        window = _coordinated_title_countries(toks, title, roles, matches, tables)
    if before and not window:                # "President X of Zambia", "el ministro X de Paraguay"
        window = [m for m in matches if m.best.kind == "country" and m.best.country and of_before(toks, m.i) == j]
    window.sort(key=lambda m: m.best.kind in ("capital", "city"))     # "mayor of Rosario" only as a last resort
    if _acts_for_organisation(si, toks, title, i, j, before, person, matches, found):
        return
    for m in window[:1]:
        if not person.known:
            person.country = person.country or m.best.country
            person.taught = person.taught or (person.country == m.best.country and person.role is not None)
        for f in found:
            if f.sentence == si and f.start == toks[m.i].start:
                f.qualifies = person
    if before:
        _led_by(toks, title.i, person, matches, tables)
    if not person.known and person.country is None and (before or after):
        # "ECOWAS chairperson X, who is also the President of Nigeria": a second office stated of the person
        for r in _predicate_title(toks, j, roles, matches, tables):
            if r is not title:
                person.country = next((m.best.country for m in matches if j <= m.i and m.j <= min(len(toks), r.j + 4)
                                       and m.best.country and not _host(toks, m.i, matches)), None)
    apposed_country(sentence, toks, i, j, person, roles, matches, _host)


_OPENING_QUOTES = {"«", '"', "“", "„"}
_CLOSING_QUOTES = {"»", '"', "”", "“"}


def _quoted_org(toks: list[Tok], a: int, b: int) -> bool:
    """"Director of the international company «BMJ» X", "председатель правления АО «Казах Инвест» X": a quoted
    organisation name between a title and the person's name."""
    if b - a > 10 or b - a < 3 or toks[a].norm not in ("of", "de", "del") and toks[a].text[:1] != "«":
        return False
    if toks[b - 1].text not in _CLOSING_QUOTES:
        return False
    opening = [k for k in range(a, b - 1) if toks[k].text in _OPENING_QUOTES]
    return bool(opening) and not any(t.text in _SENTENCE_BREAKS - _OPENING_QUOTES - _CLOSING_QUOTES
                                     for t in toks[a:b])


def _portfolio(toks: list[Tok], a: int, b: int, matches: list[Match]) -> bool:
    """"министром инвестиций, промышленности и торговли Узбекистана Лазизом Кудратовым", "Minister of Investment,
    Industry and Trade of Uzbekistan Laziz Kudratov": a minister's portfolio, then the country, then the name."""
    # "министром инвестиций ...", "директор Четвертого Европейского департамента МИД РФ": a Russian genitive
    russian_genitive = is_cyrillic(toks[a].text) and (toks[a].text.islower() or toks[a].norm.endswith(("ого", "его")))
    if not 2 <= b - a <= 9 or not (toks[a].norm in ("of", "de", "del") or russian_genitive):
        return False
    if any(t.norm in _HOST_MARKERS for t in toks[a + 1:b]):
        return False                         # "ambassador presents credentials to Paraguayan President X"
    if not any(m.j == b and m.best.kind in ("country", "demonym") for m in matches):
        return False
    return not any(t.text in _SENTENCE_BREAKS for t in toks[a:b]) and \
        not any(m.best.kind == "person" and a <= m.i < b for m in matches)


#: words that join a portfolio's parts after a title ("Minister of Trade and Industry", "Ministro de Comercio y Turismo")
_PORTFOLIO_LINKS = {"of", "and", "for", "de", "del", "y", "e", "para", "и", "по"}


def _portfolio_apposition(toks: list[Tok], a: int, b: int, matches: list[Match]) -> bool:
    """"Minister of Trade and Industry, Hon. X", "the Minister of Information, Ghana, X", "Deputy Minister of Foreign
    Affairs and Regional Integration, X": the rest of a portfolio, perhaps the country, a comma (an honorific may
    follow) and the name. Each run of capitalised words follows a linking word, so another name ("Minister Y, X")
    does not pass."""
    covered = {k for m in matches if m.best.kind != "person" for k in range(m.i, m.j)}
    end = b
    while end > a and (end - 1) in covered and not any(m.best.country for m in matches if m.i <= end - 1 < m.j):
        end -= 1                             # the honorific before the name
    national = any(m.i == a and m.best.kind in ("country", "demonym") for m in matches)
    if not 2 <= end - a <= 12 or toks[end - 1].text != "," or not (toks[a].norm in _PORTFOLIO_LINKS or national):
        return False                         # "el ministro uruguayo de Economía, X" opens with its demonym
    for k in range(a, end):
        t = toks[k]
        if k in covered or t.norm in TITLE_GLUE or t.norm in _PORTFOLIO_LINKS:
            continue
        if not (t.text[:1].isupper() and t.text.isalpha()):
            return False
        if not (toks[k - 1].norm in _PORTFOLIO_LINKS or toks[k - 1].text[:1].isupper() and toks[k - 1].text.isalpha()):
            return False                     # a capitalised run opened by a comma: another name
    return True


def _possessor(toks: list[Tok], a: int, role: Match) -> bool:
    """"X, Boateng's counterpart,": another person's name and a possessive before a relational title."""
    gap = toks[a:role.i]
    return role.best.code in RELATIONAL_ROLES and 3 <= len(gap) <= 5 and [t.norm for t in gap[-2:]] == ["'", "s"] and \
        all(t.text[:1].isupper() and t.text.isalpha() for t in gap[:-2])


def _portfolio_nouns(toks: list[Tok], a: int, b: int, tables: PhraseTables) -> bool:
    """"Pakistan's Minister for Commerce X", "Minister of Roads X": a linking word and the portfolio's nouns (words that
    name no one) between the title and the name."""
    if b - a >= 5 and toks[b - 3].text == "(" and toks[b - 1].text == ")" and toks[b - 2].text.isupper():
        b -= 3                               # "Secretary of State for International Development (DFID) X"
    return 2 <= b - a <= 6 and toks[a].norm in _PORTFOLIO_LINKS and \
        all(t.norm in _PORTFOLIO_LINKS or t.norm in TITLE_GLUE or t.norm in tables.not_names or t.lemma in tables.not_names
            for t in toks[a:b])


def _predicate_title(toks: list[Tok], j: int, roles: list[Match], matches: list[Match],
                     tables: PhraseTables) -> list[Match]:
    """"Martha Bárcena is Mexican Ambassador to Kazakhstan", "X es embajador de Chile", "X является послом",
    "X, who is also the President of Nigeria": a title right after the name (or its comma) and a copula (a demonym
    or article may come between)."""
    at = j + 1 if j < len(toks) and toks[j].text == "," else j      # ", who is also the President of Nigeria"
    copula = next((c for c in sorted(tables.copulas.find(toks, at, min(len(toks), at + 5)), key=lambda c: -c.j)
                   if c.i == at), None)
    if copula is None:
        return []
    return [r for r in roles if copula.j <= r.i <= copula.j + 3 and _only_glue(toks, copula.j, r.i, matches, 3)][:1]


def _coordinated_title_countries(toks: list[Tok], title: Match, roles: list[Match], matches: list[Match],
                                 tables: PhraseTables) -> list[Match]:
    """Countries of an earlier title joined to this one by "and" ("former Secretary of Foreign Trade of Brazil and
    Director of BMJ X", "депутат Конгресса Мексики и председатель группы дружбы X"), not the places it is posted to."""
    if title.i == 0 or toks[title.i - 1].norm not in tables.coordinators:
        return []
    earlier = [r for r in roles if r.j <= title.i - 1 and title.i - 1 - r.j <= 12
               and not any(t.text in _SENTENCE_BREAKS for t in toks[r.i:title.i])]
    if not earlier:
        return []
    first = earlier[-1]
    return [m for m in matches if first.j <= m.i and m.j <= title.i - 1 and m.best.country
            and m.best.kind in ("country", "demonym") and not _host(toks, m.i, matches)]


def _led_by(toks: list[Tok], k: int, person: Person, matches: list[Match], tables: PhraseTables) -> None:
    """"A delegation from Kazakhstan, led by legislator X", "the Uruguay-Kazakhstan friendship group led by Senator
    X", "делегация Казахстана во главе с депутатом X": the leader belongs to the group's country (the first named)."""
    if person.country or person.known:
        return
    while k > 0 and toks[k - 1].norm in ("the", "el", "la", "los", "las", ","):
        k -= 1
    phrase = next((p for p in tables.led_by.find(toks, max(0, k - 5), k) if p.j == k), None)
    if phrase is None:
        return
    start = phrase.i
    while start > 0 and phrase.i - start < 10 and toks[start - 1].text not in _SENTENCE_BREAKS:
        start -= 1
    group = [m for m in matches if start <= m.i and m.j <= phrase.i and m.best.country
             and m.best.kind in ("country", "demonym", "combining") and not _host(toks, m.i, matches)]
    if group:
        person.country = group[0].best.country


def _acts_for_organisation(si: int, toks: list[Tok], title: Match, i: int, j: int, before: bool, person: Person,
                           matches: list[Match], found: list[Found]) -> bool:
    """"Президент Еврокомиссии Романо Проди", "OAS Secretary General Luis Almagro": an international organisation
    in the person's own title (not a posting: "Ambassador to the EU") is what the person acts for, whatever the
    nationality or the other offices a known person held."""
    lo, hi = (title.i, i) if before else (j, min(len(toks), title.j + 4))
    near = [m for m in matches if m.best.kind == "org" and not m.best.country and not _host(toks, m.i, matches)
            and ((lo <= m.i and m.j <= hi) or (before and m.j <= title.i and _only_glue(toks, m.j, title.i, matches, 2)
                                               and not any(t.norm in COORDINATORS for t in toks[m.j:title.i])))]
    if not near:
        return False
    org = min(near, key=lambda m: abs(m.i - title.i))
    person.country = org.best.code
    person.taught = not person.known and person.role is not None
    for f in found:
        if f.sentence == si and f.start == toks[org.i].start:
            f.qualifies = person
    return True


def _demonym_before_name(si: int, toks: list[Tok], i: int, person: Person, matches: list[Match],
                         found: list[Found]) -> None:
    """"al armenio Ararat Mirzoyán", "Brazilian Welber Barral", "Iran's Hossein Karimi": a demonym (or a country's
    possessive) right before a name."""
    for m in matches:
        possessive = m.best.kind == "country" and m.j + 2 == i and [t.norm for t in toks[m.j:i]] == ["'", "s"]
        if (m.j == i and m.best.kind == "demonym" or possessive) and not person.known:
            person.country = person.country or m.best.country
            for f in found:
                if f.sentence == si and f.start == toks[m.i].start:
                    f.qualifies = person


def _only_glue(toks: list[Tok], a: int, b: int, matches: list[Match], limit: int = 10) -> bool:
    if b - a > limit:
        return False
    covered = {k for m in matches if m.best.kind != "person" for k in range(m.i, m.j)}
    for k in range(a, b - 2):                # "(ООН)", "(UN)": an acronym in brackets after the name it shortens
        if toks[k].text == "(" and toks[k + 2].text == ")" and k + 1 in covered:
            covered.update((k, k + 2))
    return all(k in covered or toks[k].norm in TITLE_GLUE for k in range(a, b))


def _host(toks: list[Tok], i: int, matches: list[Match]) -> bool:
    """The country is where an official serves ("to Cuba", "en Brasil y Argentina"), not whom they serve."""
    k = i - 1
    while k >= 0 and toks[k].norm in ("the", "la", "el", "republic", "republica", "of", "de"):
        k -= 1
    if k > 0 and toks[k].text == "(":        # "при Организации объединенных наций (ООН)": the name it shortens
        spelled = [m for m in matches if m.j == k]
        return bool(spelled) and _host(toks, spelled[0].i, matches)
    if k >= 0 and toks[k].norm in _HOST_MARKERS:
        return True
    if k >= 0 and toks[k].norm in ("y", "and", "и", ",", "e"):
        previous = [m for m in matches if m.j == k and m.best.country]
        return bool(previous) and _host(toks, previous[0].i, matches)
    return False
