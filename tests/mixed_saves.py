"""A folder of mixed saves, as a reader's Downloads might hold, made from our own text.

    python -m tests.mixed_saves DIR

Writes a printed PDF, a scanned PDF, a wallabag EPUB, a browser's complete save
(with its NAME_files/ folder and an ad frame in it), a SingleFile page, a WARC,
a Safari web archive, clipper and Omnivore Markdown, a wallabag export saved
without an extension, an ArchiveBox snapshot, a gzip-compressed page, and what
is not imported: Pocket's list of links, a bookmark and a spreadsheet.
tests/test_mixed_saves.py imports it with the CLI.
"""

from __future__ import annotations

import gzip
import json
import plistlib
import sys
from pathlib import Path

from tests.ingest.pdf_maker import article_pages, make_pdf
from tests.ingest.test_archivebox import snapshot
from tests.ingest.test_epub import STORIES, make_epub, story_doc
from tests.ingest.test_pdf import PARAGRAPHS
from tests.ingest.test_readlater import CLIPPER, OMNIVORE
from tests.ingest.test_web_archives import CRAWL, make_warc, page
from tests.ingest.test_webpage import singlefile_page

# What each file should become: name -> (outcome, what an import says or finds).
EXPECTED = {
    "Two new cranes - Port News.pdf": ("added", "Two new cranes for the harbour"),
    "scan-0001.pdf": ("skipped", "scanned PDF, no text"),
    "wallabag-articles.epub": ("added", "Ferry adds a late crossing"),
    "Lighthouse keepers return.html": ("added", "Lighthouse keepers return"),
    "Lighthouse keepers return_files/": ("skipped", "resources of the saved page Lighthouse keepers return.html"),
    "Two new cranes (27_11_2021 12_34_56).html": ("added", "Two new cranes"),
    "crawl.warc.gz": ("added", "Two new cranes for the harbour"),
    "Salt marsh.webarchive": ("added", "Salt marsh walk reopens"),
    "Dockers vote on the new shift pattern.md": ("added", "Dockers vote on the new shift pattern"),
    "Ferry adds a late crossing.md": ("added", "Ferry adds a late crossing"),
    "wallabag-export": ("added", "Tide tables move online"),
    "archivebox/archive/1700000000.5/index.json": ("added", "Two new cranes for the harbour"),
    "Quay lights.html.gz": ("added", "Quay lights switched to LED"),
    "ril_export.html": ("skipped", "a Pocket export: links without the articles' text"),
    "Harbour webcam.url": ("skipped", "a bookmark to https://harbour.example/webcam, not a saved page"),
    "budget.xlsx": ("skipped", "unsupported format: .xlsx"),
}


def make_mixed_folder(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    pdf_pages = article_pages(
        "Two new cranes for the harbour",
        PARAGRAPHS,
        header="14/11/2023, 22:13    Port News",
        footer="https://port.example/news/cranes    {page}/{pages}",
        headings={2: "Training for the operators"},
    )
    info = {"Title": "Two new cranes for the harbour", "Author": "Ada Quayle", "CreationDate": "D:20231114221320Z"}
    (root / "Two new cranes - Port News.pdf").write_bytes(make_pdf(pdf_pages, info=info))
    (root / "scan-0001.pdf").write_bytes(make_pdf([], image_pages=2))
    docs = [(f"{n}.xhtml", story_doc(*story)) for n, story in enumerate(STORIES)]
    (root / "wallabag-articles.epub").write_bytes(
        make_epub(docs, title="wallabag articles", creator="wallabag", date="2024-03-05")
    )
    (root / "Lighthouse keepers return.html").write_bytes(
        page("Lighthouse keepers return", "Two keepers moved back into the lighthouse on the point this week.")
    )
    resources = root / "Lighthouse keepers return_files"
    resources.mkdir(exist_ok=True)
    (resources / "saved_resource.html").write_text(
        "<html><head><title>Sign in</title></head><body><p>Sign in to see offers picked for you today.</p></body></html>"
    )
    (resources / "main.css").write_text("body { font-family: serif }")
    (root / "Two new cranes (27_11_2021 12_34_56).html").write_text(singlefile_page(image_bytes=200_000, images=3))
    (root / "crawl.warc.gz").write_bytes(make_warc(CRAWL[:4]))
    webarchive = {
        "WebMainResource": {
            "WebResourceData": page("Salt marsh walk reopens", "The boardwalk across the salt marsh reopened."),
            "WebResourceURL": "https://coast.example/marsh",
            "WebResourceMIMEType": "text/html",
            "WebResourceTextEncodingName": "UTF-8",
        }
    }
    (root / "Salt marsh.webarchive").write_bytes(plistlib.dumps(webarchive, fmt=plistlib.FMT_BINARY))
    (root / "Dockers vote on the new shift pattern.md").write_text(CLIPPER)
    (root / "Ferry adds a late crossing.md").write_text(OMNIVORE)
    entry = {
        "id": 12,
        "title": "Tide tables move online",
        "url": "https://harbour.example/tides",
        "content": "<p>The harbour office stopped printing tide tables this year and now publishes them online, "
        "updated each morning.</p><p>Printed copies remain at the ferry terminal for those who ask.</p>",
        "tags": ["harbour"],
        "is_starred": 1,
        "annotations": [{"quote": "updated each morning", "text": "handy"}],
    }
    (root / "wallabag-export").write_text(json.dumps([entry]))
    box = root / "archivebox"
    box.mkdir(exist_ok=True)
    if not (box / "archive" / "1700000000.5").exists():
        snapshot(box, "1700000000.5")
    (root / "Quay lights.html.gz").write_bytes(
        gzip.compress(page("Quay lights switched to LED", "The lamps along the quay now use a tenth of the power."))
    )
    (root / "ril_export.html").write_text(
        "<!DOCTYPE html>\n<html>\n\t<head>\n\t\t<title>Pocket Export</title>\n\t</head>\n\t<body>\n\t\t<h1>Unread</h1>\n"
        '\t\t<ul>\n\t\t\t<li><a href="https://harbour.example/tides" time_added="1700000000" tags="">Tides</a></li>\n'
        "\t\t</ul>\n\t</body>\n</html>\n"
    )
    (root / "Harbour webcam.url").write_bytes(b"[InternetShortcut]\r\nURL=https://harbour.example/webcam\r\n")
    (root / "budget.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet")
    return root


if __name__ == "__main__":
    print(make_mixed_folder(Path(sys.argv[1])))
