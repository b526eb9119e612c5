"""A small statistical sequence tagger whose reading of a candidate name is one
more piece of evidence for the entity decision.

A linear-chain CRF (CRFsuite, through python-crfsuite) tags each word of a
block B-/I- PERSON, PLACE or ORG, or O, from the word's shape, affixes and
identity, its neighbours, the punctuation beside it, and the lists the rules
already read (gazetteer, first names, company table, head words, titles). It
does not decide anything itself: `span_cues` turns its reading of a candidate
span into named cues ("the tagger tags exactly this span PERSON, surely"),
which the fitted weights (entity_cues.py) weigh beside the hand cues, so
`newsreader analyze --explain` still shows what decided a mention.

The model file beside this module is built by `python -m
tests.eval.train_entity_tagger` from licence-clean development data (see that
command's docstring and the README). It is read when the decision's weights
were fitted with its cues (their `tagger` entry names it). NEWSREADER_ENTITY_TAGGER
names another model file (for held-out measurement), or "off" to read none.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.text.entity_cues import tagger_model
from reader.text.entity_tag_features import sequence_features
from reader.text.entity_tokens import Token

TYPES = ("PERSON", "PLACE", "ORG")
LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in ("B", "I")))
DEFAULT_MODEL = Path(__file__).with_name("entity_tagger.crfsuite")
# How sure the tagger must be (the weakest marginal over the span) for its "sure" cues.
SURE = 0.9
# How likely a reading the tagger did not choose must be for its "maybe" cue.
MAYBE = 0.25

_local = threading.local()  # a CRFsuite tagger holds the sequence it last read: one per thread
_model_path: Path | None = None
_model_set = False


def model_path() -> Path | None:
    """The model file the tagger reads, or None when the tagger is off: the one
    the decision's weights were fitted with (entity_cues.tagger_model), unless
    NEWSREADER_ENTITY_TAGGER or use_model says otherwise."""
    if _model_set:
        return _model_path
    env = os.environ.get("NEWSREADER_ENTITY_TAGGER")
    if env == "off":
        return None
    return Path(env) if env else tagger_model()


def use_model(path: Path | None) -> None:
    """Read another model file from now on (None: no tagger); for the eval tools,
    which score a set with a tagger trained without it."""
    global _model_path, _model_set
    _model_path, _model_set = path, True
    _local.__dict__.clear()


def _tagger():  # type: ignore[no-untyped-def]
    path = model_path()
    if path is None:
        return None
    if getattr(_local, "path", None) != path:
        import pycrfsuite  # the CRF runtime: imported once the first article is analysed

        if not path.exists():
            raise FileNotFoundError(f"entity tagger model not found: {path} (python -m tests.eval.train_entity_tagger)")
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        _local.tagger, _local.path, _local.labels = tagger, path, frozenset(tagger.labels())
    return _local.tagger


# -- reading a block and its candidate spans -----------------------------------------


class BlockReading:
    """The tagger's reading of one block: its best labels, and marginals on demand."""

    def __init__(self, labels: list[str], tagger: object, known: frozenset[str] | None = None) -> None:
        self.labels = labels
        self._tagger = tagger
        self._known = known  # the labels the model has (a label it never saw has probability 0)
        self._marginals: dict[tuple[str, int], float] = {}

    def marginal(self, label: str, i: int) -> float:
        key = (label, i)
        if self._known is not None and label not in self._known:
            return 0.0
        if key not in self._marginals:
            self._marginals[key] = self._tagger.marginal(label, i)  # type: ignore[attr-defined]
        return self._marginals[key]


def read_block(text: str, toks: Sequence[Token], lower_words: Iterable[str] = ()) -> BlockReading | None:
    """Tag one block's words (None when the tagger is off or the block has no words).
    Read a block's spans (span_cues) before reading the next block: the marginals
    come from the tagger's last sequence."""
    tagger = _tagger()
    if tagger is None or not toks:
        return None
    tagger.set(sequence_features(text, toks, lower_words))
    return BlockReading(tagger.tag(), tagger, _local.labels)


def span_probability(reading: BlockReading, first: int, last: int, kind: str) -> float:
    """How likely the tagger finds words first..last to be exactly one name of
    type `kind`: the weakest of the marginals that make it so (B- on the first
    word, I- on the others, no I- on the word after)."""
    after = 1.0 - reading.marginal(f"I-{kind}", last + 1) if last + 1 < len(reading.labels) else 1.0
    return min(
        reading.marginal(f"B-{kind}", first),
        *(reading.marginal(f"I-{kind}", i) for i in range(first + 1, last + 1)),
        after,
    )


def span_cues(reading: BlockReading, first: int, last: int) -> tuple[str, ...]:
    """Cues of the candidate span of words first..last (inclusive):
    `tagger_T` when the tagger's best labels make exactly this span a T,
    `tagger_T_sure` when, besides, its span_probability is at least SURE;
    otherwise `tagger_T_maybe` for each type whose span_probability is at
    least MAYBE (a second reading), and `tagger_T_part` when the best labels
    type part of the span T, or `tagger_outside` when they label every word O
    (`tagger_outside_sure` when each O has a marginal of at least SURE)."""
    labels = reading.labels
    inside = labels[first : last + 1]
    after = labels[last + 1] if last + 1 < len(labels) else "O"
    kind = inside[0][2:]
    if inside[0].startswith("B-") and all(label == f"I-{kind}" for label in inside[1:]) and after != f"I-{kind}":
        if span_probability(reading, first, last, kind) >= SURE:
            return (f"tagger_{kind}", f"tagger_{kind}_sure")
        return (f"tagger_{kind}",)
    maybe = tuple(f"tagger_{t}_maybe" for t in TYPES if span_probability(reading, first, last, t) >= MAYBE)
    if all(label == "O" for label in inside):
        if min(reading.marginal("O", i) for i in range(first, last + 1)) >= SURE:
            return ("tagger_outside", "tagger_outside_sure", *maybe)
        return ("tagger_outside", *maybe)
    kinds = {label[2:] for label in inside if label != "O"}
    return (*(f"tagger_{k}_part" for k in sorted(kinds)), *maybe)
