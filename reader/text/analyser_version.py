"""Which entity-and-quote finder analysed an archive, so an upgrade can find them again."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

# The store's meta key holding the fingerprint of the finder that analysed it.
ANALYSER_KEY = "analyser"


@cache
def analyser_version() -> str:
    """A fingerprint of the code and data that find entities and quotes (this
    package's modules, weight tables and the entity tagger's model). An archive analysed under another
    fingerprint holds what an older newsreader found, and `reindex` finds it
    again. Any change to the package counts: a needless re-analysis costs
    seconds, a stale one keeps wrong types and speakers for good."""
    return fingerprint(Path(__file__).parent)


def fingerprint(folder: Path) -> str:
    """A short hash of a folder's Python modules, JSON tables and CRFsuite models, names and bytes."""
    digest = hashlib.sha256()
    for path in sorted([*folder.glob("*.py"), *folder.glob("*.json"), *folder.glob("*.crfsuite")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
