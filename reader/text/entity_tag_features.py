"""The features the entity tagger (entity_tagger.py) reads for each word of a
block: the word's identity, shape and affixes, its neighbours two either side,
the punctuation beside it, and the lists the rules read (gazetteer, first
names, company table, head words, titles). Kept apart from the tagger because
a model is trained on exactly these: change them and retrain
(`python -m tests.eval.train_entity_tagger`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from reader.text.companies import company_names
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
