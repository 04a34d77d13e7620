"""Stage `read`: turn a raw input (bytes, text or HTML) into decoded text, recording the encoding.

Bytes are decoded by evidence, not by trial order: a byte-order mark wins; then strict UTF-8; otherwise one of the
8-bit encodings Russian and Western text is met in: for Cyrillic bytes charset-normalizer chooses among the
Cyrillic code pages only (cp1251, KOI8-R, ISO-8859-5, Mac Cyrillic, cp866), for Western text cp1252 or latin-1 (never
a Central European page: a Spanish "ñ" never becomes "ń"). UTF-8 that was once read as cp1252 or cp1251 and saved
again (mojibake) is repaired (ftfy for the Cyrillic kind). Binary data (NUL bytes, file signatures, mostly control characters) is refused
with :class:`BinaryInputError`, so the document is reported as failed instead of analysed as garbage.

HTML (a ``.html`` file, a JSONL ``html`` field, or text that is plainly a whole page) is reduced to its main text
with trafilatura (precision first, one paragraph per line); its metadata fills the title, the publication date
(trusted: ``published_given``), the authors and, as a fallback, the outlet (the site name).
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import CommuniqueError, InputError
from ..records import Article, RawInput
from ..registry import Stage, stage

log = logging.getLogger(__name__)

EMPTY_WARNING = "empty document"
BINARY_MESSAGE = "binary input, not text"

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_SIGNATURES = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"\x1f\x8b",
                      b"Rar!", b"7z\xbc\xaf", b"\x7fELF", b"MZ\x90\x00", b"\xd0\xcf\x11\xe0", b"OggS", b"ID3")
_CYRILLIC_ENCODINGS = ("cp1251", "koi8-r", "iso-8859-5", "mac-cyrillic", "cp866")
# The commonest lower-case Russian letters: a right decoding of Russian text is full of them, a wrong one (cp1251
# read as KOI8-R or back) turns them into upper-case or other letters.
_COMMON_RUSSIAN = frozenset("оеаинтсрвлкмдпу")
# What a UTF-8 continuation byte (0x80-0xBF) looks like once read as cp1252 or latin-1.
_CONTINUATION = "".join(sorted({bytes([b]).decode(enc, "ignore") for b in range(0x80, 0xC0)
                                for enc in ("cp1252", "latin-1")} - {""}))
# A lead byte of a two-byte Latin-1 or Cyrillic letter read as cp1252, followed by a continuation byte.
_MOJIBAKE = re.compile(f"[ÃÂÐÑ][{re.escape(_CONTINUATION)}]")
# The same for UTF-8 Cyrillic read as cp1251 ("Россия" -> "Р РѕСЃСЃРёСЏ"): "Р" or "С" and a continuation byte.
_CONTINUATION_1251 = "".join(sorted({bytes([b]).decode("cp1251", "ignore") for b in range(0x80, 0xC0)} - {""}))
_MOJIBAKE_1251 = re.compile(f"[РС][{re.escape(_CONTINUATION_1251)}\u0098]")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{2,40})""", re.IGNORECASE)
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html\b|head\b)",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"</?(?:p|div|span|a|body|head|meta|script|style|article|section|nav|li|ul|h[1-6]|br|td)\b",
                       re.IGNORECASE)


class BinaryInputError(CommuniqueError, ValueError):
    """The input is binary data (an image, an archive, random bytes), not a text document."""


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


# --- bytes -> text -----------------------------------------------------------------------------------------------

def decode_bytes(data: bytes) -> Decoded:
    """Decode a document's bytes, choosing the encoding from evidence; binary data raises BinaryInputError."""
    if not data:
        return Decoded("", "utf-8")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_checked(data[len(bom):], encoding.removesuffix("-sig"), bom_encoding=encoding)
    if data.startswith(_BINARY_SIGNATURES):
        raise BinaryInputError(BINARY_MESSAGE)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _decode_checked(data, utf16)
        # NUL padding (a file preallocated or cut by a crash) and a few stray NULs are text with damage; many
        # NULs throughout are binary data
        if data.strip(b"\x00").count(0) > max(8, len(data) // 100):
            raise BinaryInputError(BINARY_MESSAGE)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if _mostly_utf8(data, err):
            return _decode_checked(data, "utf-8")
        if _utf8_letters(data) >= _MIXED_MIN_UTF8:
            return _decode_mixed(data)
        return _decode_checked(data, guess_8bit_encoding(data))
    decoded = _repair_mojibake(Decoded(text, "utf-8"))
    _refuse_if_binary(decoded.text)
    return decoded


def guess_8bit_encoding(data: bytes, declared: str | None = None) -> str:
    """cp1251, KOI8-R, cp1252 or latin-1 for bytes that are not UTF-8: the one whose letters are plausible."""
    if declared and _python_codec(declared) and _python_codec(declared) not in ("utf-8", "utf-16", "utf-32"):
        return _python_codec(declared)  # type: ignore[return-value]
    if _looks_cyrillic(data):
        return _cyrillic_encoding(data)
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8d, ...): latin-1 maps every byte
        return "latin-1"


def _decode_checked(data: bytes, encoding: str, bom_encoding: str | None = None) -> Decoded:
    """Decode, replacing what cannot be decoded (with a warning), and refuse results that are not text."""
    warnings = []
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, "replace")
        bad = text.count("\ufffd")
        warnings.append(f"{bad} undecodable byte sequence(s) replaced (decoded as {encoding})")
    _refuse_if_binary(text)
    return Decoded(text, bom_encoding or encoding, warnings)


def _mostly_utf8(data: bytes, err: UnicodeDecodeError) -> bool:
    """UTF-8 with a few broken sequences (a truncated file, a pasted fragment) stays UTF-8."""
    if err.start >= len(data) - 3 and data[: err.start].decode("utf-8", "ignore"):
        return True  # cut in the middle of the last character
    text = data.decode("utf-8", "replace")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return multibyte >= 8 and text.count("\ufffd") * 10 <= multibyte


# a file with this many valid UTF-8 multibyte letters besides bytes that are not UTF-8 mixes two encodings
_MIXED_MIN_UTF8 = 16


def _utf8_letters(data: bytes) -> int:
    """How many multibyte characters of `data` are valid UTF-8 letters of European scripts or typographic
    punctuation (invalid bytes ignored): three cp866 or Mac Cyrillic letters in a row can happen to form a valid
    three-byte sequence, but a Chinese or Samaritan character amid Russian text is no evidence of UTF-8."""
    return sum(1 for ch in data.decode("utf-8", "ignore") if 0xA0 <= ord(ch) <= 0x52F or 0x2010 <= ord(ch) <= 0x206F)


def _decode_mixed(data: bytes) -> Decoded:
    """UTF-8 text with passages in an 8-bit encoding (pasted from another source, concatenated files): the valid
    UTF-8 stays UTF-8, the other bytes are decoded with the 8-bit encoding their own letters point to. One pass:
    the bytes that are not UTF-8 come out of ``surrogateescape`` as lone surrogates, decoded again run by run."""
    escaped = data.decode("utf-8", "surrogateescape")
    runs = _ESCAPED_RUN.findall(escaped)
    invalid = b" ".join(_unescape(run) for run in runs)  # runs apart: the scores see words, not one string
    other = guess_8bit_encoding(invalid)
    text = _ESCAPED_RUN.sub(lambda m: _unescape(m.group(0)).decode(other, "replace"), escaped)
    _refuse_if_binary(text)
    return Decoded(text, "utf-8", [f"mixed encodings: {sum(map(len, runs))} byte(s) that are not UTF-8 decoded as {other}"])


_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")


def _unescape(run: str) -> bytes:
    return bytes(ord(ch) - 0xDC00 for ch in run)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark shows NUL bytes in every other position (for ASCII and Cyrillic)."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _refuse_if_binary(text: str) -> None:
    """Text with many control or replacement characters is binary data that happened to decode."""
    sample = text[:20000]
    if not sample:
        return
    odd = sum(1 for ch in sample if ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn")
                                                         and ch not in "\t\n\r\f\v"))
    if odd / len(sample) > 0.1:
        raise BinaryInputError(BINARY_MESSAGE)


def _cyrillic_encoding(data: bytes) -> str:
    """The Cyrillic code page of `data`: charset-normalizer's choice among the Cyrillic pages only, checked against
    (and, where it has none, replaced by) the share of common lower-case Russian letters."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=[enc.replace("-", "_") for enc in _CYRILLIC_ENCODINGS]).best()
    chosen = _python_codec(best.encoding) if best is not None else None
    by_letters = max(_CYRILLIC_ENCODINGS, key=lambda enc: _russian_score(data.decode(enc, "replace")))
    if chosen is None or _russian_score(data.decode(chosen, "replace")) < _russian_score(
            data.decode(by_letters, "replace")) - 0.05:
        return by_letters
    return chosen


def _looks_cyrillic(data: bytes) -> bool:
    """Runs of three or more high bytes form whole words in Cyrillic 8-bit text (in every Cyrillic code page);
    Western text has single accents between ASCII letters."""
    cyrillic_words = len(re.findall(rb"(?<![A-Za-z\x80-\xff])[\x80-\xff]{3,}", data))
    accented = rb"[\xc0-\xff\x8a\x8c\x8e\x9a\x9c\x9e\x9f]"  # letters only: quotes and dashes are not evidence
    accented_latin_words = len(re.findall(rb"[A-Za-z]+" + accented + rb"{1,2}[A-Za-z]+|[A-Za-z]{2,}" + accented
                                          + rb"(?![A-Za-z])", data))
    return cyrillic_words > accented_latin_words


_WORD = re.compile(r"[^\W\d_]+")
_RUSSIAN_WORD = re.compile(r"[А-ЯЁ]?[а-яё]+|[А-ЯЁ]+")


def _russian_score(text: str) -> float:
    """How Russian a decoding looks: the share of common lower-case letters, times the share of the non-ASCII
    words that are written like Russian words (a capital only first, or all capitals) and of non-ASCII characters
    that are letters at all (a wrong code page turns capitals into symbols or small letters into capitals)."""
    letters = [ch for ch in text if "а" <= ch.lower() <= "я" or ch in "ёЁ"]
    if not letters:
        return 0.0
    common = sum(1 for ch in letters if ch in _COMMON_RUSSIAN) / len(letters)
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    plausible = sum(len(w) for w in words if _RUSSIAN_WORD.fullmatch(w))
    symbols = sum(1 for ch in text if ord(ch) > 0x7F and not ch.isalpha() and ch not in "«»—–„“”’…№\xa0")
    return common * plausible / max(1, sum(map(len, words)) + symbols)


def _python_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _repair_mojibake(decoded: Decoded) -> Decoded:
    """UTF-8 that was once read as cp1252 and saved again ("KazajstÃ¡n"): undo it when that gives clean text; the
    same read as cp1251 ("РњРёСЂ") is repaired by ftfy."""
    hits = len(_MOJIBAKE.findall(decoded.text[:50000]))
    if hits < 3:
        return _repair_cyrillic_mojibake(decoded)
    for middle in ("cp1252", "latin-1"):
        try:
            repaired = decoded.text.encode(middle).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        decoded.warnings.append(f"text was double-encoded (UTF-8 read as {middle}); repaired")
        return Decoded(repaired, decoded.encoding, decoded.warnings)
    return decoded


def _repair_cyrillic_mojibake(decoded: Decoded) -> Decoded:
    sample = decoded.text[:50000]
    hits = len(_MOJIBAKE_1251.findall(sample))
    if hits < 3 or hits * 20 < sum(1 for ch in sample if ch.isalpha()):
        return decoded  # a few "Р»" in real Russian text are no evidence: mojibake makes every other letter one
    import ftfy

    repaired = ftfy.fix_encoding(decoded.text)
    if len(_MOJIBAKE_1251.findall(repaired[:50000])) * 4 > hits:
        return decoded
    decoded.warnings.append("text was double-encoded (UTF-8 read as cp1251); repaired")
    return Decoded(repaired, decoded.encoding, decoded.warnings)


# --- HTML ---------------------------------------------------------------------------------------------------------

def looks_like_html(text: str) -> bool:
    """A whole HTML page, not text that happens to contain a tag (scraped text keeps stray `<image>` tags)."""
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 8 and "</" in head


def decode_html_bytes(data: bytes) -> Decoded:
    """HTML bytes: UTF-8 when they are valid UTF-8, else the charset the page declares, else the 8-bit guess."""
    if data.startswith(tuple(bom for bom, _ in _BOMS)) or b"\x00" in data[:4000]:
        return decode_bytes(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:8000])
    name = declared.group(1).decode("ascii", "ignore") if declared else None
    return _decode_checked(data, guess_8bit_encoding(data, name))


@dataclass(slots=True)
class HtmlDocument:
    text: str
    title: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    sitename: str | None = None


def extract_html(html: str, url: str | None = None) -> HtmlDocument:
    """Main text (one paragraph per line) and metadata of an HTML page, via trafilatura (told the page's address,
    which its date and site-name extraction use); a fallback for fragments."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, favor_precision=True, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False,
            # no deduplicate: its cache spans the process, so a page seen twice would lose text the second time
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as err:  # noqa: BLE001 - a broken page falls back to plain tag stripping
        log.debug("trafilatura failed: %s", err)
        doc = None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        text = html_to_text(html)
    if doc is None:
        return HtmlDocument(text)
    authors = [a.strip() for a in re.split(r"[;|]", doc.author or "") if a.strip()]
    return HtmlDocument(text, _clean_meta(doc.title), _iso_date(doc.date), authors, _clean_meta(doc.sitename))


def html_to_text(html: str) -> str:
    """Block-level text of an HTML fragment (what trafilatura refuses: short snippets, bare paragraphs)."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except Exception:  # noqa: BLE001 - not parseable at all: strip the tags by hand
        return _strip_tags(html)
    for bad in root.xpath("//head|//script|//style|//noscript|//nav|//footer|//header|//aside|//form"):
        if bad.getparent() is not None:
            bad.drop_tree()
    for block in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section"):
        block.tail = "\n" + (block.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    text = "\n".join(line for line in lines if line)
    # libxml2 gives up below 256 nested elements and keeps nothing of a page nested deeper: strip by hand
    return text or _strip_tags(html)


def _strip_tags(html: str) -> str:
    """The text of markup no parser accepts: scripts and styles dropped, tags removed, entities kept as text."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", html)
    lines = (" ".join(line.split()) for line in re.sub(r"<[^>]{0,2000}>", "\n", html).splitlines())
    return "\n".join(line for line in lines if line)


def _clean_meta(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _iso_date(value: str | None) -> str | None:
    found = re.match(r"(\d{4}-\d{2}-\d{2})", value or "")
    return found.group(1) if found else None


def given_date(value: str) -> str | None:
    """An ISO date, with the precision it is given in (day, month or year), from a date given with the input
    ("2024-05-14T09:30:00+05:00", "2024/05/14", "20240514", "14.05.2024", "05/14/2024", "May 14, 2024",
    "Tue, 14 May 2024 09:30:00 GMT"), or None. Numeric day and month are told apart where one of them is over 12;
    where both could be either ("05/06/2024") the day comes first, as in most of the world."""
    value = value.strip()
    ymd = re.match(r"(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?(?![\d])", value) or re.fullmatch(
        r"(\d{4})()(\d{2})(\d{2})", value)
    if ymd:
        year, _, month, day = ymd.groups()
        return _iso_parts(int(year), int(month) if month else None, int(day) if day else None)
    numeric = re.match(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d])", value)
    if numeric:
        first, _, second, year = numeric.groups()
        day, month = (int(second), int(first)) if int(second) > 12 >= int(first) else (int(first), int(second))
        return _iso_parts(int(year), month, day)
    from .metadata import find_dates

    found = [d for d in find_dates(value) if d.year]
    if found:
        return found[0].iso()
    return _dateparser_date(value)


def _iso_parts(year: int, month: int | None, day: int | None) -> str | None:
    import datetime as dt

    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")


def _dateparser_date(value: str) -> str | None:
    """What dateparser makes of a date in words it knows and our patterns do not, with its precision."""
    from dateparser.date import DateDataParser

    try:
        found = DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]}).get_date_data(
            value[:100])
    except Exception:  # noqa: BLE001 - dateparser raises on odd input; not understood then
        return None
    if found.date_obj is None:
        return None
    date = found.date_obj
    precision = {"year": (date.year, None, None), "month": (date.year, date.month, None)}.get(
        found.period or "day", (date.year, date.month, date.day))
    return _iso_parts(*precision)


_URL_COMPACT = re.compile(r"(?<![\d])((?:199\d|20[0-3]\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?:\d{6})?(?![\d])")
_URL_MONTH = re.compile(r"/((?:199\d|20[0-3]\d))/(0?[1-9]|1[0-2])/(?!\d)")
# a day written day first as a whole segment of the path ("/news/politika/02092025/826843")
_URL_COMPACT_DAY_FIRST = re.compile(r"/(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(199\d|20[0-3]\d)(?=/|$)")


def url_date(url: str | None) -> str | None:
    """The publication date an article's address carries ("/2023/08/24/", "-2023-03-10", "/20230529/",
    "-20240913074111.html", "/02092025/" day first; "/2024/04/" gives the month), by htmldate's URL extractor and then the compact
    forms it does not read; None where the address has none."""
    if not url:
        return None
    import datetime as dt

    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    path = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE)
    options = Extractor(False, dt.datetime(2031, 1, 1), dt.datetime(1990, 1, 1), True, "%Y-%m-%d")
    try:
        found = extract_url_date(path, options)
    except Exception:  # noqa: BLE001 - an odd address has no date
        found = None
    if found:
        return found
    compact = _URL_COMPACT.search(path)
    if compact:
        digits = compact.group(1)
        return _iso_parts(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    day_first = _URL_COMPACT_DAY_FIRST.search(path)
    if day_first:
        return _iso_parts(int(day_first.group(3)), int(day_first.group(2)), int(day_first.group(1)))
    month = _URL_MONTH.search(path)
    return _iso_parts(int(month.group(1)), int(month.group(2)), None) if month else None


# --- the stage ----------------------------------------------------------------------------------------------------

@stage("read", "2", assigns=("raw_text", "encoding", "html", "media_type", "title", "published", "authors"))
class ReadStage(Stage):
    def process(self, article: Article) -> None:
        raw, article.raw = article.raw, None
        if raw is None:
            return
        for message in raw.warnings:
            article.warn(message)
        if raw.error:
            raise InputError(raw.error)
        if raw.published:
            given = given_date(raw.published)
            if given:
                article.published, article.published_given, article.published_source = given, True, "input"
            else:
                article.warn(f"given publication date not understood: {raw.published!r}")
        article.url = article.url or raw.url
        html = self._read_source(raw, article)
        if html is not None:
            self._read_html(html, article)
        if not article.raw_text.strip():
            article.raw_text = ""
            article.warn(EMPTY_WARNING)

    def _read_source(self, raw: RawInput, article: Article) -> str | None:
        """Fill raw_text for plain text; return the HTML to extract when the input is a page."""
        if raw.html is not None:
            return raw.html
        if raw.text is not None:
            return raw.text if looks_like_html(raw.text) else self._set_text(article, raw.text)
        if raw.data is None:
            return None
        is_html_file = raw.media_type == "text/html"
        decoded = decode_html_bytes(raw.data) if is_html_file else decode_bytes(raw.data)
        article.encoding = decoded.encoding
        for message in decoded.warnings:
            article.warn(message)
        if is_html_file or looks_like_html(decoded.text):
            return decoded.text
        return self._set_text(article, decoded.text)

    @staticmethod
    def _set_text(article: Article, text: str) -> None:
        article.raw_text = text.replace("\r\n", "\n")

    @staticmethod
    def _read_html(html: str, article: Article) -> None:
        article.html = html
        article.media_type = "text/html"
        page = extract_html(html, article.url)
        article.raw_text = page.text
        article.title = article.title or page.title
        # htmldate reads the address first: a date that is only the address's is left to the metadata stage ("url")
        if page.date and not article.published and page.date != url_date(article.url):
            article.published, article.published_given, article.published_source = page.date, True, "html-meta"
        if page.authors and not article.authors:
            article.authors = page.authors
        if page.sitename and not article.outlet:
            article.outlet = page.sitename  # a fallback: the metadata stage prefers an agency signature
