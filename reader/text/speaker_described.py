"""A definite description as a speaker ('…," the minister said') names the
person the article gave that role: "Minister Ann Lee", "singer Ann Lee", "Ann
Lee, the country's health minister". News names a speaker once and then calls
them by their role; the description alone is what the text says, the name is
who said it."""

from __future__ import annotations

import re

from reader.text.speaker_article import Article, MentionRow
from reader.text.speaker_phrases import person_name
from reader.text.vocab import TITLES

# "the minister", "the former mayor", "the Harbour singer": a definite noun
# phrase of up to four words whose last is a lower-case noun, not a plural.
_DEFINITE = re.compile(r"(?i:the)\s+(?:[\w.'’-]+\s+){0,3}([A-Za-z][a-z-]{2,})")
# What the text writes right before a name to give its role: "singer Ann Lee",
# "Prime Minister Ann Lee", "the harbour's chairman, Ann Lee".
_ROLE_BEFORE = r"\b{head}[,]?\s+$"
# And right after it, an appositive that closes: "Ann Lee, the country's health
# minister,", "Ann Lee, a former mayor of Harbour." (not "…about Ann Lee, the
# doctor said", where the next clause's subject follows the comma).
_ROLE_AFTER = (
    r"^,\s+(?:the|a|an|its|his|her|their|[A-Z][\w.'’-]*['’]s)\s+(?:[\w.'’-]+\s+){{0,4}}?{head}"
    r"(?:\s+(?:of|at|for|in|from|on|with)\s+[^,.;:]{{1,60}})?\s*(?:[,;.)]|$)"
)


def role(name: str) -> str | None:
    """The role word of a definite description ("the former mayor" → "mayor"),
    or None for anything else (a name, "a spokesman", "the doctors")."""
    found = _DEFINITE.fullmatch(name.strip())
    if not found:
        return None
    head = found.group(1)
    if head[0].isupper() and head.lower() not in TITLES:
        return None  # "the Harbour Gazette": a name, not a role ("The Prime Minister" is one)
    head = head.lower()
    if head.endswith("s") and not head.endswith("ss"):
        return None  # a plural: "the doctors" are no one person
    return head


def _has_role(article: Article, m: MentionRow, head: str) -> bool:
    """Whether the text gives this mention the role `head`: the word in its
    span ("Commissioner Ann Lee", kept by the recogniser), before it or in an
    appositive after it."""
    text = article.blocks[m[0]].text
    if re.search(rf"\b{head}\b", text[m[1] : m[2]], re.I):
        return True
    if re.search(_ROLE_BEFORE.format(head=head), text[max(0, m[1] - 40) : m[1]], re.I):
        return True
    return bool(re.match(_ROLE_AFTER.format(head=head), text[m[2] : m[2] + 80], re.I))


def described_person(article: Article, name: str, block: int, pos: int) -> str | None:
    """The person named before (`block`, `pos`) whom the text gave the role of
    the description `name`; of several, the one mentioned last."""
    head = role(name)
    if head is None:
        return None
    earlier = [m for m in article.mentions if m[4] == "PERSON" and (m[0], m[1]) < (block, pos)]
    holders = {m[3] for m in earlier if _has_role(article, m, head)}
    if not holders:
        return None
    last = max((m for m in earlier if m[3] in holders), key=lambda m: (m[0], m[1]))
    return person_name(last[3])
