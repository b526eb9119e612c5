"""Fingerprints stay comparable with the ones already stored in archives."""

from __future__ import annotations

import zlib

import numpy as np
from datasketch import MinHash

from reader.text.fingerprint import NUM_PERM, SCHEME, fingerprint, shingles

TEXTS = ["A ferry left the harbour at dawn with forty passengers aboard.", "The council met on Tuesday."]


def test_fingerprint_is_datasketchs_minhash_with_seed_one() -> None:
    reference = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, seed=1, scheme=SCHEME)
    reference.update_batch(list(shingles(TEXTS)))
    for _ in range(2):  # the second call reuses the cached permutations
        fp = fingerprint(TEXTS)
        assert fp.values == reference.hashvalues.astype(np.uint32).tobytes()
        assert fp.shingles == len(shingles(TEXTS))
