"""Score our HTML path against bare trafilatura on real pages with ground truth.

    python -m tests.eval.eval_extraction [--limit N] [--sets aeb,l3s,...] [--title-misses] [--show-glue]

Reads ../shared/eval-data (never copied into the repo); both extractors run on
the same decoded pages in the same run. Per set, side by side:
- body precision/recall/F1 (the benchmark's shingle metric) on scrapinghub-aeb,
  l3s-gn1-dev and dragnet-dev, and F1 of the title line over the body (dragnet's
  gold keeps the headline in the body);
- title exact match on l3s-gn1-dev, mozilla-readability-news and
  trafilatura-eval-en (the last two together are "the title sets");
- glue: pages where words run together that the page keeps apart, and split:
  pages where a word the page writes whole is split in two (tests/eval/glue.py);
- trafilatura-eval-en: share of "with" snippets kept and "without" snippets dropped;
- repeated paragraphs: pages where we repeat a paragraph the gold text does not.
Ends with one JSON line of every figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.eval.common import EVAL_DATA, require, run_command, shingle_scores, squash
from tests.eval.glue import glued, source_runs, source_words, split_words


@dataclass
class Page:
    """One saved page and what its set says about it."""

    name: str
    html: str
    body: str | None = None  # gold article text
    title: str | None = None  # gold headline
    with_: list[str] = field(default_factory=list)  # snippets that must be kept
    without: list[str] = field(default_factory=list)  # snippets that must be dropped


@dataclass(frozen=True)
class Output:
    title: str
    body: str  # without captions
    full: str  # every block


def ours(html: str) -> Output:
    """Our HTML path, folding included."""
    from reader.ingest.html import parse_html_text
    from reader.text.pipeline import finish

    try:
        article = finish(parse_html_text(html, None))
    except Exception:  # noqa: BLE001 - a page we cannot read scores as empty
        return Output("", "", "")
    body = "\n\n".join(b.text for b in article.blocks if b.kind != "caption")
    full = "\n\n".join(b.text for b in article.blocks)
    return Output(article.title, body, full)


def bare(html: str) -> Output:
    """trafilatura with its defaults, no comments."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True, output_format="python")
    if doc is None:
        return Output("", "", "")
    text = doc.text or ""
    return Output(doc.title or "", text, text)


EXTRACTORS: dict[str, Callable[[str], Output]] = {"ours": ours, "trafilatura": bare}


def read_gz(path: Path) -> str:
    """A page's bytes decoded the way the importer decodes them."""
    from reader.ingest.decode import decode

    with gzip.open(path, "rb") as fh:
        return decode(fh.read(), html=True)


def aeb_pages() -> Iterator[Page]:
    root = require(EVAL_DATA / "scrapinghub-aeb")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for item in sorted(gold):
        yield Page(item, read_gz(root / "html" / f"{item}.html.gz"), body=gold[item]["articleBody"])


def l3s_pages() -> Iterator[Page]:
    root = require(EVAL_DATA / "l3s-gn1-dev")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for item in sorted(gold):
        rec = gold[item]
        yield Page(item, read_gz(root / "html" / f"{item}.html.gz"), body=rec["body"], title=rec.get("title"))


def dragnet_pages() -> Iterator[Page]:
    root = require(EVAL_DATA / "dragnet-dev")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for item in sorted(gold):
        yield Page(item, read_gz(root / "html" / f"{item}.html.gz"), body=gold[item]["body"])


def mozilla_pages() -> Iterator[Page]:
    root = require(EVAL_DATA / "mozilla-readability-news" / "pages")
    for d in sorted(root.iterdir()):
        meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
        yield Page(d.name, read_gz(d / "source.html.gz"), title=meta.get("title") or None)


def trafilatura_eval_pages() -> Iterator[Page]:
    root = require(EVAL_DATA / "trafilatura-eval-en")
    entries = json.loads((root / "evaldata-en.json").read_text(encoding="utf-8"))
    for entry in entries.values():
        yield Page(
            entry["file"],
            read_gz(root / "html" / (entry["file"] + ".gz")),
            title=entry.get("title") or None,
            with_=entry.get("with", []),
            without=entry.get("without", []),
        )


SETS: dict[str, tuple[str, Callable[[], Iterator[Page]]]] = {
    "aeb": ("scrapinghub-aeb", aeb_pages),
    "l3s": ("l3s-gn1-dev", l3s_pages),
    "dragnet": ("dragnet-dev", dragnet_pages),
    "mozilla": ("mozilla-readability-news", mozilla_pages),
    "tra": ("trafilatura-eval-en", trafilatura_eval_pages),
}
TITLE_SETS = ("mozilla", "tra")  # the sets the title rules were first developed on


def _extra_repeats(gold: str, pred: str) -> int:
    """1 if the prediction repeats a paragraph more often than the gold text does."""

    def counts(text: str) -> Counter[str]:
        return Counter(squash(p).lower() for p in re.split(r"\n", text) if len(squash(p)) > 20)

    g, p = counts(gold), counts(pred)
    return int(any(n > 1 and n > g.get(k, 0) for k, n in p.items()))


def score_set(pages: list[Page], outputs: dict[str, list[Output]], show: set[str]) -> dict[str, dict[str, float]]:
    """Every figure the set's gold allows, per extractor."""
    runs = [source_runs(p.html) for p in pages]
    page_words = [source_words(p.html) for p in pages]
    result: dict[str, dict[str, float]] = {}
    for name, outs in outputs.items():
        s: dict[str, float] = {}
        if pages and pages[0].body is not None:
            pairs = [(p.body or "", o.body) for p, o in zip(pages, outs, strict=True)]
            body = shingle_scores(pairs)
            s.update({"precision": body["precision"], "recall": body["recall"], "f1": body["f1"]})
            # As the reader sees it, the title over the text: dragnet's gold keeps
            # the headline as the body's first line, where we show it as the title.
            shown = shingle_scores([(p.body or "", o.title + "\n" + o.body) for p, o in zip(pages, outs, strict=True)])
            s["f1_title_body"] = shown["f1"]
            s["extra_repeats"] = sum(_extra_repeats(g, b) for g, b in pairs)
        titled = [(p, o) for p, o in zip(pages, outs, strict=True) if p.title]
        if titled:
            hits = [squash(o.title) == squash(p.title or "") for p, o in titled]
            s["title_hits"], s["title_pages"] = sum(hits), len(hits)
            s["title"] = sum(hits) / len(hits)
            if "titles" in show and name == "ours":
                for (p, o), hit in zip(titled, hits, strict=True):
                    if not hit:
                        print(f"  title {p.name}\n    gold: {p.title!r}\n    ours: {o.title!r}")
        glue_pages = 0
        for p, o, run in zip(pages, outs, runs, strict=True):
            found = glued(squash(o.title) + "\n" + o.full, run)
            glue_pages += bool(found)
            if found and "glue" in show:
                print(f"  glue {name} {p.name}: {', '.join(found[:6])}")
        s["glue_pages"], s["pages"] = glue_pages, len(pages)
        split_pages = 0
        for p, o, (words, pairs) in zip(pages, outs, page_words, strict=True):
            found = split_words(o.title + "\n" + o.full, words, pairs)
            split_pages += bool(found)
            if found and "glue" in show:
                print(f"  split {name} {p.name}: {', '.join(found[:6])}")
        s["split_pages"] = split_pages
        if any(p.with_ or p.without for p in pages):
            tp = fn_ = tn = fp = 0
            for p, o in zip(pages, outs, strict=True):
                text = squash(o.full)
                for snippet in p.with_:
                    tp, fn_ = (tp + 1, fn_) if squash(snippet) in text else (tp, fn_ + 1)
                for snippet in p.without:
                    fp, tn = (fp + 1, tn) if squash(snippet) in text else (fp, tn + 1)
            s["with_kept"], s["without_dropped"] = tp / max(1, tp + fn_), tn / max(1, tn + fp)
        result[name] = s
    return result


def published_aeb() -> dict[str, float]:
    """The benchmark's own stored trafilatura 2.0.0 output, scored the same way."""
    root = require(EVAL_DATA / "scrapinghub-aeb")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ref = json.loads((root / "reference-outputs" / "trafilatura.json").read_text(encoding="utf-8"))
    ref = ref.get("output", ref)
    return shingle_scores([(gold[i]["articleBody"], (ref.get(i) or {}).get("articleBody", "")) for i in sorted(gold)])


def _row(label: str, s: dict[str, float]) -> str:
    cells = [f"{label:12}"]
    if "f1" in s:
        cells.append(f"body F1 {s['f1']:.3f} (P {s['precision']:.3f} R {s['recall']:.3f})")
        cells.append(f"title+body F1 {s['f1_title_body']:.3f}")
        cells.append(f"extra repeats {int(s['extra_repeats']):3}")
    cells.append(f"glue {int(s['glue_pages']):3}/{int(s['pages'])}  split {int(s['split_pages']):3}")
    if "title" in s:
        cells.append(f"title {s['title']:.3f} ({int(s['title_hits'])}/{int(s['title_pages'])})")
    if "with_kept" in s:
        cells.append(f"with kept {s['with_kept']:.3f} without dropped {s['without_dropped']:.3f}")
    return "  ".join(cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--title-misses", action="store_true", help="print each page whose title we miss")
    parser.add_argument("--show-glue", action="store_true", help="print the glued runs and split words of each page")
    args = parser.parse_args(argv)
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    show = {"titles"} if args.title_misses else set()
    if args.show_glue:
        show.add("glue")
    results: dict[str, dict[str, dict[str, float]]] = {}
    for key in args.sets.split(","):
        label, load = SETS[key]
        pages = list(load())[: args.limit]
        outputs = {name: [fn(p.html) for p in pages] for name, fn in EXTRACTORS.items()}
        print(f"{label} ({len(pages)} pages)")
        results[label] = score_set(pages, outputs, show)
        for name, s in results[label].items():
            print("  " + _row(name, s))
    title_sets = [SETS[k][0] for k in TITLE_SETS if SETS[k][0] in results]
    if len(title_sets) == len(TITLE_SETS):
        for name in EXTRACTORS:
            hits = sum(results[t][name]["title_hits"] for t in title_sets)
            total = sum(results[t][name]["title_pages"] for t in title_sets)
            results.setdefault("title sets together", {})[name] = {"title": hits / total, "pages": total}
            print(f"  title, {' + '.join(title_sets)}: {name} {hits / total:.3f} ({hits}/{total})")
    if "aeb" in args.sets.split(",") and args.limit is None:
        results["scrapinghub-aeb"]["trafilatura 2.0.0 (published output)"] = published_aeb()
    print(json.dumps(results, default=float))
    return 0


if __name__ == "__main__":
    run_command(main)
