"""How listings word things: notes on stderr (so stdout holds only rows), counts with their nouns."""

from __future__ import annotations

import sys

from reader.output import Styler
from reader.plural import noun_for, plural
from reader.sanitize import clean_line


def say(message: str) -> None:
    """A note about a listing (empty, cut short): on stderr, so stdout holds only rows."""
    print(message, file=sys.stderr)


def more(shown: int, total: int, noun: str) -> None:
    """Say that a listing was cut at its --limit, and how to see it all."""
    if total > shown:
        say(f"{shown} of {plural(total, noun)} shown (--limit {total} shows all)")


def within(query: str) -> str:
    return f" in the articles matching “{clean_line(query)}”" if query else ""


def column(count: int, noun: str, out: Styler) -> str:
    """A right-aligned count and its noun, singular or plural, padded to line up."""
    word = noun_for(count, noun)
    return f"{count:>5} {out(word, 'dim')}{' ' * (len(noun) + 1 - len(word))}"
