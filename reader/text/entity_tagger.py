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

import functools
import os
import re
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.text.companies import company_names
from reader.text.entity_cues import tagger_model
from reader.text.entity_tokens import Token
from reader.text.gazetteer import ascii_fold, gazetteer, is_demonym
from reader.text.vocab import (
    COMPASS,
    CONNECTORS,
    EVENT_HEADS,
    HONORIFICS,
    NOT_NAMES,
    ORG_CUES,
    ORG_HEADS,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    SPEECH_VERBS,
    TITLES,
)

TYPES = ("PERSON", "PLACE", "ORG")
LABELS = ("O", *(f"{p}-{t}" for t in TYPES for p in ("B", "I")))
DEFAULT_MODEL = Path(__file__).with_name("entity_tagger.crfsuite")
# How sure the tagger must be (the weakest marginal over the span) for its "sure" cues.
SURE = 0.9

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


# -- features ------------------------------------------------------------------------

_SHAPE_RUNS = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    """Xxxx → Xx, McDonald → XxXx, U.S. → X.X., 1990 → d: character classes with runs collapsed."""
    classes = "".join("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word)
    return _SHAPE_RUNS.sub(r"\1", classes)


@functools.lru_cache(maxsize=65536)
def word_features(word: str) -> tuple[str, ...]:
    """What one word shows by itself, whatever its neighbours: its identity,
    shape, affixes and the lists it is on. Cached: most words recur."""
    g = gazetteer()
    companies = company_names()
    bare = re.sub(r"['’]s?$", "", word) if len(word) > 2 else word
    low = ascii_fold(bare).lower()
    feats = [f"w={low}", f"sh={_shape(bare)}"]
    if len(low) > 3:
        feats += [f"p3={low[:3]}", f"s3={low[-3:]}", f"s2={low[-2:]}"]
    if bare[:1].isupper():
        feats.append("cap")
    if bare.isupper() and len(bare) > 1:
        feats.append("caps")
    if bare != word:
        feats.append("poss")
    if "-" in bare:
        feats.append("hyphen")
    lists = (
        (low in g.places, "place"),
        (low in g.countries, "country"),
        (low in g.major_places, "major_place"),
        (low in g.first_names and low not in NOT_NAMES, "first_name"),
        (low in companies.names, "company"),
        (low in companies.short_names, "company_short"),
        (low in ORG_HEADS, "org_head"),
        (low in PLACE_HEADS, "place_head"),
        (low in COMPASS, "compass"),
        (low.rstrip(".") in TITLES, "title"),
        (low.rstrip(".") in HONORIFICS, "honorific"),
        (low in EVENT_HEADS, "event_head"),
        (low in SPEECH_VERBS, "speech"),
        (low in PLACE_PREPOSITIONS, "place_prep"),
        (low in ORG_CUES, "org_cue"),
        (low in CONNECTORS, "connector"),
        (low in NOT_NAMES, "not_name"),
        (bare[:1].isupper() and is_demonym(bare), "demonym"),
    )
    feats.extend(name for hit, name in lists if hit)
    return tuple(feats)


# Of a neighbour's features, the ones worth carrying over (its identity, shape and lists).
_NEIGHBOUR = re.compile(r"w=|sh=|cap$|place$|first_name$|org_head$|title$|honorific$|speech$|company$")


@functools.lru_cache(maxsize=65536)
def _word_parts(word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], str]:
    """A word's features as the word itself, as the word before or after
    another, and two words before or after it, and its folded lower-case form:
    each made once per distinct word (this is most of the tagger's cost)."""
    own = word_features(word)
    near = [f for f in own if _NEIGHBOUR.match(f)]
    low = own[0][2:]
    far = [f"w={low}", *(["cap"] if "cap" in own else [])]
    return (
        own,
        tuple("-1:" + f for f in near),
        tuple("+1:" + f for f in near),
        tuple("-2:" + f for f in far),
        low,
    )


def _mark(c: str) -> str:
    return "q" if c in "\"“”‘’'" else c


def _gap(text: str) -> tuple[str, str]:
    """The punctuation between two words, as the mark nearest each word: the one
    after the first word and the one before the second ("", ",", "(", "q" for a
    quotation mark; a line break when there is no mark)."""
    marks = [c for c in text if not c.isspace()]
    if not marks:
        mark = "\n" if "\n" in text else ""
        return mark, mark
    return _mark(marks[0]), _mark(marks[-1])


def sequence_features(text: str, toks: Sequence[Token], lower_words: Iterable[str] = ()) -> list[list[str]]:
    """One feature list per word of a block: the word's own, its neighbours'
    (two either side), the punctuation beside it, a place or a company of two
    words, and whether the article also writes the word in lower case."""
    lower = lower_words if isinstance(lower_words, (set, frozenset)) else set(lower_words)
    places = gazetteer().places
    companies = company_names().names
    parts = [_word_parts(t.text) for t in toks]
    n = len(toks)
    gaps = [("^", "^"), *(_gap(text[toks[i - 1].end : toks[i].start]) for i in range(1, n)), ("$", "$")]
    seq: list[list[str]] = []
    for i, tok in enumerate(toks):
        own, _, _, _, low = parts[i]
        feats = [*own, "gb=" + gaps[i][1], "ga=" + gaps[i + 1][0]]
        if tok.sentence_start:
            feats.append("start")
        if tok.capitalised and low in lower:
            feats.append("lower_elsewhere")
        feats.extend(parts[i - 1][1] if i else ("-1:edge",))
        feats.extend(parts[i + 1][2] if i + 1 < n else ("+1:edge",))
        if i > 1:
            feats.extend(parts[i - 2][3])
        if i + 2 < n:
            feats.extend("+2:" + f[3:] for f in parts[i + 2][3])
        if tok.capitalised:
            if i + 1 < n and toks[i + 1].capitalised:
                pair = f"{low} {parts[i + 1][4]}"
                if pair in places:
                    feats.append("place2_first")
                if pair in companies:
                    feats.append("company2_first")
            if i and toks[i - 1].capitalised:
                pair = f"{parts[i - 1][4]} {low}"
                if pair in places:
                    feats.append("place2_last")
                if pair in companies:
                    feats.append("company2_last")
        seq.append(feats)
    return seq


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


def span_cues(reading: BlockReading, first: int, last: int) -> tuple[str, ...]:
    """Cues of the candidate span of words first..last (inclusive):
    `tagger_T` when the tagger's best labels make exactly this span a T,
    `tagger_T_sure` when, besides, every label of the span (and the word after
    it not continuing it) has a marginal of at least SURE; `tagger_T_part`
    when it types part of the span T but not this exact span; `tagger_outside`
    when it labels every word O (`tagger_outside_sure` when each at least SURE)."""
    labels = reading.labels
    inside = labels[first : last + 1]
    after = labels[last + 1] if last + 1 < len(labels) else "O"
    kind = inside[0][2:]
    if inside[0].startswith("B-") and all(label == f"I-{kind}" for label in inside[1:]) and after != f"I-{kind}":
        sure = min(
            reading.marginal(f"B-{kind}", first),
            *(reading.marginal(f"I-{kind}", i) for i in range(first + 1, last + 1)),
            1.0 - (reading.marginal(f"I-{kind}", last + 1) if last + 1 < len(labels) else 0.0),
        )
        return (f"tagger_{kind}", f"tagger_{kind}_sure") if sure >= SURE else (f"tagger_{kind}",)
    if all(label == "O" for label in inside):
        if min(reading.marginal("O", i) for i in range(first, last + 1)) >= SURE:
            return ("tagger_outside", "tagger_outside_sure")
        return ("tagger_outside",)
    kinds = {label[2:] for label in inside if label != "O"}
    return tuple(f"tagger_{k}_part" for k in sorted(kinds))
