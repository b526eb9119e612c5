"""Choose a saved page's headline from its <h1>, og:title and <title>.

Pages name themselves several ways: the visible <h1> headline, an og:title
written for social media, and a <title> with the site's name tacked on
("Storm closes port | Harbour Gazette"). Readers expect the headline.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from reader.ingest.common import squash
from reader.text.normalize import fold_key

_SEPARATOR = r"\s+(?:\||-|–|—|::|·|•|»|/)"
_SEPARATORS = re.compile(_SEPARATOR + r"\s+")
# "Coast Rail Enquiries -": a title template whose page part was left empty.
_DANGLING = re.compile(_SEPARATOR + r"\s*$")
# An <h1> this much like the page's other titles is its headline, not a logo.
SIMILAR = 60.0
# A single <h1> of this many words is a headline even when no meta title agrees.
LONE_H1_WORDS = 4
# A shown text must have this many words to be taken for a piece of the title.
MIN_SEGMENT_WORDS = 3
# A heading above the article must have this many words to be taken for its
# headline when the titles do not name one ("Latest News" is a widget's).
MIN_MARKED_WORDS = 3
# Longer "site names" are a page's headline put in og:site_name by mistake.
MAX_SITE_WORDS = 5


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
    title = _DANGLING.sub("", title)
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


def _likeness(a: str, b: str) -> float:
    """How much two titles agree: shared words, and the same words in the same order."""
    a, b = fold_key(a), fold_key(b)
    return (fuzz.token_set_ratio(a, b) + fuzz.ratio(a, b)) / 2


def _best_h1(h1s: list[str], meta_titles: list[str]) -> str | None:
    """The <h1> most like the page's other titles, if any is like enough."""
    best, best_score = None, SIMILAR
    for h1 in h1s:
        score = max(_likeness(h1, t) for t in meta_titles)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = h1, score
    return best


def _meta_inside(raw_h1: str, cleaned_meta: list[str]) -> str | None:
    """A meta title that is the <h1> minus a kicker or subtitle set off by a line
    break or run into it without a space ("Open ProgressWhy collaborative…")."""
    for meta in cleaned_meta:
        if len(meta.split()) < 3:
            continue
        at = raw_h1.find(meta)
        if at < 0 or (at == 0 and len(meta) == len(raw_h1)):
            continue
        before, after = raw_h1[:at], raw_h1[at + len(meta) :]
        if before.strip() and after.strip():
            continue
        seam = before[-1:] + after[:1]
        if "\n" in seam or (before and not before[-1].isspace()) or (after and not after[0].isspace()):
            return meta
    return None


_TOKEN = re.compile(r"[^\W_]+")  # "_" joins a site to a headline ("China_English_Xinhua")
# Between two words of a title, a mark that sets a part apart: "Headline - Site",
# "Site: Headline", "Headline (from Site)", "Headline_English_Site", "Headline / Site".
_PART_MARK = re.compile(r"[-|–—:·•»/(\[)\]_@]|\s\.\s")


def _part_rest(title: str, run: list[str]) -> list[str] | None:
    """If `run` (folded words) is a part of the title set apart by marks or its
    ends, or most of it, the title's other parts ("World", "Sport"); else None."""
    norm = unicodedata.normalize("NFKC", title).casefold()
    tokens = list(_TOKEN.finditer(norm))
    words = [t.group() for t in tokens]
    n = len(run)
    for i in range(len(words) - n + 1):
        if fold_key(" ".join(words[i : i + n])).split() != run:
            continue
        before = norm[tokens[i - 1].end() : tokens[i].start()] if i else "|"
        after = norm[tokens[i + n - 1].end() : tokens[i + n].start()] if i + n < len(tokens) else "|"
        # Most of the title may end without a mark ("… duo on ChicagoSports.com").
        if _PART_MARK.search(before) and (_PART_MARK.search(after) or n >= 0.6 * len(words)):
            rest = norm[: tokens[i].start()] + "|" + norm[tokens[i + n - 1].end() :]
            return [squash(p) for p in _PART_MARK.split(rest) if fold_key(p)]
    return None


def shown_segment(shown: list[str], titles: list[str], site_names: list[str]) -> tuple[str, list[str]] | None:
    """The first text the page shows (nearest above the article) that is a
    part of a meta title, and the title's other parts.

    "Kemble quits as coach - World - Sport" with "Kemble quits as coach" in a
    table cell: the page itself marks where the headline ends, whatever the
    separators, and shows it in its own letter case.
    """
    for text in shown:
        words = fold_key(text).split()
        if len(words) < MIN_SEGMENT_WORDS or _site_like(text, site_names):
            continue
        for title in titles:
            rest = _part_rest(title, words)
            if rest is not None:
                return text, rest
    return None


def choose_title(
    h1s: list[str],
    og_title: str | None,
    html_title: str | None,
    extracted: str | None,
    site_names: list[str],
    shown: list[str] | None = None,
    shown_below: list[str] | None = None,
    marked: list[str] | None = None,
) -> str | None:
    """The headline: the <h1> that agrees with the page's titles, else the part
    of the title shown above the article, else the cleaned-up meta title.

    `shown` holds short texts above the article's first paragraph, nearest
    first; `shown_below` those after it; `marked` those of `shown` set as a
    heading or in an element named as a headline."""
    meta_titles = [t for t in (og_title, extracted, html_title) if t]
    # Pages that give their headline as the site name get no site name.
    site_names = [n for n in site_names if len(n.split()) <= MAX_SITE_WORDS]
    # The page's own titles: trafilatura's is often one of the <h1>s (a logo's).
    own_titles = [t for t in (og_title, html_title) if t]
    segment = shown_segment(shown or [], own_titles, site_names)
    if segment is not None:
        # The title's other parts are the site's and the section's names.
        site_names = [*site_names, *(p for p in segment[1] if len(p.split()) <= MAX_SITE_WORDS)]
    # A title ending in a separator has one side left empty: the page's, when
    # what is left is name-sized and nothing else on the page is called that
    # ("Coast Rail Enquiries -"), else the site's ("Storm closes port |").
    dangling = {squash(t): _DANGLING.sub("", squash(t)) for t in meta_titles if _DANGLING.search(squash(t))}
    others = {fold_key(t) for t in [*h1s, *meta_titles] if squash(t) not in dangling}
    for rest in dangling.values():
        if len(rest.split()) <= MAX_SITE_WORDS and fold_key(rest) not in others:
            site_names.append(rest)
    if html_title:
        # An <h1> that is a short end of the <title>'s pieces ("Four Years
        # Remaining » Blog Archive » Interning…") is the site's name.
        pieces = _SEPARATORS.split(squash(html_title))
        longest = max(pieces, key=len)
        if len(pieces) > 2:
            ends = {pieces[0], pieces[-1]} - {longest}
            site_names = [*site_names, *(squash(h) for h in h1s if squash(h) in ends)]
    cleaned_meta = [squash(strip_site(squash(t), site_names)) for t in meta_titles]
    cleaned_meta = [c for c in cleaned_meta if c and not _site_like(c, site_names)]
    # Words of the title's other parts: an <h1> made of them only is the site's
    # and section's names run together ("SFGate: World Views").
    names_words = {
        w for p in (segment[1] if segment else []) if len(p.split()) <= MAX_SITE_WORDS for w in fold_key(p).split()
    }
    raw_by_clean: dict[str, str] = {}
    for raw in h1s:
        clean = squash(strip_site(squash(raw), site_names))
        if names_words and set(fold_key(clean).split()) <= names_words:
            continue
        if clean and not _site_like(clean, site_names):
            raw_by_clean.setdefault(clean, raw.strip())
    candidates = list(raw_by_clean)
    if candidates and not meta_titles:
        return candidates[0]
    h1 = _best_h1(candidates, own_titles or meta_titles) if candidates else None
    if h1 is not None:
        return _meta_inside(raw_by_clean[h1], cleaned_meta) or h1
    # No <h1> agrees: the part of the title the page shows nearest above the article.
    if segment is not None:
        return squash(strip_site(segment[0], site_names))
    # A lone headline-sized <h1> is what the reader sees as the title, even
    # where the meta title says something else ("About Us - Site").
    if len(candidates) == 1 and len(candidates[0].split()) >= LONE_H1_WORDS:
        return candidates[0]
    below = shown_segment(shown_below or [], own_titles, site_names)
    if below is not None:
        return squash(strip_site(below[0], site_names))
    # Neither agrees: the title names only the site and section ("The Times -
    # Article") or words the page does not show; the headline is the nearest
    # text above the article set as a heading or named as a headline.
    for text in marked or []:
        if _headline_like(text) and not _site_like(text, site_names):
            return squash(strip_site(text, site_names))
    if cleaned_meta:
        return _as_written(cleaned_meta[0], cleaned_meta)
    return candidates[0] if candidates else None


_CALENDAR = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august"
    " september october november december mon tue wed thu fri sat sun monday tuesday wednesday thursday"
    " friday saturday sunday".split()
)
_SENTENCE_END = re.compile(r"\w[.!?]\s+[A-Z]|[a-z]{2}\.$")


def _headline_like(text: str) -> bool:
    """A heading that can be the article's headline: enough words that are not a
    date's ("Published: Jan 14, 2008"), and not a sentence or two of text."""
    words = [w for w in fold_key(text).split() if w.isalpha() and w not in _CALENDAR]
    return len(words) >= MIN_MARKED_WORDS and not _SENTENCE_END.search(squash(text))


_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to with".split())


def _as_written(title: str, others: list[str]) -> str:
    """Of copies of one title that differ only in letter case, the one with the
    fewest capitalised small words ("To", "Of"): social-media titles are often
    run through a capitalise-every-word filter, the page's own title is not."""

    def capitalised_small(text: str) -> int:
        return sum(1 for w in text.split() if w.lower() in _SMALL_WORDS and w[:1].isupper())

    same = [t for t in others if t.casefold() == title.casefold()]
    return min(same, key=capitalised_small) if same else title
