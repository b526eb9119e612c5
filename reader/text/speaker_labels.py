"""Where the reading pane puts each quote's "— Speaker" label: after the sentence
that closes the quote, never inside a quotation. Plain text logic, so the quote
checker (tests/eval/check_quotes.py) places labels exactly as the pane does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from reader.sanitize import clean_line

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")
_CLOSES_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*$")


def speaker_labels(text: str, ends: list[tuple[int, str]], quoted: Sequence[tuple[int, int]] = ()) -> dict[int, str]:
    """Where to put "— Speaker" after quotes: at the end of the sentence the quote
    ends in (after its "…," she said.), not inside it; one label per place and speaker,
    and one for a run of the same speaker's quotes, after the last of them (`ends`
    in text order), not at the paragraph's end after words no one is quoted saying.

    `quoted` holds the block's quotation spans (end past the text for one that runs
    on into the next paragraph): a label never goes inside one, so a sentence end
    inside the next quotation ("…," adding: "That's it. We…") is skipped to after
    that quotation, and where no sentence end is left outside quotes the label
    goes straight after its own quote's closing mark. A label with more of the
    paragraph after it ends in a dash too. The text itself is never changed.
    """
    placed: dict[int, list[str]] = {}
    for n, (end, speaker) in enumerate(ends):
        if n + 1 < len(ends) and ends[n + 1][1] == speaker:
            continue  # the same speaker's next quote follows: one label after the run's last
        at = _label_place(text, end, quoted, speaker)
        names = placed.setdefault(at, [])
        name = speaker or "speaker unknown"
        if name not in names:
            names.append(name)
    # With more of the paragraph after it, a label is set off on both sides:
    # "Massachusetts? — speaker unknown In the U.S., …" read as one sentence.
    return {at: " — " + ", ".join(names) + (" —" if text[at:].strip() else "") for at, names in placed.items()}


def _goes_on(text: str, at: int) -> bool:
    """Whether the sentence goes on after `at`: its next word starts in lower
    case ('“Why not?” she asked', 'the U.S. team'), so a mark before it ends a
    question, an exclamation or an abbreviation, not the sentence."""
    rest = text[at : at + 40].lstrip()
    return rest[:1].islower()


def _attributed(text: str, at: int, speaker: str) -> bool:
    """Whether the words after `at` name the speaker and go on in lower case:
    '"Why not now?" Ann Berg asked the council.', 'Mayor Ann Berg asked',
    'Berg, the harbour master, asked': the question or exclamation before
    them is the attribution's sentence, not one of its own. Up to four
    capitalised words (a title, the name), one of them a word of the
    speaker's name; other capitalised words after a question ('"Who pays?"
    Harbour Street was quiet') start a new sentence."""
    names = {w.casefold() for w in re.findall(r"[^\W\d_][\w'’.-]*", speaker) if len(w) > 1}
    named = False
    for n, word in enumerate(text[at : at + 120].split()[:5]):
        bare = word.strip(",;:")
        if not bare[:1].isupper():
            return named and bare[:1].islower()
        if n == 4 or word != bare and not named or bare[-1] in ".!?" and len(bare) > 2:
            # A long capitalised run, a comma before the name, or a sentence's
            # end (an initial's point, 'J.', goes on): not an attribution.
            return False
        named = named or bare.casefold() in names
    return False


def _label_place(text: str, end: int, quoted: Sequence[tuple[int, int]], speaker: str = "") -> int:
    pos = end
    while True:
        closes = _CLOSES_SENTENCE.search(text, 0, pos) and (pos == len(text) or text[pos].isspace())
        # A question or exclamation closing the quote may belong to the attribution's sentence.
        attributed = pos == end and text[:pos].rstrip("\"'”’»)]").endswith(("?", "!", "…"))
        attributed = attributed and bool(speaker) and _attributed(text, pos, speaker)
        if closes and not _goes_on(text, pos) and not attributed:
            return pos  # the quotation ends its sentence: '…retreat."'
        found = _SENTENCE_END.search(text, pos)
        while found and _goes_on(text, found.end()):
            found = _SENTENCE_END.search(text, found.end())
        at = found.end() if found else len(text)
        inside = [hi for lo, hi in quoted if lo < at < hi]
        if not inside:
            return at
        pos = max(inside)
        if pos >= len(text):
            return end


def block_quotes(
    quotes: Sequence[Mapping[str, Any]], index: int, length: int
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]], list[tuple[int, str]]]:
    """For block `index` (of `length` characters), from an article's stored quotes:
    (start, end, kind) of each quotation's part in it, the quotation spans a label
    must stay out of (end past the text for one running on into the next
    paragraph), and (end, speaker or "") of each speech quote that closes in it."""
    parts: list[tuple[int, int, str]] = []
    quoted: list[tuple[int, int]] = []
    ends: list[tuple[int, str]] = []
    for q in quotes:
        first, last = int(q["block"]), int(q.get("end_block", q["block"]))
        if not first <= index <= last:
            continue
        lo = int(q["start"]) if index == first else 0
        hi = min(int(q["end"]), length) if index == last else length
        parts.append((lo, hi, str(q["kind"])))
        quoted.append((lo, hi if index == last else length + 1))
        if index == last and q["kind"] == "speech":
            ends.append((hi, clean_line(str(q["speaker"])) if q.get("speaker") else ""))
    return parts, quoted, ends
