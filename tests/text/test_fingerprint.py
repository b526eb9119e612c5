"""Fingerprints stay comparable with the ones already stored in archives."""

from __future__ import annotations

import zlib

import numpy as np
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.fingerprint import NUM_PERM, SEED, fingerprint, shingles

TEXTS = ["A ferry left the harbour at dawn with forty passengers aboard.", "The council met on Tuesday."]


def reference(texts: list[str]) -> bytes:
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, seed=SEED, scheme="affine32")
    found = shingles(texts)
    if found:
        minhash.update_batch(list(found))
    return minhash.hashvalues.astype(np.uint32).tobytes()


def test_fingerprint_is_datasketchs_minhash() -> None:
    for _ in range(2):  # the second call reuses the cached permutations
        fp = fingerprint(TEXTS)
        assert fp.values == reference(TEXTS)
        assert fp.shingles == len(shingles(TEXTS))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=6))
def test_fingerprint_equals_datasketch_on_any_text(texts: list[str]) -> None:
    assert fingerprint(texts).values == reference(texts)
