"""Comparison keys: the shortcuts give the full normalisation's keys."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import normalize
from reader.text.gazetteer import ascii_fold
from reader.text.normalize import CACHED_CHARS, fold_key

_TEXTS = st.text(alphabet=st.sampled_from(list("Ab z.,-'\"\n\t0") + ["’", "“", "ﬁ", "É", "ß", "İ", "\u00a0", "…"]))


def _full_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(normalize._QUOTES).casefold()
    return normalize._NON_WORD.sub(" ", text).strip()


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS)
def test_fold_key_is_the_full_normalisation(text: str) -> None:
    assert fold_key(text) == _full_key(text)
    assert fold_key(text) == _full_key(text)  # the kept answer too


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS)
def test_ascii_fold_of_ascii_is_the_text(text: str) -> None:
    assert ascii_fold(text) == unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def test_keys_of_long_texts_are_not_kept() -> None:
    """A whole body is keyed once (the content hash): keeping it would only hold memory."""
    body = "A paragraph of the story. " * (CACHED_CHARS // 20)
    normalize._recent_key.cache_clear()
    assert fold_key(body) == _full_key(body)
    assert normalize._recent_key.cache_info().currsize == 0
    assert fold_key("Ann Lee’s “Harbour”") == "ann lee s harbour"
    assert normalize._recent_key.cache_info().currsize == 1
