"""Count words an extractor ran together where the page kept them apart, and
words it split where the page wrote them whole.

A seam is a lower-case letter, an optional full stop or comma, then a capital
starting a word: "agenciesLast", "said.Ramage", "it.Credit". Such runs are
also real words ("iPhone", "McDonald", "eBay", "YouTube"), so a seam counts
as glue only when the page never has the run inside one text node: the two
sides stood in different elements, or with whitespace or a <br> between them.

A split is the other way round: two words of the extractor's text, a space
apart, that the page writes as one word ("Mc<b>Leod</b>", "web<span>site</span>")
and never with a space between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The word (or its last 30 letters) each side of a seam.
SEAM = re.compile(r"(?P<left>[A-Za-z]{0,30}[a-z][.,]?)(?P<right>[A-Z][a-z]+)")
# lxml refuses decoded text that declares an encoding (the importer drops it too).
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_INVISIBLE = {"script", "style", "noscript", "template"}


def source_runs(html: str) -> str:
    """The page's text nodes joined by a NUL, so no run can span two of them."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except Exception:  # noqa: BLE001 - an unparseable page has no runs
        return ""
    parts: list[str] = []
    for el in tree.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in _INVISIBLE and el.text and isinstance(el.tag, str):
            parts.append(el.text)
        if el.tail:
            parts.append(el.tail)
    return "\x00".join(parts)


_BLOCKS = frozenset(
    "address article aside blockquote br caption dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
_WORD = re.compile(r"[^\W\d_]+")
# Two words a space apart, every pair (overlapping): "a b c" has (a, b) and (b, c).
_PAIR = re.compile(r"(?<![^\W\d_])(?=([^\W\d_]+) ([^\W\d_]+)(?![^\W\d_]))")


def source_words(html: str) -> tuple[set[str], set[tuple[str, str]]]:
    """The words a browser shows on the page (inline markup inside a word joins
    it: "Mc<b>Leod</b>"; blocks and breaks end it), and the pairs of words it
    shows with whitespace between."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except Exception:  # noqa: BLE001 - an unparseable page has no words
        return set(), set()
    parts: list[str] = []

    def walk(el: object) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
        block = tag in _BLOCKS
        if block:
            parts.append("\x00")
        if tag not in _INVISIBLE and tag and el.text:  # type: ignore[attr-defined]
            parts.append(el.text)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\x00")

    walk(tree)
    shown = "".join(parts)
    words = set(_WORD.findall(shown))
    spaced = re.sub(r"\s+", " ", shown)
    return words, {(m.group(1), m.group(2)) for m in _PAIR.finditer(spaced)}


def split_words(text: str, words: set[str], pairs: set[tuple[str, str]]) -> list[str]:
    """Places in an extractor's text where a word the page writes whole is split in two."""
    found = []
    for line in text.split("\n"):  # blocks are lines: no word runs across two
        for m in _PAIR.finditer(re.sub(r"\s+", " ", line)):
            a, b = m.group(1), m.group(2)
            if a + b in words and (a, b) not in pairs:
                found.append(f"{a} {b}")
    return found


def glued(text: str, runs: str) -> list[str]:
    """Seams in an extractor's text that are not runs of the page's own text."""
    found = []
    for m in SEAM.finditer(text):
        if m.group(0) not in runs:
            found.append(m.group(0))
    return found


def count_pages(pages: Iterable[tuple[str, str]]) -> tuple[int, list[list[str]]]:
    """(pages with any glue, the glued runs per page) over (text, source html) pairs."""
    per_page = [glued(text, source_runs(html)) for text, html in pages]
    return sum(1 for g in per_page if g), per_page
