"""An import's index steps write each article with its entities named as the
archive decides so far, so the import's end (one name, one type across the
archive) rewrites only what that decision changed since."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive, importer
from reader.archive.importer import ImportReport
from reader.archive.index import whoosh_index as ixmod


def _analysis(blocks, known, byline):  # type: ignore[no-untyped-def]
    """Ford, a company in most articles and a place in the one that says so."""
    kind = "PLACE" if any("place" in block.text for block in blocks) else "ORG"
    return {
        "entities": [{"name": "Ford", "type": kind, "mentions": [{"block": 0, "start": 0, "end": 4}]}],
        "quotes": [],
    }


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for n, what in enumerate(["company", "company", "company", "place", "company"]):
        text = f"Ford, the {what}, in story number {n}. " * 3 + f"The {n} paragraph of the story goes on."
        (folder / f"{n}.txt").write_text(f"Ford story {n}\n\n{text}\n", encoding="utf-8")
    return folder


def _postings(ix) -> set[tuple[str, bytes, str]]:  # type: ignore[no-untyped-def]
    """(field, term, article id) of every live document of the index."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        ids = {doc: fields["id"] for doc, fields in reader.iter_docs()}
        return {
            (field, term, ids[doc])
            for field, term in reader.all_terms()
            if field != "id"
            for doc in reader.postings(field, term).all_ids()
            if not reader.is_deleted(doc)
        }


def _as_rebuilt(archive: Archive, tmp_path: Path) -> set[tuple[str, bytes, str]]:
    """What an index built afresh from the store holds."""
    archive.upkeep._build(tmp_path / "rebuilt", None)
    return _postings(ixmod.open_index(tmp_path / "rebuilt"))


@pytest.fixture
def counted(monkeypatch) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Article id → documents written for it."""
    written: dict[str, int] = {}
    document = ixmod.document

    def counting(stored):  # type: ignore[no-untyped-def]
        written[stored.id] = written.get(stored.id, 0) + 1
        return document(stored)

    monkeypatch.setattr(importer, "analyze", _analysis)
    monkeypatch.setattr(ixmod, "document", counting)
    return written


def test_an_article_named_as_the_archive_decided_is_written_once(tmp_path: Path, counted: dict[str, int]) -> None:
    # A step after each file: the fourth calls Ford a place when three have
    # called it a company. Its step writes it as a company, as the end of the
    # import decides; written as found, it was written again at the end.
    with Archive(tmp_path / "a") as archive:
        report = ImportReport()
        for _ in archive.import_paths([_corpus(tmp_path / "c")], report, index_every_s=0, batch_size=1):
            pass
        assert report.added == 5
        assert sorted(counted.values()) == [1] * 5
        ix = archive.index()
        assert ix.doc_count_all() == ix.doc_count() == 5  # no deleted copies
        got = _postings(ix)
        assert got == _as_rebuilt(archive, tmp_path)
        assert {(f, t) for f, t, _ in got if f in ("org", "place")} == {("org", b"ford")}


def test_an_import_stopped_early_leaves_the_index_as_the_store(tmp_path: Path, counted: dict[str, int]) -> None:
    # Stopped after the fourth file's step: the end never decides, the store
    # keeps Ford a place in the fourth article, and so must the index.
    with Archive(tmp_path / "a") as archive:
        report = ImportReport()
        progress = archive.import_paths([_corpus(tmp_path / "c")], report, index_every_s=0, batch_size=1)
        for step in progress:
            if step.done == 4:
                with pytest.raises(KeyboardInterrupt):
                    progress.throw(KeyboardInterrupt)
                break
        got = _postings(archive.index())
        assert got == _as_rebuilt(archive, tmp_path)
        assert ("place", b"ford") in {(f, t) for f, t, _ in got}
