"""What changed between two versions of an article, word by word.

difflib's SequenceMatcher over words (the standard library's, with its junk
heuristic off so common words still anchor the alignment), grouped per
paragraph of the newer version so the reader sees changes where they stand.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+|\n")


@dataclass(frozen=True)
class Change:
    op: str  # "same", "added", "removed"
    text: str  # words joined by single spaces ("\n" separates paragraphs)


@dataclass(frozen=True)
class DiffSummary:
    added: int  # words
    removed: int
    same: int

    @property
    def changed_share(self) -> float:
        total = self.added + self.removed + self.same
        return (self.added + self.removed) / total if total else 0.0


def word_diff(older: Sequence[str], newer: Sequence[str]) -> list[Change]:
    """Changes turning the older paragraphs into the newer, in reading order.

    A replaced run shows what was removed, then what was added.
    """
    a = _TOKEN.findall("\n".join(older))
    b = _TOKEN.findall("\n".join(newer))
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    out: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _append(out, "same", b[j1:j2])
            continue
        if tag in ("delete", "replace"):
            _append(out, "removed", a[i1:i2])
        if tag in ("insert", "replace"):
            _append(out, "added", b[j1:j2])
    return out


def summarise(changes: Sequence[Change]) -> DiffSummary:
    counts = {"same": 0, "added": 0, "removed": 0}
    for change in changes:
        counts[change.op] += len(change.text.split())
    return DiffSummary(added=counts["added"], removed=counts["removed"], same=counts["same"])


def _append(out: list[Change], op: str, tokens: Sequence[str]) -> None:
    if not tokens:
        return
    text = " ".join(tokens).replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")
    if out and out[-1].op == op:
        out[-1] = Change(op, out[-1].text + " " + text)
    else:
        out.append(Change(op, text))
