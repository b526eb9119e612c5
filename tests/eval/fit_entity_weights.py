"""Fit the entity decision's weights on development data and write them beside the code.

    python -m tests.eval.fit_entity_weights [--without gum|conll-testa|wikigold] [--out PATH]

Every candidate span the recogniser proposes in gum-dev, CoNLL-2003 testa and
WikiGold is labelled with the gold type of the name it matches exactly
(PERSON, PLACE, ORG) or NONE (no gold name there, a wrong span, or a name of
another kind: MISC, GUM's events and objects); candidates on gum-dev's
excluded spans are left out. A multinomial logistic regression over the
candidates' named cues (reader/text/entity_cues.py), each set weighing the
same and an L2 penalty keeping rare cues near zero, gives one weight per cue
and outcome. Test splits (CoNLL testb) are never read here.

`--without SET` fits on the other sets only, so that SET's score is out of
sample (write it elsewhere with --out and point NEWSREADER_ENTITY_WEIGHTS at it).

The statistical tagger's cues (reader/text/entity_tagger.py) are read on each
set from a tagger trained without that set (and without any --without set),
so the weights learn how far the tagger holds on text it has not seen, not how
well it remembers its training data. Those taggers are trained here
when the cache (--tagger-dir, default: a folder in the system's temporary
folder) does not hold them yet: a few minutes the first time. The shipped
weights read only taggers trained on licence-clean data (no CoNLL), and name
the shipped model (reader/text/entity_tagger.crfsuite, built by
`python -m tests.eval.train_entity_tagger`), which must be built first.
`--no-tagger` fits without the tagger's cues (and the weights then read none).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from reader.model import Block
from reader.text import entity_tagger
from reader.text.entities import candidates
from reader.text.entity_cues import OUTCOMES, WEIGHTS_PATH
from reader.text.entity_tagger import DEFAULT_MODEL
from tests.eval.common import EVAL_DATA, require, run_command
from tests.eval.eval_entities import gold_spans, read_conll, read_gum, sentence_text
from tests.eval.train_entity_tagger import SETS as TAGGER_SETS
from tests.eval.train_entity_tagger import TAGGER_CACHE, cached_tagger

CONLL_TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
SETS = ("gum", "conll-testa", "wikigold")
L2 = 1.0  # per set-weighted example mass; chosen so weights stay within about ±6


def gum_examples() -> list[tuple[tuple[str, ...], str]]:
    out = []
    for doc in read_gum():
        gold = {(n["block"], n["start"], n["end"]): n["type"] for n in doc["names"]}  # type: ignore[attr-defined, index]
        ignore = {(x["block"], x["start"], x["end"]) for x in doc["excluded"]}  # type: ignore[attr-defined, index]
        blocks = [Block(b["kind"], b["text"]) for b in doc["blocks"]]  # type: ignore[attr-defined, index]
        for span in candidates(blocks):
            key = (span.block, span.start, span.end)
            if span.type is None and key not in ignore:
                out.append((span.cues, gold.get(key, "NONE")))
    return out


def conll_examples(path: Path) -> list[tuple[tuple[str, ...], str]]:
    out = []
    for doc in read_conll(path):
        blocks, gold = [], {}
        for b, sentence in enumerate(doc):
            text, starts = sentence_text(sentence)
            blocks.append(Block("paragraph", text))
            for lo, hi, kind in gold_spans(sentence):
                end = starts[hi - 1] + len(sentence[hi - 1][0])
                gold[(b, starts[lo], end)] = CONLL_TYPES[kind]
        for span in candidates(blocks):
            if span.type is None:
                out.append((span.cues, gold.get((span.block, span.start, span.end), "NONE")))
    return out


def examples(name: str) -> list[tuple[tuple[str, ...], str]]:
    if name == "gum":
        return gum_examples()
    if name == "conll-testa":
        return conll_examples(require(EVAL_DATA / "conll2003" / "eng.testa.iob2.txt"))
    return conll_examples(require(EVAL_DATA / "wikigold" / "wikigold.conll.txt"))


def tagger_sets(tagged: str, without: list[str], shipped: bool) -> list[str]:
    """The sets the tagger that reads `tagged` was trained on: never that set nor
    a held-out one; never CoNLL (Reuters text) for the shipped weights."""
    return [s for s in TAGGER_SETS if s != tagged and s not in without and not (shipped and s == "conll-testa")]


def fit(data: dict[str, list[tuple[tuple[str, ...], str]]]) -> dict[str, dict[str, float]]:
    cues = sorted({c for rows in data.values() for cues_, _ in rows for c in cues_} | {"bias"})
    index = {c: i for i, c in enumerate(cues)}
    # Identical (cues, label) rows are merged, their weights summed: the same
    # few cue sets recur thousands of times.
    merged: dict[tuple[tuple[int, ...], int], float] = {}
    for set_rows in data.values():
        for cues_, label in set_rows:
            key = (tuple(sorted({index["bias"], *(index[c] for c in cues_)})), OUTCOMES.index(label))
            merged[key] = merged.get(key, 0.0) + 1.0 / len(set_rows)
    keys = list(merged)
    lengths = np.array([len(k[0]) for k in keys])
    cols = np.concatenate([np.array(k[0]) for k in keys])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    row_of = np.repeat(np.arange(len(keys)), lengths)
    y = np.zeros((len(keys), len(OUTCOMES)))
    y[np.arange(len(keys)), [k[1] for k in keys]] = 1.0
    w = np.array([merged[k] for k in keys])
    w /= w.sum()
    theta = np.zeros((len(cues), len(OUTCOMES)))
    penalty = np.full((len(cues), 1), L2 / sum(len(r) for r in data.values()) * len(data))
    penalty[index["bias"]] = 0.0
    # Full-batch gradient descent with momentum over the sparse rows.
    velocity = np.zeros_like(theta)
    for _ in range(3000):
        logits = np.add.reduceat(theta[cols], starts, axis=0)
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        g_rows = (p - y) * w[:, None]
        grad = np.zeros_like(theta)
        np.add.at(grad, cols, g_rows[row_of])
        grad += penalty * theta
        velocity = 0.9 * velocity - 2.0 * grad
        theta += velocity
    return {o: {c: round(float(theta[index[c], k]), 3) for c in cues} for k, o in enumerate(OUTCOMES)}


def write_weights(
    path: Path,
    table: dict[str, dict[str, float]],
    data: dict[str, list[tuple[tuple[str, ...], str]]],
    tagger: dict[str, object] | None = None,
) -> None:
    """The weights file: the table, what it was fitted on, and the tagger its cues were read with (if any)."""
    path.write_text(
        json.dumps(
            {
                "note": "Fitted by python -m tests.eval.fit_entity_weights on development data only.",
                "fitted_on": list(data),
                **(tagger or {}),
                "candidates": {name: len(rows) for name, rows in data.items()},
                "weights": table,
            },
            indent=1,
            sort_keys=False,
        )
        + "\n",
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--without", choices=SETS, action="append", default=[])
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    parser.add_argument(
        "--tagger-dir", type=Path, default=TAGGER_CACHE, help="where taggers trained without each set are kept"
    )
    parser.add_argument("--no-tagger", action="store_true", help="fit without the tagger's cues")
    args = parser.parse_args(argv)
    used = [s for s in SETS if s not in args.without]
    shipped = not args.without
    data = {}
    readers: dict[str, list[str]] = {}
    for name in used:
        if args.no_tagger:
            entity_tagger.use_model(None)
        else:
            readers[name] = tagger_sets(name, args.without, shipped)
            entity_tagger.use_model(cached_tagger(readers[name], args.tagger_dir))
        data[name] = examples(name)
    for name, rows in data.items():
        counts = {o: sum(1 for _, label in rows if label == o) for o in OUTCOMES}
        print(f"{name}: {len(rows)} candidates {counts}")
    table = fit(data)
    # The tagger the weights are read with: trained on every set of the fit
    # (for the shipped weights, the shipped model, trained on the licence-clean ones).
    scoring_tagger: str | Path = DEFAULT_MODEL.name
    if not args.no_tagger and not shipped:
        scoring_tagger = cached_tagger([s for s in TAGGER_SETS if s not in args.without], args.tagger_dir).resolve()
    elif not args.no_tagger and not DEFAULT_MODEL.exists():
        raise SystemExit(f"build the shipped tagger first: python -m tests.eval.train_entity_tagger ({DEFAULT_MODEL})")
    tagger = {} if args.no_tagger else {"tagger": str(scoring_tagger), "tagger_cues_read_with": readers}
    write_weights(args.out, table, data, tagger)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    run_command(main)
