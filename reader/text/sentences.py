"""Sentence edges and speech verbs: what the quote finder and the speaker
attribution both read a paragraph by."""

from __future__ import annotations

import re

from reader.text.alternation import longest_first
from reader.text.vocab import ABBREVIATIONS, DIALOGUE_VERBS, DOCUMENTS, SPEECH_PARTICIPLES, SPEECH_VERBS

# "As Lee put it, “…”" reports words like a speech verb ("put it on the shelf" does not).
_PLACED = r"on|onto|into|against|back|down|up|away|off|aside|together|under|inside|there|here"
_PUT_IT = rf"puts?\s+it(?!(?:\s+\w+ly)?\s+(?:{_PLACED})\b)"
# "In the immortal words of Lee, “…”" names its source after the phrase, like "according to".
WORDS_OF = r"in\s+the\s+(?:[a-z]+\s+)?words\s+of"
# "As Lee pointed out, “…”", "the Gazette points out that “…”": a verb with its particle.
_POINT_OUT = r"point(?:s|ed)\s+out"
# Written words "read": only a document's ("the statement read", "reads one comment"),
# not a person reading ("Lee read the news").
READS = re.compile(r"reads?", re.I)
_DOCUMENT = longest_first(DOCUMENTS)
_DOCUMENT_BEFORE = re.compile(rf"\b(?:{_DOCUMENT})\b[^,.;:!?\x00]{{0,60}}$", re.I)
_ONE_AFTER = re.compile(r"\s+(?:one|another)\b", re.I)
SPEECH = "|".join([longest_first(SPEECH_VERBS | DIALOGUE_VERBS | SPEECH_PARTICIPLES), _PUT_IT, WORDS_OF, _POINT_OUT])
# ("reads" only here, where speech_verbs() keeps a document's.)
_VERB = re.compile(rf"(?<![\w-])(?:{SPEECH}|reads?)\b", re.I)  # not "so-called"
# "his claims", "late-night tweets", "the reports": the same words as nouns
# (not after "the 56-year-old", who says, nor a double-barrelled name:
# "Holtz-Eakin said", "Coca-Cola says").
_NOUN_CUE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|of|these|those|such|many|several|recent|latest|"
    r"new|numerous|repeated|multiple|whose|in|with|and\s+the)|\b(?!(?-i:[A-Z]\w*-[A-Z]))\w+-(?!old\b)\w+|['’]s)\s+$",
    re.I,
)
# "the United States", "Daily Reports": a capitalised verb inside a name is a word of it.
_NAME_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*[ \t]+$")
_LOWER_WORD = re.compile(r"\b(?!(?:of|the|a|an|and|in|on|to|for|at|by)\b)[a-z]+\b")
# "arguing for the defendants", "insisting on a vote": an activity, not words reported.
_ACTIVITY_AFTER = re.compile(r"\s+(?:for|against|with|on|over)\b", re.I)
_END = re.compile(r"[.!?]\s")
_LAST_WORD = re.compile(r"(\w+)$")
_INITIAL = re.compile(r"[A-Z]")


def speech_verbs(text: str, end: int | None = None) -> list[re.Match[str]]:
    """Speech verbs in `text` (up to `end`), leaving out the ones used as nouns."""
    found = _VERB.finditer(text, 0, len(text) if end is None else end)
    headline = len(_LOWER_WORD.findall(text)) < 2  # "Obama Says Museum Will Tell of …": every word capitalised
    return [
        m
        for m in found
        if not _NOUN_CUE.search(text, max(0, m.start() - 24), m.start())
        and not (
            m.group()[0].isupper() and not headline and _NAME_BEFORE.search(text, max(0, m.start() - 24), m.start())
        )
        and not (m.group().lower() in SPEECH_PARTICIPLES and _ACTIVITY_AFTER.match(text, m.end()))
        and not (
            READS.fullmatch(m.group())
            and not _DOCUMENT_BEFORE.search(text, max(0, m.start() - 80), m.start())
            and not _ONE_AFTER.match(text, m.end())
        )
    ]


def speech_verb(text: str, end: int | None = None) -> re.Match[str] | None:
    found = speech_verbs(text, end)
    return found[0] if found else None


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """Whether a mark found by _END ends a sentence: "Rep.", "Ltd.", an initial
    ("Ann B. Lowe") and a dotted acronym ("the E.U. review") do not."""
    if text[m.start()] != ".":
        return True
    word = _LAST_WORD.search(text, 0, m.start())
    return not (word and (word.group(1).lower() in ABBREVIATIONS or _INITIAL.fullmatch(word.group(1))))


def first_sentence(text: str) -> str:
    """Text up to the first sentence end."""
    for m in _END.finditer(text):
        if _ends_sentence(text, m):
            return text[: m.start() + 1]
    return text


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` begins."""
    start = 0
    for m in _END.finditer(text, 0, pos):
        if _ends_sentence(text, m):
            start = m.start() + 1
    return start
