"""The typed mentions that differ between two archives of the same pages, sampled for judging by hand.

    python -m tests.eval.mention_changes BEFORE AFTER [--sample 70] [--seed 1] [--like l3s-gn1-dev --like dragnet-dev]

BEFORE and AFTER are archive folders holding the same saved pages (one imported
or reindexed by one checkout, the other by another). For each page whose text is
the same in both, every mention (block, start, end) whose type differs, or that
only one side has, is a change; GROUP mentions (told by word form) are left out.
It prints how many changes there are, the commonest kinds ("None -> ORG"), and a
seeded sample with each mention's sentence, so a reader can judge each one
better, worse or neither. Reads both archives read-only; dev pages only.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.eval.common import run_command

Mentions = dict[tuple[int, int, int], str]


@dataclass(frozen=True)
class Change:
    source: str
    before: str | None
    after: str | None
    text: str
    context: str


def pages(archive: Path, like: list[str]) -> dict[str, tuple[list[str], Mentions]]:
    """Each source path → its blocks' texts and its typed mentions."""
    db = sqlite3.connect(f"file:{archive / 'store.sqlite3'}?mode=ro", uri=True)
    where = " or ".join("s.path like ?" for _ in like) or "1"
    rows = db.execute(
        "select s.path, a.blocks, a.analysis from articles a join sources s on s.article_id = a.id where " + where,
        [f"%{part}%" for part in like],
    )
    out = {}
    for path, blocks, analysis in rows:
        texts = [b["text"] for b in json.loads(blocks)]
        mentions: Mentions = {}
        for entity in json.loads(analysis or "{}").get("entities", []):
            if entity["type"] == "GROUP":
                continue
            for m in entity["mentions"]:
                mentions[(m["block"], m["start"], m["end"])] = entity["type"]
        out[path] = (texts, mentions)
    return out


def changes(
    before: dict[str, tuple[list[str], Mentions]], after: dict[str, tuple[list[str], Mentions]]
) -> list[Change]:
    """The mentions whose type differs (or that one side lacks), on pages whose text is the same."""
    out = []
    for path, (texts, old) in sorted(before.items()):
        if path not in after or after[path][0] != texts:
            continue
        new = after[path][1]
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                block, start, end = key
                text = texts[block]
                context = f"{text[max(0, start - 60) : start]}[[{text[start:end]}]]{text[end : end + 40]}"
                out.append(Change(path, old.get(key), new.get(key), text[start:end], context.replace("\n", " ")))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--sample", type=int, default=70)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--like", action="append", default=[], help="only sources whose path holds this")
    args = parser.parse_args(argv)
    like = args.like or ["l3s-gn1-dev", "dragnet-dev"]
    found = changes(pages(args.before, like), pages(args.after, like))
    print(f"{len(found)} changed mentions")
    kinds = Counter(f"{c.before} -> {c.after}" for c in found)
    print("  " + ", ".join(f"{kind}: {n}" for kind, n in kinds.most_common(10)))
    random.seed(args.seed)
    for n, c in enumerate(random.sample(found, min(args.sample, len(found)))):
        print(f"{n:3} {c.before} -> {c.after} {c.text!r}: {c.context}")
    return 0


if __name__ == "__main__":
    run_command(main)
