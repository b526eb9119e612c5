"""The speech quotes the finder gives made-up paragraphs, for the speaker tests."""

from __future__ import annotations

from reader.model import Block
from reader.text.entities import find_entities
from reader.text.quotes import find_quotes


def said(*paragraphs: str) -> list[tuple[str, str | None]]:
    """Each speech quote's text and speaker."""
    blocks = [Block("paragraph", p) for p in paragraphs]
    return [(q.text, q.speaker) for q in find_quotes(blocks, find_entities(blocks)) if q.kind == "speech"]


def speakers(*paragraphs: str) -> list[str | None]:
    """Each speech quote's speaker."""
    return [speaker for _, speaker in said(*paragraphs)]
