"""The reader's entity corrections made in the store: the checks that refuse
one, and which articles a correction, or taking one back, rewrites.

Corrections are kept applied, not as a layer over the analysis: making one
rewrites the analyses of the articles that name the entity, and taking one back
has them analysed again. The caller holds the write lock and the transaction
and brings the index up to date after (Archive.correct, Archive.undo_correction).
"""

from __future__ import annotations

import dataclasses

from reader.archive.store.database import Store
from reader.text.corrections import TYPES, Correction, CorrectionRefused


def make(store: Store, correction: Correction) -> list[str]:
    """Keep a correction and rewrite the analyses of the articles naming its
    entity now; returns their ids.

    Raises CorrectionRefused for a name no article has, a merge into a name
    no article has (that would be a rename: said, not done silently), or a
    type that is not one of TYPES.
    """
    correction = dataclasses.replace(
        correction, name=" ".join(correction.name.split()), target=" ".join(correction.target.split())
    )
    affected = store.analysis.articles_naming(correction.name)
    _check(store, correction, affected)
    store.analysis.add_correction(correction)
    _reapply(store, affected)
    return affected


def undo_last(store: Store) -> Correction | None:
    """Take back the last correction (None if there is none); the articles that
    can hold its name are marked to be analysed again: those naming a rename's
    target, a retyped name, or holding a rejected name's words."""
    last = store.analysis.last_correction()
    if last is None:
        return None
    seq, correction = last
    if correction.action in ("rename", "merge"):
        affected = store.analysis.articles_naming(correction.target)
    elif correction.action == "type":
        affected = store.analysis.articles_naming(correction.name)
    else:
        affected = store.analysis.articles_containing(correction.name)
    store.analysis.delete_correction(seq)
    store.analysis.forget_analysis(affected)
    return correction


def _check(store: Store, correction: Correction, affected: list[str]) -> None:
    c = correction
    if not affected:
        raise CorrectionRefused(f"no entity named “{c.name}” in the archive (newsreader entities lists them)")
    if c.action == "type" and c.target not in TYPES.values():
        raise CorrectionRefused(f"unknown type '{c.target}' ({', '.join(TYPES)})")
    if c.action in ("rename", "merge") and not c.target:
        raise CorrectionRefused(f"a {c.action} needs the new name")
    if c.action == "rename" and c.target == c.name:
        raise CorrectionRefused(f"“{c.name}” already has that name")
    if c.action == "merge":
        if c.target.casefold() == c.name.casefold():
            raise CorrectionRefused(f"cannot merge “{c.name}” into itself")
        if not store.analysis.articles_naming(c.target):
            raise CorrectionRefused(
                f"no entity named “{c.target}” to merge into (to give “{c.name}” a new name, use rename)"
            )


def _reapply(store: Store, ids: list[str]) -> None:
    """Rewrite these articles' analyses with the corrections as they stand."""
    for stored in store.get_many(ids).values():
        analysis = {"entities": list(stored.entities), "quotes": list(stored.quotes)}
        store.analysis.set_analysis(stored.id, analysis)  # type: ignore[arg-type]
