"""A site's name as a page gives it, cleaned of what is not a name.

Pages name their publisher in many places, and the extractor takes the first
it finds: a `<meta name="copyright">` line ("Copyright (c) 2012 ABC News
Internet Ventures"), a version string, or the page's own headline. The site
is shown on every result row and is what the site filter matches, so only
the name is kept; when nothing of a name is left, the caller falls back to
the URL's host.
"""

from __future__ import annotations

import re

from reader.text.whitespace import squash

# A notice opens with a copyright sign, or with the word followed by a sign,
# a year or nothing ("Copyright Clearance Center" is a name, not a notice).
_NOTICE = re.compile(r"^\s*(?:©|\(c\)|copyright\b\s*(?=$|©|\(c\)|\d|\.{2,}|…|[-–,:]))", re.IGNORECASE)
# Years, as digits or in capital Roman numerals (© MMVIII, CBS Corporation).
_YEAR = r"(?:\d{4}(?:\s*[-–]\s*\d{2,4})?|(?-i:M{1,2}[DCLXVI]*)\b)"
_LEAD = re.compile(rf"^(?:\s|©|\(c\)|copyright\b|{_YEAR}|[-–,.:;])+", re.IGNORECASE)
_TAIL = re.compile(
    rf"(?:[\s,.;:]*(?:all rights reserved|{_YEAR}|\.{{2,}}|…))+[\s.,;:]*$",
    re.IGNORECASE,
)


_CODE = re.compile(r"[{};]|=\s*\S|\w\(")
_SEPARATORS = " -|–—:·,"


def site_name(raw: str | None, *, title: str = "") -> str | None:
    """The name in `raw`, or None when it names no site: a bare notice, no
    letters at all, script text, or only the article's headline again."""
    if not raw:
        return None
    name = squash(raw)
    if _NOTICE.match(name):
        name = _TAIL.sub("", _LEAD.sub("", name)).strip(" ,;:-–")
    if _CODE.search(name):  # a script's text the page left in its title
        return None
    headline = squash(title).casefold()
    if headline and name.casefold().startswith(headline):
        # The page's headline again, or its whole <title>: "Allardyce leaves
        # Magpies - Football News | SPORTBOX.tv" names the site after the headline.
        name = name[len(headline) :].lstrip(_SEPARATORS)
    if not any(c.isalpha() for c in name):
        return None
    return name
