"""The learned line cleaner: a small neural network that tells a page's junk lines from its article lines.

The `clean` stage first judges each line by its rules (data/junk.toml and data/lang/<iso>/junk.toml, its place
before the first or after the last prose paragraph, its shape); then every line is described by general evidence
and the model has the last word:

- its size and shape: length, words, a sentence ending, the share of letters, digits, punctuation and capitals,
  words in title case, a lower-case start, quotation marks;
- its language: the share of stop words of the configured languages (jusText's stop lists) and of the page-chrome
  words of data/lang/<iso>/junk.toml (`[words] junk`: share, subscribe, cookies, "читайте также", ...);
- link-like and menu-like patterns: addresses, handles, file names, separators ("|", "›", "•"), numbers alone;
- its place: relative position, before the first or after the last prose line, the headline, repeated in the page;
- what the rules said of it and of its neighbours, and the shape of the lines around it.

The weights are trained by scripts/train_line_cleaner.py on labelled lines (the development golds' junk strings and
article lines, and hand-written junk and article lines per language) and shipped as data/models/line_cleaner.json,
read once per process; nothing is fetched at run time. A long prose line, or a prose line inside the body, is
never cut by the model alone.
"""
from __future__ import annotations

import functools
import json
import math
import re
from importlib import resources
from typing import TYPE_CHECKING

from ..datafiles import language_data

if TYPE_CHECKING:
    from .clean import Line

MODEL_FILE = "line_cleaner.json"
PROSE_GUARD_WORDS = 10          # a prose line this long is cut only where the rules cut it (and see "long_prose")

_TERMINAL = (".", "!", "?", "…", "»", "”", "\"", ")", "’", "'", ":")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_LINKISH = re.compile(r"https?://|www\.|\.(?:com|org|net|ru|es|kz|html?|php)\b|(?<![\w.])[@#][\w.]{2,}|"
                      r"\.(?:jpe?g|png|gif|webp|mp4)\b|[\w-]+-\d{4,}", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s[|›»•·/→>]\s|[|›•·→]")
_QUOTES = re.compile(r"[«»“”\"„]")

FEATURES = (
    "chars", "words", "sentence_end", "letters", "digits", "punctuation", "capitals", "title_words", "lower_start",
    "quotes", "stop_words", "junk_words", "linkish", "separators", "numeric", "short", "colon_end", "position",
    "first_lines", "last_lines", "before_prose", "after_prose", "prose", "headline", "repeated", "rule_junk",
    "rule_date", "prev_prose", "next_prose", "prev_rule_junk", "next_rule_junk", "prev_chars", "next_chars",
    "short_before_prose", "short_after_prose", "rule_and_short", "long_prose", "before_headline", "block_lines",
    "block_open", "open_inside_body", "open_after_prose", "open_before_prose", "prev_sentence_end",
    "next_sentence_end", "repeated_before_prose",
)


@functools.lru_cache(maxsize=8)
def vocabulary(languages: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(stop words, page-chrome words) of `languages`, lower case."""
    import justext
    from babel import Locale

    stop: set[str] = set()
    junk: set[str] = set()
    for iso in languages:
        try:
            stop |= {w.lower() for w in justext.get_stoplist(Locale.parse(iso).get_display_name("en"))}
        except (ValueError, LookupError):
            pass  # no stop list for that language: its lines count no stop words
        junk |= {w.lower() for w in (language_data(iso, "junk") or {}).get("words", {}).get("junk", [])}
    return frozenset(stop), frozenset(junk)


def features(lines: list[Line], languages: tuple[str, ...], headline: Line | None = None,
             skip_guarded: bool = False) -> list[list[float] | None]:
    """One row of `FEATURES` per line; the lines carry the rules' verdicts (`junk`) already. With `skip_guarded`,
    None for a line the rules kept that is guarded ("long_prose"): the model's verdict cannot change it (each row
    is computed from the lines alone, never from the other rows)."""
    from .clean import is_prose, word_count

    stop, junk = vocabulary(languages)
    n = len(lines)
    prose = [is_prose(ln.text) for ln in lines]
    prose_at = [i for i, p in enumerate(prose) if p and not lines[i].junk]
    first, last = (prose_at[0], prose_at[-1]) if prose_at else (n, -1)
    counts: dict[str, int] = {}
    blocks: dict[int, list[Line]] = {}
    for ln in lines:
        counts[ln.text] = counts.get(ln.text, 0) + 1
        blocks.setdefault(ln.block, []).append(ln)
    headline_at = next((i for i, ln in enumerate(lines) if ln is headline), -1)
    # lines of each block without a sentence end, counted once per block (not once per line of it)
    open_in_block = {b: sum(1 for ln in block if not ln.text.rstrip().endswith(_TERMINAL))
                     for b, block in blocks.items()}
    rows = []
    for i, ln in enumerate(lines):
        text = ln.text
        # guarded: a long prose line, a prose line of the body, a sentence or list item between body lines
        guarded = (prose[i] and word_count(text) >= PROSE_GUARD_WORDS) or (counts[text] == 1 and (
            (prose[i] and first <= i <= last)
            or (first < i < last and text.rstrip().endswith((".", ";", ":", ",", "!", "?", "»", "”")))))
        if skip_guarded and guarded and not ln.junk:
            rows.append(None)
            continue
        size = max(1, len(text))
        words = _WORD.findall(text)
        lowered = [w.lower() for w in words]
        letters = sum(map(str.isalpha, text))
        capitals = sum(map(str.isupper, text))
        short = len(text.split()) <= 4
        prev, nxt = (lines[i - 1] if i > 0 else None), (lines[i + 1] if i + 1 < n else None)
        block = blocks[ln.block]
        is_open = not text.rstrip().endswith(_TERMINAL)       # a label, a headline, a menu item: no sentence end
        block_open = open_in_block[ln.block] / len(block)
        row = {
            "chars": math.log1p(len(text)) / 6,
            "words": math.log1p(len(text.split())) / 4,
            "sentence_end": float(text.rstrip().endswith(_TERMINAL)),
            "letters": letters / size,
            "digits": sum(map(str.isdigit, text)) / size,
            # neither a letter or digit nor a space (no character is both)
            "punctuation": (len(text) - sum(map(str.isalnum, text)) - sum(map(str.isspace, text))) / size,
            "capitals": capitals / max(1, letters),
            "title_words": sum(1 for w in words if w[:1].isupper()) / max(1, len(words)),
            "lower_start": float(text[:1].islower()),
            "quotes": float(bool(_QUOTES.search(text))),
            "stop_words": sum(1 for w in lowered if w in stop) / max(1, len(words)),
            "junk_words": min(1.0, 3 * sum(1 for w in lowered if w in junk) / max(1, len(words))),
            "linkish": float(bool(_LINKISH.search(text))),
            "separators": min(1.0, len(_SEPARATORS.findall(text)) / 3),
            "numeric": float(not words),
            "short": float(short),
            "colon_end": float(text.rstrip().endswith(":")),
            "position": i / max(1, n - 1),
            "first_lines": float(i < 3),
            "last_lines": float(i >= n - 3),
            "before_prose": float(i < first),
            "after_prose": float(i > last),
            "prose": float(prose[i]),
            "headline": float(ln is headline),
            "repeated": float(counts[text] > 1),
            "rule_junk": float(bool(ln.junk) and ln.junk != "date"),
            "rule_date": float(ln.junk == "date"),
            "prev_prose": float(prev is not None and prose[i - 1]),
            "next_prose": float(nxt is not None and prose[i + 1]),
            "prev_rule_junk": float(prev is not None and bool(prev.junk)),
            "next_rule_junk": float(nxt is not None and bool(nxt.junk)),
            "prev_chars": math.log1p(len(prev.text)) / 6 if prev else 0.0,
            "next_chars": math.log1p(len(nxt.text)) / 6 if nxt else 0.0,
            "short_before_prose": float(short and i < first),
            "short_after_prose": float(short and i > last),
            "rule_and_short": float(short and bool(ln.junk)),
            "long_prose": float(guarded),
            "before_headline": float(i < headline_at),
            "block_lines": min(1.0, (len(block) - 1) / 4),
            "block_open": block_open if len(block) > 1 else 0.0,
            "open_inside_body": float(is_open and first < i < last),
            "open_after_prose": float(is_open and i > last),
            "open_before_prose": float(is_open and i < first),
            "prev_sentence_end": float(prev is not None and prev.text.rstrip().endswith(_TERMINAL)),
            "next_sentence_end": float(nxt is not None and nxt.text.rstrip().endswith(_TERMINAL)),
            "repeated_before_prose": float(counts[text] > 1 and i < first),
        }
        rows.append([row[name] for name in FEATURES])
    return rows


@functools.cache
def model() -> dict | None:
    """The shipped weights (data/models/line_cleaner.json), or None where the file is absent."""
    path = resources.files("communique").joinpath("data", "models", MODEL_FILE)
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    if tuple(found["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE} was trained on other features: retrain with scripts/train_line_cleaner.py")
    return found


def junk_probability(rows: list[list[float]], weights: dict) -> list[float]:
    """The model's probability that each row's line is junk: one hidden layer (tanh), then a logistic output."""
    import numpy as np

    if not rows:
        return []
    mean, scale, hidden_weights, hidden_bias, output = _arrays(weights)
    z = (np.asarray(rows, dtype=float) - mean) / scale
    hidden = np.tanh(z @ hidden_weights + hidden_bias)
    logit = np.clip(hidden @ output + weights["bias"], -30, 30)
    return (1 / (1 + np.exp(-logit))).tolist()


#: the arrays of the weights `junk_probability` was last given, made once, not once per page: (weights, arrays)
_ARRAYS: list[tuple[dict, tuple]] = []


def _arrays(weights: dict) -> tuple:
    if not _ARRAYS or _ARRAYS[0][0] is not weights:
        import numpy as np

        _ARRAYS[:] = [(weights, tuple(np.asarray(weights[k]) for k in
                                      ("mean", "scale", "hidden_weights", "hidden_bias", "weights")))]
    return _ARRAYS[0][1]


def judge(lines: list[Line], languages: tuple[str, ...], headline: Line | None = None) -> None:
    """Let the model decide each line: what it is sure enough is junk goes (kind "learned" where the rules had kept
    it), and a rule's cut is undone where the model is all but sure the line is article text. A long prose line
    the rules kept stays, and so do body prose
    and a sentence or list item between body lines (unless repeated in the page); the headline is cut only where another line
    below it can be the headline."""
    weights = model()
    if weights is None or not lines:
        return
    # a line the rules kept that is guarded keeps its place whatever the model says: not described, not asked
    judged = [(ln, row) for ln, row in zip(lines, features(lines, languages, headline, skip_guarded=True))
              if row is not None]
    rows = [row for _, row in judged]
    long_prose = FEATURES.index("long_prose")
    for (ln, row), p in zip(judged, junk_probability(rows, weights)):
        if p >= weights["threshold"]:
            if not ln.junk and not row[long_prose]:
                ln.junk = "learned"
        elif ln.junk and ln.junk != "date" and p < weights["restore_below"]:
            ln.junk = None
    if headline is not None and headline.junk == "learned":
        from .clean import find_headline

        if find_headline(lines) is None:
            headline.junk = None  # the page keeps a headline: the model cut a slogan above it, not the headline
