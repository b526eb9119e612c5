"""Which Whoosh-Reloaded releases our readers of its private layout were verified against.

fast_search.py and postings.py read Whoosh's posting files and private
attributes directly, and whoosh_speedups.py replaces two of its methods. A
Whoosh release that changes either would make those readers fail or, worse,
read wrong numbers; neither is a damaged index, and a reindex would not fix
it. So they act only on a release they were tested against; on any other,
every query goes through Whoosh's own search and the speedups stay off.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata

# Each release here was checked by the suite's comparisons with Whoosh
# (tests/archive/test_fast_search.py, test_whoosh_speedups.py) and by
# `python -m tests.bench.check_fast_search` on a 10,000-article index.
VERIFIED = frozenset({"2.7.5"})


@cache
def installed() -> str:
    """The installed Whoosh-Reloaded's version ("" when it cannot be told)."""
    try:
        return metadata.version("Whoosh-Reloaded")
    except metadata.PackageNotFoundError:
        return ""


def verified() -> bool:
    """Whether the installed Whoosh is one our private-layout readers know."""
    return installed() in VERIFIED
