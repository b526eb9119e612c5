"""Boundary errors of the entity finder, counted by kind, on development sets.

    python -m tests.eval.span_errors [--set gum|conll-testa|wikigold ...] [--examples N]

The gold is exact spans, so a name found with a wrong edge costs a miss and a
false positive. For every gold name (PERSON/PLACE/ORG) some prediction
overlaps without matching it exactly, this says how: the prediction is cut
short (the words left out, on which side), too long (the words added), split
into several, or runs on into a second gold name; and what the differing
words are (a title, a particle, an abbreviation's dot, a demonym's ending, a
sentence's first word, "the", a possessive…). Predictions overlapping a name
of another kind (CoNLL's MISC) are counted apart. Dev sets only: CoNLL testb
is never read here. Prints counts and a few examples per kind; it tunes nothing.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from reader.model import Block
from reader.text.entities import candidates, find_entities
from reader.text.gazetteer import is_demonym
from reader.text.vocab import CONNECTORS, TITLES
from tests.eval.common import EVAL_DATA, require
from tests.eval.eval_entities import gold_spans, read_conll, read_gum, sentence_text

CONLL_TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG", "MISC": "MISC"}
SETS = ("gum", "conll-testa", "wikigold")
# (block, start, end, type)
Span = tuple[int, int, int, str]
_POSSESSIVE = re.compile(r"['’]s?$")


def documents(name: str) -> Iterator[tuple[list[Block], set[Span], set[tuple[int, int, int]]]]:
    """Each document's blocks, gold spans (MISC kept, typed MISC) and spans to ignore."""
    if name == "gum":
        for doc in read_gum():
            blocks = [Block(b["kind"], b["text"]) for b in doc["blocks"]]  # type: ignore[attr-defined, index]
            gold = {(n["block"], n["start"], n["end"], n["type"]) for n in doc["names"]}  # type: ignore[attr-defined, index]
            ignore = {(x["block"], x["start"], x["end"]) for x in doc["excluded"]}  # type: ignore[attr-defined, index]
            yield blocks, gold, ignore
        return
    path = (
        require(EVAL_DATA / "conll2003" / "eng.testa.iob2.txt")
        if name == "conll-testa"
        else require(EVAL_DATA / "wikigold" / "wikigold.conll.txt")
    )
    for doc in read_conll(path):
        blocks, gold = [], set()
        for b, sentence in enumerate(doc):
            text, starts = sentence_text(sentence)
            blocks.append(Block("paragraph", text))
            for lo, hi, kind in gold_spans(sentence, misc=True):
                gold.add((b, starts[lo], starts[hi - 1] + len(sentence[hi - 1][0]), CONLL_TYPES[kind]))
        yield blocks, gold, set()


def predictions(blocks: list[Block]) -> set[Span]:
    """Every mention we show, of any type (GROUP and plain NAME too), trailing possessive dropped."""
    out = set()
    for entity in find_entities(blocks):
        for m in entity.mentions:
            text = blocks[m.block].text[m.start : m.end]
            end = m.start + len(_POSSESSIVE.sub("", text)) if len(text) > 2 else m.end
            out.add((m.block, m.start, end, entity.type))
    return out


def word_kind(words: str, text: str, at: int) -> str:
    """What a stretch of words that differs between gold and ours is."""
    w = words.strip(" ,")
    low = w.lower()
    first = w.split()[0] if w.split() else w
    if not w:
        return "punctuation/space"
    if w in (".", "'s", "’s", "'", "’"):
        return f"'{w}'"
    if low in ("the", "the ") or low.startswith("the "):
        return "the"
    if re.fullmatch(r"(?:st|mt|ft|dr|mr|mrs|ms|jr|sr|gen|sen|rep|gov|lt|col|capt|prof|rev)\.?", low):
        return "abbreviation"
    if first.lower().rstrip(".") in TITLES:
        return "title"
    if low in CONNECTORS or all(x in CONNECTORS for x in low.split()):
        return "particle/connector"
    if is_demonym(first):
        return "demonym"
    if w[:1].islower():
        return "lowercase"
    if at == 0 or text[:at].rstrip().endswith((".", "!", "?", '"', "“", ":")):
        return "sentence-start word"
    if re.fullmatch(r"[A-Z]{2,}", first):
        return "acronym"
    if "\n" in words:
        return "line break"
    return "capitalised word"


def classify(gold: Span, overlapping: list[Span], golds_in_block: list[Span], text: str) -> tuple[str, str, str]:
    """(shape, side/what, the differing text) of one gold name's overlapping predictions."""
    b, lo, hi, _ = gold
    if len(overlapping) > 1:
        parts = sorted(overlapping, key=lambda p: p[1])
        gap = text[parts[0][2] : parts[1][1]]
        return "split", word_kind(gap, text, parts[0][2]) if gap.strip() else "at a space", gap
    p = overlapping[0]
    others = [g for g in golds_in_block if g[:3] != gold[:3] and g[1] < p[2] and p[1] < g[2]]
    if others:
        return "run-on", "into another gold name", text[p[1] : p[2]]
    if p[1] >= lo and p[2] <= hi:
        if p[1] > lo:
            left = text[lo : p[1]]
            return "short", "left: " + word_kind(left, text, lo), left
        right = text[p[2] : hi]
        return "short", "right: " + word_kind(right, text, p[2]), right
    if p[1] <= lo and p[2] >= hi:
        if p[1] < lo:
            left = text[p[1] : lo]
            return "long", "left: " + word_kind(left, text, p[1]), left
        right = text[hi : p[2]]
        return "long", "right: " + word_kind(right, text, hi), right
    return "crossing", "", text[min(lo, p[1]) : max(hi, p[2])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=SETS, action="append")
    parser.add_argument("--examples", type=int, default=4)
    args = parser.parse_args(argv)
    for name in args.set or SETS:
        counts: Counter[tuple[str, str]] = Counter()
        examples: dict[tuple[str, str], list[str]] = defaultdict(list)
        words: Counter[tuple[str, str]] = Counter()
        exact = misc_overlap = total = 0
        exact_kinds: Counter[str] = Counter()
        untouched: Counter[str] = Counter()
        untouched_examples: dict[str, list[str]] = defaultdict(list)
        for blocks, gold, ignore in documents(name):
            pred = {p for p in predictions(blocks) if p[:3] not in ignore}
            cands = [(c.block, c.start, c.end, c.type or "") for c in candidates(blocks)]
            pred_spans = {p[:3] for p in pred}
            by_block: dict[int, list[Span]] = defaultdict(list)
            for g in gold:
                by_block[g[0]].append(g)
            for g in sorted(gold):
                b, lo, hi, kind = g
                over = [p for p in pred if p[0] == b and p[1] < hi and lo < p[2]]
                if kind == "MISC":
                    misc_overlap += sum(1 for p in over if p[3] in ("PERSON", "PLACE", "ORG"))
                    continue
                total += 1
                if g[:3] in pred_spans:
                    exact += 1
                    shown = {p[3] for p in pred if p[:3] == g[:3]}
                    exact_kinds[
                        "right type" if kind in shown else "plain name" if shown <= {"NAME"} else "wrong type"
                    ] += 1
                    continue
                if not over:
                    # Not shown at all: was there a candidate, and was its span right?
                    near = [c for c in cands if c[0] == b and c[1] < hi and lo < c[2]]
                    why = (
                        "no candidate"
                        if not near
                        else "candidate exact, decided no entity"
                        if any(c[1:3] == (lo, hi) for c in near)
                        else "candidate with a wrong edge, dropped"
                    )
                    untouched[why] += 1
                    if why == "candidate with a wrong edge, dropped":
                        # The candidate's edge is the error: counted like a shown one.
                        text = blocks[b].text
                        shape, what, diff = classify(g, near, by_block[b], text)
                        key = ("cand " + shape, what)
                        counts[key] += 1
                        words[(key[0], diff.strip()[:30])] += 1
                        if len(examples[key]) < args.examples:
                            spans = " | ".join(text[c[1] : c[2]] for c in near)
                            examples[key].append(f"gold {text[lo:hi]!r}/{kind}  candidates {spans}")
                    elif why == "no candidate" and len(untouched_examples[why]) < args.examples * 2:
                        untouched_examples[why].append(f"gold {blocks[b].text[lo:hi]!r}/{kind}")
                    continue
                text = blocks[b].text
                shape, what, diff = classify(g, over, by_block[b], text)
                counts[(shape, what)] += 1
                words[(shape, diff.strip()[:30])] += 1
                if len(examples[(shape, what)]) < args.examples:
                    ours = " | ".join(f"{text[p[1] : p[2]]}/{p[3]}" for p in sorted(over, key=lambda p: p[1]))
                    examples[(shape, what)].append(f"gold {text[lo:hi]!r}/{kind}  ours {ours}")
        boundary = sum(n for k, n in counts.items() if not k[0].startswith("cand "))
        missed = sum(untouched.values())
        print(
            f"== {name}: {total} gold names, {exact} exact span, {boundary} shown with a wrong edge, {missed} not shown"
        )
        print(
            "   exact span: " + ", ".join(f"{exact_kinds[k]} {k}" for k in ("right type", "wrong type", "plain name"))
        )
        print(f"   typed predictions overlapping a MISC gold name: {misc_overlap}")
        for why, n in untouched.most_common():
            print(f"{n:5d}  not shown: {why}")
            for line in untouched_examples[why]:
                print(f"         {line}")
        for key, n in counts.most_common():
            print(f"{n:5d}  {key[0]:<14} {key[1]}")
            for line in examples[key]:
                print(f"         {line}")
        print("   commonest differing words:")
        for (shape, diff), n in words.most_common(25):
            print(f"{n:5d}  {shape:<14} {diff!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
