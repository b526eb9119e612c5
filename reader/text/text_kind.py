"""What kind of text a line or an article is, as evidence for the entity cues:
a title-case line (a headline, a heading, a menu), whose capitals tell nothing
about which words are names; and a sports report, where a town's name is
mostly its team."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.model import Block
from reader.text.entity_tokens import Token
from reader.text.vocab import SPORT_ARTICLE_WORDS, SPORT_ONLY_ARTICLE_WORDS, SPORT_SHARED_WORDS, SPORT_WORDS

# Short words a title-case line leaves in lower case ("Tons of Media Coverage").
_TITLE_CASE_SMALL = frozenset("a an the of and or but for nor on in at to by with from as vs via".split())
_WORD = re.compile(r"[^\W\d_]+")


def headline_case(text: str, toks: Sequence[Token]) -> bool:
    """A line whose words are nearly all capitalised: four or more words that a
    sentence would write in lower case, nine in ten capitalised. A list of names
    ("Pakistan: Aamir Sohail, Saeed Anwar, …") or a results row is not one."""
    if text.count(",") > 1 or sum(1 for t in toks if t.text[:1].isdigit()) > 1:
        return False
    words = [t for t in toks if t.text.lower() not in _TITLE_CASE_SMALL and t.text[:1].isalpha()]
    if len(words) < 4:
        return False
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return capitalised >= 0.9 * len(words)


def sports_article(blocks: Sequence[Block]) -> bool:
    """An article about sport: SPORT_ARTICLE_WORDS distinct sport words in it (any
    case), SPORT_ONLY_ARTICLE_WORDS of them no word an election or a market uses too
    (a campaign's "victory", "defeat", "points" and "pitch" make no match report)."""
    seen: set[str] = set()
    for block in blocks:
        seen.update(w for w in _WORD.findall(block.text.lower()) if w in SPORT_WORDS)
        if len(seen) >= SPORT_ARTICLE_WORDS and len(seen - SPORT_SHARED_WORDS) >= SPORT_ONLY_ARTICLE_WORDS:
            return True
    return False
