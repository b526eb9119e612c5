"""Tell captions from body text in scrapes, where no markup says which is which.

Evidence: a scrape prints each photo caption right after itself (the page's
caption and its alt text), captions rarely end with a full stop, and they
describe a picture ("pictured", "are seen", "gather"). Body paragraphs are
sentences and are not printed twice in a row.
"""

from __future__ import annotations

import re

from reader.text.normalize import fold_key, is_truncated
from reader.text.vocab import PICTURE_CUES

_ENDS_SENTENCE = re.compile(r"[.!?:;]['\"’”)]*\s*$|['\"’”]\s*$")
_CUE = re.compile(r"\b(" + "|".join(re.escape(c) for c in PICTURE_CUES) + r")\b", re.I)


def caption_flags(texts: list[str]) -> list[bool]:
    """For each paragraph of a scrape, whether it reads as a photo caption."""
    keys = [fold_key(t) for t in texts]
    n = len(texts)
    flags = [False] * n
    for i in range(n):
        if is_truncated(texts[i]) or not keys[i]:
            continue
        doubled = (i > 0 and keys[i - 1] == keys[i]) or (i + 1 < n and keys[i + 1] == keys[i])
        unpunctuated = not _ENDS_SENTENCE.search(texts[i])
        if (
            doubled
            and unpunctuated
            or doubled
            and len(texts[i]) < 400
            or unpunctuated
            and len(keys[i].split()) >= 6
            and _CUE.search(texts[i])
        ):
            flags[i] = True
    # An unpunctuated descriptive line standing among captions is one of them.
    for i in range(n):
        if flags[i] or is_truncated(texts[i]) or _ENDS_SENTENCE.search(texts[i]):
            continue
        before = i > 0 and flags[i - 1]
        after = i + 1 < n and flags[i + 1]
        if before and after and len(keys[i].split()) >= 6:
            flags[i] = True
    return flags
