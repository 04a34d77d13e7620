"""People named again later in an article: a bare surname that is the last name of a fuller name in the document, a
known office holder's surname where a state of theirs is named, and the store's learned actor table (names learned
from earlier articles with their roles). Run by the entities stage after the names of each sentence are found
(`people.person_spans`, `people.person_for`).
"""
from __future__ import annotations

import functools

from ..records import Sentence
from .gazetteer import Gazetteer, Tok, fold, is_cyrillic, latinize, role_on
from .learned import LearnedActors, LearnedRole
from .mentions import Found, Person
from .people import HYPHEN_PARTICLES, NAME_PARTICLES, PATRONYMIC_LINKS, first_name_agrees, official


def resolve_surnames(found: list[Found], people: dict[str, Person]) -> None:
    """A one-word name that is the last name of a fuller name in the document is that person."""
    by_surname: dict[str, Person] = {}
    by_surnames: dict[str, Person] = {}      # the last two words of a name of three or more
    for person in people.values():
        words = _name_words(person.name)
        if len(words) > 1:
            by_surname.setdefault(fold(words[-1]), person)
        if len(words) > 2:
            by_surnames.setdefault(fold(" ".join(words[-2:])), person)
        for mention in person.spellings:
            spelled = _name_words(mention)
            if len(spelled) > 2:
                by_surnames.setdefault(fold(" ".join(spelled[-2:])), person)
        if len(words) > 2 and fold(words[1]) in PATRONYMIC_LINKS:
            by_surname.setdefault(fold(words[0]), person)    # "Sheikh Abdullah" is Abdullah bin Zayed
    for f in found:
        p = f.person
        if p is None or p.known:
            continue
        words = _name_words(p.name)
        target = by_surnames.get(fold(" ".join(words))) if len(words) == 2 else None
        if target is not None and target is not p:
            pass                             # "Cartes Jara" after "Horacio Manuel Cartes Jara": both surnames
        elif len(words) > 1 and not all(len(w.rstrip(".")) == 1 for w in words[:-1]):
            continue                         # a full name of its own ("K. Barrera" is not)
        else:
            target = by_surname.get(fold(words[-1]))
        if target is not None and target is not p:
            target.mentions.extend(p.mentions)
            p.mentions.clear()
            f.person, f.code, f.country, f.name = target, target.country, target.country, target.name


def _name_words(name: str) -> list[str]:
    """The words of a name, without the particles hyphenated to a surname ("As-Sisi" is one word: Sisi)."""
    return [w for w in name.replace("-", " ").split() if fold(w) not in HYPHEN_PARTICLES] or [name]


def surname_table(people: dict[str, Person]) -> dict[str, Person]:
    """The people named in full somewhere in the article, by their folded surname (the first of each surname):
    built once per article, for `bare_surnames` in each of its sentences (which only adds mentions to them)."""
    by_surname: dict[str, Person] = {}
    for person in people.values():
        words = person.name.replace("-", " ").split()
        if len(words) > 1 and person.mentions:
            by_surname.setdefault(fold(words[-1]), person)
    return by_surname


def bare_surnames(si: int, toks: list[Tok], found: list[Found], by_surname: dict[str, Person]) -> list[Found]:
    """A surname alone that the model missed ("..., Ashikbayev said") is the person named in full elsewhere
    (`by_surname`: the article's `surname_table`)."""
    if not by_surname:
        return []
    covered = [(f.start, f.end) for f in found if f.sentence == si]
    out = []
    for t in toks:
        if not t.text[:1].isupper() or any(a < t.end and t.start < b for a, b in covered):
            continue
        forms = [t.norm, t.lemma, t.alt]
        if is_cyrillic(t.text):
            forms += [fold(latinize(f)) for f in (t.norm, t.lemma, t.alt)]
        person = next((by_surname[f] for f in forms if f in by_surname and len(f) > 3), None)
        if person is not None:
            person.mentions.append((si, t.start, t.end))
            out.append(Found(si, t.start, t.end, "person", person.country, person.name, person.country,
                             person.sector, person))
    return out


def apply_learned(found: list[Found], people: dict[str, Person], learned: LearnedActors, on: str | None) -> None:
    """A person this article gives no country ("Ashikbayev met ...", "Deputy Minister Bakayev") but whom an
    earlier article introduced with a title: that person, with the role held closest to this article's date."""
    for person in people.values():
        if person.known or person.country or not person.mentions:
            continue
        key = learned.find(person.name)
        if key is None:
            continue
        _learn(person, learned.role_on(key, on))
    for f in found:
        if f.person is not None and f.person.learned:
            f.name, f.code, f.country, f.sector = f.person.name, f.person.country, f.person.country, f.person.sector


def _learn(person: Person, fact: LearnedRole) -> None:
    person.name = fact.name
    person.country = fact.country
    person.role = person.role or fact.role or None
    person.sector = fact.sector or person.sector
    person.learned = True


def learned_surnames(si: int, toks: list[Tok], found: list[Found], people: dict[str, Person],
                     learned: LearnedActors, on: str | None) -> list[Found]:
    """A learned person's surname the model did not tag ("..., Bakayev said"): that person."""
    covered = [(f.start, f.end) for f in found if f.sentence == si]
    out = []
    for k, t in enumerate(toks):
        if not t.text[:1].isupper() or any(a < t.end and t.start < b for a, b in covered):
            continue
        forms = [t.norm, t.lemma, t.alt]
        if is_cyrillic(t.text):
            forms = [fold(latinize(f)) for f in (t.norm, t.lemma, t.alt)]
        key = next((hit for hit in (learned.surname(f) for f in forms) if hit), None)
        if key is None:
            continue
        before = toks[k - 1] if k > 0 else None
        if before is not None and before.text[:1].isupper() and before.text.isalpha() and \
                not first_name_agrees(before, {"name": learned.by_name[key][0].name}):
            continue                         # "Carlos Bakayev" is someone else
        person = people.get(key) or next((p for p in people.values() if p.learned and fold(p.name) == key), None)
        if person is None:
            fact = learned.role_on(key, on)
            person = people[key] = Person(key, fact.name, first=t.start)
            _learn(person, fact)
        person.mentions.append((si, t.start, t.end))
        out.append(Found(si, t.start, t.end, "person", person.country, person.name, person.country,
                         person.sector, person))
    return out


# --------------------------------------------------------------------------------------------- office holders

@functools.lru_cache(maxsize=100_000)
def _loose(word: str) -> str:
    """A surname folded loosely enough to meet its spelling variants ("Miley" / "Milei", "Zelenskyy" / "Zelensky")."""
    out = ""
    for ch in fold(word).replace("y", "i").replace("й", "и"):
        if not out or out[-1] != ch:
            out += ch
    return out


_HOLDER_SURNAMES: dict[int, dict[str, set[str]]] = {}


def _holder_surnames(gaz: Gazetteer) -> dict[str, set[str]]:
    """Loose last name (of the canonical name and of every alias) → the known people who bear it."""
    index = _HOLDER_SURNAMES.get(id(gaz.people))
    if index is None:
        index = {}
        for name, record in gaz.people.items():
            for alias in [name, *record.get("aliases", [])]:
                words = alias.replace("-", " ").split()
                if len(words) > 1 and len(words[-1]) > 3 and fold(words[-1]) not in NAME_PARTICLES:
                    index.setdefault(_loose(words[-1]), set()).add(name)
                    if is_cyrillic(words[-1]):       # as an unknown Russian name is written out ("Sanches")
                        index.setdefault(_loose(latinize(words[-1])), set()).add(name)
        _HOLDER_SURNAMES[id(gaz.people)] = index
    return index


def _holder(forms: list[str], gaz: Gazetteer, on: str | None, countries: dict[str, int]) -> str | None:
    """The one known person with this surname who held an office then (their latest, the date unknown) for a
    state the document names more than once."""
    index = _holder_surnames(gaz)
    names = {n for f in forms if len(f) > 3 for n in index.get(_loose(f), ())}
    fitting = [n for n in names if role_on(gaz.people[n], on)[0] is not None
               and countries.get(role_on(gaz.people[n], on)[1] or "", 0) >= 2]
    return fitting[0] if len(fitting) == 1 else None


def office_holder_surnames(sentences: list[Sentence], sentence_toks: list[list[Tok]], found: list[Found],
                           people: dict[str, Person], gaz: Gazetteer, on: str | None,
                           countries: dict[str, int]) -> list[Found]:
    """A surname alone ("las palabras a Sánchez", "desde que Duque juró", "el señor Miley") of a known office
    holder is that person where they held the office then for a state the document is about, whether the model
    tagged it (as an unknown one-word person) or not. Common surnames are not aliases of their own ("Sánchez"),
    so only the document's states and the date make the choice."""
    if not any(n >= 2 for n in countries.values()):
        return []                            # no state named twice: `_holder` finds no one (most of a stream)
    for person in list(people.values()):
        if person.known or not person.mentions or len(person.name.replace("-", " ").split()) > 1:
            continue
        name = _holder([person.name, person.name.split()[-1]], gaz, on, countries)
        if name is None:
            continue
        target = official(name, gaz, people, on)
        target.mentions.extend(person.mentions)
        person.mentions.clear()
        for f in found:
            if f.person is person:
                f.person, f.code, f.country, f.name = target, target.country, target.country, target.name
    out = []
    index = _holder_surnames(gaz)
    for si, (sentence, toks) in enumerate(zip(sentences, sentence_toks)):
        covered: list[tuple[int, int]] | None = None
        for k, t in enumerate(toks):
            if not (t.text[:1].isupper() and t.text.isalpha()) or t.text.isupper():
                continue
            if not any(len(f) > 3 and _loose(f) in index for f in (t.text, t.lemma, t.alt)):
                continue                     # no known office holder bears the name: `_holder` would find no one
            if covered is None:
                covered = [(f.start, f.end) for f in found if f.sentence == si]
            if any(a < t.end and t.start < b for a, b in covered):
                continue
            if k > 0 and toks[k - 1].text[:1].isupper() and toks[k - 1].text.isalpha() or \
                    k + 1 < len(toks) and toks[k + 1].text[:1].isupper() and toks[k + 1].text.isalpha():
                continue                     # part of a longer name the model did not tag
            parsed = sentence.token_at(t.start)
            if parsed is not None and parsed.pos not in ("PROPN", "NOUN", "X"):
                continue
            name = _holder([t.text, t.lemma, t.alt], gaz, on, countries)
            if name is None:
                continue
            person = official(name, gaz, people, on)
            person.mentions.append((si, t.start, t.end))
            out.append(Found(si, t.start, t.end, "person", person.country, person.name, person.country,
                             person.sector, person))
    return out
