"""Comparison keys for text: what two copies of one paragraph have in common."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_NON_WORD = re.compile(r"[^\w]+")
_ELLIPSIS = re.compile(r"(\.\s*\.\s*\.|…)\s*$")


def fold_key(text: str) -> str:
    """Case, accents, quote style, punctuation and whitespace removed.

    Two blocks with the same key are the same words in the same order; the
    folding stage treats them as one block.
    """
    return _recent_key(text) if len(text) <= CACHED_CHARS else _key(text)


# The stages of one article key the same texts again (a scrape's paragraphs
# for glued lines, captions and folding; the title candidates against each
# other): about 190 keys a file of the generated and real pages, a quarter of
# them distinct. The last 256 short ones are kept (at most about 0.5 MB); a
# whole body, keyed once for the content hash, is not.
CACHED_CHARS = 1000


@functools.lru_cache(maxsize=256)
def _recent_key(text: str) -> str:
    return _key(text)


def _key(text: str) -> str:
    if text.isascii():  # NFKC and the quote table leave ASCII as it is, and casefold() is lower() there
        return _NON_WORD.sub(" ", text.lower()).strip()
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _NON_WORD.sub(" ", text).strip()


def is_truncated(text: str) -> bool:
    """Ends with an ellipsis, as teasers cut from the lead paragraph do."""
    return bool(_ELLIPSIS.search(text.rstrip()))


def strip_ellipsis(text: str) -> str:
    return _ELLIPSIS.sub("", text.rstrip()).rstrip()


def content_hash(title: str, body: str) -> str:
    """Identity of an article's text: the same words saved twice hash the same.

    The body decides; the title only when there is no body (the same story
    saved as .txt and .html gets different headlines from the two extractors
    more often than different bodies).
    """
    key = fold_key(body) or fold_key(title)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
