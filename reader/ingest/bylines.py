"""A page's byline as the names it gives.

The author a page's metadata or trafilatura yields is often more than names:
the date run into it ("Joshua Sokol May", "Friday; January ; AFP"), the
writer's role ("Ben Silverman Games Editor", "Grant Tinsley; PhD", "Peter
Hamby; CNN Political Reporter"), a link's words ("View all posts by …"), a
placeholder ("Username", "No Author") or one name twice in two cases. The
reader shows the byline under the title and in the results, so what is not a
name is dropped, and the names read as a list ("A, B and C").
Developed on trafilatura-eval-en's authors; checked on mozilla-readability-news's
bylines (`python -m tests.eval.eval_bylines`).
"""

from __future__ import annotations

import re

from reader.text.first_names import is_first_name

_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# Parts of a byline: trafilatura joins several authors with "; ".
_PARTS = re.compile(r"\s*(?:[;|,]|\s&\s|\band\b)\s*")
# "By X", "View all posts by X", "Analysis by X", "Par X": a lead-in is one
# word and lower-case ones up to "by" ("Fabio Re-building bridges destroyed by
# war" is no lead-in).
_LEAD_IN = re.compile(r"^(?:(?:\S+(?:\s+(?-i:[a-z]+))*\s+)?by|par|von)\s+(?=\S)", re.IGNORECASE)
# Where the page's dateline starts inside the byline.
_DATELINE = re.compile(r"\s*\b(?:published|updated|posted|last modified)\b.*$", re.IGNORECASE)
# A date or time run at the end ("October 2", "Monday", "Mar. 11, 2015 3:46
# PM"), and lead-in words left hanging there ("Maren Holt by").
_TRAILING = re.compile(
    rf"(?:\s+(?:(?:{_DAYS}|{_MONTHS})\.?|\d[\d:.,/]*|am|pm|at|on|by|and|with|of))+\s*$",
    re.IGNORECASE,
)
_DATE_ONLY = re.compile(rf"^(?:(?:{_DAYS}|{_MONTHS})\.?|\d[\d:.,/]*|am|pm|at|on|\s)+$", re.IGNORECASE)
_PLACEHOLDERS = frozenset(
    {"username", "user", "admin", "administrator", "no author", "unknown", "anonymous", "author", "guest", "staff"}
)
# Letters after a name, not names.
_CREDENTIALS = frozenset(
    {"phd", "ph d", "md", "m d", "ms", "msc", "ma", "mba", "mph", "rd", "rdn", "rn", "dds", "esq", "cpa", "bsc", "frcp"}
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# The last word of a writer's role ("Staff Writer", "Google News Strategist").
_ROLES = frozenset(
    {
        "writer",
        "editor",
        "reporter",
        "correspondent",
        "columnist",
        "contributor",
        "manager",
        "engineer",
        "strategist",
        "scientist",
        "founder",
        "lead",
        "staff",
        "producer",
        "director",
        "analyst",
        "team",
        "desk",
        "intern",
        "critic",
        "photographer",
        "officer",
        "president",
    }
)
# News agencies, whose short names are also first names ("Ap Sports Writer").
_AGENCIES = frozenset({"ap", "afp", "upi", "pa", "dpa", "ani", "pti", "ians", "ap-nbc"})
_PARTICLES = frozenset({"de", "da", "del", "der", "den", "van", "von", "la", "le", "di", "du", "al", "bin", "ibn"})
# A part made only of these is what is left of a lead-in ("by", "and").
_FUNCTION_WORDS = frozenset({"by", "and", "par", "von", "the", "of", "de", "with"}) | _PARTICLES
# A part longer than this is a sentence or a role, not a name.
MAX_NAME_WORDS = 5


def clean_byline(raw: str | None) -> str | None:
    """The names in a page's byline, or None when it gives none."""
    if not raw:
        return None
    names: list[str] = []
    seen: set[str] = set()
    for part in _PARTS.split(_without_lead_in(" ".join(raw.split()))):
        name = _name_of(part)
        if name is None:
            continue
        if name.lower().rstrip(".") in _SUFFIXES and names:
            names[-1] = f"{names[-1]} {name}"  # "Perry Bacon, Jr."
            continue
        if _is_outlet(name) and any(is_first_name(n.split()[0]) for n in names):
            continue  # "Rob Picheta; CNN": the writer's outlet, not a second writer
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            names.append(name)
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _name_of(part: str) -> str | None:
    text = _DATELINE.sub("", _without_lead_in(" ".join(part.split())))
    text = _TRAILING.sub("", text).strip(" -–—:")
    if not _could_be_name(text):
        return None
    words = text.split()
    if _is_role(words[-1]) or len(words) > MAX_NAME_WORDS or " is " in f" {text} ":
        leading = _leading_name(words)
        text = _TRAILING.sub("", leading) if leading else ""
    return text if _could_be_name(text) else None


def _could_be_name(text: str) -> bool:
    """Not empty, a date, a placeholder, letters after a name, or lead-in words."""
    folded = text.lower().replace(".", "").strip()
    return not (
        not folded
        or _DATE_ONLY.match(text)
        or folded in _PLACEHOLDERS
        or folded in _CREDENTIALS
        or all(w in _FUNCTION_WORDS for w in folded.split())
    )


def _without_lead_in(text: str) -> str:
    while (shorter := _LEAD_IN.sub("", text, count=1)) != text:
        text = shorter
    return text


def _is_outlet(name: str) -> bool:
    """An outlet's initials standing alone after a writer's name (CNN, BBC)."""
    return " " not in name and name.isupper() and len(name) <= 5


def _is_role(word: str) -> bool:
    return word.lower().split("-")[0] in _ROLES


def _leading_name(words: list[str]) -> str | None:
    """The person's name at the start of a part that goes on with a role or a
    sentence ("Ben Silverman Games Editor"): a known first name, any initials
    and particles, and one surname; None when the part starts with no first name
    (it is all role: "CNN Political Reporter")."""
    first = words[0]
    if len(words) < 2 or not first[:1].isupper() or first.lower() in _AGENCIES or not is_first_name(first):
        return None
    kept = [words[0]]
    for word in words[1:]:
        kept.append(word)
        if not (len(word.rstrip(".")) == 1 or word.lower() in _PARTICLES):
            break
    if len(kept) < 2 or _is_role(kept[-1]):
        return None  # "General Manager": a first name by the dictionary, a role here
    return " ".join(kept)
