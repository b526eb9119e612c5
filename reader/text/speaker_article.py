"""What speaker attribution reads: an article's blocks with every quotation
blanked out (so no speaker's name runs across a quotation), the names found
outside quotations (the recogniser's, and runs that start with a known first
name), and each person's gender where the text shows it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.model import Block
from reader.text.first_names import gender
from reader.text.language import reads_as_english
from reader.text.vocab import NOT_NAMES, TITLES

Span = tuple[int, int, int, int]  # (block, start, end_block, end) of a quotation, marks included
MentionRow = tuple[int, int, int, str, str]  # (block, start, end, entity name, type)
BLANK = "\x00"  # what a quotation is blanked with: no name or description runs across it
PERSONLIKE = frozenset({"PERSON", "NAME"})  # a person, or a name the recogniser could not type


@dataclass
class Article:
    """What attribution reads: the blocks with every quotation blanked, and the
    names the recogniser found outside quotations."""

    blocks: Sequence[Block]
    masked: list[str]
    mentions: list[MentionRow]
    genders: dict[str, str] = field(default_factory=dict)  # entity name → "f" / "m"
    english: bool = True  # the cues are English ones: elsewhere only the strongest are read

    @classmethod
    def build(cls, blocks: Sequence[Block], spans: list[Span], mentions: list[MentionRow]) -> Article:
        masked = [_masked(block.text, b, spans) for b, block in enumerate(blocks)]
        # A title alone ("Minister" of "The Prime Minister said") names no one.
        kept = [m for m in mentions if not _inside_quote(m[0], m[1], spans) and not _title_only(m[3])]
        runs = _first_name_runs(masked, kept)
        article = cls(blocks, masked, sorted(kept + runs), english=reads_as_english(blocks))
        # The names the recogniser left out have a gender too ("Rachel" shrugged).
        article.genders = _genders(article, sorted(mentions + runs))
        return article


_FIRST_NAME_RUN = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+){0,2}\b")


def _first_name_runs(masked: list[str], mentions: list[MentionRow]) -> list[MentionRow]:
    """Names the recogniser left out that start with a known first name ("Derya",
    "Pete Moss"), outside quotations and not opening a sentence when alone:
    evidence enough of a person to be a speaker candidate, typed NAME."""
    taken = {(m[0], i) for m in mentions for i in range(m[1], m[2])}
    found: list[MentionRow] = []
    for b, text in enumerate(masked):
        m = _FIRST_NAME_RUN.search(text)
        while m:
            run, first = m, m.group(1)
            m = _FIRST_NAME_RUN.search(text, run.end())
            if first.lower() in NOT_NAMES or not gender(first):
                continue
            if (b, run.start()) in taken or (b, run.end() - 1) in taken:
                continue
            alone = run.group() == first
            if alone and not text[: run.start()].strip(" \t" + BLANK) or re.search(r"[.!?:]\s*$", text[: run.start()]):
                continue  # a sentence's first word: "Will you…", "Grant me…"
            found.append((b, run.start(), run.end(), run.group(), "NAME"))
    return found


def _title_only(name: str) -> bool:
    return all(word.lower().rstrip(".") in TITLES for word in name.split())


def _masked(text: str, block: int, spans: list[Span]) -> str:
    """The block with every quotation blanked out (same length, so offsets hold)."""
    chars = list(text)
    for b, start, eb, end in spans:
        if b <= block <= eb:
            lo = start if b == block else 0
            hi = end if eb == block else len(text)
            chars[lo:hi] = BLANK * (hi - lo)
    return "".join(chars)


def _inside_quote(block: int, pos: int, spans: list[Span]) -> bool:
    return any((b, start) <= (block, pos) < (eb, end) for b, start, eb, end in spans)


_FEMALE_TITLES = frozenset("mrs ms miss madam madame lady queen princess duchess dame sister".split())
_MALE_TITLES = frozenset("mr sir lord king prince duke father brother".split())


def _genders(article: Article, mentions: list[MentionRow]) -> dict[str, str]:
    """Each person's gender where the text shows it: a title before a mention
    ("Mrs O'Neill"), else the first name ("Michelle O'Neill")."""
    out: dict[str, str] = {}
    for b, start, _, name, kind in mentions:
        if kind not in PERSONLIKE or name in out:
            continue
        title = re.search(r"(\w+)\.?\s+$", article.blocks[b].text[max(0, start - 12) : start])
        word = title.group(1).lower() if title else ""
        if word in _FEMALE_TITLES:
            out[name] = "f"
        elif word in _MALE_TITLES:
            out[name] = "m"
    for _, _, _, name, kind in mentions:
        if kind in PERSONLIKE and name not in out:
            words = [w for w in name.split() if w.lower().rstrip(".") not in TITLES]
            if words:
                found = gender(words[0])
                if found:
                    out[name] = found
    return out
