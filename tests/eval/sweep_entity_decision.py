"""Choose the entity decision's thresholds by leave-one-set-out fits on development data.

    python -m tests.eval.sweep_entity_decision [--entity 0.3,0.4,...] [--uncertain 0.4,0.5,...]

For each dev set (gum-dev, CoNLL testa, WikiGold) the weights are fitted on the
other two (as `fit_entity_weights --without SET` does), and the held-out set is
scored (typed F1, the eval_entities scorers) at every pair of thresholds:
`ENTITY_AT_LEAST` (a candidate is a name when P(entity) = 1 - P(NONE) reaches
it) and `UNCERTAIN_BELOW` (a name whose likeliest type has less than this
probability is shown as a plain name). Prints each set's held-out row per
pair, their mean, the pair with the best mean, and the nested estimate: each
set scored at the pair that is best on the other two sets' held-out rows (the
threshold chosen without it too). Test splits (CoNLL testb) are never read.
Sets nothing itself: the chosen values are constants in entity_linking.py.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from reader.model import Block
from reader.text import entities, entity_cues, entity_linking
from reader.text.entity_evidence import Span
from tests.eval.common import EVAL_DATA, require, run_command
from tests.eval.eval_entities import read_conll, read_gum, score_gum, score_ner
from tests.eval.fit_entity_weights import SETS, examples, fit, write_weights


def _cached_candidates() -> Callable[..., list[Span]]:
    """The recogniser's candidates per document, computed once: only the decision changes between runs."""
    plain = entities.candidates
    memo: dict[tuple[tuple[str, str], ...], list[Span]] = {}

    def cached(blocks: Sequence[Block], known: Mapping[str, str] | None = None) -> list[Span]:
        key = tuple((b.kind, b.text) for b in blocks)
        if known or key not in memo:
            spans = plain(blocks, known)
            if known:
                return spans
            memo[key] = spans
        return memo[key]

    return cached


def scorer(name: str) -> Callable[[], dict[str, dict[str, float]]]:
    if name == "gum":
        docs = read_gum()
        return lambda: score_gum(docs)
    path = "conll2003/eng.testa.iob2.txt" if name == "conll-testa" else "wikigold/wikigold.conll.txt"
    conll = read_conll(require(EVAL_DATA / path))
    return lambda: score_ner(conll)


def _floats(text: str) -> list[float]:
    return [float(x) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entity", type=_floats, default=_floats("0.3,0.35,0.4,0.45,0.5,0.55,0.6"))
    parser.add_argument("--uncertain", type=_floats, default=_floats("0.4,0.5,0.6"))
    args = parser.parse_args(argv)
    data = {name: examples(name) for name in SETS}
    entities.candidates = _cached_candidates()  # type: ignore[assignment]
    pairs = [(e, u) for e in args.entity for u in args.uncertain]
    rows: dict[str, dict[tuple[float, float], dict[str, dict[str, float]]]] = {}
    saved = entity_linking.ENTITY_AT_LEAST, entity_linking.UNCERTAIN_BELOW, entity_cues.WEIGHTS_PATH
    with tempfile.TemporaryDirectory() as tmp:
        try:
            for held in SETS:
                path = Path(tmp) / f"without-{held}.json"
                used = {name: rows_ for name, rows_ in data.items() if name != held}
                write_weights(path, fit(used), used)
                entity_cues.WEIGHTS_PATH = path
                entity_cues.weights.cache_clear()
                score = scorer(held)
                rows[held] = {}
                for e, u in pairs:
                    entity_linking.ENTITY_AT_LEAST, entity_linking.UNCERTAIN_BELOW = e, u
                    rows[held][(e, u)] = score()
        finally:
            entity_linking.ENTITY_AT_LEAST, entity_linking.UNCERTAIN_BELOW, entity_cues.WEIGHTS_PATH = saved
            entity_cues.weights.cache_clear()
    print("held-out typed F1 (P / R) per threshold pair: P(entity) at least / P(type) at least")
    print(f"{'pair':<12}" + "".join(f"{s:>26}" for s in SETS) + f"{'mean F1':>10}")

    def mean(pair: tuple[float, float], sets: Sequence[str] = SETS) -> float:
        return sum(rows[s][pair]["typed"]["f1"] for s in sets) / len(sets)

    for pair in pairs:
        cells = "".join(
            f"{rows[s][pair]['typed']['f1']:>10.3f} ({rows[s][pair]['typed']['precision']:.3f} / "
            f"{rows[s][pair]['typed']['recall']:.3f})"
            for s in SETS
        )
        print(f"{pair[0]:.2f} / {pair[1]:.2f}" + cells + f"{mean(pair):>10.3f}")
    best = max(pairs, key=mean)
    print(f"best mean: {best[0]:.2f} / {best[1]:.2f} ({mean(best):.3f})")
    for held in SETS:
        others = [s for s in SETS if s != held]
        chosen = max(pairs, key=lambda p: mean(p, others))
        r = rows[held][chosen]
        kinds = "  ".join(f"{k} {r[k]['f1']:.3f}" for k in r if k in ("PER", "LOC", "ORG", "PERSON", "PLACE"))
        print(
            f"nested: {held} at {chosen[0]:.2f} / {chosen[1]:.2f} (best on {', '.join(others)}): "
            f"typed F1 {r['typed']['f1']:.3f}  {kinds}  ORG {r['ORG']['f1']:.3f}"
        )
    return 0


if __name__ == "__main__":
    run_command(main)
