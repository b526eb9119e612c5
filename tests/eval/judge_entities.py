"""Precision of the archive's top entities against a list judged by hand.

    python -m tests.eval.judge_entities --data-dir DIR [--top 200] [--skip 0] [--wrong]

Lists the archive's current top entities and scores them against
tests/eval/judged_top200.json (names, types and verdicts only, no page text;
judged on an archive imported from /work/real-pages, so a dev figure). An entity
counts as right when the judged list has the same name with the same type and the
verdict "right"; a listed name the fixture does not hold, or holds with another
type, is "unjudged" and reported, so the fixture can be extended. `--skip 200
--top 400` scores the next 200 (the archive's long tail, judged in session 16 on
main's and that session's lists).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.eval.common import run_command

JUDGED = Path(__file__).with_name("judged_top200.json")
VERDICTS = ("right", "wrong-type", "not-entity", "fragment", "should-merge")


@dataclass
class Score:
    judged: int = 0
    right: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    unjudged: list[tuple[str, str]] = field(default_factory=list)
    untyped: int = 0  # listed with type NAME: a name whose type the archive left open

    @property
    def precision(self) -> float:
        return self.right / self.judged if self.judged else 0.0


def score(listed: list[tuple[str, str]], judged: list[dict]) -> Score:
    """Score (name, type) rows against judged rows ({"name", "type", "verdict"})."""
    verdicts = {(row["name"], row["type"].lower()): row["verdict"] for row in judged}
    result = Score()
    for name, etype in listed:
        if etype.lower() == "name":
            result.untyped += 1
        verdict = verdicts.get((name, etype.lower()))
        if verdict is None:
            result.unjudged.append((name, etype))
            continue
        result.judged += 1
        if verdict == "right":
            result.right += 1
        else:
            result.errors[verdict] += 1
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--top", type=int, default=200)
    parser.add_argument("--skip", type=int, default=0, help="score only the entities ranked below this")
    parser.add_argument("--wrong", action="store_true", help="list the entities judged wrong")
    args = parser.parse_args()

    from reader.archive import Archive

    with Archive(args.data_dir) as archive:
        rows = archive.entities(None, args.top)
    judged = json.loads(JUDGED.read_text(encoding="utf-8"))
    listed = [(name, etype) for name, etype, _mentions, _articles in rows][args.skip :]
    result = score(listed, judged)
    ranks = f"ranks {args.skip + 1}-{args.skip + len(listed)}" if args.skip else f"top {len(listed)}"
    print(f"{ranks} entities, {result.judged} judged, {len(result.unjudged)} unjudged")
    print(f"precision (right / judged): {result.right}/{result.judged} = {result.precision:.3f}")
    print(f"type NAME (left uncoloured): {result.untyped}")
    for verdict in VERDICTS[1:]:
        print(f"  {verdict}: {result.errors[verdict]}")
    if result.unjudged:
        print("unjudged: " + "; ".join(f"{name} ({etype})" for name, etype in result.unjudged))
    if args.wrong:
        by_key = {(row["name"], row["type"].lower()): row for row in judged}
        for name, etype in listed:
            row = by_key.get((name, etype.lower()))
            if row and row["verdict"] != "right":
                print(f"  {row['verdict']:<12} {etype:<6} {name}  {row.get('note', '')}")


if __name__ == "__main__":
    run_command(main)
