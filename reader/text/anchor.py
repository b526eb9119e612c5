"""Where a highlighted passage stands in an article's blocks.

A passage is found by its words, case and spacing aside, so a highlight made
before a re-import (a corrected typo elsewhere, a new paragraph on top) still
lands on its words afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.model import Block, Highlight


def find_passage(blocks: Sequence[Block], passage: str) -> tuple[int, int, int] | None:
    """(block, start, end) of the first place the passage's words stand, or None."""
    words = passage.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    for index, block in enumerate(blocks):
        m = pattern.search(block.text)
        if m:
            return index, m.start(), m.end()
    return None


def anchor(blocks: Sequence[Block], highlight: Highlight) -> tuple[int, int, int] | None:
    """Where a highlight stands now: its recorded place if its words are still
    there, else wherever its words are found; None if they are gone."""
    if 0 <= highlight.block < len(blocks):
        here = blocks[highlight.block].text[highlight.start : highlight.end]
        if " ".join(here.split()).casefold() == " ".join(highlight.text.split()).casefold():
            return highlight.block, highlight.start, highlight.end
    return find_passage(blocks, highlight.text)


def placed(blocks: Sequence[Block], highlights: Sequence[Highlight]) -> dict[int, list[tuple[int, int, str]]]:
    """Block index → (start, end, note) of each highlight found there now."""
    out: dict[int, list[tuple[int, int, str]]] = {}
    for h in highlights:
        place = anchor(blocks, h)
        if place:
            out.setdefault(place[0], []).append((place[1], place[2], h.note))
    return out
