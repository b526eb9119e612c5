"""Entities and quotes of one article: the analysis stored beside its blocks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.model import Block
from reader.text.entities import find_entities
from reader.text.quotes import find_quotes


def analyze(
    blocks: Sequence[Block], known: Mapping[str, str] | None = None, byline: str | None = None
) -> dict[str, list[dict[str, object]]]:
    """{"entities": [...], "quotes": [...]} in the shape `show --json` prints.

    `known` is the archive's evidence: single names seen as one type in many
    articles, used where the text alone is ambiguous. `byline` is the article's
    author: the narrator of a first-person piece that does not name them.
    """
    # Code names nothing and quotes no one: its strings and capitalised
    # identifiers are not speech or names. Emptied, so block numbers hold.
    blocks = [Block(b.kind, "") if b.kind == "code" else b for b in blocks]
    entities = find_entities(blocks, known)
    quotes = find_quotes(blocks, entities, byline=byline)
    return {"entities": [e.to_dict() for e in entities], "quotes": [q.to_dict() for q in quotes]}
