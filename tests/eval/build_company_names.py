"""Build the company-name table the entity cues read (reader/text/company_names.json).

    pip install 'newsreader[build]'   # pytickersymbols and simpleicons, pinned
    python -m tests.eval.build_company_names [--out PATH]

The names come from pytickersymbols (MIT licence): the ~1,800 companies of
twenty stock indices (S&P 500 and 600, NASDAQ 100, Dow Jones, FTSE 100, DAX,
CAC 40, Nikkei 225, ...), as that package collected them from its index lists.
Only names are shipped (no figures, no descriptions). Each name is written as a
newsroom writes it: without its legal form ("Apple Inc." → "Apple", "Vossloh
AG" → "Vossloh"); a name whose later words are all words that end many other
companies' names ("Ford Motor", "Palantir Technologies") also gives its first
word as a short name ("Ford", "Palantir"), kept apart because a short name is
weaker evidence (Ford is a surname too). Nothing is typed in by hand but the
legal forms, which are a closed list.

The stock lists hold the listed company, not the brand a newsroom writes
("Alphabet", not Google; "Meta Platforms", not Facebook or Instagram). The
brands come from simpleicons (MIT licence; the titles of the Simple Icons
project's ~2,400 brand logos, CC0): companies, services, websites and software
(Google, YouTube, Airbnb, Samsung, but also Linux and Python). They are kept
apart as `brands`, a weaker cue than a listed company's name: which of them
name an organisation in running text is the fit's to learn.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from reader.text.companies import COMPANY_NAMES_PATH
from tests.eval.common import run_command

# Legal forms and listing words that follow a company's name and are not part of
# how it is written in running text.
LEGAL_FORMS = frozenset(
    """inc inc. incorporated corp corp. corporation co co. plc p.l.c. ag se sa s.a. s.p.a.
    spa nv n.v. ltd ltd. limited llc l.p. lp ab asa oyj kgaa gmbh adr reit & and the""".split()
)
# Words that end a company's name but that running text often drops ("Volkswagen
# Group" → "Volkswagen"); dropped only when what is left names nothing else
# ("Phoenix Group", "Southern Company", "Williams Companies" keep theirs).
GROUP_WORDS = frozenset("group holdings holding company companies".split())
# An index's own words after a name: "Viasat (American company)".
_BRACKETED = re.compile(r"\s*\([^)]*\)\s*")
# How many other names a word must end before it counts as a generic tail ("Motor", "Energy").
GENERIC_TAIL_MIN = 3


def written_name(name: str) -> str:
    """The name as running text writes it: no bracketed note, no trailing legal
    form, no leading "The" ("The Walt Disney Company" → "Walt Disney")."""
    name = _BRACKETED.sub(" ", name).replace(",", " ")
    words = name.split()
    while len(words) > 1 and words[-1].lower() in LEGAL_FORMS and not _names_something_else(words[:-1]):
        words.pop()
    if len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    if len(words) > 1 and words[-1].lower() in GROUP_WORDS and not _names_something_else(words[:-1]):
        words.pop()
    return " ".join(words)


def _names_something_else(words: list[str]) -> bool:
    """A lone word that is a place, a first name or surname-shaped plural, a
    people or a compass word: without its "Group" it is no longer the company."""
    from reader.text.gazetteer import ascii_fold, gazetteer, is_demonym
    from reader.text.vocab import COMPASS

    if len(words) > 1:
        return False
    low = ascii_fold(words[0]).lower()
    g = gazetteer()
    return (
        low in g.places
        or low in g.first_names
        or low.rstrip("s") in g.first_names
        or is_demonym(words[0])
        or low in COMPASS
    )


def generic_tails(names: Iterable[str]) -> frozenset[str]:
    """Words that end at least GENERIC_TAIL_MIN names: an industry, not a name."""
    counts = Counter(_singular(n.split()[-1]) for n in names if len(n.split()) > 1)
    return frozenset(word for word, n in counts.items() if n >= GENERIC_TAIL_MIN)


def _singular(word: str) -> str:
    """ "Motors" and "Motor" count as one tail."""
    return word.lower().removesuffix("s")


def common_heads(names: Iterable[str]) -> frozenset[str]:
    """Words that start at least GENERIC_TAIL_MIN names ("First", "American",
    "General"): no one company's short name."""
    counts = Counter(n.split()[0].lower() for n in names if len(n.split()) > 1)
    return frozenset(word for word, n in counts.items() if n >= GENERIC_TAIL_MIN)


def short_name(name: str, tails: frozenset[str], heads: frozenset[str]) -> str | None:
    """The first word of a name whose later words are all generic tails
    ("Ford Motor" → "Ford"), when that word is a capitalised word of 3+ letters
    that starts no other names and is no major place, people or first name (the
    gazetteer's lists: "Boston Scientific" and "Franklin Resources" give none)."""
    from reader.text.gazetteer import ascii_fold, gazetteer, is_demonym

    words = name.split()
    if len(words) < 2 or not all(_singular(w) in tails for w in words[1:]):
        return None
    first = words[0]
    if len(first) < 3 or not first[:1].isupper() or not first.replace("-", "").isalnum():
        return None
    low = ascii_fold(first).lower()
    g = gazetteer()
    if low in heads or _singular(first) in tails or low in g.major_places or low in g.first_names or is_demonym(first):
        return None
    return first


def build(raw_names: Iterable[str]) -> dict[str, list[str]]:
    names = {written_name(n) for n in raw_names}
    names = {n for n in names if len(n) >= 2}
    tails, heads = generic_tails(names), common_heads(names)
    shorts = {s for n in names if (s := short_name(n, tails, heads))} - names
    return {"names": sorted(names), "short_names": sorted(shorts)}


def brand_names(titles: Iterable[str], companies: Iterable[str]) -> list[str]:
    """Brand titles as a name is written in running text: capitalised, letters
    in it, not already a company's name, no legal form. A lone word that names
    something else first is left out: a word the dictionary writes in lower
    case (Abstract, Anchor), a place or a first name (Alfred, Apache)."""
    from reader.text.dictionary_words import lower_case_word

    known = {n.lower() for n in companies}
    out = set()
    for title in titles:
        name = written_name(title)
        if len(name) < 2 or not name[:1].isupper() or not any(c.isalpha() for c in name) or name.lower() in known:
            continue
        if " " not in name and (lower_case_word(name) or _names_something_else([name])):
            continue
        out.add(name)
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=COMPANY_NAMES_PATH)
    args = parser.parse_args(argv)
    try:
        from importlib.metadata import version

        from pytickersymbols import PyTickerSymbols
        from simpleicons.all import icons
    except ImportError:
        parser.error("pytickersymbols or simpleicons is not installed: pip install 'newsreader[build]'")
    table = build(stock["name"] for stock in PyTickerSymbols().get_all_stocks())
    table["brands"] = brand_names((icon.title for icon in icons.values()), table["names"])
    payload = {
        "note": "Built by python -m tests.eval.build_company_names; names only.",
        "source": f"pytickersymbols {version('pytickersymbols')} (MIT licence), stock index constituents",
        "brands_source": f"simpleicons {version('simpleicons')} (MIT licence; Simple Icons' titles, CC0), brand logos",
        **table,
    }
    args.out.write_text(json.dumps(payload, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"wrote {args.out}: {len(table['names'])} names, {len(table['short_names'])} short names,"
        f" {len(table['brands'])} brands"
    )
    return 0


if __name__ == "__main__":
    run_command(main)
