"""Cues that a name is a company or a body, from the table of company names and
from the words around it: what companies do and have ("X announced", "shares
of X", "X's chief executive", "(NASDAQ: X)"), and an office named after it
("House Speaker …", "Apple CEO …": the name qualifies a title, it is not the
person). Each is a named cue the decision weighs (entity_cues.py); none decides
alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from reader.text.companies import company_names
from reader.text.vocab import BUSINESS_AFTER_POSSESSIVE, BUSINESS_BEFORE, BUSINESS_VERBS, TITLES

# A company's legal form after its name ("Apple Inc.", "Tesco plc").
LEGAL_SUFFIXES = frozenset("inc ltd llc plc corp co gmbh ag sa nv".split())
# "(NASDAQ: AAPL)", "(NYSE:F)", "(LSE: BP.)": a listing right after a name.
_LISTING = re.compile(r"\s*\(\s*(?:nasdaq|nyse|lse|tsx|asx|otc|amex|euronext|xetra)\b", re.IGNORECASE)


class Word(Protocol):
    """What these cues read of a token (entity tokens have more)."""

    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool: ...


def company_cues(folded: str, words: int, place: bool) -> list[str]:
    """`company` for a name in the table ("apple", "ford motor"), `company_short`
    for a lone word that is a company's short name ("ford"), `company_place`
    when the name is a place too (Toyota), and `brand` for a brand's logo title
    that is no listed company (Google, YouTube; Linux too)."""
    table = company_names()
    parts = folded.split()
    if len(parts) > 1 and parts[-1].rstrip(".") in LEGAL_SUFFIXES:
        folded, words = " ".join(parts[:-1]), words - 1  # "Apple Inc." is the company Apple
    if folded in table.names:
        return ["company", "company_place"] if place else ["company"]
    if words == 1 and folded in table.short_names:
        return ["company_short"]
    if folded in table.brands:
        return ["brand"]
    return []


def context_cues(toks: Sequence[Word], first: int, last: int, text: str, possessive: bool) -> list[str]:
    """Cues from the words around the name toks[first..last] in its block's text."""
    out: list[str] = []
    # Only a word right after the name, with no comma between, says what it does:
    # "Smith, chairman of the Fed" is a person and an apposition.
    adjacent = last + 1 < len(toks) and text[toks[last].end : toks[last + 1].start] == " "
    after = toks[last + 1].text.lower() if adjacent else ""
    before = toks[first - 1].text.lower() if first > 0 else ""
    before2 = toks[first - 2].text.lower() if first > 1 else ""
    if after in BUSINESS_VERBS and not possessive:
        out.append("business_verb")
    if possessive and after in BUSINESS_AFTER_POSSESSIVE:
        out.append("business_possessive")
    if before in ("of", "in", "at", "by") and before2 in BUSINESS_BEFORE:
        out.append("business_before")
    if _LISTING.match(text, toks[last].end):
        out.append("listing")
    if not possessive and after.rstrip(".") in TITLES and _name_follows(toks, last + 1):
        out.append("title_after")
    return out


def _name_follows(toks: Sequence[Word], i: int) -> bool:
    """A capitalised word within the three words after toks[i] (the title's holder:
    "Speaker Nancy …", "chief executive Tim …")."""
    return any(toks[k].capitalised for k in range(i + 1, min(i + 4, len(toks))))
