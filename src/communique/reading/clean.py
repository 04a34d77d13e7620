"""Stage `clean`: remove page junk and split the body into paragraphs (one kept line = one paragraph).

Scraped pages carry their junk on lines of its own: ads with phone numbers, menus, "Found a bug?", share and
subscribe prompts, photo credits, cookie notices, "Read also" lists, credit lines, fake author bios, reading
times, date widgets. The cleaner judges each line:

- by patterns (data/junk.toml, language-neutral, and data/lang/<iso>/junk.toml for every configured language:
  the language is not known yet), each limited to short lines so that a body paragraph is never cut by a pattern;
- by its place: before the first prose paragraph (the page head: menus, section words, the date widget, the
  headline) or after the last one (the page tail: "Join Telegram", "Currently reading");
- by its shape: a wrapped site slogan, a line repeated right after itself, a bio made of tiny fragments, a list
  of linked headlines most of which are cut already;
- by its repetition across the batch: a line that the pages of several different stories share is boilerplate;
- and last by a small learned model (reading/lines.py) over general evidence (length, punctuation, stop words,
  page-chrome words, link-like and menu-like patterns, position, the rules' verdicts, neighbour lines), which cuts
  the junk the rules do not know and may undo a rule's cut where it is all but sure the line is article text.

The headline stays in the text and is recorded as the title. The scraper's " date 2023-08-24 " marker is cut from
the text (the metadata stage reads it from `raw_text`). Every cut is recorded in `article.removed` with offsets
into `raw_text`.
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field

from ..datafiles import language_data, load_data
from ..records import Article, Paragraph, Span
from ..registry import Stage, stage
from .gates import PatternSet
from .lines import judge
from .lists import introduced_lists, item_text
from .metadata import DATE_MARKER, headline_like, is_date_line, trailing_date

log = logging.getLogger(__name__)

PATTERN_MAX_LINE = 3000             # longer lines are prose: no pattern is tried on them
_LINE = re.compile(r"[^\n\r\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_BULLETS = " \t•·▪►▶■□◆◇*‣⁃–—-"
_TERMINAL = (".", "!", "?", "…", "»", "”", "\"", ")", "’", "'", "。", "！", "？")
# Scripts written without spaces between words: there a word is about two characters
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


@dataclass(frozen=True, slots=True)
class JunkRule:
    kind: str
    patterns: tuple[re.Pattern[str], ...]
    max_chars: int = 200
    zone: str = "any"               # any | head | tail
    list_header: bool = False

    def matches(self, line: str) -> bool:
        return len(line) <= self.max_chars and any(p.search(line) for p in self.patterns)


@dataclass(frozen=True, slots=True)
class JunkData:
    rules: tuple[JunkRule, ...]
    inline: tuple[re.Pattern[str], ...]
    bio_words: tuple[str, ...]
    #: by zone, the patterns of its rules as one `PatternSet`: may any rule of the zone match a line?
    zones: dict[str, PatternSet] = field(default_factory=dict, compare=False, hash=False)


@dataclass(slots=True)
class Line:
    start: int                       # raw_text offsets of the line's content
    end: int
    text: str                        # the content after inline cuts, stripped
    cuts: list[tuple[int, int]] = field(default_factory=list)
    junk: str | None = None          # the kind of junk, or None for a kept line
    block: int = 0                   # lines of one block are not separated by a blank line
    joined: bool = False             # an item of a list of names: part of the paragraph of the sentence before

    @property
    def probe(self) -> str:
        """The text the patterns see: leading bullets and list marks removed."""
        return self.text.lstrip(_BULLETS)

    @property
    def words(self) -> int:
        return len(self.text.split())


# --- data -----------------------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def junk_data(languages: tuple[str, ...]) -> JunkData:
    """The language-neutral rules plus those of every language in `languages`, compiled once per process."""
    tables = [load_data("junk.toml")] + [language_data(iso, "junk") or {} for iso in languages]
    rules, inline, bio = [], [], []
    for table in tables:
        for rule in table.get("rule", []):
            flags = 0 if rule.get("case_sensitive") else re.IGNORECASE
            rules.append(JunkRule(rule["kind"], tuple(re.compile(p, flags) for p in rule["patterns"]),
                                  int(rule.get("max_chars", 200)), rule.get("zone", "any"),
                                  bool(rule.get("list_header", False))))
        inline += [re.compile(p, re.IGNORECASE | re.DOTALL) for p in table.get("inline", {}).get("patterns", [])]
        bio += [w.lower() for w in table.get("bio", {}).get("keywords", [])]
    zones = {zone: PatternSet(tuple(p for rule in rules if rule.zone == zone for p in rule.patterns))
             for zone in {rule.zone for rule in rules}}
    return JunkData(tuple(rules), tuple(inline), tuple(sorted(set(bio))), zones)


# --- lines ----------------------------------------------------------------------------------------------------------

def split_lines(raw: str, inline: tuple[re.Pattern[str], ...] = ()) -> list[Line]:
    """Non-blank lines with their raw offsets; inline junk (image tags) and control characters cut out."""
    lines: list[Line] = []
    block, last_end = 0, 0
    inline_set = _inline_set(inline)
    for m in _LINE.finditer(raw):
        line = _cut_inline(raw, m.start(), m.end(), inline, inline_set)
        if line is None:
            continue
        gap = raw[last_end:m.start()]
        if lines and gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1:
            block += 1  # a blank line between: a new block
        last_end = m.end()
        line.block = block
        lines.append(line)
    return lines


@functools.lru_cache(maxsize=8)
def _inline_set(inline: tuple[re.Pattern[str], ...]) -> PatternSet:
    return PatternSet(inline)


def _cut_inline(raw: str, start: int, end: int, inline: tuple[re.Pattern[str], ...],
                inline_set: PatternSet | None = None) -> Line | None:
    """The line raw[start:end] with its inline junk cut; `inline_set`, the `PatternSet` of `inline`, says at little
    cost that there is none in most lines."""
    content = raw[start:end]
    cuts: list[tuple[int, int]] = []
    if len(content) <= 200_000 and (inline_set is None or inline_set.any(content)):
        for pattern in inline:
            cuts += [(start + m.start(), start + m.end()) for m in pattern.finditer(content) if m.end() > m.start()]
    cuts = _merge(cuts)
    kept, pos = [], start
    for a, b in cuts:
        kept.append(raw[pos:a])
        pos = b
    kept.append(raw[pos:end])
    text = _CONTROL.sub(" ", "".join(kept)).replace("\t", " ").replace("\u00a0", " ").strip()
    lead = len(content) - len(content.lstrip())
    trail = len(content) - len(content.rstrip())
    if not text and not cuts:
        return None
    return Line(start + lead, end - trail, text, cuts)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def word_count(text: str) -> int:
    """Words of a line; in scripts written without spaces (Chinese, Japanese, Thai) two characters count as one."""
    if text.isascii():
        return len(text.split())          # no such script: its characters are not searched for
    return max(len(text.split()), len(_UNSPACED.findall(text)) // 2)


@functools.lru_cache(maxsize=1024)
def is_prose(text: str) -> bool:
    """A body sentence or paragraph: several words ending like a sentence, or simply long."""
    words = word_count(text)
    return words >= 20 or (words >= 8 and text.rstrip().endswith(_TERMINAL))


# --- junk detection -------------------------------------------------------------------------------------------------

def classify(lines: list[Line], data: JunkData) -> None:
    """Set `junk` on every line that is page junk; each pass is conservative about long lines."""
    _by_patterns(lines, data, zone="any")
    _bios(lines, data.bio_words)
    _date_lines(lines)
    first, last = _prose_bounds(lines)
    _by_patterns(lines[:first], data, zone="head")
    _by_patterns(lines[last + 1:], data, zone="tail")
    _related_lists(lines, data.rules)
    _head_fragments(lines[:first])
    _section_words(lines[:first])
    _tail_fragments(lines, last)
    _head_and_tail(lines, first, last)
    _repeats(lines)
    _stutters(lines)


def _by_patterns(lines: list[Line], data: JunkData, zone: str) -> None:
    rules = tuple(rule for rule in data.rules if rule.zone == zone)
    longest = max((rule.max_chars for rule in rules), default=0)
    any_rule = data.zones.get(zone)
    if any_rule is None:
        return
    for line in lines:
        if line.junk or not line.text or len(line.text) > PATTERN_MAX_LINE:
            continue
        probe = line.probe
        if len(probe) > longest or not any_rule.any(probe):
            continue                  # most lines: body text that no rule matches, found in a few searches
        for rule in rules:
            if rule.matches(probe):
                line.junk = rule.kind
                break


def _bios(lines: list[Line], keywords: tuple[str, ...]) -> None:
    """Content-farm author bios: "Aspirante a especialista en café. Solucionador de problemas. Fanático..."."""
    for line in lines:
        if line.junk or len(line.text) > 300:
            continue
        text = line.text
        if text.count(".") + text.count(";") + text.count("|") < 2:
            continue                  # three fragments need two separators: most lines have fewer
        fragments = [f.strip() for f in _BIO_SEPARATORS.split(text.strip(" «»“”\"'")) if f.strip()]
        if len(fragments) < 3 or any(len(f.split()) > 7 for f in fragments):
            continue
        marked = sum(1 for f in fragments if _has_keyword(f.lower(), keywords))
        if marked >= 2:
            line.junk = "bio"


_BIO_SEPARATORS = re.compile(r"[.;|]+")


def _has_keyword(fragment: str, keywords: tuple[str, ...]) -> bool:
    return _keyword_regex(keywords).search(fragment) is not None


@functools.lru_cache(maxsize=8)
def _keyword_regex(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `keywords` as a whole word, in one regex (the alternation backtracks to the next keyword where one
    is followed by a letter, so it finds whatever any of them finds)."""
    words = "|".join(re.escape(k) for k in keywords) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def _date_lines(lines: list[Line]) -> None:
    """A line that only gives a date (a page's date widget) is not body text; metadata reads it from raw_text."""
    for line in lines:
        if not line.junk and len(line.text) <= 80 and is_date_line(line.probe, None):
            line.junk = "date"


def _prose_bounds(lines: list[Line]) -> tuple[int, int]:
    """Index of the first and of the last kept prose line (len(lines), -1 when there is none)."""
    prose = [i for i, line in enumerate(lines) if not line.junk and is_prose(line.text)]
    return (prose[0], prose[-1]) if prose else (len(lines), len(lines) - 1)


def _related_lists(lines: list[Line], rules: tuple[JunkRule, ...]) -> None:
    """After a "Related articles" / "Читайте также" header, the list of linked headlines is junk too."""
    headers = {rule.kind for rule in rules if rule.list_header}
    for i, line in enumerate(lines):
        if line.junk not in headers or not any(r.list_header and r.matches(line.probe) for r in rules):
            continue
        for item in lines[i + 1: i + 13]:
            if item.junk:
                continue
            if is_prose(item.text) and not _headline_or_teaser(item.text):
                break
            item.junk = "related"


def _headline_or_teaser(text: str) -> bool:
    """A linked headline, or a teaser: a story's opening cut short ("La Marina localizó un cargamento..."), or its
    summary under the linked headline, which ends in no sentence mark ("Amnistía denuncia que el régimen ...")."""
    end = text.rstrip()
    if len(text) <= 150:
        return not end.endswith(".") or end.endswith(("...", "…"))
    return len(text) <= TEASER_MAX and not end.endswith(_TERMINAL)


TEASER_MAX = 300            # a list item without a sentence mark up to this long is a teaser, not a paragraph


def _head_fragments(head: list[Line]) -> None:
    """A site slogan wrapped over several short lines ("El canal internacional / de noticias en español / ...")."""
    blocks: dict[int, list[Line]] = {}
    for line in head:
        blocks.setdefault(line.block, []).append(line)
    for block in blocks.values():
        live = [ln for ln in block if not ln.junk]
        if len(live) < 2 or any(ln.words > 6 or ln.text.endswith(_TERMINAL[:4]) for ln in live):
            continue
        if any(ln.text[:1].islower() for ln in live[1:]):
            for ln in live:
                ln.junk = "slogan"


def _section_words(head: list[Line]) -> None:
    """Lone section or menu words above the headline ("Intendencia", "Internacionales", "Actualidad"), and the
    site name or section label between the headline and the story ("El Observador Global", "Política")."""
    live = [ln for ln in head if not ln.junk]
    headline_at = next((i for i, ln in enumerate(live) if ln.words >= 3 and headline_like(ln.text)), None)
    if headline_at is None:
        return
    for i, line in enumerate(live):
        if i == headline_at or re.search(r"\d", line.text) or line.text.endswith(_TERMINAL[:4]):
            continue
        if line.words <= (2 if i < headline_at else 4):
            line.junk = "section"


def _tail_fragments(lines: list[Line], last_prose: int) -> None:
    """Short labels after the last paragraph ("Currently reading", "comentarios"): buttons and widgets."""
    if last_prose < 0:
        return
    for line in lines[last_prose + 1:]:
        if line.junk:
            continue
        text = line.text
        if line.words <= 3 and len(text) <= 40 and "," not in text and not text.endswith(_TERMINAL[:4]):
            line.junk = "widget"


def _head_and_tail(lines: list[Line], first: int, last: int) -> None:
    """A short line shown both above the first and below the last prose paragraph is the site's furniture: its name
    or slogan in the page head and again in the footer ("Plural news and views on Sudan"). The headline, the last
    headline-like line above the story (a site's name stands above it), stays wherever it is shown again."""
    if last < 0:
        return
    tail = {ln.text for ln in lines[last + 1:] if not ln.junk}
    head = [ln for ln in lines[:first] if not ln.junk]
    headline = next((ln for ln in reversed(head) if ln.words >= 3 and headline_like(ln.text)), None)
    texts = {ln.text for ln in head if ln.text in tail and not is_prose(ln.text) and 0 < ln.words <= SLOGAN_WORDS}
    if headline is not None:
        texts.discard(headline.text)
    for line in lines[:first] + lines[last + 1:]:
        if not line.junk and line.text in texts:
            line.junk = "slogan"


SLOGAN_WORDS = 12           # a line shown in both the head and the tail of a page is furniture up to this long


def _repeats(lines: list[Line]) -> None:
    """A line repeated right after itself: the headline shown twice keeps one copy; a short line that is not the
    headline shown twice is a photo caption (over and under the picture) and goes; repeated prose keeps one copy."""
    headline = find_headline(lines)
    previous: Line | None = None
    for line in lines:
        if line.junk:
            continue
        if previous is not None and line.text == previous.text and len(line.text) <= 300:
            line.junk = "duplicate"
            if previous is not headline and not is_prose(previous.text):
                previous.junk = "caption"
            continue
        previous = line


#: a line that is one phrase written several times over ("Fiji and Oz make up Fiji and Oz make up ..."): a gallery's
#: captions or a slideshow's titles flattened into one line, never a sentence of the story
_STUTTER = re.compile(r"(?P<unit>\S+(?:\s+\S+)+?)(?:\s+(?P=unit))+")
STUTTER_MAX_LINE = 2000


def _stutters(lines: list[Line]) -> None:
    for line in lines:
        text = line.text
        if line.junk or len(text) > STUTTER_MAX_LINE or len(text) < 16:
            continue
        first = text.split(None, 1)[0]
        if text.find(first, len(first)) < 0:
            continue                  # the first word never comes back: no phrase repeats (most lines)
        m = _STUTTER.fullmatch(text)
        if m and len(m.group("unit")) >= 8:
            line.junk = "repeated"


def _junk_blocks(lines: list[Line], headline: Line | None) -> None:
    """A block (lines with no blank line between them) of short headline-like lines, most of them cut as junk, is a
    list of linked headlines: its last such line goes too, even where it ends in a quotation mark and so looks like
    a sentence ("U.S., Israeli clocks on Iran action "ticking at different pace"" among "Related" teasers)."""
    blocks: dict[int, list[Line]] = {}
    for line in lines:
        blocks.setdefault(line.block, []).append(line)
    for block in blocks.values():
        junk = [ln for ln in block if ln.junk]
        kept = [ln for ln in block if not ln.junk]
        if len(block) < 3 or not kept or len(junk) < 2 * len(kept):
            continue
        if all(_teaser_shaped(ln) and ln is not headline for ln in block):
            for line in kept:
                line.junk = "related"


_ABBREVIATION_END = re.compile(r"(?<!\w)(?:[A-ZА-ЯЁ]{1,3}\.){2,}$")   # "EE.UU.", "U.S.": no full stop


def _teaser_shaped(line: Line) -> bool:
    """A linked headline: short, one line, no sentence inside it and no full stop at its end."""
    text = line.text.rstrip()
    ends = text.endswith((".", "!", "?", ":", ";", ",")) and not _ABBREVIATION_END.search(text)
    return (0 < len(text) <= 150 and line.words <= 20 and not ends
            and not re.search(r"[.!?]\s+[A-ZА-ЯЁ]", text))


# --- headline -------------------------------------------------------------------------------------------------------

def find_headline(lines: list[Line]) -> Line | None:
    """The first headline-like kept line above the first prose paragraph."""
    for line in lines:
        if line.junk:
            continue
        if is_prose(line.text):
            return None
        if line.words >= 3 and headline_like(line.text):
            return line
    return None


def _cut_marker(raw: str, lines: list[Line]) -> None:
    """The scraper's " date 2023-08-24 " marker opening the first line: cut it, keep the headline after it."""
    marker = DATE_MARKER.match(raw)
    if not marker or not lines:
        return
    first = lines[0]
    end = marker.end()
    while end < len(raw) and raw[end] in " \t":
        end += 1
    first.cuts = _merge(first.cuts + [(min(first.start, marker.start()), end)])
    first.text = _CONTROL.sub(" ", raw[end:first.end]).strip() if end < first.end else ""
    first.start = min(first.start, marker.start())


def _cut_headline_stamp(line: Line) -> None:
    """"Kazakhstan-Mexico cooperation details unveiled 04 июля 2014, 10:43": the stamp is not part of the title."""
    at = trailing_date(line.text)
    if at is None or line.cuts:
        return
    stamp = line.text[at:]
    raw_at = line.end - len(stamp)
    line.cuts.append((raw_at, line.end))
    line.text = line.text[:at].rstrip(" ,|–—-")


# --- assembling the text --------------------------------------------------------------------------------------------

def assemble(article: Article, lines: list[Line], max_chars: int) -> None:
    """Build text, paragraphs and removed spans from the judged lines."""
    raw = article.raw_text
    pieces: list[str] = []
    pos = 0
    for line in lines:
        if line.junk or not line.text:
            article.removed.append(Span(line.start, line.end, raw[line.start:line.end]))
            continue
        article.removed += [Span(a, b, raw[a:b]) for a, b in line.cuts]
        if line.joined and pieces and pos + len(line.text) <= max_chars:
            item = item_text(line)        # "проголосовали против:" + "- Беларусь" + "- Мали": one sentence
            joint = " " if pieces[-1].endswith(":") else ", "
            pieces[-1] += joint + item
            last = article.paragraphs[-1]
            article.paragraphs[-1] = Paragraph(last.start, last.end + len(joint) + len(item))
            pos += len(joint) + len(item)
            continue
        if pos + len(line.text) > max_chars:
            _cap(article, pieces, line.text, pos, max_chars)
            break
        article.paragraphs.append(Paragraph(pos, pos + len(line.text)))
        pieces.append(line.text)
        pos += len(line.text) + 1
    article.removed.sort(key=lambda s: s.start)
    article.text = "\n".join(pieces)


def _cap(article: Article, pieces: list[str], text: str, pos: int, max_chars: int) -> None:
    room = max_chars - pos
    if room > 200:  # keep the part of the paragraph that fits, cut at a word boundary
        part = text[:room]
        part = part[: part.rfind(" ")] if " " in part[room // 2:] else part
        article.paragraphs.append(Paragraph(pos, pos + len(part)))
        pieces.append(part)
    article.warn(f"text longer than {max_chars} characters: cut to the first {max_chars}")


# --- repetition across the batch -----------------------------------------------------------------------------------

BATCH_MIN_STORIES = 3       # a line on pages of this many different stories of one batch is the site's boilerplate
BATCH_MAX_WORDS = 40        # longer lines are never cut for their repetition alone
SAME_STORY = 0.5            # pages sharing this share of their prose lines tell the same story (syndication)


def batch_boilerplate(raw_texts: list[str], languages: tuple[str, ...],
                      split: list[list[Line]] | None = None) -> frozenset[str]:
    """The lines repeated across the pages of a batch: menus, section labels, newsletter and app prompts, an outlet's
    standing notes. A line counts once per story, not per page: the same agency story syndicated on three sites
    repeats its own sentences and subheadings, and those stay. `split`: the pages' lines (`split_lines`), when the
    caller has them."""
    is_prose.cache_clear()
    if split is None:
        inline = junk_data(languages).inline
        split = [split_lines(raw, inline) for raw in raw_texts]
    pages = [{ln.text for ln in lines if ln.text} for lines in split]
    story = _stories([{line for line in page if is_prose(line)} for page in pages])
    seen: dict[str, set[int]] = {}
    for index, page in enumerate(pages):
        for line in page:
            seen.setdefault(line, set()).add(story[index])
    return frozenset(line for line, stories in seen.items()
                     if len(stories) >= BATCH_MIN_STORIES and word_count(line) <= BATCH_MAX_WORDS)


def _stories(pages: list[set[str]]) -> list[int]:
    """A story number per page: pages whose prose lines overlap by SAME_STORY (of the smaller page) share one (a
    slogan or a menu is no prose: the pages of one site are not one story for sharing them)."""
    parent = list(range(len(pages)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(pages):
        for j in range(i + 1, len(pages)):
            b = pages[j]
            if a and b and len(a & b) >= SAME_STORY * min(len(a), len(b)):
                parent[root(j)] = root(i)
    return [root(i) for i in range(len(pages))]


def _repeated_in_batch(lines: list[Line], boilerplate: frozenset[str]) -> None:
    for line in lines:
        if not line.junk and line.text in boilerplate:
            line.junk = "boilerplate"


def clean_article(article: Article, languages: tuple[str, ...], max_chars: int,
                  boilerplate: frozenset[str] = frozenset(), lines: list[Line] | None = None) -> None:
    """Clean one article; `lines`: its raw text's lines (`split_lines`), when the caller has them."""
    is_prose.cache_clear()       # a line is asked about several times within its article, never across articles
    data = junk_data(languages)
    lines = split_lines(article.raw_text, data.inline) if lines is None else lines
    _cut_marker(article.raw_text, lines)
    lines = [ln for ln in lines if ln.text or ln.cuts]
    classify(lines, data)
    _repeated_in_batch(lines, boilerplate)
    judge(lines, languages, find_headline(lines))
    headline = find_headline(lines)
    introduced_lists(lines, is_prose)
    _junk_blocks(lines, headline)
    if headline is not None:
        _cut_headline_stamp(headline)
        if article.title is None:
            article.title = headline.text
    _keep_a_bare_line(lines)
    assemble(article, lines, max_chars)


def _keep_a_bare_line(lines: list[Line]) -> None:
    """A text of one line is not a page with furniture around an article: an actor's name, a headline or a post
    given alone ("President Kassym-Jomart Tokayev", "Kazakhstan") is what the caller wants read, whatever a caption
    or a byline looks like."""
    texts = [line for line in lines if line.text]
    if len(texts) == 1 and texts[0].junk:
        texts[0].junk = None


@stage("clean", "2", requires=("raw_text",), assigns=("text", "paragraphs", "removed", "title"))
class CleanStage(Stage):
    """Cleans each article; over a batch, the lines its pages repeat (`batch_boilerplate`) go as well. Each page is
    split into lines once, for both."""

    def __call__(self, batch: list[Article]) -> list[Article]:
        pages = [a for a in batch if not a.failed and a.raw_text]
        languages = tuple(self.settings.languages)
        boilerplate: frozenset[str] = frozenset()
        split: dict[int, list[Line]] = {}
        if len(pages) >= BATCH_MIN_STORIES:
            inline = junk_data(languages).inline
            split = {id(a): split_lines(a.raw_text, inline) for a in pages}
            boilerplate = batch_boilerplate([a.raw_text for a in pages], languages, [split[id(a)] for a in pages])
        for article in batch:
            lines = split.pop(id(article), None)
            self.run_one(article, functools.partial(self.clean, boilerplate=boilerplate, lines=lines))
        return batch

    def process(self, article: Article) -> None:
        self.clean(article)

    def clean(self, article: Article, boilerplate: frozenset[str] = frozenset(),
              lines: list[Line] | None = None) -> None:
        """Clean one article, dropping the batch's repeated lines (`boilerplate`) and reusing its split `lines`."""
        article.text, article.paragraphs, article.removed = "", [], []
        if not article.raw_text:
            return
        clean_article(article, tuple(self.settings.languages), self.settings.max_text_chars, boilerplate, lines)
        if not article.text and not any("empty" in w for w in article.warnings):
            article.warn("no text left after removing page junk")
