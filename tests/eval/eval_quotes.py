"""Score the quote finder and its speakers on shared ground truth, for
eval_entities (`--set polnear`, `polnear-dev`, `litbank`, `gum-quotes`).

- PolNeAR test: double-quoted segments inside an attribution's Content are the
  gold direct quotes; our speech quotes (split per paragraph) are scored by
  span (exact, after stripping marks and spaces), and the speaker of each
  matched quote whose gold Source is a name (not a pronoun) is checked.
- PolNeAR dev (`polnear-dev`, where quote rules are tuned) scored the same way.
  Speakers are scored strictly: the gold Source's head name (gold_head_name)
  must end with our speaker's last word or lie wholly inside it (same_speaker);
  a Source with no head name ("the president", "Obama's strategist") is not
  checked.
- LitBank, the books with single-quote dialogue: speech quote spans, exact and
  with at least half the tokens shared (and exact counting terms as quotes too),
  and the speaker of each exact hit against LitBank's character (strict, as on
  PolNeAR, and by the character's ID: same_character).
  Its text is tokenised; detokenise() rebuilds running text without the gold.
- gum-dev (`gum-quotes`): speech quote span F1 and speaker accuracy, overall and
  per genre, as its README recommends (gum_quotes).
Reads ../shared/eval-data; never copies it.
"""

from __future__ import annotations

import glob
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.model import Block
from reader.text.entities import find_entities
from reader.text.quotes import Quote, find_quotes
from reader.text.vocab import SPEECH_VERBS, TITLES
from tests.eval.common import EVAL_DATA, prf, require

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "his", "her", "him", "them"})


# -- PolNeAR ---------------------------------------------------------------------

# Double quotation marks: curly, straight, and the '' pairs some wires write.
_DQ = re.compile(r"“[^”“]*”|\"[^\"]*\"|''(?:(?!'')[^\n])*''")


@dataclass
class Miss:
    """A checked speech quote whose speaker we got wrong: what speaker_misses
    sorts by cause. `candidates` are the quote's explain lines (best first)."""

    doc: str
    blocks: Sequence[Block]
    quote: Quote
    gold: list[str]
    candidates: list[str]


def _quotes_explained(blocks: Sequence[Block]) -> tuple[list[Quote], dict[int, list[str]]]:
    """The article's quotes, and for each speech quote (by its index) the candidate lines explain gives it."""
    lines: list[str] = []
    quotes = find_quotes(blocks, find_entities(blocks), explain=lines)
    speech = [n for n, q in enumerate(quotes) if q.kind == "speech"]
    groups: list[list[str]] = []
    for line in lines:
        if line.startswith("quote "):
            groups.append([])
        else:
            groups[-1].append(line.strip())
    return quotes, dict(zip(speech, groups, strict=True))


def polnear(
    limit: int | None, split: str = "test", errors: list[str] | None = None, misses: list[Miss] | None = None
) -> dict[str, float]:
    """Score quotes and speakers on one PolNeAR compartment.

    `errors`, when given, collects one line per missed, spurious or
    misattributed quote, so rules are tuned on dev and scored on test;
    `misses` the misattributed quotes themselves, with their candidates.
    """
    root = require(EVAL_DATA / "polnear")
    tp = fp = fn = 0
    speaker_ok = speaker_total = 0
    for txt in sorted(glob.glob(str(root / split / "text" / "*.txt")))[:limit]:
        base = os.path.basename(txt)[:-4]
        ann = sorted(glob.glob(str(root / split / "attributions" / f"{base}_*.ann")))[0]
        text = Path(txt).read_text(encoding="utf-8")
        spans, rels = {}, []
        for line in Path(ann).read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                tid, info, s = line.split("\t")
                label, rest = info.split(" ", 1)
                spans[tid] = (label, [tuple(map(int, p.split())) for p in rest.split(";")], s)
            elif line.startswith("E"):
                rels.append(dict(p.split(":") for p in line.split("\t")[1].split()))
        contents = []
        for rel in rels:
            if "Content" in rel and rel["Content"] in spans:
                source = spans[rel["Source"]][2] if rel.get("Source") in spans else None
                for lo, hi in spans[rel["Content"]][1]:
                    contents.append((lo, hi, source))
        gold: dict[tuple[int, int], str | None] = {}
        for m in _DQ.finditer(text):
            for lo, hi, source in contents:
                if lo <= m.start() and m.end() <= hi + 1:
                    gold[_inner(text, m.start(), m.end())] = source
                    break
        # Our side: paragraphs as blocks, quotes split per paragraph.
        blocks, starts = [], []
        for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
            blocks.append(Block("paragraph", m.group()))
            starts.append(m.start())
        quotes, explained = (
            _quotes_explained(blocks) if misses is not None else (find_quotes(blocks, find_entities(blocks)), {})
        )
        predicted: dict[tuple[int, int], str | None] = {}
        which: dict[tuple[int, int], int] = {}
        for n, q in enumerate(quotes):
            if q.kind != "speech":
                continue
            for b in range(q.block, q.end_block + 1):
                lo = q.start if b == q.block else 0
                hi = q.end if b == q.end_block else len(blocks[b].text)
                predicted[_inner(text, starts[b] + lo, starts[b] + hi)] = q.speaker
                which[_inner(text, starts[b] + lo, starts[b] + hi)] = n
        hits = set(predicted) & set(gold)
        tp += len(hits)
        fp += len(set(predicted) - set(gold))
        fn += len(set(gold) - set(predicted))
        if errors is not None:
            for lo, hi in sorted(set(predicted) ^ set(gold)):
                side = "spurious" if (lo, hi) in predicted else "missed"
                errors.append(f"{base} {side}: …{text[max(0, lo - 60) : hi + 40]!r}")
        for key in hits:
            source = gold[key]
            head = gold_head_name(source) if source else None
            if head is None:
                continue
            speaker_total += 1
            ours = predicted[key]
            if same_speaker(ours, [head]):
                speaker_ok += 1
                continue
            if errors is not None:
                errors.append(f"{base} speaker {ours!r} gold {source!r}: {text[max(0, key[0] - 150) : key[1] + 150]!r}")
            if misses is not None:
                n = which[key]
                misses.append(Miss(base, blocks, quotes[n], [head], explained[n]))
    result = prf(tp, fp, fn)
    result["speaker_accuracy"] = speaker_ok / speaker_total if speaker_total else 0.0
    result["speaker_checked"] = speaker_total
    return result


def _inner(text: str, lo: int, hi: int) -> tuple[int, int]:
    """A quoted span without its marks, outer spaces and closing punctuation."""
    while lo < hi and text[lo] in " \"'“”‘’«»\n":
        lo += 1
    while hi > lo and text[hi - 1] in " \"'“”‘’«»\n.,;:!?":
        hi -= 1
    return lo, hi


# Words that are never the name a speaker is matched on.
_NOT_HEAD = (
    TITLES
    | PRONOUNS
    | frozenset(
        "the a an and or of in on at for from to by with his her their its our my your this that who which "
        "mr mrs ms dr jr sr ii iii".split()
    )
)


def _name_words(text: str) -> list[str]:
    """The words of a name with titles, pronouns, stop words and a possessive taken off."""
    words = [re.sub(r"['’]s$|[.,]$", "", w) for w in text.split()]
    return [w.lower() for w in words if w and w.lower().strip(".") not in _NOT_HEAD]


def gold_head_name(source: str) -> str | None:
    """The name heading a gold PolNeAR Source, or None for a description or a
    pronoun (not scored). The source is cut at its first comma, parenthesis or
    preposition ("Representative Ann Lee of Ohio", "Ann Lee, a writer for X");
    what is left must end in a capitalised run, which is the name ("White House
    press secretary Ann Lee" -> "White House press secretary Ann Lee", matched on
    "Lee"; "Obama's former strategist", "the president", "a spokesman for
    Google" have none)."""
    segment = re.split(r"[,(]|\s(?:of|at|for|from|in|with|by|who|which|on|to)\s", source.strip())[0].strip()
    m = re.search(r"(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*$", segment)
    if not m or re.search(r"['’]s$", m.group()):
        return None
    return m.group() if _name_words(m.group()) else None


def same_speaker(ours: str | None, names: list[str]) -> bool:
    """Strict: with titles, pronouns and stop words removed, our speaker's last
    word is the last word (surname) of one of the gold names, or it holds every
    word of one. A shared "the" or a shared first name is not a match."""
    if not ours:
        return False
    mine = _name_words(ours)
    if not mine:
        return False
    for name in names:
        gold = _name_words(name)
        if gold and (mine[-1] == gold[-1] or set(gold) <= set(mine)):
            return True
    return False


def same_character(ours: str | None, character: str) -> bool:
    """LitBank's gold is a character's ID ("Fergus_Markham", "Captain_John_Good__RN"),
    not the words of the text: a novel calls its people by a first name or part of
    the ID ("Fergus", "John Good"), so every word of ours being in the ID counts too."""
    if same_speaker(ours, [character]):
        return True
    mine = _name_words(ours) if ours else []
    return bool(mine) and set(mine) <= set(_name_words(character))


# -- gum-dev quotes --------------------------------------------------------------


def gum_quotes(
    limit: int | None, errors: list[str] | None = None, misses: list[Miss] | None = None
) -> dict[str, object]:
    """Speech quote spans and speakers on gum-dev, overall and per genre, as its
    README recommends: spans trimmed of marks, spaces and closing punctuation,
    scored exactly per paragraph; a prediction over `unknown` segments only is
    not scored; a speech prediction on a `term` is a false positive (counted);
    speakers checked on matched quotes whose speaker is named (same_speaker)."""
    path = require(EVAL_DATA / "gum-dev" / "docs.jsonl")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
    counts: dict[str, Counter[str]] = {}
    for doc in docs:
        blocks = [Block(b["kind"], b["text"]) for b in doc["blocks"]]
        texts = [b.text for b in blocks]
        gold: dict[tuple[int, int, int], list[str]] = {}
        unknown: list[tuple[int, int, int]] = []
        terms: set[tuple[int, int, int]] = set()
        for q in doc["quotes"]:
            key = (q["block"], *_inner(texts[q["block"]], q["start"], q["end"]))
            if q["kind"] == "speech":
                gold[key] = q["speakers"]
            elif q["kind"] == "term":
                terms.add(key)
            else:
                unknown.append(key)
        predicted: dict[tuple[int, int, int], str | None] = {}
        quotes, explained = (
            _quotes_explained(blocks) if misses is not None else (find_quotes(blocks, find_entities(blocks)), {})
        )
        which: dict[tuple[int, int, int], int] = {}
        for n, q in enumerate(quotes):
            if q.kind != "speech":
                continue
            for b in range(q.block, q.end_block + 1):
                lo = q.start if b == q.block else 0
                hi = q.end if b == q.end_block else len(texts[b])
                predicted[(b, *_inner(texts[b], lo, hi))] = q.speaker
                which[(b, *_inner(texts[b], lo, hi))] = n
        c = counts.setdefault(doc["genre"], Counter())
        for key, speaker in predicted.items():
            if key in gold:
                c["tp"] += 1
                if gold[key]:
                    c["speaker_checked"] += 1
                    if same_speaker(speaker, gold[key]):
                        c["speaker_ok"] += 1
                        continue
                    if errors is not None:
                        text = texts[key[0]]
                        errors.append(
                            f"gum {doc['id']} speaker {speaker!r} gold {gold[key]!r}: "
                            f"{text[max(0, key[1] - 150) : key[2] + 150]!r}"
                        )
                    if misses is not None:
                        n = which[key]
                        misses.append(Miss(f"{doc['id']}", blocks, quotes[n], gold[key], explained[n]))
            elif key in terms:
                c["fp"] += 1
                c["fp_on_terms"] += 1
            elif any(b == key[0] and lo < key[2] and key[1] < hi for b, lo, hi in unknown) and not any(
                b == key[0] and lo < key[2] and key[1] < hi for b, lo, hi in gold
            ):
                continue  # over unknown segments only: not scored
            else:
                c["fp"] += 1
        c["fn"] += len(set(gold) - set(predicted))
        c["speech"] += len(gold)

    def summary(c: Counter[str]) -> dict[str, float]:
        out = prf(c["tp"], c["fp"], c["fn"])
        out["speaker_accuracy"] = c["speaker_ok"] / c["speaker_checked"] if c["speaker_checked"] else 0.0
        out["speaker_checked"] = c["speaker_checked"]
        out["fp_on_terms"] = c["fp_on_terms"]
        return out

    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    result: dict[str, object] = {"overall": summary(total)}
    for genre, c in counts.items():
        if c["speech"] or c["fp"]:
            result[genre] = summary(c)
    return result


# -- LitBank ---------------------------------------------------------------------


def litbank(limit: int | None, misses: list[Miss] | None = None) -> dict[str, float]:
    """Speech quote spans on the single-quote books, and the speaker of each
    exactly found quote against the character LitBank attributes it to
    (`misses`: the quotes the strict scorer counts wrong, with their candidates)."""
    root = require(EVAL_DATA / "litbank-quotes" / "tsv")
    exact = overlap = gold_n = pred_n = exact_all = all_n = 0
    books = speaker_ok = speaker_checked = character_ok = 0
    for ann in sorted(root.glob("*_brat.ann")):
        rows = [line.rstrip("\n").split("\t") for line in ann.read_text(encoding="utf-8").splitlines() if line.strip()]
        quotes = [r for r in rows if r[0] == "QUOTE"]
        if not quotes or sum(r[6].lstrip()[:1] in "‘'" for r in quotes) < len(quotes) / 2:
            continue  # only the books whose dialogue is in single quotes
        books += 1
        if limit and books > limit:
            break
        sentences = ann.with_suffix(".txt").read_text(encoding="utf-8").split("\n")
        text, index = detokenise(sentences)
        gold = set()
        said_by = {r[1]: r[2] for r in rows if r[0] == "ATTRIB"}
        gold_speaker: dict[tuple[int, int], str] = {}
        for r in quotes:
            s, e = index.get((int(r[2]), int(r[3]))), index.get((int(r[4]), int(r[5])))
            if s and e:
                gold.add((s[0], e[1]))
                gold_speaker[(s[0], e[1])] = re.sub(r"-\d+$", "", said_by.get(r[1], "")).replace("_", " ")
        blocks = [Block("paragraph", text)]
        ours, explained = (
            _quotes_explained(blocks) if misses is not None else (find_quotes(blocks, find_entities(blocks)), {})
        )
        # The gold is dialogue: our speech quotes are scored; scare-quoted terms
        # ('poison', 'the house') are not quotations (as on PolNeAR).
        found = {(q.start, q.end) for q in ours if q.kind == "speech"}
        for n, q in enumerate(ours):
            if q.kind == "speech" and (q.start, q.end) in gold and gold_head_name(gold_speaker[(q.start, q.end)]):
                speaker_checked += 1
                right = same_speaker(q.speaker, [gold_speaker[(q.start, q.end)]])
                speaker_ok += right
                character_ok += same_character(q.speaker, gold_speaker[(q.start, q.end)])
                if misses is not None and not right:
                    misses.append(Miss(ann.stem, blocks, q, [gold_speaker[(q.start, q.end)]], explained[n]))
        every_mark = {(q.start, q.end) for q in ours}
        exact_all += len(gold & every_mark)
        all_n += len(every_mark)
        gold_n += len(gold)
        pred_n += len(found)
        exact += len(gold & found)
        overlap += sum(any(_overlaps(g, f) for f in found) for g in gold)
    p = exact / pred_n if pred_n else 0.0
    r = exact / gold_n if gold_n else 0.0
    pa, ra = (exact_all / all_n if all_n else 0.0), (exact_all / gold_n if gold_n else 0.0)
    po = overlap / pred_n if pred_n else 0.0
    ro = overlap / gold_n if gold_n else 0.0
    return {
        "books": books,
        "exact_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "overlap_f1": 2 * po * ro / (po + ro) if po + ro else 0.0,
        "exact_f1_terms_too": 2 * pa * ra / (pa + ra) if pa + ra else 0.0,
        "gold": gold_n,
        "predicted": pred_n,
        "speaker_accuracy": speaker_ok / speaker_checked if speaker_checked else 0.0,
        "speaker_checked": speaker_checked,
        # (the same quotes, a first name or part of the character's ID counting: same_character)
        "speaker_accuracy_character": character_ok / speaker_checked if speaker_checked else 0.0,
    }


_MARKS = {"'", "‘", "’", '"', "“", "”"}
_NO_SPACE_BEFORE = {
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    ")",
    "n't",
    "'s",
    "’s",
    "'ve",
    "’ve",
    "'re",
    "’re",
    "'ll",
    "’ll",
    "'d",
    "’d",
    "'m",
    "’m",
}


def detokenise(sentences: list[str]) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    """Tokenised lines → running text, and where each token landed.

    A lone ‘ or “ opens (joins the word after), a lone ’ or ” closes (joins the
    word before); a lone straight mark closes before punctuation or at a line's
    end, opens at a line's start; after punctuation it opens before a capital,
    after a sentence's end it closes before a lower-case word, after a
    comma it reopens only after a speech verb ("…,' replied she, 'and…");
    otherwise the marks alternate. Clitics
    ('s, n't, 've) join the word before. No gold data is used.
    """
    text, index = "", {}
    glue_next = False
    straight_open = {"'": False, '"': False}
    for si, sentence in enumerate(sentences):
        tokens = sentence.split(" ") if sentence else []
        for ti, token in enumerate(tokens):
            if token in ("‘", "“"):
                opening = True
            elif token in ("’", "”"):
                opening = False
            elif token in straight_open:
                nxt = tokens[ti + 1] if ti + 1 < len(tokens) else None
                if nxt is None or nxt in {".", ",", ";", ":", "!", "?", ")"}:
                    opening = False  # "… a ' ." (a Scots a'), "… Edith ! '" at the line end
                elif ti == 0:
                    opening = True
                elif tokens[ti - 1] in {".", ",", ";", ":", "!", "?"} and nxt[:1].isupper():
                    opening = True  # ". ' She has", ", ' Edith"
                elif tokens[ti - 1] in {".", "!", "?"} and nxt[:1].islower():
                    opening = False  # "Edith ! ' said"
                elif tokens[ti - 1] == "," and nxt[:1].islower():
                    # "' … ,' replied the old woman , ' by the …" resumes after an
                    # attribution; "trousseau , ' were the next words" closes.
                    since = tokens[_last_mark(tokens, ti) + 1 : ti]
                    opening = any(t.lower() in SPEECH_VERBS | {"replied", "cried"} for t in since)
                else:
                    opening = not straight_open[token]  # otherwise the marks alternate
                straight_open[token] = opening
            else:
                opening = None
            glue_left = opening is False or token.lower() in _NO_SPACE_BEFORE
            if text and not glue_left and not glue_next:
                text += " "
            index[(si, ti)] = (len(text), len(text) + len(token))
            text += token
            glue_next = opening is True
    return text, index


def _last_mark(tokens: list[str], before: int) -> int:
    marks = [i for i in range(before) if tokens[i] in _MARKS]
    return marks[-1] if marks else -1


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= 0.5 * max(a[1] - a[0], b[1] - b[0])
