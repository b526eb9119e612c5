"""Held-out typed F1 of the entity decision, with and without the statistical tagger.

    python -m tests.eval.heldout_entities [--held-out gum|conll-testa|wikigold ...] [--dir DIR]

For each held-out development set S, leave-one-set-out:
- without the tagger: the weights are fitted on the other two sets
  (fit_entity_weights --without S --no-tagger) and S is scored with them;
- with the tagger: the tagger that reads S is trained on the other two sets
  only; the weights are fitted on the other two sets, each of those read with
  a tagger trained on neither it nor S (fit_entity_weights --without S
  --tagger-dir DIR); then S is scored. Nothing learnt from S reaches its score.
Taggers trained on CoNLL testa (Reuters text) are for this measurement only:
they stay in DIR (default: a folder in the system's temporary folder) and
are never shipped. Test splits are never read. Prints a table and
one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.eval.common import run_command
from tests.eval.train_entity_tagger import SETS, TAGGER_CACHE, cached_tagger

EVAL_SET = {
    "gum": ["--set", "gum"],
    "wikigold": ["--set", "wikigold"],
    "conll-testa": ["--set", "conll", "--split", "testa"],
}
RESULT_KEY = {"gum": "gum", "wikigold": "wikigold", "conll-testa": "conll-testa"}


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", *args], env={**os.environ, **env}, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def score(held_out: str, weights: Path, tagger: Path | None) -> dict[str, dict[str, float]]:
    env = {"NEWSREADER_ENTITY_WEIGHTS": str(weights), "NEWSREADER_ENTITY_TAGGER": str(tagger) if tagger else "off"}
    out = _run(["tests.eval.eval_entities", *EVAL_SET[held_out]], env)
    return json.loads(out.strip().splitlines()[-1])[RESULT_KEY[held_out]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--held-out", choices=SETS, action="append")
    parser.add_argument("--dir", type=Path, default=TAGGER_CACHE, help="where the taggers are kept")
    parser.add_argument("--no-baseline", action="store_true", help="skip the rows without the tagger")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    held = args.held_out or list(SETS)
    results: dict[str, dict[str, object]] = {}
    for s in held:
        row: dict[str, object] = {}
        if not args.no_baseline:
            weights = args.dir / f"weights-without-{s}-no-tagger.json"
            _run(["tests.eval.fit_entity_weights", "--without", s, "--no-tagger", "--out", str(weights)], {})
            row["without tagger"] = score(s, weights, None)
        reader = cached_tagger([x for x in SETS if x != s], args.dir)
        weights = args.dir / f"weights-without-{s}.json"
        fit = ["tests.eval.fit_entity_weights", "--without", s, "--tagger-dir", str(args.dir), "--out", str(weights)]
        _run(fit, {})
        row["with tagger"] = score(s, weights, reader)
        results[s] = row
        for kind, figures in row.items():
            f = figures  # type: ignore[assignment]
            org = f.get("ORG", {}).get("f1", 0.0)  # type: ignore[union-attr]
            print(
                f"{s:<12} {kind:<15} typed P {f['typed']['precision']:.3f} R {f['typed']['recall']:.3f} "  # type: ignore[index]
                f"F1 {f['typed']['f1']:.3f}  ORG F1 {org:.3f}  untyped F1 {f['untyped']['f1']:.3f}",  # type: ignore[index]
                flush=True,
            )
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    run_command(main)
