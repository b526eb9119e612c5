"""Company names from a data package, as evidence that a name is an organisation.

The table (`company_names.json` beside this module) is built by
`python -m tests.eval.build_company_names` from pytickersymbols' stock index
lists and simpleicons' brand titles; it holds names only, accent-folded and
lowercased here for matching.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from reader.text.gazetteer import ascii_fold

COMPANY_NAMES_PATH = Path(__file__).with_name("company_names.json")


@dataclass(frozen=True)
class CompanyNames:
    names: frozenset[str]  # folded, lowercased: "apple", "ford motor", "walt disney"
    short_names: frozenset[str]  # first words of names with a generic tail: "ford", "palantir"
    brands: frozenset[str]  # brand logos' titles, not listed as such: "google", "youtube", "linux"


@functools.cache
def company_names() -> CompanyNames:
    """The table, read once per process (about 1,800 names and 1,700 brands)."""
    data = json.loads(COMPANY_NAMES_PATH.read_text(encoding="utf-8"))
    # "Yahoo!", "Kahoot!": pages write the name without its "!" as often as with it.
    fold = lambda names: frozenset(ascii_fold(n).lower().rstrip("!") for n in names)  # noqa: E731
    return CompanyNames(fold(data["names"]), fold(data["short_names"]), fold(data["brands"]))
