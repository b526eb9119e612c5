"""Strip site chrome from a plain-text scrape and find its headline and metadata.

A scrape is the visible text of a web page: menus and banners on top, the
article in the middle, share buttons and comment counters at the bottom. We
decide line by line from evidence: the line's shape (length, punctuation,
capitalisation), its position relative to the body, and generic word lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from reader.text.dates import day_first_in, parse_date
from reader.text.vocab import CHROME_CUES, CHROME_PHRASES
from reader.text.whitespace import squash

_PLACEHOLDER = re.compile(r"^\{[^{}]*\}$|\{\{.*?\}\}|%%.*?%%|\{%.*?%\}|^\[\[.*\]\]$")
_COMMENT_COUNT = re.compile(r"^(no|\d[\d,]*)\s+(comments?|replies|responses|shares?)$", re.I)
_BANNER = re.compile(r"^(breaking( news)?|latest( news)?|live|update[sd]?|watch|just in)\s*:?$", re.I)
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:(?:de|van|von|der|den|da|del|la|le|di|du|bin|al|el)\s+)*[A-Z][\w.'’-]+){0,3}"
_BYLINE = re.compile(
    r"^(?:[Bb]y|BY|[Ww]ritten by|[Aa]uthor:|[Ww]ords by)\s+"
    rf"(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
    r"(?P<rest>\s*(?:,|\||-|–|for)\s*.*)?$",
)
_ROLE = re.compile(
    r"\b(editor|correspondent|reporter|writer|columnist|staff|chief|senior|news|desk|"
    r"agency|agencies|contributor|producer|analyst|in [A-Z]\w+)\b",
    re.I,
)
_DATE_WORDS = re.compile(
    r"^(?:published|updated|posted|last updated|last modified|modified|first published|date)?\s*:?\s*(?:on\s+)?"
    r"(?P<date>.+?)\s*$",
    re.I,
)
# "3:47 PM", "2:15p.m.", "16:00:00 GMT", "1:14 PM CST": seconds, a closing stop, any zone's letters.
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\b\.?)?(?:\s*(?:UTC|[A-Z]{2,4}T)\b)?(?!\w)", re.I)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_SHAPES = re.compile(
    rf"\b(\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}"
    rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?…]['\"’”)\]]*\s*$|['\"’”]\s*$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass
class CleanScrape:
    """What the cleaner found: the headline, metadata, body paragraphs, chrome."""

    title: str | None = None
    byline: str | None = None
    published: datetime | None = None
    paragraphs: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated chunks; inside a chunk, hard-wrapped lines are joined
    and other lines (one paragraph per line, as scrapes have) kept apart."""
    paragraphs: list[str] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        wrapped = len(lines) > 1 and all(45 <= len(ln) <= 100 for ln in lines[:-1])
        if wrapped:
            paragraphs.append(squash(" ".join(lines)))
        else:
            paragraphs.extend(squash(ln) for ln in lines)
    return paragraphs


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _key(line: str) -> str:
    return " ".join(w.lower() for w in words(line))


# Separators between menu items: "Home | News | Sport", "Email · Facebook".
_MENU_SEPARATOR = re.compile(r"\s+[|•·]\s+|\s*[|•·]\s*(?=\S)")
MENU_ITEM_WORDS = 4  # "Rugby Union", "Terms and Conditions"; longer is a phrase


def is_menu_row(line: str) -> bool:
    """Two or more short items between separators, none a sentence: a menu,
    a breadcrumb or a row of share buttons."""
    items = [i.strip() for i in _MENU_SEPARATOR.split(line.strip())]
    if len(items) < 2 or any(not i for i in items):
        return False
    return all(len(words(i)) <= MENU_ITEM_WORDS and not _SENTENCE_END.search(i) for i in items)


# A prompt to pass the article on or talk about it: a share/comment verb
# addressed to "this article", "this story", or a social network.
_SHARE_PROMPT = re.compile(
    r"^(?:share|comment|email|e-mail|print|save|send|tweet|post|discuss|bookmark|join the (?:discussion|conversation))"
    r"\b.*\b(?:(?:this|the)\s+(?:article|story|page|post|piece|video|gallery|report)|facebook|twitter|whatsapp"
    r"|linkedin|pinterest|reddit|friends?|comments?)\b",
    re.I,
)
SHARE_PROMPT_WORDS = 10
# What a share button says: a verb of passing the page on, or a network's name.
_SHARE_BUTTONS = frozenset(
    "share tweet pin email e mail print save send post like bookmark copy link whatsapp facebook twitter x"
    " linkedin pinterest reddit telegram messenger flipboard"
    # the networks of older pages ("Digg it | Facebook | Newsvine | Propeller |
    # Reddit | Stumble! | Print | Email", "Share: | Del.icio.us | Digg | …")
    " digg newsvine propeller stumble stumbleupon technorati del icio us delicious tumblr mixx fark"
    " google plus buzz instagram youtube newsbreak follow it this on".split()
)


def is_chrome(line: str) -> bool:
    """Chrome wherever it stands: placeholders, menu words, banners, counters, notices."""
    if _PLACEHOLDER.search(line):
        return True
    key = _key(line)
    if not key:
        return True  # punctuation or symbols only: separators, bullets
    if key in CHROME_PHRASES or _COMMENT_COUNT.match(key) or _BANNER.match(line.strip()):
        return True
    n = len(key.split())
    if n <= SHARE_PROMPT_WORDS and _SHARE_PROMPT.match(line.strip()):
        return True
    # A row of share buttons with no separators but spaces: "Tweet Share Pin Email".
    if 2 <= n <= SHARE_PROMPT_WORDS and set(key.split()) <= _SHARE_BUTTONS:
        return True
    lowered = line.lower()
    if n <= 12 and any(cue in lowered for cue in CHROME_CUES):
        return True
    # A longer notice still opens by asking or telling the reader: "Sign up for
    # our newsletter and…", "This site uses cookies…".
    return n <= 30 and bool(_NOTICE.match(line.strip()))


_NOTICE = re.compile(
    r"^(?:(?:sign\s+up|subscribe|register|join)\b.*\b(?:newsletter|inbox|e-?mails?|updates|alerts)\b"
    r"|(?:this|our)\s+(?:site|website)\s+uses\s+cookies\b"
    r"|we\s+use\s+cookies\b)",
    re.I,
)
_PROSE_END = re.compile(r"[.!?…]['\"’”)\]]*\s*$")


def is_body_like(line: str) -> bool:
    """A line that reads as article prose: a dozen words or more ending a sentence.

    Headlines can be as long but end without a full stop (or on a quotation).
    """
    return len(words(line)) >= 12 and bool(_PROSE_END.search(line))


_ISO_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$|^[\w.+-]+@[\w-]+\.[\w.]+$", re.I)


# A button's words: a short exclaimed line that asks for a download or a sign-up.
_CALL_TO_ACTION = re.compile(
    r"^(?=(?:\S+\s+){0,5}\S+$).*\b(download|subscribe|sign\s+up|register|buy|order|shop|donate)\b.*!$", re.I
)


def is_block_chrome(text: str) -> bool:
    """Furniture that survives main-content extraction: a bare timestamp, a lone
    URL or e-mail address (print-page links, author contacts), share and comment
    lines, call-to-action buttons."""
    stripped = text.strip()
    return (
        bool(_ISO_STAMP.match(stripped) or _URL_ONLY.match(stripped) or _CALL_TO_ACTION.match(stripped))
        or is_chrome(stripped)
        or is_date_line(stripped)
    )


# "Published: 10:42, 3 February 2023 | Updated: 16:05, 3 February 2023"
_DATE_PARTS = re.compile(r"\s+[|•·]\s+|\s+-\s+(?=(?:last\s+)?(?:updated|modified|posted|published)\b)", re.I)


def as_date(line: str, day_first: bool | None = None) -> datetime | None:
    """A line that is only a date (with time and a 'Published' label) → that
    date; of several labelled dates on one line, the first (the publication).
    `day_first`: how the page writes dates in figures (see parse_date)."""
    if len(line) > 160:
        return None
    parts = _DATE_PARTS.split(line.strip())
    if len(parts) > 1:
        dates = [_one_date(p, day_first) for p in parts]
        return dates[0] if all(d is not None for d in dates) else None
    return _one_date(line, day_first)


def is_date_line(line: str) -> bool:
    """Whether a line is only a date: in figures, in either order (03/04/2021
    is a date line whichever date it is)."""
    return as_date(line, day_first=True) is not None


def _one_date(line: str, day_first: bool | None) -> datetime | None:
    if len(line) > 80:
        return None
    if _ISO_STAMP.match(line.strip()):
        return parse_date(line.strip())
    m = _DATE_WORDS.match(line)
    candidate = m.group("date") if m else line
    shape = _DATE_SHAPES.search(candidate)
    if not shape:
        return None
    rest = _DATE_SHAPES.sub("", candidate)
    rest = _TIME.sub("", rest)
    rest = re.sub(rf"\b({_MONTH}|mon|tue|wed|thu|fri|sat|sun)\w*\b|[,|•·\-–]|\bat\b|\bon\b", "", rest, flags=re.I)
    if rest.strip():
        return None
    return parse_date(shape.group(1), day_first=day_first)


# "Posted on 14 March 2022 at 9:15 am by Ann Lee": a date line that names its writer.
_DATED_BY = re.compile(r"^(?P<date>.+?)\s+(?P<by>by\s+.+)$", re.I)


def as_dated_byline(line: str, day_first: bool | None = None) -> tuple[datetime, str] | None:
    """A dateline that ends with its byline → (date, name)."""
    m = _DATED_BY.match(line.strip()) if len(line) <= 160 else None
    if not m:
        return None
    date = as_date(m.group("date"), day_first)
    name = as_byline("By " + m.group("by")[2:].strip()) if date is not None else None
    return (date, name) if date is not None and name else None


def as_byline(line: str) -> str | None:
    if len(line) > 120:
        return None
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    # "By Ruth Okafor, Political Editor": the part after the comma is a role.
    names = []
    for piece in m.group("name").split(","):
        if _ROLE.search(piece):
            break
        names.append(piece.strip())
    return squash(", ".join(n for n in names if n)) or None


def _headline_index(lines: list[str], first_body: int, menus: set[int]) -> int | None:
    """The headline: the longest headline-shaped line above the first body line.

    Headline-shaped means several words, no trailing full stop (headlines rarely
    have one) and not a truncated teaser. Scrapes put menus above the headline,
    so "the first line" is usually wrong.
    """
    best: int | None = None
    for i in range(min(first_body, len(lines))):
        if i in menus:
            continue
        line = lines[i]
        n = len(words(line))
        if n < 4 or len(line) > 400 or line.rstrip().endswith(("...", "…")):
            continue
        if line.rstrip().endswith(".") and n > 30:
            continue
        if best is None or n > len(words(lines[best])):
            best = i
    return best


# Below the article, an unpunctuated line this short is a heading of what follows.
TAIL_HEADING_WORDS = 5


def clean_scrape(text: str) -> CleanScrape:
    """Split a scrape into headline, metadata and body paragraphs, dropping chrome."""
    out = CleanScrape()
    lines = split_paragraphs(text)
    kept: list[str] = []
    day_first = day_first_in(text)  # a scrape has no language tag: its own dates say
    for line in lines:
        if is_chrome(line):
            out.chrome.append(line)
            continue
        if is_date_line(line):
            out.published = out.published or as_date(line, day_first)
            continue
        dated = as_dated_byline(line, day_first=True)  # a dated byline in either order
        if dated is not None:
            when = as_dated_byline(line, day_first)  # its date only if the order is known
            out.published = out.published or (when[0] if when else None)
            out.byline = out.byline or dated[1]
            continue
        byline = as_byline(line)
        if byline is not None:
            out.byline = out.byline or byline
            continue
        kept.append(line)

    body_rows = [i for i, ln in enumerate(kept) if is_body_like(ln)]
    first_body = body_rows[0] if body_rows else len(kept)
    last_body = body_rows[-1] if body_rows else -1
    menus = {i for i, ln in enumerate(kept) if is_menu_row(ln)}
    head = _headline_index(kept, first_body, menus)
    if head is not None:
        out.title = kept[head]
    elif kept:
        out.title = None
    for i, line in enumerate(kept):
        if i == head:
            continue
        # A menu row inside the article may be a table's row; outside it, a menu.
        if i in menus and not first_body <= i <= last_body:
            out.chrome.append(line)
            continue
        n = len(words(line))
        short = n <= 3 and not _SENTENCE_END.search(line)
        # Above the headline and below the body, short unpunctuated lines are menus,
        # section names and button labels, not article text; below it, so are the
        # headings of what follows ("You might also like", "Tags: a, b, c").
        tail = i > last_body and n <= TAIL_HEADING_WORDS and not _SENTENCE_END.search(line)
        if tail or (short and ((head is not None and i < head) or (i < first_body and head is None))):
            out.chrome.append(line)
            continue
        out.paragraphs.append(line)
    return out
