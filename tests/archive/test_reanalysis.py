"""An upgrade that finds entities and quotes differently reaches archives
imported before it: the store keeps the finder's fingerprint, `import` says
when it is older, and `reindex` finds them again (they stayed as the older
newsreader found them until the files were imported anew)."""

from __future__ import annotations

import json
from pathlib import Path

from reader.archive import Archive
from reader.cli import main
from reader.text.analyser_version import ANALYSER_KEY, analyser_version, fingerprint
from tests.conftest import FIXTURES, run_import


def _as_an_older_newsreader_left_it(root: Path, fingerprint_value: str | None) -> str:
    """An archive whose analysis an older finder made: an invented entity in
    one article, and that finder's fingerprint (or none: before it was kept)."""
    with Archive(root) as archive:
        first = archive.store.iter_articles().__next__().id
        with archive.store.transaction():
            archive.store.analysis.set_analysis(
                first, {"entities": [{"name": "Zorblatt", "type": "PERSON", "mentions": [[0, 0, 8]]}], "quotes": []}
            )
            if fingerprint_value is None:
                archive.store.db.execute("DELETE FROM meta WHERE key = ?", (ANALYSER_KEY,))
            else:
                archive.store.set_meta(ANALYSER_KEY, fingerprint_value)
        archive.sync_index()
        return first


def _entity_names(archive: Archive, article_id: str) -> set[str]:
    row = archive.store.db.execute("SELECT analysis FROM articles WHERE id = ?", (article_id,)).fetchone()
    return {e["name"] for e in json.loads(row[0])["entities"]}


def test_a_new_archive_is_analysed_by_this_finder(tmp_path: Path) -> None:
    with Archive(tmp_path / "data") as archive:
        run_import(archive, FIXTURES)
        assert archive.store.meta(ANALYSER_KEY) == analyser_version()
        assert not archive.analysis_outdated()


def test_reindex_finds_entities_again_where_an_older_finder_found_them(tmp_path: Path) -> None:
    root = tmp_path / "data"
    with Archive(root) as archive:
        run_import(archive, FIXTURES)
    for older in ("0123456789abcdef", None):
        article_id = _as_an_older_newsreader_left_it(root, older)
        with Archive(root) as archive:
            assert archive.analysis_outdated()
            assert "Zorblatt" in _entity_names(archive, article_id)
            seen: list[tuple[int, int]] = []
            archive.reindex(analysing=lambda done, total, seen=seen: seen.append((done, total)))
            assert "Zorblatt" not in _entity_names(archive, article_id)
            assert _entity_names(archive, article_id), "the article's own entities are found again"
            assert seen and seen[-1] == (3, 3)
            assert not archive.analysis_outdated()
            assert archive.search('entity:"Zorblatt"').total == 0


def test_import_says_so_and_reindex_shows_the_pass(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "data"
    with Archive(root) as archive:
        run_import(archive, FIXTURES)
    _as_an_older_newsreader_left_it(root, "0123456789abcdef")
    assert main(["--data-dir", str(root), "import", str(FIXTURES)]) == 0
    assert "`newsreader reindex` finds them again" in capsys.readouterr().out
    assert main(["--data-dir", str(root), "reindex"]) == 0
    captured = capsys.readouterr()
    assert "Finding entities and quotes again" in captured.err
    assert main(["--data-dir", str(root), "import", str(FIXTURES)]) == 0
    assert "finds them again" not in capsys.readouterr().out


def test_the_fingerprint_follows_every_module_and_table(tmp_path: Path) -> None:
    (tmp_path / "entities.py").write_text("A = 1\n")
    (tmp_path / "weights.json").write_text("{}")
    (tmp_path / "notes.txt").write_text("not code")
    first = fingerprint(tmp_path)
    (tmp_path / "notes.txt").write_text("changed, but not code")
    assert fingerprint(tmp_path) == first
    changes = (
        ("weights.json", '{"a": 1}'),
        ("entities.py", "A = 2\n"),
        ("quotes.py", ""),
        ("tagger.crfsuite", "model"),
    )
    for name, text in changes:
        (tmp_path / name).write_text(text)
        assert fingerprint(tmp_path) != first
        first = fingerprint(tmp_path)


def test_an_index_rebuilt_on_open_finds_them_again_too(tmp_path: Path) -> None:
    # An upgrade that changes the index's schema rebuilds it on first open:
    # the same pass brings the entities up to date, its progress on the rebuild's.
    import shutil

    root = tmp_path / "data"
    with Archive(root) as archive:
        run_import(archive, FIXTURES)
    article_id = _as_an_older_newsreader_left_it(root, None)
    shutil.rmtree(root / "index")
    with Archive(root) as archive:
        steps: list[tuple[int, int]] = []
        archive.upkeep.index(on_rebuild=lambda done, total: steps.append((done, total)))
        assert "Zorblatt" not in _entity_names(archive, article_id)
        assert not archive.analysis_outdated()
        assert archive.search('entity:"Zorblatt"').total == 0
        assert steps
