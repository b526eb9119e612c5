"""Score our HTML path against bare trafilatura on real pages with ground truth.

    python -m tests.eval.eval_extraction [--limit N]

Reads ../shared/eval-data (never copied into the repo) and prints, side by side:
- scrapinghub-aeb: body precision/recall/F1 (the benchmark's shingle metric);
- titles: exact match rate on mozilla-readability-news and trafilatura-eval-en;
- trafilatura-eval-en: share of "with" snippets kept and "without" snippets dropped;
- repeated paragraphs: pages where we repeat a paragraph the gold text does not.
Ends with one JSON line of every figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

from tests.eval.common import EVAL_DATA, require, shingle_scores, squash


def ours(html: str) -> tuple[str, str, str]:
    """(title, body without captions, full text) from our HTML path, folding included."""
    from reader.ingest.html import parse_html_text
    from reader.text.pipeline import finish

    try:
        article = finish(parse_html_text(html, None))
    except Exception:  # noqa: BLE001 - a page we cannot read scores as empty
        return "", "", ""
    body = "\n\n".join(b.text for b in article.blocks if b.kind != "caption")
    full = "\n\n".join(b.text for b in article.blocks)
    return article.title, body, full


def bare(html: str) -> tuple[str, str, str]:
    """(title, body, body) from trafilatura with its defaults, no comments."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True, output_format="python")
    if doc is None:
        return "", "", ""
    text = doc.text or ""
    return doc.title or "", text, text


def read_gz(path: Path) -> str:
    with gzip.open(path, "rb") as fh:
        raw = fh.read()
    from reader.ingest.decode import decode

    return decode(raw, html=True)


def aeb(limit: int | None) -> dict[str, dict[str, float]]:
    root = require(EVAL_DATA / "scrapinghub-aeb")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[:limit]
    out: dict[str, dict[str, float]] = {}
    for name, fn in (("ours", ours), ("trafilatura", bare)):
        pairs, repeats, started = [], 0, time.perf_counter()
        for item in ids:
            with gzip.open(root / "html" / f"{item}.html.gz", "rt", encoding="utf-8") as fh:
                html = fh.read()
            _, body, _ = fn(html)
            gold_body = gold[item]["articleBody"]
            pairs.append((gold_body, body))
            repeats += _extra_repeats(gold_body, body)
        scores = shingle_scores(pairs)
        scores["pages_with_extra_repeats"] = repeats
        scores["seconds"] = time.perf_counter() - started
        out[name] = scores
    ref = json.loads((root / "reference-outputs" / "trafilatura.json").read_text(encoding="utf-8"))
    ref = ref.get("output", ref)
    out["trafilatura 2.0.0 (published output)"] = shingle_scores(
        [(gold[i]["articleBody"], (ref.get(i) or {}).get("articleBody", "")) for i in ids]
    )
    return out


def _extra_repeats(gold: str, pred: str) -> int:
    """1 if the prediction repeats a paragraph more often than the gold text does."""

    def counts(text: str) -> Counter[str]:
        return Counter(squash(p).lower() for p in text.split("\n") if len(squash(p)) > 20)

    g, p = counts(gold), counts(pred)
    return int(any(n > 1 and n > g.get(k, 0) for k, n in p.items()))


def titles(limit: int | None, show_misses: bool = False) -> dict[str, dict[str, float]]:
    moz = require(EVAL_DATA / "mozilla-readability-news" / "pages")
    tra = require(EVAL_DATA / "trafilatura-eval-en")
    entries = json.loads((tra / "evaldata-en.json").read_text(encoding="utf-8"))
    cases: list[tuple[str, str]] = []  # (gold title, html)
    names: list[str] = []
    for d in sorted(moz.iterdir())[:limit]:
        meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
        if meta.get("title"):
            cases.append((meta["title"], read_gz(d / "source.html.gz")))
            names.append(f"mozilla/{d.name}")
    moz_n = len(cases)
    for entry in list(entries.values())[:limit]:
        if entry.get("title"):
            cases.append((entry["title"], read_gz(tra / "html" / (entry["file"] + ".gz"))))
            names.append(f"trafilatura-eval/{entry['file']}")
    out = {}
    for name, fn in (("ours", ours), ("trafilatura", bare)):
        found = [fn(html)[0] for _, html in cases]
        hits = [squash(title) == squash(gold) for title, (gold, _) in zip(found, cases, strict=True)]
        if show_misses and name == "ours":
            for page, title, (gold, _), hit in zip(names, found, cases, hits, strict=True):
                if not hit:
                    print(f"{page}\n  gold: {gold!r}\n  ours: {title!r}")
        out[name] = {
            "mozilla": sum(hits[:moz_n]) / max(1, moz_n),
            "trafilatura-eval": sum(hits[moz_n:]) / max(1, len(hits) - moz_n),
            "all": sum(hits) / max(1, len(hits)),
        }
    return out


def snippets(limit: int | None) -> dict[str, dict[str, float]]:
    tra = require(EVAL_DATA / "trafilatura-eval-en")
    entries = list(json.loads((tra / "evaldata-en.json").read_text(encoding="utf-8")).values())[:limit]
    out = {}
    for name, fn in (("ours", ours), ("trafilatura", bare)):
        tp = fn_ = tn = fp = 0
        for entry in entries:
            text = squash(fn(read_gz(tra / "html" / (entry["file"] + ".gz")))[2])
            for s in entry.get("with", []):
                tp, fn_ = (tp + 1, fn_) if squash(s) in text else (tp, fn_ + 1)
            for s in entry.get("without", []):
                fp, tn = (fp + 1, tn) if squash(s) in text else (fp, tn + 1)
        out[name] = {
            "with_kept": tp / max(1, tp + fn_),
            "without_dropped": tn / max(1, tn + fp),
            "precision": tp / max(1, tp + fp),
            "recall": tp / max(1, tp + fn_),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    parser.add_argument("--title-misses", action="store_true", help="print each page whose title we miss")
    args = parser.parse_args(argv)
    import warnings

    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)
    results = {
        "aeb": aeb(args.limit),
        "titles": titles(args.limit, args.title_misses),
        "snippets": snippets(args.limit),
    }
    print("scrapinghub-aeb body (shingle metric, 181 pages)")
    print(f"  {'':38} {'P':>6} {'R':>6} {'F1':>6} {'exact':>6} {'extra repeats':>14}")
    for name, s in results["aeb"].items():
        print(
            f"  {name:38} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['accuracy']:6.3f} "
            f"{s.get('pages_with_extra_repeats', '-'):>14}"
        )
    print("titles, exact match after whitespace normalisation")
    for name, s in results["titles"].items():
        print(
            f"  {name:38} mozilla {s['mozilla']:.3f}  trafilatura-eval {s['trafilatura-eval']:.3f}  all {s['all']:.3f}"
        )
    print("trafilatura-eval-en snippets")
    for name, s in results["snippets"].items():
        print(f"  {name:38} with kept {s['with_kept']:.3f}  without dropped {s['without_dropped']:.3f}")
    print(json.dumps(results, default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
