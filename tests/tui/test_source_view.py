"""`o` shows the saved page as a person reads it: where it is saved, then its
text (it showed the page's HTML)."""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

from reader.config import Config
from tests.conftest import archive_of
from tests.ingest.test_page_view import PAGE
from tests.tui.conftest import settle, to_results


async def test_o_shows_the_saved_pages_path_and_text_not_its_html(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.app import NewsReaderApp

    root = archive_of(tmp_path, {"quay.html": PAGE})
    paged: list[str] = []

    def pager(args: list[str]) -> int:
        paged.append(Path(args[-1]).read_text(encoding="utf-8"))
        return 0

    monkeypatch.setenv("PAGER", "less")
    monkeypatch.setattr(subprocess, "call", pager)
    app = NewsReaderApp(root, config=Config(), save_config=False)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # no terminal to hand over in a test
    async with app.run_test(size=(80, 24)) as pilot:
        await to_results(pilot)
        await pilot.press("o")
        await settle(pilot)
    [shown] = paged
    assert shown.startswith(f"Saved file: {tmp_path / 'src' / 'quay.html'}\n")
    assert "said the minutes" in shown and "Tayside Echo" in shown  # the whole page, footer too
    assert "<p>" not in shown and "tracker" not in shown


async def test_o_on_an_article_of_a_web_archive_shows_its_page_alone(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A WARC holds a crawl's pages: `o` paged the whole file, every record's headers and HTML."""
    from reader.archive import Archive
    from reader.tui.app import NewsReaderApp
    from tests.conftest import run_import
    from tests.ingest.test_web_archives import CRAWL, make_warc

    src = tmp_path / "src"
    src.mkdir()
    (src / "crawl.warc.gz").write_bytes(make_warc(CRAWL))
    with Archive(tmp_path / "archive") as archive:
        run_import(archive, src)
    paged: list[str] = []
    monkeypatch.setenv("PAGER", "less")
    monkeypatch.setattr(subprocess, "call", lambda args: paged.append(Path(args[-1]).read_text(encoding="utf-8")) or 0)
    app = NewsReaderApp(tmp_path / "archive", config=Config(), save_config=False)
    monkeypatch.setattr(app, "suspend", contextlib.nullcontext)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("/", *"crossing", "enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
    [shown] = paged
    assert "WARC-Target-URI: https://ferry.example/late" in shown and "Ferry adds a late crossing" in shown
    assert "port.example" not in shown and "<html>" not in shown
