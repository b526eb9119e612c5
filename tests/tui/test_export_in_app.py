"""Export from the app (X), as `newsreader export` does from a shell: the article
being read or the search's articles, the file named when written, nothing
replaced and nothing written into the archive."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input

from reader.archive import Archive
from reader.tui.screens.export import ExportDialog
from reader.tui.screens.main import MainScreen
from reader.tui.widgets.article import ArticleView
from tests.tui.conftest import record_toasts, settle, to_results
from tests.tui.test_dialog_bursts import burst, typed


def _files(folder: Path) -> list[str]:
    """A folder's files, but SQLite's own (-wal, -shm: there while it is open)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(("-wal", "-shm")))


def _exported_ids(path: Path) -> list[str]:
    return [a["id"] for a in json.loads(path.read_text(encoding="utf-8"))["articles"]]


async def test_the_article_being_read_is_exported_to_the_path_typed_behind_x(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    toasts = record_toasts(app)
    target = tmp_path / "out" / "one.json"
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reading = app.screen.query_one(ArticleView).page.stored.id  # type: ignore[union-attr]
        burst(app, "X", *typed(str(target)), "enter")  # the path replaces the one offered
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert _exported_ids(target) == [reading]
    assert any(t.startswith("Exported 1 article as json: ") and str(target) in t for t in toasts)


async def test_the_searchs_articles_go_out_as_markdown_files(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    toasts = record_toasts(app)
    folder = tmp_path / "notes"
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"ferry", "enter")
        await settle(pilot)
        found = {h.id for h in app.screen.query_one("#results").hits}
        assert len(found) == 2
        await pilot.press("X")
        assert isinstance(app.screen, ExportDialog)
        await pilot.click("#export-markdown")
        app.screen.query_one("#export-path", Input).value = str(folder)
        app.screen.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
    written = sorted(folder.glob("*.md"))
    assert len(written) == 2 and {p.stem.rsplit("-", 1)[1] for p in written} == found
    assert f"Exported 2 articles as markdown: 2 files in {folder}" in toasts


async def _export_to(pilot, target: Path) -> None:  # type: ignore[no-untyped-def]
    """From the results, X, the path typed over the one offered, Enter."""
    await to_results(pilot)
    await pilot.press("X")
    pilot.app.screen.query_one("#export-path", Input).value = str(target)
    await pilot.press("enter")
    await settle(pilot)


async def test_an_existing_file_is_not_replaced(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    target = tmp_path / "kept.json"
    target.write_text("mine", encoding="utf-8")
    async with app.run_test(size=(120, 36)) as pilot:
        await _export_to(pilot, target)
        assert isinstance(app.screen, ExportDialog)  # still open, saying why
        said = str(app.screen.query_one("#export-problem").render())
        assert str(target) in said and "exists" in said
    assert target.read_text(encoding="utf-8") == "mine"


async def test_nothing_is_written_into_the_archive(make_app, filled_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    toasts = record_toasts(app)
    before = _files(filled_dir)
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        for name in ("store.sqlite3", "export.json"):
            await pilot.press("X")
            app.screen.query_one("#export-path", Input).value = str(filled_dir / name)
            await pilot.press("enter")
            await settle(pilot)
            if isinstance(app.screen, ExportDialog):  # the store exists: refused in the dialog
                await pilot.press("escape")
        assert any("Not exported" in t and "inside the archive folder" in t for t in toasts)
    assert _files(filled_dir) == before
    with Archive(filled_dir) as archive:
        assert archive.article_count() == 3


async def test_a_search_that_finds_nothing_exports_no_file(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    toasts = record_toasts(app)
    target = tmp_path / "none.json"
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(*"zzyzx")
        await settle(pilot)
        burst(app, "escape", "X", *typed(str(target)), "enter")
        await settle(pilot)
    assert not target.exists()
    assert any(t.startswith("Not exported: ") and "finds no article" in t for t in toasts), toasts


async def test_the_path_offered_is_one_no_file_has(make_app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """X then Enter twice in one folder: the second offered the first's file,
    which is never replaced, so Enter only said to give another name."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newsreader-export.json").write_text("mine", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("X")
        offered = app.screen.query_one("#export-path", Input).value
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert offered == str(tmp_path / "newsreader-export-2.json")
    assert (tmp_path / "newsreader-export.json").read_text(encoding="utf-8") == "mine"
    assert len(_exported_ids(tmp_path / "newsreader-export-2.json")) > 1


async def test_why_nothing_was_written_shows_at_80x24(make_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """At 80x24 the dialog was cut below the path box: Enter on a file that
    exists seemed to do nothing, the reason being under the screen's edge."""
    target = tmp_path / "kept.json"
    target.write_text("mine", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _export_to(pilot, target)
        assert isinstance(app.screen, ExportDialog)
        shown = app.export_screenshot()
    assert "exists:" in shown and "another" in shown
