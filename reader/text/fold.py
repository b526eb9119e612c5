"""Fold repeated blocks into one, losslessly.

Scrapes repeat themselves: every caption twice, a teaser that is the lead cut
short, two captions glued into one line. Folding keeps each distinct block once,
at its first position, and records every position it stood at, so nothing is
lost and a reader can expand a fold to see where the repeats were.

Cost stays near linear: exact keys go through a dict; fuzzy comparison
(rapidfuzz) runs only among candidates that share a first or last word triple.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from reader.model import Block
from reader.text.normalize import fold_key, is_truncated, strip_ellipsis

# 92 on rapidfuzz's ratio (0-100) lets a few changed characters through (a
# typo, a changed quote style the key missed, "en masse"/"en-masse") while two
# different captions about the same scene stay apart (they score 60-80).
NEAR_DUPLICATE_RATIO = 92.0
MIN_PREFIX_CHARS = 40  # a truncated teaser must carry this much text to fold
# Short lines that come back in different places ("Ingredients", "1 tsp. salt",
# a recipe's "Pre-Workout Meal" heading under each plan) are structure, not a
# scraper's duplicates: they fold only when adjacent, or when they are captions.
# Eight words is about the shortest caption or sentence scrapes repeat.
MIN_FOLD_WORDS = 8
_SEAM = re.compile(r"(?<=[a-z0-9.!?])(?=[A-Z](?:[a-z']|\s))")  # 'thereMigrants', 'day 4Mateo'
_DIGITS = re.compile(r"\d+")
MIN_HALF_WORDS = 3  # each side of a seam must be a real block, not a stray word


def split_glued(texts: list[str]) -> list[str]:
    """Split lines where one block runs into another without a break.

    "…gathered thereMigrants are pictured…" is two captions glued together;
    we split at a lowercase-to-capital seam only when a half matches another
    block of the text, so names like "McDonald" or "iPhone" are never cut.
    """
    keys = {fold_key(t) for t in texts}
    out: list[str] = []
    for text in texts:
        pieces = _split_one(text, keys)
        out.extend(pieces)
    return out


def _split_one(text: str, keys: set[str]) -> list[str]:
    for m in _SEAM.finditer(text):
        if m.start() == 0 or text[m.start() - 1] == " ":
            continue
        left, right = text[: m.start()].strip(), text[m.start() :].strip()
        if len(left.split()) < MIN_HALF_WORDS or len(right.split()) < MIN_HALF_WORDS:
            continue
        left_known = fold_key(left) in keys
        right_known = fold_key(right) in keys
        if left_known or right_known:
            rest = _split_one(right, keys)
            return [left, *rest]
    return [text]


def _numbers(key: str) -> str:
    return " ".join(_DIGITS.findall(key))


def _candidates_key(key: str) -> tuple[str, str]:
    w = key.split()
    return " ".join(w[:3]), " ".join(w[-3:])


def fold(blocks: list[Block]) -> list[Block]:
    """Fold duplicates, near duplicates and truncated teasers into one block each.

    Input blocks are in source order (their occurrences are ignored and
    recomputed from positions); output keeps the order of first occurrences.
    Folding is idempotent: folding folded blocks changes nothing.
    """
    groups: list[list[int]] = []  # positions folded into each output block
    texts: list[str] = []  # the text each output block shows
    keys: list[str] = []  # fold_key of each output block's text
    numbers: list[str] = []  # the numbers in each key, in order
    kinds: list[str] = []
    by_key: dict[str, int] = {}
    by_head: dict[str, list[int]] = defaultdict(list)
    by_tail: dict[str, list[int]] = defaultdict(list)
    pending_teasers: list[tuple[int, str]] = []  # (group, key) waiting for their full text

    keyed, whole_copies = _without_whole_copies(blocks)
    for block, key in keyed:
        occ = list(block.occurrences)
        if not key:
            continue
        target = by_key.get(key)
        if target is not None and not _foldable(block, key, groups[target], occ):
            target = None
        if target is None and is_truncated(block.text):
            target = _find_prefix_owner(fold_key(strip_ellipsis(block.text)), by_key, texts)
        if target is None:
            target = _claim_teaser(key, pending_teasers)
        if target is None and len(key.split()) >= MIN_FOLD_WORDS:
            target = _find_near(key, by_head, by_tail, keys, numbers)
        if target is not None:
            if is_truncated(texts[target]) and not is_truncated(block.text):
                texts[target] = block.text  # the full text replaces the cut-off teaser
                keys[target] = key
                numbers[target] = _numbers(key)
            groups[target].extend(occ)
            if block.kind == "caption":
                kinds[target] = "caption"
            by_key.setdefault(key, target)
            continue
        index = len(groups)
        groups.append(occ)
        texts.append(block.text)
        keys.append(key)
        numbers.append(_numbers(key))
        kinds.append(block.kind)
        by_key[key] = index
        head, tail = _candidates_key(key)
        by_head[head].append(index)
        by_tail[tail].append(index)
        if is_truncated(block.text):
            pending_teasers.append((index, fold_key(strip_ellipsis(block.text))))
    # An article printed whole in one block folds into the run that repeats it.
    for first, positions in whole_copies.items():
        group = next(g for g in groups if first in g)
        group.extend(positions)
    out = [
        Block(kind=kinds[i], text=texts[i], repeats=len(groups[i]), occurrences=tuple(sorted(groups[i])))
        for i in range(len(groups))
    ]
    return sorted(out, key=lambda b: b.occurrences[0])


# A block this many words long or more may be the article printed whole.
MIN_WHOLE_WORDS = 2 * MIN_FOLD_WORDS


def _without_whole_copies(blocks: list[Block]) -> tuple[list[tuple[Block, str]], dict[int, list[int]]]:
    """Blocks with their source positions and fold keys, less any block that is
    a run of two or more other blocks printed as one (a page that prints its
    article once as one block and once as headings and paragraphs); for each
    such block, its positions under the position of the run's block nearest to
    it. (The keys come back with the blocks: fold() needs them too.)"""
    placed: list[Block] = []
    cursor = 0
    for block in blocks:
        # A block already folded stands for several source positions.
        occ = block.occurrences or (cursor,)
        cursor += max(1, len(block.occurrences))
        placed.append(Block(kind=block.kind, text=block.text, repeats=block.repeats, occurrences=tuple(occ)))
    keys = [fold_key(b.text) for b in placed]
    by_head: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(keys):
        if key:
            by_head[_candidates_key(key)[0]].append(j)
    dropped: set[int] = set()
    merges: dict[int, list[int]] = {}
    for i, key in enumerate(keys):
        if len(key.split()) < MIN_WHOLE_WORDS:
            continue
        for j in by_head.get(_candidates_key(key)[0], []):
            end = _run_spelling(key, keys, j, skip=i)
            if end is not None and j not in dropped:
                dropped.add(i)
                # Into the run's block nearest the copy, so the copy's position
                # never makes two other blocks look adjacent on a second fold.
                nearest = j if i < j else end
                merges.setdefault(placed[nearest].occurrences[0], []).extend(placed[i].occurrences)
                break
    return [(b, keys[n]) for n, b in enumerate(placed) if n not in dropped], merges


def _run_spelling(key: str, keys: list[str], start: int, skip: int) -> int | None:
    """The end of the run of two or more blocks from `start` whose keys, joined,
    are `key`; None if there is none. The run may not include block `skip`."""
    joined = ""
    for k in range(start, len(keys)):
        if k == skip or not keys[k]:
            return None
        joined = f"{joined} {keys[k]}".strip()
        if joined == key:
            return k if k > start else None
        if not key.startswith(joined + " "):
            return None
    return None


def _foldable(block: Block, key: str, group: list[int], occ: list[int]) -> bool:
    """Whether an exact repeat folds: adjacent, a caption, or long enough to be prose."""
    adjacent = bool(group) and bool(occ) and occ[0] - max(group) <= 1
    return adjacent or block.kind == "caption" or len(key.split()) >= MIN_FOLD_WORDS


def _find_prefix_owner(prefix: str, by_key: dict[str, int], texts: list[str]) -> int | None:
    if len(prefix) < MIN_PREFIX_CHARS:
        return None
    for key, index in by_key.items():
        if key.startswith(prefix) and len(key) > len(prefix):
            return index
    return None


def _claim_teaser(key: str, pending: list[tuple[int, str]]) -> int | None:
    for n, (index, prefix) in enumerate(pending):
        if len(prefix) >= MIN_PREFIX_CHARS and key.startswith(prefix):
            del pending[n]
            return index
    return None


def _find_near(
    key: str, by_head: dict[str, list[int]], by_tail: dict[str, list[int]], keys: list[str], numbers: list[str]
) -> int | None:
    head, tail = _candidates_key(key)
    mine = _numbers(key)
    for index in dict.fromkeys(by_head.get(head, []) + by_tail.get(tail, [])):
        other = keys[index]
        # Numbers carry the news ("4,000 troops" is not "15,000 troops"):
        # near duplicates must agree on every number.
        if numbers[index] != mine or abs(len(other) - len(key)) > 0.15 * max(len(other), len(key)):
            continue
        if fuzz.ratio(key, other, score_cutoff=NEAR_DUPLICATE_RATIO):
            return index
    return None
