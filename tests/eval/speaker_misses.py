"""Sort the wrong speakers of the dev sets by cause, to see which causes are large.

    python -m tests.eval.speaker_misses [--set gum-quotes] [--set polnear-dev] [--set litbank] [--show CLASS] [--limit N]

Each checked speech quote whose speaker we got wrong (eval_entities' scorer) is
put in one class, from its text and the candidates `explain` gives it:

- first person: the quote is tagged "I say", "we said", "I'm like" (a narrator,
  whose name the text gives elsewhere, if anywhere);
- outranked: the right speaker was a candidate, but another scored higher (by cue);
- below threshold: candidates, none scored enough to speak;
- untagged turn: no candidate, and the quote opens its paragraph (dialogue);
- untagged in a sentence: no candidate, the quote stands inside a sentence;
- wrong antecedent: a pronoun's cue chose someone else, the right one not among them;
- wrong name: another cue's name won, the right one not among the candidates;
- not named: the gold name is nowhere in the article outside quotations;
- (LitBank) the character by first name: right by its character ID, wrong for
  the strict scorer ("Fergus" for Fergus_Markham).

Development sets only (gum-dev, PolNeAR dev, LitBank): never run it on a test split.
Reads ../shared/eval-data; prints counts and, with --show, the quotes of a class.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from tests.eval.common import run_command
from tests.eval.eval_quotes import Miss, gum_quotes, litbank, polnear, same_character, same_speaker

_LINE = re.compile(r"^\s*(-?\d+\.\d+)\s+(None|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\s+(\w+)")
_FIRST_PERSON_AFTER = re.compile(r"^[\s,.!?—–-]*(?:I|we|I'm|I’m)\s+(?:\w+ly\s+|again\s+)?\w+", re.I)
_FIRST_PERSON_BEFORE = re.compile(r"\b(?:I|we)\s+(?:\w+\s+)?\w+[,:]?\s*(?:like\s*)?$")
_PRONOUN_CUES = {"after_pronoun", "before_pronoun", "after_tag"}


def candidates(miss: Miss) -> list[tuple[float, str | None, str]]:
    """(score, name, cue) of each explain line, best first."""
    out: list[tuple[float, str | None, str]] = []
    for line in miss.candidates:
        m = _LINE.match(line)
        if m:
            name = None if m.group(2) == "None" else m.group(2)[1:-1]
            out.append((float(m.group(1)), name, m.group(3)))
    return out


def cause(miss: Miss, character_ids: bool = False) -> str:
    """The class of one wrong speaker (see the module docstring; `character_ids`:
    the gold is LitBank's character IDs)."""
    q, blocks = miss.quote, miss.blocks
    if character_ids and any(same_character(q.speaker, gold) for gold in miss.gold):
        return "the character by first name or part of its ID (strict scorer)"
    after = blocks[q.end_block].text[q.end : q.end + 40]
    before = blocks[q.block].text[max(0, q.start - 40) : q.start]
    if _FIRST_PERSON_AFTER.match(after) or _FIRST_PERSON_BEFORE.search(before):
        return "first person (I say, I'm like)"
    found = candidates(miss)
    if any(name and same_speaker(name, miss.gold) for _, name, _ in found):
        best = found[0]
        if same_speaker(best[1], miss.gold):
            return "right candidate, below threshold"
        return f"outranked by {best[2]}"
    outside = " ".join(b.text for b in blocks)
    last_words = {w.split()[-1] for w in miss.gold if w.split()}
    if character_ids:
        # (An ID's surname is often nowhere in a novel's pages: any of its words, in any case.)
        last_words = {w for gold in miss.gold for w in gold.title().split() if len(w) > 2} - {"Mrs", "Mr", "Miss"}
    if not any(re.search(rf"\b{re.escape(w)}\b", outside) for w in last_words):
        return "gold not named in the text"
    if not found:
        opens = not blocks[q.block].text[: q.start].strip()
        return "untagged turn (opens its paragraph)" if opens else "untagged, inside a sentence"
    if found[0][0] < 1.0:
        return "candidates below threshold"
    if found[0][2] in _PRONOUN_CUES:
        return "wrong antecedent"
    return f"wrong name from {found[0][2]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", action="append", choices=["gum-quotes", "polnear-dev", "litbank"])
    parser.add_argument("--show", default=None, help="print the quotes of the classes starting with this")
    parser.add_argument("--limit", type=int, default=None, help="documents per set, for a quick look")
    args = parser.parse_args(argv)
    for name in args.set or ["gum-quotes", "polnear-dev"]:
        misses: list[Miss] = []
        if name == "gum-quotes":
            checked = gum_quotes(args.limit, misses=misses)["overall"]["speaker_checked"]  # type: ignore[index]
        elif name == "litbank":
            checked = litbank(args.limit, misses=misses)["speaker_checked"]
        else:
            checked = polnear(args.limit, "dev", misses=misses)["speaker_checked"]
        classes = Counter(cause(m, name == "litbank") for m in misses)
        print(f"{name}: {len(misses)} wrong of {checked} checked")
        for label, count in classes.most_common():
            print(f"  {count:4}  {label}")
        if args.show:
            for m in misses:
                label = cause(m, name == "litbank")
                if label.startswith(args.show):
                    print(f"\n[{label}] {m.doc} gold {m.gold} ours {m.quote.speaker!r}")
                    block = m.blocks[m.quote.block].text
                    print("   ", repr(block[max(0, m.quote.start - 200) : m.quote.start + 200]))
                    for line in m.candidates[:4]:
                        print("     ", line)
    return 0


if __name__ == "__main__":
    run_command(main)
