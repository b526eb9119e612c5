"""Helpers shared by the evaluation commands: where the data is, how to score."""

from __future__ import annotations

import os
import re
import signal
from collections import Counter
from collections.abc import Callable
from pathlib import Path

EVAL_DATA = Path(os.environ.get("NEWSREADER_EVAL_DATA", Path(__file__).resolve().parents[3] / "shared" / "eval-data"))
_TOKEN = re.compile(r"\w+")


def require(path: Path) -> Path:
    if not path.exists():
        raise SystemExit(f"eval data not found at {path} (set NEWSREADER_EVAL_DATA)")
    return path


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def shingle_scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """The Article Extraction Benchmark's metric over (gold, predicted) pairs.

    Per page, TP/FP/FN over 4-token shingle counts, normalised so each page weighs
    the same; precision and recall are means over pages, F1 from those means.
    """
    precisions, recalls, exact = [], [], 0
    for gold, pred in pairs:
        g, p = shingles(gold), shingles(pred)
        tp = sum((g & p).values())
        fp = sum((p - g).values())
        fn = sum((g - p).values())
        total = tp + fp + fn
        if total:
            tp, fp, fn = tp / total, fp / total, fn / total
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        elif fn == 0:
            precisions.append(1.0)
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
        elif fp == 0:
            recalls.append(1.0)
        exact += _TOKEN.findall(gold) == _TOKEN.findall(pred)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": exact / len(pairs) if pairs else 0.0}


def squash(text: str) -> str:
    return " ".join(text.split())


def run_command(main: Callable[[], int | None]) -> None:
    """Run an evaluation command to its exit status. A closed pipe (`… | head`)
    ends it quietly, as it ends `git log | head`, instead of a BrokenPipeError."""
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    raise SystemExit(main())


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
