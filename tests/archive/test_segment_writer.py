"""The grouping segment writer writes the same files as Whoosh's own."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import pytest
from whoosh.writing import SegmentWriter

from reader.archive.index import whoosh_index as ixmod
from reader.archive.index import whoosh_version
from reader.archive.index.segment_writer import GroupedPostings, GroupingSegmentWriter

WORDS = "harbour storm ferry council Gdańsk strike budget the of and tram glacier vote Kowalska".split()


def _documents(count: int, seed: int = 3) -> list[dict[str, object]]:
    """Documents with every kind of field the schema has; a few words common
    enough that their posting lists span several blocks (128 postings each)."""
    rnd = random.Random(seed)
    docs = []
    for i in range(count):
        body = " ".join(rnd.choice(WORDS) + (str(rnd.randint(0, 400)) if rnd.random() < 0.5 else "") for _ in range(60))
        docs.append(
            {
                "id": f"doc{i:04d}",
                "title": " ".join(rnd.sample(WORDS, 3)),
                "body": body,
                "byline": rnd.choice(["", "Anna Berg", "Rui Costa"]),
                "site": rnd.choice(["", "example.org https://example.org/a"]),
                "published": rnd.choice([None, datetime(2021, rnd.randint(1, 12), rnd.randint(1, 28))]),
                "undated": rnd.randint(0, 1),
                "tags": rnd.choice(["", "work", "work,later"]),
                "path": f"/saves/batch{i % 3}/a{i}.html",
                "entity": rnd.choice(["", "Port Authority | Anna Berg"]),
                "person": rnd.choice(["", "Anna Berg"]),
                "place": "",
                "org": "Port Authority",
                "group": "",
                "speaker": rnd.choice(["", "Anna Berg"]),
                "highlight": "",
                "note": "",
                "is_": "",
            }
        )
    return docs


def _segment_files(directory: Path) -> dict[str, list[bytes]]:
    """The contents of the index's files by kind (segment names are random)."""
    files: dict[str, list[bytes]] = {}
    for path in directory.iterdir():
        if path.suffix in {".col", ".pst", ".trm", ".vps"}:
            files.setdefault(path.suffix, []).append(path.read_bytes())
    return {suffix: sorted(contents) for suffix, contents in files.items()}


def _write(directory: Path, writer_class: type, batches: list[list[dict[str, object]]], delete: list[str]) -> None:
    ix = ixmod.create_index(directory)
    for number, batch in enumerate(batches):
        w = writer_class(ix, compound=False)
        for doc in batch:
            w.add_document(**doc)
        if number == len(batches) - 1:
            for article_id in delete:
                w.delete_by_term("id", article_id)
            # The last commit merges the earlier segments in (their postings go through the pool).
            w.commit(optimize=True)
        else:
            w.commit()


@pytest.mark.skipif(not whoosh_version.verified(), reason="the grouping writer acts on a verified Whoosh only")
@pytest.mark.parametrize(
    ("sizes", "delete"),
    [([300], []), ([5], []), ([150, 200], ["doc0003", "doc0170"])],
)
def test_the_same_files_as_whooshs_writer(tmp_path: Path, sizes: list[int], delete: list[str]) -> None:
    docs = _documents(sum(sizes))
    batches, start = [], 0
    for size in sizes:
        batches.append(docs[start : start + size])
        start += size
    _write(tmp_path / "whoosh", SegmentWriter, batches, delete)
    _write(tmp_path / "grouped", GroupingSegmentWriter, batches, delete)
    whoosh, grouped = _segment_files(tmp_path / "whoosh"), _segment_files(tmp_path / "grouped")
    assert set(whoosh) == {".col", ".pst", ".trm"}
    assert grouped == whoosh


def test_pool_order_is_whooshs() -> None:
    """Postings given out of document order (a merged segment's) come back sorted."""
    pool = GroupedPostings()
    items = [
        ("body", b"b", 4, 1.0, b"x"),
        ("body", b"a", 2, 1.0, b""),
        ("title", b"a", 1, 2.0, b""),
        ("body", b"b", 1, 1.0, b"y"),
    ]
    for item in items:
        pool.add(item)
    assert list(pool.iter_postings()) == sorted(items)


@pytest.mark.skipif(not whoosh_version.verified(), reason="the grouping writer acts on a verified Whoosh only")
def test_the_single_writer_is_the_grouping_one(tmp_path: Path) -> None:
    ix = ixmod.create_index(tmp_path / "ix")
    w = ixmod.writer(ix)
    try:
        assert isinstance(w, GroupingSegmentWriter)
    finally:
        w.cancel()
