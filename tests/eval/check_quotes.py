"""Count speaker labels and attributions that end up inside a quotation.

    python -m tests.eval.check_quotes [--data-dir DIR] [--set polnear-dev|gum-dev|litbank ...]
        [--stored] [--show N]

For every article of an archive (its stored blocks, analysed again with this
checkout's code; `--stored` checks the analysis the archive holds instead) and
of the eval sets (PolNeAR dev, gum-dev, LitBank's single-quote books), it places each speech
quote's "— Speaker" label exactly where the reading pane does
(reader/text/speaker_labels.py) and counts:

- `label_in_quote`: a label that an independent reading of the quote marks (a
  stack of opening and closing marks, not the quote finder) puts inside a
  quotation; at a paragraph's end only when the next paragraph reopens it (a
  quotation running over paragraphs);
- `quote_across_attribution`: a speech quote whose text holds an attribution
  between a closing and an opening mark ('…," said Lee, "…' read as one quote),
  or, for a quote left open to its paragraph's end, a comma and a name or
  pronoun with a speech verb ('…, Lee said.' swallowed by an unclosed quote);
- `speaker_in_quote`: a speech quote whose text holds one of the article's
  speakers beside a speech verb ("Lee said", "said Lee").

Each is a count to bring to zero, or to explain: the README reports them. It
also counts the speech quotes given no speaker (`no_speaker`). Reads
../shared/eval-data and the archive read-only; prints examples with `--show`.
Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from reader.model import Block
from reader.text.analysis import analyze
from reader.text.sentences import SPEECH
from reader.text.speaker_labels import block_quotes, speaker_labels
from tests.eval.common import EVAL_DATA, require, run_command

KINDS = ("label_in_quote", "quote_across_attribution", "speaker_in_quote")
_ELISION = re.compile(r"['‘’](?:\d0s|\d\ds|em|n['‘’]|tis|twas|cause|cuz|cos|til|t|s|d|m|ll|re|ve)\b", re.I)
_AFTER_OPEN = " \t\n([{—–-/“‘\"'"


def quote_depth(text: str, pos: int) -> int:
    """How many quotations are open at `pos` in a paragraph, read from its marks
    alone: “ „ « open and ” » ″ close (and “ closes „); a straight mark opens
    after a space or a bracket when a word follows, else closes; ‘ and a
    straight single mark open before a word (not an elision: 'em, '90s) and ’
    closes an open single quote when no letter follows; ‘‘ and ’’ are double marks."""
    stack: list[str] = []
    # A doubled curly single mark is a double one (‘‘ opens, ’’ closes), as some wires write it.
    text = text.replace("‘‘", "“ ").replace("’’", " ”")
    for i, ch in enumerate(text[:pos]):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in "“„«" and not (ch == "“" and stack and stack[-1] == "„"):
            _push(stack, ch)
        elif ch in "”»″“":
            while stack and stack[-1] in "‘'":
                stack.pop()  # a single quote left open inside closes with its double one
            if stack:
                stack.pop()
        elif ch == '"':
            if before in _AFTER_OPEN and not after.isspace():
                _push(stack, ch)
            elif stack:
                while stack and stack[-1] in "‘'":
                    stack.pop()
                if stack:
                    stack.pop()
        elif ch in "‘'":
            if before in _AFTER_OPEN and after.isalnum() and not _ELISION.match(text, i):
                _push(stack, ch)
            elif ch == "'" and not after.isalnum() and not before.isspace():
                _close_single(stack)
        elif ch == "’" and not after.isalnum() and not before.isspace():
            _close_single(stack)
    return len(stack)


def _close_single(stack: list[str]) -> None:
    """Close the innermost open single quote, and any double one left open inside it."""
    if any(m in "‘'" for m in stack):
        while stack.pop() not in "‘'":
            pass


def _push(stack: list[str], mark: str) -> None:
    """Open a quotation; one opened with the same mark as the innermost open one
    means that one was never closed (quotes nest in the other kind of mark)."""
    if stack and (stack[-1] in '“„«"') == (mark in '“„«"'):
        stack.pop()
    stack.append(mark)


def _opens(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and first in "“„«\"‘'"


_ACROSS = re.compile(
    rf"[,.!?](?:[”\"]|'')\s*(?:[\w.'’-]+\s+){{0,5}}?(?:{SPEECH})\b[^“”\"]{{0,80}}?[.,:]\s*(?:[“\"]|'')", re.I
)
_SWALLOWED = re.compile(rf",\s+(?:he|she|they|(?:[A-Z][\w'’.-]*\s+){{1,3}})(?:{SPEECH})\b", re.I)


def _raw(blocks: Sequence[Block], q: dict[str, Any]) -> str:
    """The quote's text as it stands, marks included."""
    b, eb = int(q["block"]), int(q.get("end_block", q["block"]))
    if b == eb:
        return blocks[b].text[int(q["start"]) : int(q["end"])]
    parts = [
        blocks[b].text[int(q["start"]) :],
        *(blocks[i].text for i in range(b + 1, eb)),
        blocks[eb].text[: q["end"]],
    ]
    return "\n".join(parts)


def check_article(blocks: Sequence[Block], quotes: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    """(kind, example) for every finding in one article."""
    found: list[tuple[str, str]] = []
    for i, block in enumerate(blocks):
        text = block.text
        _, quoted, ends = block_quotes(quotes, i, len(text))
        following = blocks[i + 1].text if i + 1 < len(blocks) else ""
        for at, label in speaker_labels(text, ends, quoted).items():
            at_end = not text[at:].strip()
            if quote_depth(text, at) and (not at_end or _opens(following)):
                found.append(
                    ("label_in_quote", f"¶{i + 1} …{text[max(0, at - 100) : at]}⟦{label}⟧{text[at : at + 60]}")
                )
    speakers = {str(q["speaker"]) for q in quotes if q.get("speaker") and q["kind"] == "speech"}
    for q in quotes:
        if q["kind"] != "speech":
            continue
        raw = _raw(blocks, q)
        ends_open = not re.search(r"[”\"’'»]\W*$", raw.rstrip())
        inner = raw[1:]
        if _ACROSS.search(inner) or (ends_open and _SWALLOWED.search(inner)):
            found.append(("quote_across_attribution", f"¶{q['block'] + 1} ({q.get('speaker')}) {raw[:300]}"))
        for name in speakers:
            name_ = re.escape(name)
            said = rf"[,!?]\s*(?:{name_}\s+(?:\w+ly\s+)?(?:{SPEECH})\b|(?:{SPEECH})\s+{name_}[,.])"
            if re.search(said, str(q["text"])):
                found.append(("speaker_in_quote", f"¶{q['block'] + 1} [{name}] {str(q['text'])[:300]}"))
                break
    return found


# -- what to scan ----------------------------------------------------------------


def archive_articles(root: Path, stored: bool) -> Iterator[tuple[str, list[Block], list[dict[str, Any]]]]:
    """Each article of an archive, read-only: its blocks and quotes (stored, or found again)."""
    path = require(root / "store.sqlite3")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT id, blocks, analysis, byline FROM articles ORDER BY id")
        for aid, raw_blocks, analysis, byline in rows:
            blocks = [Block.from_dict(b) for b in json.loads(raw_blocks)]
            # The archive's analysis (what the pane shows now), or this checkout's.
            found = json.loads(analysis) if stored and analysis else None if stored else analyze(blocks, byline=byline)
            quotes = found["quotes"] if found else []
            yield aid, blocks, quotes
    finally:
        db.close()


def eval_documents(name: str) -> Iterator[tuple[str, list[Block]]]:
    """The documents of an eval set as blocks, as eval_entities reads them."""
    if name == "polnear-dev":
        for txt in sorted(glob.glob(str(require(EVAL_DATA / "polnear") / "dev" / "text" / "*.txt"))):
            text = Path(txt).read_text(encoding="utf-8")
            yield (
                Path(txt).stem,
                [Block("paragraph", m.group()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)],
            )
    elif name == "gum-dev":
        path = require(EVAL_DATA / "gum-dev" / "docs.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                yield doc["id"], [Block(b["kind"], b["text"]) for b in doc["blocks"]]
    elif name == "litbank":
        from tests.eval.eval_quotes import detokenise

        # The books whose dialogue is in single quotes, as eval_entities scores them:
        # detokenise() cannot tell an opening straight double mark from a closing one.
        for ann in sorted(require(EVAL_DATA / "litbank-quotes" / "tsv").glob("*_brat.ann")):
            rows = [line.split("\t") for line in ann.read_text(encoding="utf-8").splitlines() if line.strip()]
            quotes = [r for r in rows if r[0] == "QUOTE"]
            if not quotes or sum(r[6].lstrip()[:1] in "‘'" for r in quotes) < len(quotes) / 2:
                continue
            text, _ = detokenise(ann.with_suffix(".txt").read_text(encoding="utf-8").split("\n"))
            yield ann.stem, [Block("paragraph", text)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, help="an archive folder (read only)")
    parser.add_argument("--set", action="append", choices=["polnear-dev", "gum-dev", "litbank"], default=[])
    parser.add_argument("--stored", action="store_true", help="check the archive's stored analysis, not a new one")
    parser.add_argument("--show", type=int, default=0, help="print up to N examples of each kind")
    args = parser.parse_args(argv)
    if not args.data_dir and not args.set:
        parser.error("give --data-dir, --set, or both")
    results: dict[str, dict[str, int]] = {}

    def scan(label: str, articles: Iterator[tuple[str, list[Block], list[dict[str, Any]]]]) -> None:
        counts: Counter[str] = Counter()
        examples: dict[str, list[str]] = {}
        for doc_id, blocks, quotes in articles:
            counts["documents"] += 1
            counts["speech_quotes"] += sum(q["kind"] == "speech" for q in quotes)
            counts["no_speaker"] += sum(q["kind"] == "speech" and not q.get("speaker") for q in quotes)
            for kind, example in check_article(blocks, quotes):
                counts[kind] += 1
                examples.setdefault(kind, []).append(f"{doc_id} {example}")
        shown = ("documents", "speech_quotes", "no_speaker", *KINDS)
        results[label] = {k: counts[k] for k in shown}
        print(label, " ".join(f"{k} {counts[k]}" for k in shown))
        for kind in KINDS:
            for example in examples.get(kind, [])[: args.show]:
                print(f"  {kind}: {example!r}")

    if args.data_dir:
        scan(str(args.data_dir), archive_articles(args.data_dir, args.stored))
    for name in args.set:
        scan(name, ((i, blocks, analyze(blocks)["quotes"]) for i, blocks in eval_documents(name)))
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    run_command(main)
