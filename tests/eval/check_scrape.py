"""Check what the text pipeline makes of a scrape, against the source itself.

    python -m tests.eval.check_scrape [FILE ...]    (default: ../shared/samples/*.txt)

For each file: no chrome line survives, the title is a headline (not a menu
word), no two blocks are duplicates or near duplicates, every sentence of the
source that is not chrome is still present, and what was folded. Exit code 1
if any check fails.

What counts as chrome here is decided independently of the pipeline's own
chrome filter (reader/text/chrome.py), so the check can catch what the filter
misses and what it removes wrongly: template placeholders, lines of short
items between separators, and short unpunctuated lines above the headline or
below the last sentence of the body.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rapidfuzz import fuzz

from reader.ingest import read_articles
from reader.text.chrome import as_byline, as_date, split_paragraphs
from reader.text.normalize import fold_key
from reader.text.pipeline import finish
from tests.eval.common import run_command

# Sentence ends, and seams where a scraper glued two blocks ("thereMigrants").
_SENTENCE = re.compile(r"(?<=[.!?])['’\"”]?\s+(?=['‘\"“]?[A-Z])|(?<=[a-z])(?=[A-Z](?:[a-z']|\s))")


_PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}|\{[a-z_]+\}|%%[^%]+%%")
_SEPARATED = re.compile(r"\s+[|·•/»]\s+")
_ENDS_SENTENCE = re.compile(r"[.!?…]['’\"”)]*$")


def _short_unpunctuated(line: str) -> bool:
    return len(line.split()) < 8 and not _ENDS_SENTENCE.search(line)


def expected_chrome(lines: list[str], title: str) -> list[str]:
    """The source's lines a reader would call site chrome, by this checker's
    own criteria (not the pipeline's): placeholders, separated menu items,
    and short unpunctuated lines outside the article (above its headline,
    below its last sentence), other than dates and bylines."""
    key = fold_key(title)
    top = next((i for i, ln in enumerate(lines) if fold_key(ln) == key), 0)
    last = max(
        (i for i, ln in enumerate(lines) if _ENDS_SENTENCE.search(ln) and len(ln.split()) >= 8), default=len(lines)
    )
    out = []
    for i, line in enumerate(lines):
        if as_date(line) is not None or as_byline(line) is not None or i == top:
            continue
        items = _SEPARATED.split(line)
        if (
            _PLACEHOLDER.search(line)
            or (len(items) >= 3 and all(len(it.split()) <= 3 for it in items))
            or ((i < top or i > last) and _short_unpunctuated(line))
        ):
            out.append(line)
    return out


def sentences(text: str) -> list[str]:
    return [s for s in (fold_key(p) for p in _SENTENCE.split(text)) if len(s.split()) >= 4]


def check(path: Path) -> tuple[list[str], dict[str, object]]:
    """Problems found (empty when all is well) and a few facts for the report."""
    problems: list[str] = []
    [article] = [finish(a) for a in read_articles(path)]
    source_lines = split_paragraphs(path.read_text(encoding="utf-8", errors="replace"))
    chrome = expected_chrome(source_lines, article.title)
    texts = [b.text for b in article.blocks]
    out_keys = [fold_key(t) for t in texts]
    for line in chrome:
        if fold_key(line) in out_keys:
            problems.append(f"chrome survived: {line!r}")
    if len(article.title.split()) < 4:
        problems.append(f"title is not a headline: {article.title!r}")
    for i in range(len(out_keys)):
        for j in range(i + 1, len(out_keys)):
            a, b = out_keys[i], out_keys[j]
            if len(a.split()) >= 8 and (a == b or fuzz.ratio(a, b) >= 92):
                problems.append(f"blocks {i} and {j} are duplicates: {texts[i][:60]!r}")
    kept = fold_key(" ".join([article.title, *texts]))
    for line in source_lines:
        if line in chrome:
            continue
        if as_date(line) is not None:
            if article.published is None:
                problems.append(f"date line neither kept nor read as the date: {line!r}")
            continue
        if as_byline(line) is not None:
            if not article.byline:
                problems.append(f"byline neither kept nor read as the byline: {line!r}")
            continue
        for sentence in sentences(line):
            if sentence not in kept:
                problems.append(f"sentence lost: {sentence[:70]!r}")
    facts = {
        "title": article.title,
        "blocks": len(article.blocks),
        "source paragraphs": len(source_lines),
        "folded": sum(b.repeats - 1 for b in article.blocks),
        "captions": sum(b.kind == "caption" for b in article.blocks),
        "chrome lines": len(chrome),
    }
    return problems, facts


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    paths = [Path(a) for a in args] or sorted(
        (Path(__file__).resolve().parents[3] / "shared" / "samples").glob("*.txt")
    )
    failed = 0
    for path in paths:
        problems, facts = check(path)
        print(f"{path.name}: " + ", ".join(f"{k} {v}" for k, v in facts.items() if k != "title"))
        print(f"  title: {facts['title']}")
        for p in problems:
            print(f"  ✗ {p}")
        print("  ✓ all checks pass" if not problems else f"  {len(problems)} problems")
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    run_command(main)
