"""Bylines of saved pages against the gold authors of two dev sets.

    python -m tests.eval.eval_bylines [--sets tra,mozilla] [--show]

trafilatura-eval-en gives an author for 106 of its pages and
mozilla-readability-news a byline for most of its 36. A byline is scored as the
set of names it gives (split at `;`, `,`, `&` and "and", without a leading "By"):
exact when the sets agree, and by word F1 over the names' words. "Junk" counts
our bylines that hold a date word, a digit or a page word ("Published",
"Updated", "Share") that no gold byline of the page holds: what the reader shows
under the title that is not a name.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

from tests.eval.common import EVAL_DATA, require, run_command
from tests.eval.eval_extraction import read_gz

_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\|)\s*", re.IGNORECASE)
_JUNK = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|"
    r"august|september|october|november|december|published|updated|share|posted)\b|\d",
    re.IGNORECASE,
)


def names(byline: str | list[str] | None) -> frozenset[str]:
    """The names a byline gives, lower-cased, without dots ("Joe S." is "joe s")."""
    if isinstance(byline, list):
        byline = "; ".join(byline)
    text = re.sub(r"^\s*by\s+", "", (byline or "").strip(), flags=re.IGNORECASE)
    return frozenset(" ".join(p.lower().replace(".", " ").split()) for p in _SPLIT.split(text) if p.strip())


def words(byline: str | list[str] | None) -> list[str]:
    return [w for n in names(byline) for w in re.findall(r"\w+", n)]


def pages(which: str) -> Iterator[tuple[str, str, str | list[str]]]:
    """(page id, html, gold byline)."""
    if which == "tra":
        root = require(EVAL_DATA / "trafilatura-eval-en")
        entries = json.loads((root / "evaldata-en.json").read_text(encoding="utf-8"))
        for entry in entries.values():
            if entry.get("author"):
                yield entry["file"], read_gz(root / "html" / (entry["file"] + ".gz")), entry["author"]
    else:
        root = require(EVAL_DATA / "mozilla-readability-news" / "pages")
        for d in sorted(Path(root).iterdir()):
            meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
            if meta.get("byline"):
                yield d.name, read_gz(d / "source.html.gz"), meta["byline"]


def ours(html: str) -> str:
    from reader.ingest.html import parse_html_text

    try:
        return parse_html_text(html, None).byline or ""
    except Exception:  # noqa: BLE001 - a page we cannot read has no byline
        return ""


def score(which: str, show: bool) -> dict[str, float]:
    exact = tp = fp = fn = junk = total = 0
    for page, html, gold in pages(which):
        got = ours(html)
        total += 1
        exact += names(got) == names(gold)
        g, o = words(gold), words(got)
        common = sum(min(g.count(w), o.count(w)) for w in set(o))
        tp, fp, fn = tp + common, fp + len(o) - common, fn + len(g) - common
        is_junk = bool(_JUNK.search(got)) and not _JUNK.search(str(gold))
        junk += is_junk
        if show and names(got) != names(gold):
            print(f"  {page[:40]:40}  gold {gold!r:40}  ours {got!r}{'  JUNK' if is_junk else ''}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "pages": total,
        "exact": exact / total if total else 0.0,
        "word_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "junk": junk,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="tra,mozilla", help="comma-separated, of tra, mozilla")
    parser.add_argument("--show", action="store_true", help="print each page whose byline differs")
    args = parser.parse_args(argv)
    results = {}
    for which in args.sets.split(","):
        print(which)
        results[which] = s = score(which, args.show)
        print(f"  {s['pages']} pages  exact {s['exact']:.3f}  word F1 {s['word_f1']:.3f}  junk {s['junk']}")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    run_command(main)
