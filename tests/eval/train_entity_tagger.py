"""Train the entity tagger (reader/text/entity_tagger.py) and write its model file.

    pip install python-crfsuite     # a dependency of newsreader itself
    python -m tests.eval.train_entity_tagger [--set gum --set wikigold] [--out PATH]

The shipped model (reader/text/entity_tagger.crfsuite) is trained on the
licence-clean development data only, which is the default:
- WikiGold (Wikipedia text, CC BY 4.0), all 145 articles;
- gum-dev's genres whose texts GUM gives under CC BY, CC BY-SA or public
  domain: academic, bio, conversation, court, speech, textbook, vlog, voyage
  (annotations CC BY 4.0). The five CC BY-NC-SA genres (whow, fiction, essay,
  letter, podcast) are left out: a model trained on them would carry the
  non-commercial term into an MIT program. bio and voyage are Wikipedia and
  Wikivoyage text under CC BY-SA 3.0, so the model file is shipped with their
  attribution and under that licence (README, "Entities").
`--set conll-testa` trains on CoNLL testa too: Reuters text is for internal
use only, so such a model is for measuring held out and is never committed
(write it elsewhere with --out). Test splits are never read here.

Each block is cut into words as the recogniser cuts them (entity_tokens), and
each word labelled B-/I- PERSON, PLACE, ORG or O from the gold names (MISC and
GUM's other kinds are O). The CRF is fitted by L-BFGS with an L1 and an L2
penalty (L1 keeps the file small); a fixed iteration count makes the build
reproducible.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from reader.text import entity_tag_features
from reader.text.entity_tag_features import sequence_features
from reader.text.entity_tagger import DEFAULT_MODEL
from reader.text.entity_tokens import LOWER_WORD, is_caps_line, tokens
from tests.eval.common import EVAL_DATA, require, run_command
from tests.eval.eval_entities import gold_spans, read_conll, read_gum, sentence_text

SETS = ("gum", "wikigold", "conll-testa")
# gum-dev genres whose texts may be shipped in a model (CC BY, CC BY-SA, public domain).
SHIPPABLE_GUM_GENRES = frozenset("academic bio conversation court speech textbook vlog voyage".split())
CONLL_TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}

# A document: its blocks' texts and its gold names (block, start, end, type).
Doc = tuple[list[str], list[tuple[int, int, int, str]]]


def gum_docs(genres: frozenset[str] = SHIPPABLE_GUM_GENRES) -> list[Doc]:
    out = []
    for doc in read_gum():
        if doc["genre"] not in genres:
            continue
        texts = [b["text"] for b in doc["blocks"]]  # type: ignore[attr-defined, index]
        names = [(n["block"], n["start"], n["end"], n["type"]) for n in doc["names"]]  # type: ignore[attr-defined, index]
        out.append((texts, names))
    return out


def conll_docs(path: Path) -> list[Doc]:
    out = []
    for doc in read_conll(path):
        texts, names = [], []
        for b, sentence in enumerate(doc):
            text, starts = sentence_text(sentence)
            texts.append(text)
            for lo, hi, kind in gold_spans(sentence):
                names.append((b, starts[lo], starts[hi - 1] + len(sentence[hi - 1][0]), CONLL_TYPES[kind]))
        out.append((texts, names))
    return out


def docs_of(name: str) -> list[Doc]:
    if name == "gum":
        return gum_docs()
    if name == "wikigold":
        return conll_docs(require(EVAL_DATA / "wikigold" / "wikigold.conll.txt"))
    if name == "conll-testa":
        return conll_docs(require(EVAL_DATA / "conll2003" / "eng.testa.iob2.txt"))
    raise ValueError(name)


def sequences(docs: list[Doc]) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, labels) per block with words, as the recogniser would read it."""
    for texts, names in docs:
        lower_words = {w for text in texts for w in LOWER_WORD.findall(text)}
        by_block: dict[int, list[tuple[int, int, str]]] = {}
        for b, start, end, kind in names:
            by_block.setdefault(b, []).append((start, end, kind))
        for b, text in enumerate(texts):
            if is_caps_line(text):
                continue  # the recogniser reads no names in a line of capitals
            toks = tokens(text)
            if not toks:
                continue
            labels = []
            for tok in toks:
                label = "O"
                for start, end, kind in by_block.get(b, ()):
                    if start <= tok.start < end:
                        label = ("B-" if tok.start == start or not labels or labels[-1] == "O" else "I-") + kind
                        break
                labels.append(label)
            yield sequence_features(text, toks, lower_words), labels


def train(names: list[str], out: Path) -> dict[str, int]:
    """Train on the named sets and write the model to `out`; returns counts."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params(PARAMS)
    counts: dict[str, int] = {}
    for name in names:
        blocks = 0
        for xseq, yseq in sequences(docs_of(name)):
            trainer.append(xseq, yseq)
            blocks += 1
        counts[name] = blocks
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return counts


# Where the eval tools keep the taggers they train without one set or another.
TAGGER_CACHE = Path(tempfile.gettempdir()) / "newsreader-entity-taggers"


def _features_version() -> str:
    """A short hash of what a model depends on besides its data: the feature code,
    the word lists it reads and the training parameters, so a cached tagger is
    trained again when any of them changes."""
    text = Path(entity_tag_features.__file__).parent
    digest = hashlib.sha256(repr(sorted(PARAMS.items())).encode())
    for name in ("entity_tag_features.py", "entity_tokens.py", "vocab.py", "company_names.json"):
        digest.update((text / name).read_bytes())
    return digest.hexdigest()[:10]


def cached_tagger(sets: list[str], directory: Path = TAGGER_CACHE) -> Path:
    """A tagger trained on `sets` (in SETS order), trained now unless the cache holds it."""
    ordered = [s for s in SETS if s in sets]
    path = directory / f"{'+'.join(ordered)}-{_features_version()}.crfsuite"
    if not path.exists():
        started = time.perf_counter()
        tmp = path.with_suffix(".part")
        counts = train(ordered, tmp)
        tmp.replace(path)
        print(f"  trained {path.name} on {counts} blocks in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=SETS, action="append", help="default: gum and wikigold (licence-clean)")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    names = args.set or ["gum", "wikigold"]
    if "conll-testa" in names and args.out.resolve() == DEFAULT_MODEL.resolve():
        raise SystemExit("a model trained on CoNLL (Reuters text, internal use only) is never shipped: use --out")
    started = time.perf_counter()
    counts = train(names, args.out)
    size = args.out.stat().st_size
    print(f"trained on {counts} blocks in {time.perf_counter() - started:.0f} s; wrote {args.out} ({size:,} bytes)")
    return 0


if __name__ == "__main__":
    run_command(main)
