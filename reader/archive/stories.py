"""Stories: articles that are versions of one text, grouped as they are imported.

An LSH index over the fingerprints (datasketch's MinHashLSH) yields, for a new
article, the few stored articles whose estimated overlap may pass the bar;
only those are compared. Adding an article costs one LSH query and insert,
not a comparison with every article in the archive.

Thresholds were set by measurement (`python -m tests.eval.eval_stories`):
versions share most shingles (Jaccard above 0.5, or a cut-short version whose
shingles lie 80 % inside the longer one), unrelated articles on one topic share
a few quoted sentences at most.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.text.fingerprint import NUM_PERM, Fingerprint, minhash_of, overlap

LSH_THRESHOLD = 0.2  # candidates: low enough that a version cut to a third still meets
SAME_JACCARD = 0.5
SAME_CONTAINMENT = 0.8
MIN_CONTAINED_SHINGLES = 40  # a short text inside a long one is a quote, not a version


def same_story(a: Fingerprint, b: Fingerprint) -> bool:
    jaccard, containment = overlap(a, b)
    if jaccard >= SAME_JACCARD:
        return True
    return containment >= SAME_CONTAINMENT and min(a.shingles, b.shingles) >= MIN_CONTAINED_SHINGLES


class StoryIndex:
    """The fingerprints of stored articles, searchable by near-duplicate."""

    def __init__(self, known: Iterable[tuple[str, Fingerprint]] = ()) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._prints: dict[str, Fingerprint] = {}
        with self._lsh.insertion_session() as session:
            for article_id, fp in known:
                if fp.shingles:
                    session.insert(article_id, minhash_of(fp))
                    self._prints[article_id] = fp

    def __len__(self) -> int:
        return len(self._prints)

    def matches(self, fp: Fingerprint) -> list[str]:
        """Stored articles that are versions of the text with this fingerprint."""
        if not fp.shingles:
            return []
        candidates = self._lsh.query(minhash_of(fp))
        return sorted(c for c in candidates if same_story(fp, self._prints[c]))

    def add(self, article_id: str, fp: Fingerprint) -> list[str]:
        """Index an article; returns the stored articles it is a version of."""
        found = [m for m in self.matches(fp) if m != article_id]
        if fp.shingles and article_id not in self._prints:
            self._lsh.insert(article_id, minhash_of(fp))
            self._prints[article_id] = fp
        return found
