"""Count words an extractor ran together where the page kept them apart.

A seam is a lower-case letter, an optional full stop or comma, then a capital
starting a word: "agenciesLast", "said.Ramage", "it.Credit". Such runs are
also real words ("iPhone", "McDonald", "eBay", "YouTube"), so a seam counts
as glue only when the page never has the run inside one text node: the two
sides stood in different elements, or with whitespace or a <br> between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The word (or its last 30 letters) each side of a seam.
SEAM = re.compile(r"(?P<left>[A-Za-z]{0,30}[a-z][.,]?)(?P<right>[A-Z][a-z]+)")
_INVISIBLE = {"script", "style", "noscript", "template"}


def source_runs(html: str) -> str:
    """The page's text nodes joined by a NUL, so no run can span two of them."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html)
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
