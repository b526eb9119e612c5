"""Score the entity recogniser and the quote finder on shared ground truth.

    python -m tests.eval.eval_entities [--set conll|wikigold|gum|polnear|polnear-dev|litbank|gum-quotes ...]
        [--split dev|test|testa|testb] [--limit N] [--errors] [--ner-errors]

- CoNLL-2003 testa (development: tune here) and testb (test: report once per
  change, never iterate on it), and WikiGold: exact-span precision, recall and
  F1 per type and overall for PER/LOC/ORG (MISC dropped from gold, GROUP from
  ours), and untyped span F1. Sentences are blocks, articles are documents. A
  prediction whose edges are not token edges is a false positive.
- gum-dev (13 non-news genres): exact character spans, typed PERSON/PLACE/ORG
  P/R/F1 overall and per genre, untyped and lenient (the `alt` type) F1, as the
  set's README recommends.
- PolNeAR test and dev, LitBank, gum-dev's quotes (`polnear`, `polnear-dev`, `litbank`,
  `gum-quotes`): speech quotes and their speakers, scored by eval_quotes.py.
Reads ../shared/eval-data; never copies it. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from reader.model import Block
from reader.text.entities import find_entities
from tests.eval.common import EVAL_DATA, prf, require, run_command
from tests.eval.eval_quotes import gum_quotes, litbank, polnear

TYPE_MAP = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}


# -- NER -------------------------------------------------------------------------


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents → sentences → (token, IOB2 tag)."""
    docs: list[list[list[tuple[str, str]]]] = [[]]
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            if sentence:
                docs[-1].append(sentence)
                sentence = []
            if docs[-1]:
                docs.append([])
            continue
        if not line.strip():
            if sentence:
                docs[-1].append(sentence)
                sentence = []
            continue
        parts = line.split()
        sentence.append((parts[0], parts[-1]))
    if sentence:
        docs[-1].append(sentence)
    return [d for d in docs if d]


def gold_spans(sentence: list[tuple[str, str]], *, misc: bool = False) -> set[tuple[int, int, str]]:
    """The gold names of a CoNLL sentence as (first token, end token, type);
    MISC names only with `misc`."""
    spans, start, kind = set(), None, None
    for i, (_, tag) in enumerate([*sentence, ("", "O")]):
        if start is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != kind):
            spans.add((start, i, kind))
            start, kind = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return {s for s in spans if misc or s[2] != "MISC"}  # type: ignore[misc]


def sentence_text(sentence: list[tuple[str, str]]) -> tuple[str, list[int]]:
    """A CoNLL sentence as the text the recogniser reads (its tokens joined by
    spaces) and where each token starts in it."""
    text, starts = "", []
    for token, _ in sentence:
        if text:
            text += " "
        starts.append(len(text))
        text += token
    return text, starts


def score_ner(docs: list[list[list[tuple[str, str]]]]) -> dict[str, dict[str, float]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    untyped = Counter()
    for doc in docs:
        blocks, offsets = [], []
        for sentence in doc:
            text, starts = sentence_text(sentence)
            blocks.append(Block("paragraph", text))
            offsets.append(starts)
        predicted: list[set[tuple[int, int, str]]] = [set() for _ in doc]
        for entity in find_entities(blocks):
            kind = TYPE_MAP.get(entity.type)
            if kind is None:
                continue
            for m in entity.mentions:
                starts = offsets[m.block]
                ends = [s + len(t) for s, (t, _) in zip(starts, doc[m.block], strict=True)]
                if m.start in starts and m.end in ends:
                    predicted[m.block].add((starts.index(m.start), ends.index(m.end) + 1, kind))
                else:
                    # A span that cuts a gold token matches no gold span: it is a
                    # false positive, not dropped (dropping it flattered precision).
                    predicted[m.block].add((-1 - m.start, -1 - m.end, kind))
        for sentence, pred in zip(doc, predicted, strict=True):
            gold = gold_spans(sentence)
            for span in pred & gold:
                tp[span[2]] += 1
            for span in pred - gold:
                fp[span[2]] += 1
            for span in gold - pred:
                fn[span[2]] += 1
            g_un, p_un = {s[:2] for s in gold}, {s[:2] for s in pred}
            untyped["tp"] += len(g_un & p_un)
            untyped["fp"] += len(p_un - g_un)
            untyped["fn"] += len(g_un - p_un)
    out = {kind: prf(tp[kind], fp[kind], fn[kind]) for kind in ("PER", "LOC", "ORG")}
    out["typed"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out["untyped"] = prf(untyped["tp"], untyped["fp"], untyped["fn"])
    return out


# -- GUM dev (names) -------------------------------------------------------------

GUM_TYPES = ("PERSON", "PLACE", "ORG")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s?)$")


def read_gum(limit: int | None = None) -> list[dict[str, object]]:
    """gum-dev's documents (194, 13 genres), as its README describes them."""
    path = require(EVAL_DATA / "gum-dev" / "docs.jsonl")
    with path.open(encoding="utf-8") as lines:
        docs = [json.loads(line) for line in lines if line.strip()]
    return docs[:limit] if limit else docs


def gum_predictions(doc: dict[str, object]) -> set[tuple[int, int, int, str]]:
    """Our PERSON/PLACE/ORG mentions of one gum-dev document, trailing possessive dropped."""
    blocks = [Block(b["kind"], b["text"]) for b in doc["blocks"]]  # type: ignore[attr-defined, index]
    out = set()
    for entity in find_entities(blocks):
        if entity.type not in GUM_TYPES:
            continue
        for m in entity.mentions:
            text = blocks[m.block].text[m.start : m.end]
            end = m.start + len(_TRAILING_POSSESSIVE.sub("", text)) if len(text) > 2 else m.end
            out.add((m.block, m.start, end, entity.type))
    return out


def score_gum(docs: list[dict[str, object]], errors: list[str] | None = None) -> dict[str, dict[str, float]]:
    """gum-dev's recommended metric: exact character spans, micro typed P/R/F1
    overall and per genre (a prediction exactly on an excluded span is ignored),
    untyped span F1, and a lenient typed score that accepts a name's `alt` type."""
    counts: dict[str, Counter[str]] = {}
    for doc in docs:
        gold = {(n["block"], n["start"], n["end"], n["type"]) for n in doc["names"]}  # type: ignore[attr-defined, index]
        alt = {(n["block"], n["start"], n["end"], n["alt"]) for n in doc["names"] if n.get("alt")}  # type: ignore[attr-defined, union-attr]
        ignore = {(x["block"], x["start"], x["end"]) for x in doc["excluded"]}  # type: ignore[attr-defined, index]
        pred = {p for p in gum_predictions(doc) if p[:3] not in ignore}
        for key in ("all", str(doc["genre"])):
            c = counts.setdefault(key, Counter())
            c["tp"] += len(pred & gold)
            c["fp"] += len(pred - gold)
            c["fn"] += len(gold - pred)
            for kind in GUM_TYPES:
                c[kind + "tp"] += sum(1 for p in pred & gold if p[3] == kind)
                c[kind + "fp"] += sum(1 for p in pred - gold if p[3] == kind)
                c[kind + "fn"] += sum(1 for g in gold - pred if g[3] == kind)
            g_un, p_un = {g[:3] for g in gold}, {p[:3] for p in pred}
            c["utp"] += len(g_un & p_un)
            c["ufp"] += len(p_un - g_un)
            c["ufn"] += len(g_un - p_un)
            lenient = len(pred & (gold | alt))
            c["ltp"] += lenient
            c["lfp"] += len(pred) - lenient
            c["lfn"] += len(gold) - lenient
        if errors is not None:
            texts = [b["text"] for b in doc["blocks"]]  # type: ignore[attr-defined, index]
            for b, lo, hi, kind in sorted(pred ^ gold):
                side = "spurious" if (b, lo, hi, kind) in pred else "missed"
                errors.append(f"{doc['id']} {side} {kind} {texts[b][lo:hi]!r} …{texts[b][max(0, lo - 50) : hi + 30]!r}")
    out: dict[str, dict[str, float]] = {}
    c = counts.pop("all", Counter())
    for kind in GUM_TYPES:
        out[kind] = prf(c[kind + "tp"], c[kind + "fp"], c[kind + "fn"])
    out["typed"] = prf(c["tp"], c["fp"], c["fn"])
    out["untyped"] = prf(c["utp"], c["ufp"], c["ufn"])
    out["lenient"] = prf(c["ltp"], c["lfp"], c["lfn"])
    for genre, g in counts.items():
        out[f"typed:{genre}"] = prf(g["tp"], g["fp"], g["fn"])
    return out


CONLL_SPLITS = {"testa": "eng.testa.iob2.txt", "testb": "eng.testb.iob2.txt"}


def conll_splits(split: str | None) -> list[str]:
    """CoNLL-2003 splits to score: testa is development data, testb is test
    (reported once per change, never tuned on). No --split: both, named apart."""
    if split in ("dev", "testa"):
        return ["testa"]
    if split in ("test", "testb"):
        return ["testb"]
    return ["testa", "testb"]


def score_set(name: str, args: argparse.Namespace, errors: list[str] | None) -> dict[str, object]:
    if name.startswith("conll-"):
        docs = read_conll(require(EVAL_DATA / "conll2003" / CONLL_SPLITS[name.removeprefix("conll-")]))
        return score_ner(docs[: args.limit])  # type: ignore[return-value]
    if name == "wikigold":
        docs = read_conll(require(EVAL_DATA / "wikigold" / "wikigold.conll.txt"))[: args.limit]
        return score_ner(docs)  # type: ignore[return-value]
    if name == "gum":
        return score_gum(read_gum(args.limit), errors if args.ner_errors else None)  # type: ignore[return-value]
    if name == "polnear":
        polnear_split = {"testa": "dev", "testb": "test"}.get(args.split or "test", args.split or "test")
        return polnear(args.limit, polnear_split, errors if args.errors else None)
    if name == "polnear-dev":
        return polnear(args.limit, "dev", errors if args.errors else None)
    if name == "gum-quotes":
        return gum_quotes(args.limit, errors if args.errors else None)
    return litbank(args.limit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--set",
        action="append",
        choices=["conll", "wikigold", "gum", "polnear", "polnear-dev", "litbank", "gum-quotes"],
    )
    parser.add_argument("--limit", type=int, default=None, help="documents per set, for a quick look")
    parser.add_argument(
        "--split",
        choices=["dev", "test", "testa", "testb"],
        default=None,
        help="dev (CoNLL testa, PolNeAR dev: tune here) or test (CoNLL testb, PolNeAR test: report once); "
        "default: CoNLL both, PolNeAR test",
    )
    parser.add_argument("--errors", action="store_true", help="print PolNeAR's and gum-dev's misses and wrong speakers")
    parser.add_argument("--ner-errors", action="store_true", help="print gum-dev's missed and spurious names")
    args = parser.parse_args(argv)
    errors: list[str] = []
    sets = args.set or ["conll", "wikigold", "gum", "polnear-dev", "polnear", "litbank", "gum-quotes"]
    names = [f"conll-{s}" for s in conll_splits(args.split)] if "conll" in sets else []
    names += [s for s in sets if s != "conll"]
    results: dict[str, object] = {}
    for name in names:
        started = time.perf_counter()
        results[name] = score_set(name, args, errors)
        seconds = time.perf_counter() - started
        print(f"{name} ({seconds:.1f} s)")
        for key, value in results[name].items():  # type: ignore[attr-defined]
            if isinstance(value, dict):
                extra = "".join(
                    f"  {k} {v:.3f}" if isinstance(v, float) else f"  {k} {v}"
                    for k, v in value.items()
                    if k not in ("precision", "recall", "f1")
                )
                print(f"  {key:<16} P {value['precision']:.3f}  R {value['recall']:.3f}  F1 {value['f1']:.3f}{extra}")
            else:
                print(f"  {key:<18} {value:.3f}" if isinstance(value, float) else f"  {key:<18} {value}")
    for line in errors:
        print(line)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    run_command(main)
