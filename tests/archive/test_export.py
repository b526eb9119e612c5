"""Export: JSON that imports back losslessly, and Markdown, HTML and EPUB."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.dom import minidom

from reader.archive import Archive
from reader.archive.importer import ImportReport
from reader.cli import main
from tests.conftest import FIXTURES, archive_of, run_import


def _records(path: Path) -> dict[str, dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "newsreader-export" and data["version"] == 1
    return {r["id"]: {k: v for k, v in r.items() if k not in ("paths", "imported_at")} for r in data["articles"]}


def test_json_export_imports_back_losslessly(tmp_path: Path) -> None:
    with Archive(tmp_path / "a") as archive:
        run_import(archive, FIXTURES)
        first = archive.search("", limit=1).hits[0].id
        archive.set_tags(first, ["keep", "ferries"])
        archive.set_starred(first, True)
        archive.set_read(first, True)
        stored = archive.get(first)
        words = " ".join(stored.article.blocks[0].text.split()[:4])  # type: ignore[union-attr]
        archive.add_highlight(first, words, note="a note to keep")
        archive.export("", "json", tmp_path / "a.json")
    with Archive(tmp_path / "b") as archive:
        report = ImportReport()
        for _ in archive.import_paths([str(tmp_path / "a.json")], report):
            pass
        assert report.failed == 0
        archive.export("", "json", tmp_path / "b.json")
        again = ImportReport()
        for _ in archive.import_paths([str(tmp_path / "a.json")], again):
            pass
        assert again.counts()["added"] == 0  # importing the same export twice adds nothing
    before, after = _records(tmp_path / "a.json"), _records(tmp_path / "b.json")
    assert before == after  # blocks with their folds, metadata, tags, state, entities, quotes, stories
    assert sorted(after[first]["tags"]) == ["ferries", "keep"]  # type: ignore[arg-type]
    assert after[first]["starred"] is True and after[first]["read"] is True
    assert [h["note"] for h in after[first]["highlights"]] == ["a note to keep"]  # type: ignore[union-attr]
    assert any(b["repeats"] > 1 for r in after.values() for b in r["blocks"])  # folds came back as folds


def test_markdown_html_and_epub_carry_metadata_and_escape_the_text(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "src"
    source.mkdir()
    (source / "hostile.txt").write_text(
        "Harbour board report on the <script>alert(1)</script> ferry timetable\n\n"
        "The harbour board said on Monday that the ferry timetable would change, and that "
        "passengers who typed </p><b>bold</b> into the form were told to stop.\n",
        encoding="utf-8",
    )
    data = tmp_path / "archive"
    with Archive(data) as archive:
        run_import(archive, source)
    for fmt, target in (("markdown", "md"), ("html", "html"), ("epub", "book.epub")):
        assert main(["--data-dir", str(data), "export", "--format", fmt, "--to", str(tmp_path / target)]) == 0
    assert "exported 1 article " in capsys.readouterr().err
    [md] = list((tmp_path / "md").glob("*.md"))
    text = md.read_text(encoding="utf-8")
    assert text.startswith("---\nid: ") and "passengers who typed" in text
    page = next(p for p in (tmp_path / "html").glob("*.html") if p.name != "index.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;/p&gt;&lt;b&gt;" in page
    book = zipfile.ZipFile(tmp_path / "book.epub")
    assert book.namelist()[0] == "mimetype" and book.infolist()[0].compress_type == zipfile.ZIP_STORED
    for name in book.namelist():
        if name.endswith((".xhtml", ".opf", ".xml")):
            minidom.parseString(book.read(name))  # well-formed XML, so the hostile text was escaped


def test_an_export_from_a_newer_newsreader_is_refused_by_name(tmp_path: Path) -> None:
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "newsreader-export", "version": 9, "articles": []}), encoding="utf-8")
    with Archive(tmp_path / "archive") as archive:
        report = ImportReport()
        for _ in archive.import_paths([str(newer)], report):
            pass
    [(path, reason)] = report.failures
    assert path.endswith("newer.json") and "newer newsreader" in reason


def test_entity_corrections_apply_now_and_to_later_imports(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from reader.text.corrections import Correction

    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    (first / "a.txt").write_text(
        "Harbour talks stall again\n\nMayor Ines Varga said talks with the Harbour Board had stalled. "
        '"A deal is close," Varga told reporters in Kalmar. Storm Petra closed the bridge.\n',
        encoding="utf-8",
    )
    (later / "b.txt").write_text(
        "Harbour deal signed\n\nInes Varga signed the harbour deal on Friday in Kalmar, "
        "after Storm Petra had delayed the vote.\n",
        encoding="utf-8",
    )
    data = tmp_path / "archive"
    with Archive(data) as archive:
        run_import(archive, first)
        assert archive.correct(Correction("rename", "Ines Varga", "Ines Varga-Holm")) == 1
        assert archive.correct(Correction("reject", "Storm Petra")) == 1
        assert archive.correct(Correction("type", "Harbour Board", "ORG")) == 1
        run_import(archive, later)
        names = {(n, t) for n, t, _, _ in archive.entities(limit=50)}
        assert ("Ines Varga-Holm", "PERSON") in names and not any(n == "Ines Varga" for n, _ in names)
        assert not any(n == "Storm Petra" for n, _ in names)
        assert [q[2] for q in archive.quotes(None, "", 10)] == ["Ines Varga-Holm"]  # the speaker too
        assert len(archive.search('entity:"Ines Varga-Holm"').hits) == 2
    capsys.readouterr()
    assert main(["--data-dir", str(data), "correct", "--list"]) == 0
    listed = capsys.readouterr().out
    assert "“Ines Varga” → “Ines Varga-Holm”" in listed and "“Storm Petra” is not an entity" in listed
    assert main(["--data-dir", str(data), "correct", "type", "Kalmar", "planet"]) == 2


def test_highlights_are_searchable_listed_and_survive_a_reimport(tmp_path: Path) -> None:
    from reader.text.anchor import anchor

    source = tmp_path / "src"
    source.mkdir()
    page = source / "quay.txt"
    lead = "The harbour board voted on Monday to rebuild the north quay before the winter storms arrive."
    later = "Work on the quay will start in October and is expected to take eighteen months in all."
    page.write_text(f"North quay to be rebuilt\n\n{lead}\n\n{later}\n", encoding="utf-8")
    with Archive(tmp_path / "archive") as archive:
        run_import(archive, source)
        [hit] = archive.search("quay").hits
        made = archive.add_highlight(hit.id, "start in   october", note="ask about the budget")
        assert made.text == "start in October" and made.block == 1
        assert [h.id for h in archive.search("is:highlight").hits] == [hit.id]
        assert [h.id for h in archive.search("note:budget").hits] == [hit.id]
        assert [(h.text, title) for h, title in archive.highlights()] == [
            ("start in October", "North quay to be rebuilt")
        ]
        # The page is saved again with a new paragraph on top: the highlight finds its words.
        page.write_text(
            f"North quay to be rebuilt\n\nUpdated: the council confirmed the vote on Tuesday evening in a statement.\n\n"
            f"{lead}\n\n{later}\n",
            encoding="utf-8",
        )
        run_import(archive, source)
        stored = archive.get(hit.id)
        assert stored is not None and len(stored.highlights) == 1
        block, start, end = anchor(stored.article.blocks, stored.highlights[0])  # type: ignore[misc]
        assert stored.article.blocks[block].text[start:end] == "start in October" and block == 2
        try:
            archive.add_highlight(hit.id, "words that are nowhere")
        except Exception as exc:  # noqa: BLE001
            assert "not in the article" in str(exc)
        else:
            raise AssertionError("a passage that is not there was highlighted")


def test_reimporting_a_changed_export_keeps_the_archives_own_reading_state(tmp_path: Path) -> None:
    """The rule: an export's state fills in only what the archive lacks (no tags,
    unstarred, unread, position 0); what the archive has is never taken away."""
    with Archive(tmp_path / "a") as archive:
        run_import(archive, FIXTURES)
        archive.export("", "json", tmp_path / "a.json")
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    mine, theirs, plain = (r["id"] for r in data["articles"])
    with Archive(tmp_path / "b") as archive:
        run_import(archive, tmp_path / "a.json")
        archive.set_tags(mine, ["mine"])
        archive.set_starred(mine, True)
        archive.set_read(mine, True)
        archive.set_position(mine, 0.5)
        # The export is written again elsewhere, changed: new text for every
        # article, other state for two of them.
        for record in data["articles"]:
            record["blocks"][-1]["text"] += " Updated on Tuesday."
            if record["id"] in (mine, theirs):
                record.update(tags=["theirs"], starred=record["id"] == theirs, read=False, read_position=0.25)
        (tmp_path / "a.json").write_text(json.dumps(data), encoding="utf-8")
        report = run_import(archive, tmp_path / "a.json")
        assert report.counts()["updated"] == 3 and not report.failures
        kept, filled, untouched = (archive.get(i) for i in (mine, theirs, plain))
        assert kept is not None and filled is not None and untouched is not None
        assert kept.article.blocks[-1].text.endswith("Updated on Tuesday.")
        assert (kept.tags, kept.starred, kept.is_read, kept.read_position) == (("mine",), True, True, 0.5)
        assert (filled.tags, filled.starred, filled.is_read, filled.read_position) == (("theirs",), True, False, 0.25)
        assert (untouched.tags, untouched.starred, untouched.is_read) == ((), False, False)
        assert [h.id for h in archive.search("tag:mine").hits] == [mine]
        assert [h.id for h in archive.search("tag:theirs").hits] == [theirs]


def test_an_export_of_articles_the_archive_already_has_brings_their_state(tmp_path: Path) -> None:
    """The same articles scraped into both archives: importing one's export into
    the other fills in the tags and stars it lacks (they were dropped as duplicates)."""
    with Archive(tmp_path / "a") as archive:
        run_import(archive, FIXTURES)
        first = archive.search("", limit=1).hits[0].id
        archive.set_tags(first, ["from-a"])
        archive.set_starred(first, True)
        archive.export("", "json", tmp_path / "a.json")
    with Archive(tmp_path / "b") as archive:
        run_import(archive, FIXTURES)
        report = run_import(archive, tmp_path / "a.json")
        assert report.counts()["duplicates"] == 3
        [hit] = archive.search("tag:from-a").hits
        stored = archive.get(hit.id)
        assert stored is not None and stored.starred and stored.tags == ("from-a",)


def test_code_is_exported_as_code_and_comes_back_as_code(tmp_path: Path) -> None:
    code = "x = '```'\nfor line in open(path):\n    print(line)"
    data = archive_of(
        tmp_path, {"loops.md": f"---\ntitle: Reading files\n---\n\nRead a file line by line.\n\n````\n{code}\n````\n"}
    )
    for fmt, target in (("markdown", "md"), ("html", "html")):
        assert main(["--data-dir", str(data), "export", "--format", fmt, "--to", str(tmp_path / target)]) == 0
    [md] = list((tmp_path / "md").glob("*.md"))
    again = tmp_path / "again"
    with Archive(again) as archive:
        run_import(archive, tmp_path / "md")
        [hit] = archive.search("").hits
        article = archive.get(hit.id)
    assert ("code", code) in [(b.kind, b.text) for b in article.article.blocks]
    page = next(p for p in (tmp_path / "html").glob("*.html") if p.name != "index.html").read_text(encoding="utf-8")
    assert "\nfor line in open(path):\n    print(line)</code></pre>" in page


def test_markdown_html_and_epub_carry_tags_and_reading_state(tmp_path: Path) -> None:
    """The module promised every format its tags and reading state: Markdown
    had the tags but not starred or read, HTML and EPUB neither."""
    data = tmp_path / "archive"
    with Archive(data) as archive:
        run_import(archive, FIXTURES)
        article_id = archive.search("", limit=1).hits[0].id
        archive.set_tags(article_id, ["harbour", "Sweden"])
        archive.set_starred(article_id, True)
        archive.set_read(article_id, True)
    query = f"id:{article_id}"
    for fmt, target in (("markdown", "md"), ("html", "html"), ("epub", "book.epub")):
        assert main(["--data-dir", str(data), "export", query, "--format", fmt, "--to", str(tmp_path / target)]) == 0
    [md] = list((tmp_path / "md").glob("*.md"))
    front = md.read_text(encoding="utf-8").split("---")[1]
    assert 'tags: ["harbour", "Sweden"]' in front and "starred: true" in front and "read: true" in front
    page = next(p for p in (tmp_path / "html").glob("*.html") if p.name != "index.html").read_text(encoding="utf-8")
    book = zipfile.ZipFile(tmp_path / "book.epub")
    chapter = next(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml") and "/a0" in n)
    for text in (page, chapter):
        assert "tags: harbour, Sweden" in text and "starred · read" in text


def test_an_export_takes_the_searchs_filters_and_its_typed_last_word(tmp_path: Path) -> None:
    """The app exports what its list shows: the query with its filters, the
    last word completed as while typing ("ferr" lists the ferry articles)."""
    from reader.model import SearchFilters

    with Archive(tmp_path / "a") as archive:
        run_import(archive, FIXTURES)
        listed = {h.id for h in archive.search("ferr", complete_last_word=True).hits}
        assert len(listed) == 2
        starred = sorted(listed)[0]
        archive.set_starred(starred, True)
        count, _ = archive.export("ferr", "json", tmp_path / "typed.json", complete_last_word=True)
        assert count == 2 and set(_records(tmp_path / "typed.json")) == listed
        count, _ = archive.export("ferry", "json", tmp_path / "starred.json", filters=SearchFilters(starred=True))
        assert count == 1 and set(_records(tmp_path / "starred.json")) == {starred}


def test_a_search_that_finds_nothing_exports_nothing_and_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from reader.archive import NothingToExport

    data = tmp_path / "archive"
    with Archive(data) as archive:
        run_import(archive, FIXTURES)
        with pytest.raises(NothingToExport, match="finds no article"):
            archive.export("zzyzx", "json", tmp_path / "none.json")
    assert not (tmp_path / "none.json").exists()
    code = main(["--data-dir", str(data), "export", "zzyzx", "--format", "markdown", "--to", str(tmp_path / "md")])
    assert code == 1 and "'zzyzx' finds no article: nothing written" in capsys.readouterr().err
    assert not (tmp_path / "md").exists()
