"""Chinese names written in Cyrillic by the Palladius system, spelt back in pinyin as English news writes them:
"Сунь Вэйдун" → "Sun Weidong", "Сюэ Цзянь" → "Xue Jian" (letter by letter they would be "Sun Veydun", "Syue Tszyan").
A name is taken for Chinese only when its first word is a common Chinese surname and every word splits into
Palladius syllables.
"""
from __future__ import annotations

import functools

#: pinyin initials and their Palladius spelling
_INITIALS = {"": "", "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г",
             "k": "к", "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж",
             "z": "цз", "c": "ц", "s": "с"}
#: pinyin finals after a consonant and their Palladius spelling
_FINALS = {"a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
           "ang": "ан", "eng": "эн", "ong": "ун", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю",
           "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
           "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "v": "юй", "ve": "юэ",
           "van": "юань", "vn": "юнь"}
#: syllables without an initial
_ZERO = {"a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао", "e": "э", "ei": "эй", "en": "энь", "eng": "эн",
         "er": "эр", "o": "о", "ou": "оу", "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь",
         "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай",
         "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн", "yu": "юй", "yue": "юэ",
         "yuan": "юань", "yun": "юнь"}
#: common Chinese surnames in Palladius spelling
_SURNAMES = {"ван", "ли", "чжан", "лю", "чэнь", "ян", "хуан", "чжао", "у", "чжоу", "сюй", "сунь", "ма", "чжу", "ху",
             "го", "хэ", "гао", "линь", "ло", "чжэн", "лян", "се", "сун", "тан", "сюэ", "хань", "фэн", "дэн", "цао",
             "пэн", "цзэн", "сяо", "тянь", "дун", "пань", "юань", "цай", "цзян", "юй", "ду", "чэн", "вэй", "су",
             "люй", "дин", "жэнь", "яо", "шэнь", "чжун", "цуй", "тань", "лу", "фань", "ляо", "цинь", "ши", "гу",
             "хоу", "шао", "мэн", "лун", "вань", "дуань", "цянь", "инь", "кун", "бай", "цю", "цинь", "вэнь", "фу",
             "гун", "кан", "нин", "ни", "шу", "би", "цзя", "цзинь", "мао", "си", "хуа", "лэй", "ле", "бо"}


def _cyrillic(initial: str, final: str) -> str | None:
    if initial in ("j", "q", "x"):
        if final in ("u", "ue", "uan", "un"):
            final = "v" + final[1:]
        elif not final.startswith("i") and not final.startswith("v"):
            return None
    if initial in ("z", "c", "s") and final == "i":
        return _INITIALS[initial] + "ы"
    if initial in ("zh", "ch", "sh", "r") and final == "i":
        return _INITIALS[initial] + "и"
    if final.startswith("v") and initial not in ("n", "l", "j", "q", "x"):
        return None
    return _INITIALS[initial] + _FINALS[final] if final in _FINALS else None


@functools.lru_cache(maxsize=1)
def _syllables() -> dict[str, str]:
    """Palladius syllable → pinyin ("о" after b/p/m/f is o, otherwise uo)."""
    table = {cyr: lat for lat, cyr in _ZERO.items()}
    for initial in _INITIALS:
        if not initial:
            continue
        for final in _FINALS:
            cyr = _cyrillic(initial, final)
            if cyr is None or (final == "o" and initial not in ("b", "p", "m", "f")) or \
                    (final == "uo" and initial in ("b", "p", "m", "f")):
                continue
            table.setdefault(cyr, initial + final.replace("v", "u" if initial in ("j", "q", "x") else "ü"))
    table["хуэй"] = "hui"                  # Palladius writes hui with э (but gui, kui as гуй, куй)
    return table


def _split(word: str) -> list[str] | None:
    """The word's Palladius syllables (fewest, longest first), or None when it is not made of them."""
    table = _syllables()
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 5), end):
            piece = word[start:end]
            if best[start] is not None and piece in table and \
                    (best[end] is None or len(best[start]) + 1 < len(best[end])):
                best[end] = best[start] + [piece]
    return best[len(word)]


def chinese_name(name: str) -> str | None:
    """"Сунь Вэйдун" → "Sun Weidong"; None when the name is not a Chinese one in Palladius spelling."""
    words = name.replace("-", " ").split()
    if len(words) < 2 or words[0].lower() not in _SURNAMES:
        return None
    table = _syllables()
    out = []
    for n, word in enumerate(words):
        parts = _split(word.lower())
        # a surname of one syllable, a given name of one or two, no doubled letter ("Ли Анна" is not Chinese)
        if parts is None or len(parts) > (1 if n == 0 else 2) or any(a == b for a, b in zip(word, word[1:])):
            return None
        latin = "".join(table[p] for p in parts)
        out.append(latin[:1].upper() + latin[1:])
    return " ".join(out)
