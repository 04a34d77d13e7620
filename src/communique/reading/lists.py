"""Lists inside an article's body: the items of a list a body sentence announces, and a bulleted list that goes on
from a body paragraph, are article text however short and unpunctuated each line is.

- A sentence ending in a colon announces its list ("Nine countries voted against:" then one country a line; "The
  ministers signed:" then one document a line; "проголосовали против:", "votaron en contra:"). The cleaner's cuts
  among the items that judge a line by its look or its place (the learned model's, a short label after the last
  paragraph) are undone; the cuts of the patterns stand.
- Where every item is a short name ("- Беларусь", "- North Korea"), the items are joined to the sentence that
  announces them, one paragraph: "девять стран проголосовали против: Беларусь, Эритрея, Мали". The sentence's verb
  then takes them as the parser's coordinated words, as if the text had listed them inline (the voters of a vote,
  the targets of a measure). Items that are clauses of their own stay one paragraph each.
- A run of bulleted lines ("- Malawi ordered the EU ambassador to leave") right after a body paragraph continues
  it: the same cuts are undone. Lines of menus and tag lists follow no body sentence and are left to the cleaner.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .clean import Line

#: the cuts a list item is spared: the model's, by its look, the short labels after the last paragraph, and a caption
#: naming a person (a title and a name, also the shape of a list of speakers or signatories)
UNDONE = frozenset({"learned", "widget", "caption"})
MAX_ITEMS = 15
MAX_ITEM_WORDS = 40
NAME_WORDS = 6             # an item this short with no sentence end is a name: it joins the announcing sentence
INTRO_WORDS = 6            # an announcing sentence has this many words at least ("Поделиться:" announces nothing)
_BULLET = re.compile(r"^(?:[-–—•·▪*‣⁃]|\d{1,2}[.)])\s+")
_ITEM_END = " ;,."


def bullet(text: str) -> str | None:
    """The list mark opening a line ("-", "•"; "1" for a number) or None."""
    m = _BULLET.match(text)
    if m is None:
        return None
    return "1" if m.group(0)[0].isdigit() else m.group(0)[0]


def introduced_lists(lines: list[Line], is_prose) -> None:
    """Spare the items of the lists the body announces or goes on into, and join lists of names to their
    announcing sentence (`Line.joined`)."""
    for i, intro in enumerate(lines):
        if intro.junk:
            continue
        announced = intro.words >= INTRO_WORDS and intro.text.rstrip().endswith(":")
        if not announced and not (is_prose(intro.text) and i + 1 < len(lines) and bullet(lines[i + 1].text)):
            continue
        items = _items(lines, i, announced)
        if len(items) < 2:
            continue
        for item in items:
            if item.junk in UNDONE:
                item.junk = None
        if announced and all(_name(item) for item in items):
            for item in items:
                item.joined = True


def _items(lines: list[Line], i: int, announced: bool) -> list[Line]:
    """The lines of the list after line `i`: under one list mark (any line, when the announcing sentence's first
    item has none, that is short and no sentence), in the same block or the next, each no paragraph of its own."""
    intro = lines[i]
    mark = bullet(lines[i + 1].text) if i + 1 < len(lines) else None
    if mark is None and not announced:
        return []
    items: list[Line] = []
    for item in lines[i + 1: i + 1 + MAX_ITEMS]:
        if item.block > intro.block + 1 or (item.junk and item.junk not in UNDONE) or item.words > MAX_ITEM_WORDS:
            break
        if mark is not None and bullet(item.text) != mark:
            break
        if mark is None and not _name(item):
            break
        items.append(item)
    return items


def _name(item: Line) -> bool:
    """A short item that is no sentence: a country, a document's title."""
    text = item_text(item)
    words = len(text.split())
    # a full stop may close the last name ("- Судан."), not a sentence ("33 countries abstained.")
    closed = item.text.rstrip().endswith(".") and words > 3
    return 0 < words <= NAME_WORDS and not closed and not re.search(r"[!?:;]|\.\s", text)


def item_text(item: Line) -> str:
    """The item as it reads inside the sentence it joins: without its list mark and closing punctuation."""
    return _BULLET.sub("", item.text).rstrip(_ITEM_END)
