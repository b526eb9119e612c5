"""Counted nouns as people write them: "1 article", "2 articles", "an org"."""

from __future__ import annotations

IRREGULAR = {"person": "people", "story": "stories", "entity": "entities", "version": "versions"}


def plural(count: int, noun: str) -> str:
    """`count` and the noun, singular for exactly one."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count:,} {IRREGULAR.get(noun, noun + 's')}"


def article(word: str) -> str:
    """The word with "a" or "an" before it (by its first letter: "an org", "a place")."""
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word
