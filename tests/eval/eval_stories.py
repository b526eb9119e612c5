"""Score story clustering on a generated archive whose stories are known.

    python -m tests.eval.eval_stories [--stories 150] [--seed 3] [--workdir DIR]

Each base article (tests/bench/corpus.py) is saved several ways, all one story:
the same text as .txt (with its site chrome), .html and .md; an edited version
(paragraphs rewritten, an update line on top, words changed); a version cut
short (the first half to four fifths); a re-chromed scrape (newsletter, cookie
and related-links lines around it). Beside each story stand "siblings":
follow-ups on the same topic, in the same place, quoting the same people,
reusing the story's quote and a paragraph of its background. They must stay apart.

Everything goes through the real import (`Archive.import_paths`), so chrome
removal and folding are part of what is measured. Prints pair precision and
recall (pairs of articles put in one story vs pairs that are one story), the
recall per kind of version, and, from the stored fingerprints, how precision
and recall move with the two thresholds (the evidence for the ones chosen).
Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

from tests.bench.corpus import article, as_html, as_md, as_txt, sentence
from tests.eval.common import run_command

KINDS = ("txt", "html", "md", "edited", "cut", "rechromed")


def edited(a: dict[str, object], rnd: random.Random) -> dict[str, object]:
    """An update: a line on top, a few paragraphs rewritten, some words changed."""
    body = [str(p) for p in a["body"]]  # type: ignore[union-attr]
    for k in rnd.sample(range(1, len(body)), k=max(1, len(body) // 7)):
        body[k] = " ".join(sentence(rnd, rnd.randint(12, 20)) for _ in range(3))
    for k in rnd.sample(range(len(body)), k=max(1, len(body) // 4)):
        words = body[k].split()
        for _ in range(3):
            words[rnd.randrange(len(words))] = rnd.choice(["new", "later", "revised", "officials", "again"])
        body[k] = " ".join(words)
    update = (
        f"This article was updated at {rnd.randint(10, 23)}:{rnd.randint(10, 59)} with new comments from officials."
    )
    return {**a, "body": [update, *body]}


def cut(a: dict[str, object], rnd: random.Random) -> dict[str, object]:
    body = list(a["body"])  # type: ignore[arg-type]
    keep = max(2, round(len(body) * rnd.uniform(0.5, 0.8)))
    return {**a, "body": body[:keep]}


def rechromed(a: dict[str, object]) -> str:
    chrome = [
        "Skip to content",
        "Sign up for our newsletter and get the day's top stories in your inbox",
        "We use cookies to improve your experience. Accept all",
        "Related: Council approves new budget",
        "Related: Five things to know this week",
        "Follow us on Facebook and Twitter",
    ]
    return "\n\n".join([*chrome[:3], as_txt(a), *chrome[3:]]) + "\n"


def sibling(a: dict[str, object], rnd: random.Random, n: int) -> dict[str, object]:
    """A follow-up on the same topic, place and people: its own report, reusing
    the story's quote and one paragraph of its background (about a fifth of it)."""
    other = article(100_000 + n, rnd)
    paragraphs = [str(p) for p in a["body"]]  # type: ignore[union-attr]
    quote = next(p for p in paragraphs if p.startswith("'We will not"))
    background = max(paragraphs[1:], key=len)
    body = [str(p).replace(str(other["person"]), str(a["person"])) for p in other["body"]]  # type: ignore[union-attr]
    body.insert(2, quote)
    body.insert(4, background)
    title = f"{str(other['title']).split(' row in ')[0]} row in {a['place']}: second {n}"
    return {**other, "title": title, "body": body, "place": a["place"], "person": a["person"], "site": a["site"]}


def write(directory: Path, stories: int, seed: int) -> dict[str, tuple[int, str]]:
    """The generated files: path → (story number, kind of version)."""
    rnd = random.Random(seed)
    truth: dict[str, tuple[int, str]] = {}
    for i in range(stories):
        base = article(i, rnd)
        versions = {
            "txt": as_txt(base),
            "html": as_html(base),
            "md": as_md(base),
            "edited": as_html(edited(base, rnd)),
            "cut": as_txt(cut(base, rnd)),
            "rechromed": rechromed(base),
        }
        folder = directory / f"story-{i:04d}"
        folder.mkdir(parents=True)
        for kind, text in versions.items():
            suffix = {"html": "html", "md": "md", "edited": "html"}.get(kind, "txt")
            path = folder / f"{kind}.{suffix}"
            path.write_text(text, encoding="utf-8")
            truth[str(path)] = (i, kind)
        path = folder / "sibling.txt"
        path.write_text(as_txt(sibling(base, rnd, i)), encoding="utf-8")
        truth[str(path)] = (stories + i, "sibling")
    return truth


def score(workdir: Path, stories: int, seed: int) -> dict[str, object]:
    from reader.archive import Archive
    from reader.archive.importer import ImportReport

    corpus = workdir / "corpus"
    truth = write(corpus, stories, seed)
    with Archive(workdir / "archive") as archive:
        report = ImportReport()
        started = time.perf_counter()
        for _ in archive.import_paths([str(corpus)], report):
            pass
        import_s = time.perf_counter() - started
        store = archive.store
        label: dict[str, int] = {}
        kind: dict[str, str] = {}
        for path, (story, k) in truth.items():
            for row in store.sources_for_path(path):
                label[row[2]] = story
                kind.setdefault(row[2], k)
        ids = sorted(label)
        ours = {i: store.stories.story_of(i) for i in ids}
        prints = dict(store.stories.fingerprints(clustered=True))
    gold_pairs = {(a, b) for a, b in combinations(ids, 2) if label[a] == label[b]}
    our_pairs = {(a, b) for a, b in combinations(ids, 2) if ours[a] == ours[b]}
    tp = len(gold_pairs & our_pairs)
    precision = tp / len(our_pairs) if our_pairs else 0.0
    recall = tp / len(gold_pairs) if gold_pairs else 0.0
    # Recall per kind: is the version in its base text's story?
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    base = {label[i]: i for i in ids if kind[i] == "txt"}
    for i in ids:
        if kind[i] in ("txt", "sibling") or label[i] not in base:
            continue
        total[kind[i]] += 1
        found[kind[i]] += ours[i] == ours[base[label[i]]]
    siblings_apart = sum(
        ours[i] != ours[base[label[i] - stories]] for i in ids if kind[i] == "sibling" and label[i] - stories in base
    )
    return {
        "files": len(truth),
        "articles": len(ids),
        "duplicates_by_bytes": len(truth) - len(ids),
        "import_s": round(import_s, 1),
        "pairs_gold": len(gold_pairs),
        "pairs_ours": len(our_pairs),
        "precision": precision,
        "recall": recall,
        "recall_by_kind": {k: found[k] / total[k] for k in sorted(total)},
        "siblings_kept_apart": siblings_apart / stories,
        "sweep": sweep(ids, label, prints),
    }


def sweep(ids: list[str], label: dict[str, int], prints: dict) -> list[dict[str, float]]:  # type: ignore[type-arg]
    """Pairwise precision and recall of the same-story rule at other thresholds
    (every pair compared, no LSH, no merging: the rule alone)."""
    from reader.text.fingerprint import overlap

    pairs = [(a, b, label[a] == label[b], *overlap(prints[a], prints[b])) for a, b in combinations(ids, 2)]
    smaller = {i: prints[i].shingles for i in ids}
    rows = []
    for jaccard_bar in (0.3, 0.4, 0.5, 0.6, 0.7):
        for containment_bar in (0.7, 0.8, 0.9, 1.01):
            tp = fp = fn = 0
            for a, b, same, j, c in pairs:
                said = j >= jaccard_bar or (c >= containment_bar and min(smaller[a], smaller[b]) >= 40)
                tp += said and same
                fp += said and not same
                fn += same and not said
            rows.append(
                {
                    "jaccard": jaccard_bar,
                    "containment": containment_bar,
                    "precision": tp / (tp + fp) if tp + fp else 0.0,
                    "recall": tp / (tp + fn) if tp + fn else 0.0,
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=150)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None, help="keep the corpus and archive here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        result = score(workdir, args.stories, args.seed)
    print(
        f"{result['files']} files, {result['articles']} articles "
        f"({result['duplicates_by_bytes']} identical saves merged at import), imported in {result['import_s']} s"
    )
    print(f"pairs: precision {result['precision']:.3f}  recall {result['recall']:.3f}  (target 0.95 both)")
    for k, v in result["recall_by_kind"].items():  # type: ignore[union-attr]
        print(f"  {k:<10} in its story: {v:.3f}")
    print(
        f"  follow-ups (same topic and people, a shared quote and paragraph) kept apart: {result['siblings_kept_apart']:.3f}"
    )
    print("the rule alone, over every pair (Jaccard bar, containment bar -> precision / recall):")
    for row in result["sweep"]:  # type: ignore[union-attr]
        print(f"  J>={row['jaccard']:.1f} C>={row['containment']:.2f}  P {row['precision']:.3f}  R {row['recall']:.3f}")
    print(json.dumps({k: v for k, v in result.items() if k != "sweep"}))
    return 0


if __name__ == "__main__":
    run_command(main)
