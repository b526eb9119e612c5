"""Counted nouns as people write them ("1 article", "1,204 stories"), for the
command line, the app and the archive's messages alike: one set of plurals."""

from __future__ import annotations

IRREGULAR = {"person": "people", "story": "stories", "entity": "entities"}


def noun_for(count: int, noun: str) -> str:
    """The noun as `count` takes it: singular for exactly one, else its plural."""
    if count == 1:
        return noun
    return IRREGULAR.get(noun, noun + "s")


def plural(count: int, noun: str) -> str:
    """`count` (thousands grouped) and the noun, singular for exactly one."""
    return f"{count:,} {noun_for(count, noun)}"
