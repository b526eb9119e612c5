"""Choose a saved page's headline from its <h1>, og:title and <title>.

Pages name themselves several ways: the visible <h1> headline, an og:title
written for social media, and a <title> with the site's name tacked on
("Storm closes port | Harbour Gazette"). Readers expect the headline.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from reader.ingest.common import squash
from reader.text.normalize import fold_key

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")
# An <h1> this much like the page's other titles is its headline, not a logo.
SIMILAR = 60.0


def _site_like(segment: str, site_names: list[str]) -> bool:
    key = fold_key(segment)
    if not key:
        return True
    for name in site_names:
        other = fold_key(name)
        if other and (key == other or fuzz.ratio(key, other) >= 85 or key.replace(" ", "") in other.replace(" ", "")):
            return True
    return False


def strip_site(title: str, site_names: list[str]) -> str:
    """Remove site names (and a short section name) joined to a headline by separators.

    Separators between two parts of the headline itself stay.
    """
    pieces = _SEPARATORS.split(title)
    seps = _SEPARATORS.findall(title)
    if len(pieces) < 2:
        return title
    while len(pieces) > 1 and _site_like(pieces[-1], site_names):
        pieces.pop()
        seps.pop()
    while len(pieces) > 1 and _site_like(pieces[0], site_names):
        pieces.pop(0)
        seps.pop(0)
    # "Politics | St. Louis Park elects a new mayor…": a one- or two-word section
    # name in front of a long headline.
    if len(pieces) == 2 and len(pieces[0].split()) <= 2 and len(pieces[1].split()) >= 5:
        pieces.pop(0)
        seps.pop(0)
    out = pieces[0]
    for sep, piece in zip(seps, pieces[1:], strict=True):
        out += sep + piece
    return out


def choose_title(
    h1s: list[str], og_title: str | None, html_title: str | None, extracted: str | None, site_names: list[str]
) -> str | None:
    """The headline: a single <h1> that agrees with the other titles, else the
    cleaned-up meta title."""
    meta_titles = [t for t in (og_title, html_title, extracted) if t]
    h1s = [squash(h) for h in h1s if squash(h) and not _site_like(h, site_names)]
    if len(h1s) == 1 or (h1s and len(set(h1s)) == 1):
        h1 = h1s[0]
        if not meta_titles or any(fuzz.token_set_ratio(fold_key(h1), fold_key(t)) >= SIMILAR for t in meta_titles):
            return h1
    for candidate in meta_titles:
        cleaned = squash(strip_site(squash(candidate), site_names))
        if cleaned:
            return cleaned
    return h1s[0] if h1s else None
