"""Forms of a name that the officials table may know it by: a Russian surname in an oblique case stripped of its
ending ("Меконненом" → "меконнен", "Амир-Абдулахиану" → "абдулахиан"), and the first sound of a given name in either
script, where Spanish J and H are the Russian Х ("Хорхе" / Jorge, "Хосе" / José, "Хавьер" / Javier).
"""
from __future__ import annotations

#: endings of a masculine or consonant-final foreign surname in the Russian oblique cases, longest first
_OBLIQUE = ("ого", "ому", "ыми", "ами", "ом", "ем", "ым", "им", "ой", "ей", "у", "ю", "а", "я", "е")


def oblique_stems(word: str) -> list[str]:
    """The word without each oblique-case ending it has (a Cyrillic word of more than four letters left)."""
    if not word or not ("а" <= word[-1] <= "я" or word[-1] == "ё"):
        return []
    return [word[:-len(e)] for e in _OBLIQUE if word.endswith(e) and len(word) - len(e) > 3]


def first_sounds(word: str) -> set[str]:
    """The first letter of a given name, with the letters other scripts write that sound with: a latinised Russian
    "kh" is the Spanish "j" or the English "h"."""
    if word.startswith("kh"):
        return {"k", "h", "j"}
    if word[:1] in ("j", "h"):
        return {word[:1], "h" if word[:1] == "j" else "j"}
    return {word[:1]}
