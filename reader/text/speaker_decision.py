"""The speaker decision: a candidate's score is its cue's weight plus its
features' weights (speaker_weights.json, set on development data only), and the
best candidate at or above the threshold speaks. The cues that propose
candidates are in speakers.py."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@functools.cache
def weights() -> dict[str, dict[str, float] | float]:
    """The cue and feature weights, and the threshold, from the data file beside this module."""
    return json.loads(Path(__file__).with_name("speaker_weights.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Candidate:
    """A possible speaker (None: someone the text does not name), the cue that
    proposed it, and the features that count for or against it."""

    name: str | None
    cue: str
    features: tuple[str, ...] = ()
    rank: int = 0  # how many nearer alternatives the cue passed over (antecedents, verbs)

    def score(self) -> float:
        w = weights()
        cues, feats = w["cues"], w["features"]
        assert isinstance(cues, dict) and isinstance(feats, dict)
        return cues[self.cue] + sum(feats[f] for f in self.features) + feats["rank"] * self.rank


def decide(candidates: Sequence[Candidate]) -> str | None:
    """The best candidate's name, or None when none scores above the threshold."""
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score())  # the first of equals: cues come nearest first
    threshold = weights()["threshold"]
    assert isinstance(threshold, float | int)
    return best.name if best.score() >= threshold else None
