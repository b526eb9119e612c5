"""Stories: articles that are versions of one text, grouped as they are imported.

Each fingerprint's LSH band keys are stored beside it (table story_bands), so a
new article's candidates are one indexed lookup per band, and only they are
compared with it: adding an article never compares it with every article, and
nothing has to be loaded into memory first.

Thresholds were set by measurement (`python -m tests.eval.eval_stories`):
versions share most shingles (Jaccard above 0.5, or a cut-short version whose
shingles lie 80 % inside the longer one), unrelated articles on one topic share
a few quoted sentences at most.
"""

from __future__ import annotations

from reader.archive.store.story_rows import StoryRows
from reader.text.fingerprint import Fingerprint, overlap

SAME_JACCARD = 0.5
SAME_CONTAINMENT = 0.8
MIN_CONTAINED_SHINGLES = 40  # a short text inside a long one is a quote, not a version


def same_story(a: Fingerprint, b: Fingerprint) -> bool:
    jaccard, containment = overlap(a, b)
    if jaccard >= SAME_JACCARD:
        return True
    return containment >= SAME_CONTAINMENT and min(a.shingles, b.shingles) >= MIN_CONTAINED_SHINGLES


def versions_of(stories: StoryRows, article_id: str, fp: Fingerprint) -> list[str]:
    """Articles already in a story that are versions of this one."""
    return sorted(c for c, other in stories.band_candidates(fp, exclude=article_id) if same_story(fp, other))
