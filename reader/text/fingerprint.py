"""Fingerprints of an article's clean text, to find other versions of one story.

The same wire story on several sites, a page saved as HTML and as text, an
article saved before and after an update: their clean texts share most of their
five-word runs (shingles), unrelated articles on the same topic share few. A
MinHash of the shingle set estimates that overlap from 128 numbers, so
comparing two articles never needs their texts, and an LSH index over the
numbers finds the few candidates without comparing against every article.

The MinHash is datasketch's (MinHash(num_perm=128, seed=1, scheme="affine32",
hashfunc=zlib.crc32)), computed here in a few lines of numpy: importing
datasketch pulls in scipy, 57 MB in each of the import's worker processes,
which put the import over its memory budget. A test checks the values are
datasketch's, bit for bit, so fingerprints already stored stay comparable.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

NUM_PERM = 128  # estimate error of a Jaccard of 0.5: about ±0.045
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")
SEED = 1
_perms: tuple[Any, Any] | None = None


@dataclass(frozen=True)
class Fingerprint:
    shingles: int  # how many distinct shingles the text has (set size)
    values: bytes  # NUM_PERM uint32 MinHash values


def shingles(texts: Iterable[str]) -> set[bytes]:
    """Lower-cased five-word runs, across paragraph breaks (a re-wrapped text
    keeps its shingles); a text shorter than five words is one shingle."""
    words = [w.lower() for text in texts for w in _WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def _permutations() -> tuple[Any, Any]:
    """The 128 affine maps h -> a*h + b (mod 2^32), drawn as datasketch draws them."""
    global _perms
    if _perms is None:
        import numpy as np

        gen = np.random.RandomState(SEED)
        a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
        _perms = (a, b)
    return _perms


def fingerprint(texts: Iterable[str]) -> Fingerprint:
    """The MinHash of a text's shingles. CRC-32 hashes the shingles: stable
    across processes (unlike hash()), and three times faster than SHA-1."""
    import numpy as np

    found = shingles(texts)
    if not found:
        return Fingerprint(0, np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32).tobytes())
    a, b = _permutations()
    hv = np.fromiter((zlib.crc32(s) for s in found), dtype=np.uint32, count=len(found)).reshape(-1, 1)
    # MurmurHash3's finalizer first (as datasketch does), then every map at once;
    # uint32 arithmetic wraps, which is the mod 2^32.
    hv ^= hv >> np.uint32(16)
    hv *= np.uint32(0x85EBCA6B)
    hv ^= hv >> np.uint32(13)
    hv *= np.uint32(0xC2B2AE35)
    hv ^= hv >> np.uint32(16)
    values = (hv * a + b).min(axis=0)
    return Fingerprint(len(found), values.astype(np.uint32).tobytes())


# LSH banding: 28 bands of 2 values (datasketch's MinHashLSH choice for a
# Jaccard threshold of 0.2 with 128 permutations). Two texts share a band with
# probability 1 - (1 - J^2)^28: 0.68 at J = 0.2, 0.998 at J = 0.5.
BANDS, ROWS = 28, 2


def band_keys(fp: Fingerprint) -> list[tuple[int, int]]:
    """(band, key) pairs: each band's values as one signed 64-bit integer, the
    form an SQLite index looks up fastest."""
    if not fp.shingles:
        return []
    width = ROWS * 4
    return [
        (band, int.from_bytes(fp.values[band * width : (band + 1) * width], "little", signed=True))
        for band in range(BANDS)
    ]


def overlap(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """(Jaccard, containment) estimated from two fingerprints.

    Containment is the share of the smaller text's shingles found in the larger:
    near 1.0 for a version cut short, where Jaccard only says "half".
    """
    import numpy as np

    va = np.frombuffer(a.values, dtype=np.uint32)
    vb = np.frombuffer(b.values, dtype=np.uint32)
    if not a.shingles or not b.shingles:
        return 0.0, 0.0
    jaccard = float(np.count_nonzero(va == vb)) / NUM_PERM
    shared = jaccard * (a.shingles + b.shingles) / (1 + jaccard)
    return jaccard, min(1.0, shared / min(a.shingles, b.shingles))
