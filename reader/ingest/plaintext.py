"""Plain-text scrapes (.txt): the visible text of a saved page, chrome and all."""

from __future__ import annotations

from pathlib import Path

from reader.ingest.common import title_from_path
from reader.ingest.decode import file_text
from reader.model import Article
from reader.sanitize import clean_text
from reader.text.chrome import clean_scrape
from reader.text.pipeline import blocks_from_scrape


def parse(data: bytes, path: Path) -> list[Article]:
    text = clean_text(file_text(data))
    scrape = clean_scrape(text)
    if not scrape.paragraphs and not scrape.title:
        from reader.ingest.errors import IngestError

        lines = sum(1 for line in text.splitlines() if line.strip())  # a blank file is "empty file" before this
        held = "its one line is" if lines == 1 else f"its {lines:,} lines are"
        raise IngestError(f"no article text found: {held} too short to read as an article (menus, buttons, counters)")
    blocks = blocks_from_scrape(scrape.paragraphs)
    title = scrape.title or title_from_path(path)
    return [
        Article(
            title=title,
            blocks=tuple(blocks),
            format="txt",
            byline=scrape.byline,
            published=scrape.published,
        )
    ]
