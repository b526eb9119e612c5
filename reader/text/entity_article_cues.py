"""Cues only a whole article shows, added to its candidate spans once every
block has been read (entity_candidates): a surname the article gave in full, a
name called back by its last word, a name also written with a company's
suffix, a dictionary word the article capitalises throughout."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from reader.text.entity_evidence import COMPANY_SUFFIXES, NOT_PERSON_CUES, Span
from reader.text.gazetteer import ascii_fold

_CAPITALISED_THROUGHOUT_KINDS = frozenset({"common_word", "lone_first_name_common"})
_CAPITALISED_THROUGHOUT_AT_LEAST = 2


def article_cues(spans: list[Span]) -> list[Span]:
    """The spans with the cues only the whole article shows added: a lone word
    that is the last word of a longer name ("Woods" after "Tiger Woods"), the
    longer name so called back, a name the article also writes with a company's
    suffix ("Apple", "Apple Inc."), and a dictionary word capitalised inside
    sentences throughout."""
    last_words = {ascii_fold(s.words[-1]).lower() for s in spans if len(s.words) >= 2 and _person_shaped(s)}
    lone = {ascii_fold(s.words[0]).lower() for s in spans if len(s.words) == 1}
    # "Apple Inc." anywhere in the article makes a bare "Apple" the company.
    suffixed = {
        ascii_fold(" ".join(s.words[:-1])).lower()
        for s in spans
        if len(s.words) >= 2 and s.words[-1].lower().rstrip(".") in COMPANY_SUFFIXES
    }
    # A dictionary word the article capitalises inside sentences again and again
    # and never writes in lower case is a name there ("Apple decided…", "as Apple…").
    inside: Counter[str] = Counter(
        ascii_fold(s.words[0]).lower()
        for s in spans
        if len(s.words) == 1 and "sentence_start" not in s.cues and "lower_elsewhere" not in s.cues
    )
    # …unless the article has it as a thing one has ("your Mac", "a Mac").
    owned = {ascii_fold(s.words[0]).lower() for s in spans if len(s.words) == 1 and "det_before" in s.cues}
    out = []
    for s in spans:
        if s.type is not None:
            out.append(s)
            continue
        extra: tuple[str, ...] = ()
        word = ascii_fold(s.words[0]).lower()
        if (
            len(s.words) == 1
            and _CAPITALISED_THROUGHOUT_KINDS.intersection(s.cues)
            and inside[word] >= _CAPITALISED_THROUGHOUT_AT_LEAST
            and word not in owned
        ):
            extra = ("capitalised_throughout",)
        if len(s.words) == 1 and word in last_words:
            extra += ("surname_of_name",)
        elif len(s.words) >= 2 and ascii_fold(s.words[-1]).lower() in lone:
            extra += ("called_back",)
        if suffixed and ascii_fold(" ".join(s.words)).lower() in suffixed:
            extra += ("suffix_in_article",)
        out.append(replace(s, cues=s.cues + extra) if extra else s)
    return out


# Cues of a longer name that make it something other than a person's name.
_NOT_IN_PEOPLES_NAMES = frozenset("of and the for & at on in".split())


# How a person's full name starts: a first name, an initial, a title or an honorific
# ("Official Google" and "Google Nexus" give no surname).
_PERSON_START_CUES = frozenset("first_name initial title honorific".split())


def _person_shaped(span: Span) -> bool:
    """A name whose last word can be a surname: no "of" or "and" inside ("Courtesy
    of Apple" and "Bank of England" are not; "Henrike van der Berg" is), no
    body's, place's or event's head, and a person's start (a first name, an
    initial, a title: "Official Google" is not)."""
    return (
        not _NOT_IN_PEOPLES_NAMES.intersection(w.lower() for w in span.words)
        and not NOT_PERSON_CUES.intersection(span.cues)
        and bool(_PERSON_START_CUES.intersection(span.cues))
    )
