"""The reader's corrections to entities, applied to an article's analysis.

- rename / merge: mentions of NAME become mentions of TARGET (merged with a
  TARGET the article already has); quotes said by NAME are said by TARGET.
- type: NAME is of TYPE (person, place, org, group).
- reject: NAME is not an entity (its highlights go; quotes keep their words).

Names match without regard to case. Corrections apply in the order made, so a
later one can build on an earlier (rename A to B, then B to C).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

ACTIONS = ("rename", "merge", "type", "reject")
TYPES = {"person": "PERSON", "place": "PLACE", "org": "ORG", "group": "GROUP"}


@dataclass(frozen=True)
class Correction:
    action: str
    name: str
    target: str = ""  # the new name (rename, merge) or the type (type)

    def describe(self) -> str:
        if self.action == "reject":
            return f"“{self.name}” is not an entity"
        if self.action == "type":
            kind = self.target.lower()
            return f"“{self.name}” is {'an' if kind[:1] in 'aeiou' else 'a'} {kind}"
        return f"“{self.name}” → “{self.target}”"


class CorrectionRefused(ValueError):
    """A correction that would not do what it says (an unknown name, a merge
    into nothing); the message says why and what to do instead."""


def apply(analysis: dict[str, list[dict[str, object]]], corrections: Sequence[Correction]) -> dict[str, list]:  # type: ignore[type-arg]
    """The analysis with the corrections made; the input is not changed."""
    entities = [dict(e) for e in analysis.get("entities", [])]
    quotes = [dict(q) for q in analysis.get("quotes", [])]
    for c in corrections:
        key = c.name.casefold()
        if c.action == "reject":
            entities = [e for e in entities if str(e["name"]).casefold() != key]
        elif c.action == "type":
            for e in entities:
                if str(e["name"]).casefold() == key:
                    e["type"] = c.target
        elif c.action in ("rename", "merge"):
            entities = _renamed(entities, key, c.target)
            for q in quotes:
                if q.get("speaker") and str(q["speaker"]).casefold() == key:
                    q["speaker"] = c.target
    return {**analysis, "entities": entities, "quotes": quotes}


def _renamed(entities: list[dict[str, object]], key: str, target: str) -> list[dict[str, object]]:
    moving = [e for e in entities if str(e["name"]).casefold() == key]
    if not moving:
        return entities
    kept = [e for e in entities if str(e["name"]).casefold() != key]
    into = next((e for e in kept if str(e["name"]).casefold() == target.casefold()), None)
    mentions = [m for e in moving for m in e["mentions"]]  # type: ignore[attr-defined]
    if into is None:
        into = {**moving[0], "name": target, "mentions": []}
        kept.append(into)
    merged = {(m["block"], m["start"], m["end"]): m for m in [*into["mentions"], *mentions]}  # type: ignore[index, misc]
    into["mentions"] = sorted(merged.values(), key=lambda m: (m["block"], m["start"]))  # type: ignore[index]
    return kept


# A query's references to an entity by name: entity:"Ines Varga", person:Truss.
_NAME_REF = re.compile(r'(?i)(?<![\w"])(entity|person|place|org|group|speaker):(?:"([^"]*)"|([^\s()"]+))')


def renamed(name: str, corrections: Sequence[Correction]) -> str:
    """The name an entity has after the renames and merges, made in order."""
    for c in corrections:
        if c.action in ("rename", "merge") and name.casefold() == c.name.casefold():
            name = c.target
    return name


def follow_renames(query: str, corrections: Sequence[Correction]) -> str:
    """A query with its entity and speaker names renamed as the corrections
    rename them, so a saved `entity:"Old"` keeps finding what it found.
    A query with no renamed name comes back unchanged."""
    if not any(c.action in ("rename", "merge") for c in corrections):
        return query

    def rewrite(m: re.Match[str]) -> str:
        name = m.group(2) if m.group(2) is not None else m.group(3)
        new = renamed(name, corrections)
        return m.group(0) if new == name else f'{m.group(1)}:"{new}"'

    return _NAME_REF.sub(rewrite, query)
