"""PDFs (print-to-PDF saves and papers): text in reading order, as blocks.

pdfminer.six lays each page out into text boxes in reading order (columns
too) and keeps every character's font size, which is what headings and
running headers are found by; pypdf only gives a page's text as one string.

- A heading is a run of lines clearly larger than the body's size (the size
  most characters are set in).
- A line that stands near the top or bottom edge of most pages with the same
  words (digits aside) is a running header or footer; a bare page number
  ("3", "Page 3 of 7", "3/7") near an edge is dropped on any page. A browser's
  print footer often carries the page's URL; that becomes the article's URL.
- Bulleted lines are list items; contents lines (leader dots and a page
  number) are dropped.
- The title is the document's own (its info dictionary) or the largest line on
  page one, chosen as for web pages; author and date come from the info.
- A PDF whose pages are images with no text layer is skipped as a scan.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from statistics import median

from reader.ingest.common import meta_text, squash, title_from_path
from reader.model import Article, Block
from reader.sanitize import clean_text
from reader.text.normalize import fold_key

# A heading's size against the body's: 15 pt over 11 pt is 1.36, a bold
# 12 pt subhead over 11 pt (1.09) is not told from emphasis by size alone.
HEADING_RATIO = 1.18
HEADING_MAX_CHARS = 200
# Running headers and footers live in the top and bottom eighth of a page.
EDGE = 0.125
# On at least this share of pages (and two) a line at an edge is running matter.
RUNNING_SHARE = 0.5
# Fewer characters than this per page on average, with images: a scan.
SCAN_CHARS_PER_PAGE = 20
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–]?(?:\s*(?:of|/|von|de)\s*\d{1,4})?$", re.I
)
# A contents line: words, a run of leader dots, a page number.
_CONTENTS_LINE = re.compile(r"(?:\s?\.){5,}\s*\d+\s*$")
# pdfminer's stand-in for a glyph it has no character for.
_UNKNOWN_GLYPH = re.compile(r"\(cid:\d+\)")
_BULLET = re.compile(r"^[•◦▪‣●○■□–]\s+")
_URL = re.compile(r"https?://\S+")
_DIGITS = re.compile(r"\d+")
_PLACEHOLDER_TITLE = re.compile(r"^(?:untitled|document\d*|microsoft word - .*|.*\.(?:docx?|odt|rtf|pdf|tex))$", re.I)


@dataclass(frozen=True)
class Line:
    """One laid-out line of a page."""

    page: int
    box: int  # which text box of the page it belongs to
    text: str
    x0: float
    y0: float
    x1: float
    size: float
    at_edge: bool  # in the top or bottom eighth of the page


def _decode(value: object) -> str | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value) if value.startswith((b"\xfe\xff", b"\xff\xfe")) else value.decode("latin-1")
    if isinstance(value, str):
        return value
    return None


def pdf_date(value: str | None) -> datetime | None:
    """A PDF date ("D:20211127123456+01'00'") as a datetime."""
    if not value:
        return None
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?", value.strip())
    if not m:
        return None
    defaults = (0, 1, 1, 0, 0, 0)
    year, month, day, hour, minute, second = (int(g) if g else d for g, d in zip(m.groups()[:6], defaults, strict=True))
    sign, tz_h, tz_m = m.group(7), int(m.group(8) or 0), int(m.group(9) or 0)
    offset = timedelta(hours=tz_h, minutes=tz_m) * (-1 if sign == "-" else 1)
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=timezone(offset))
    except ValueError:
        return None


def _layout(data: bytes) -> tuple[list[Line], int, bool, dict[str, str]]:
    """Every text line of every page, the page count, whether there are images, and the info."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    info: dict[str, str] = {}
    for entry in document.info or []:
        for key, value in entry.items():
            text = _decode(value)
            if text and text.strip():
                info[str(key)] = text.strip()
    lines: list[Line] = []
    pages = 0
    images = False
    for page_no, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), start=1):
        pages = page_no
        height = page.height or 842.0
        for box_no, element in enumerate(page):
            if isinstance(element, LTImage | LTFigure):
                images = True
            if not isinstance(element, LTTextBox):
                continue
            for line in element:
                if not isinstance(line, LTTextLine):
                    continue
                text = squash(line.get_text())
                sizes = [c.size for c in line if isinstance(c, LTChar)]
                if not text or not sizes:
                    continue
                middle = (line.y0 + line.y1) / 2
                at_edge = middle > height * (1 - EDGE) or middle < height * EDGE
                lines.append(Line(page_no, box_no, text, line.x0, line.y0, line.x1, median(sizes), at_edge))
    return lines, pages, images, info


def running_lines(lines: list[Line], pages: int) -> set[Line]:
    """Headers, footers and page numbers: lines at an edge that repeat on most pages."""

    def key(line: Line) -> tuple[str, int]:
        return _DIGITS.sub("#", line.text.lower()), round(line.y0 / 12)

    edge = [line for line in lines if line.at_edge]
    on_pages: dict[tuple[str, int], set[int]] = {}
    for line in edge:
        on_pages.setdefault(key(line), set()).add(line.page)
    needed = max(2, RUNNING_SHARE * pages)
    return {
        line for line in edge if len(on_pages[key(line)]) >= needed or _PAGE_NUMBER.match(line.text.strip()) is not None
    }


def _join(rows: list[str]) -> str:
    """Lines of a paragraph into one string, words hyphenated at a line end put back together."""
    text = ""
    for row in rows:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha() and row[:1].islower():
            text = text[:-1] + row
        else:
            text = f"{text} {row}" if text else row
    return text


def blocks_from_lines(lines: list[Line]) -> list[Block]:
    """Lines (running matter gone) into headings and paragraphs, in reading order."""
    if not lines:
        return []
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    body = weights.most_common(1)[0][0]
    blocks: list[Block] = []
    rows: list[str] = []
    kind = "paragraph"

    def flush() -> None:
        if rows:
            text = clean_text(_UNKNOWN_GLYPH.sub("", _join(rows)))
            if text and not _CONTENTS_LINE.search(text):
                bullet = kind == "paragraph" and _BULLET.match(text)
                blocks.append(Block("list_item", text[bullet.end() :]) if bullet else Block(kind, text))
            rows.clear()

    extents: dict[tuple[int, int], tuple[float, float]] = {}
    for line in lines:
        left, right = extents.get((line.page, line.box), (line.x0, line.x1))
        extents[line.page, line.box] = (min(left, line.x0), max(right, line.x1))
    previous: Line | None = None
    for line in lines:
        heading = line.size >= body * HEADING_RATIO and len(line.text) <= HEADING_MAX_CHARS
        this_kind = "heading" if heading else "paragraph"
        new_box = previous is None or (line.page, line.box) != (previous.page, previous.box)
        box_left, box_right = extents[line.page, line.box]
        starts_paragraph = (
            new_box
            or this_kind != kind
            # a bullet, an indented first line, or the line before it stopped well short of the margin
            or _BULLET.match(line.text) is not None
            or (this_kind == "paragraph" and line.x0 - box_left > line.size * 0.8)
            or (
                previous is not None
                and this_kind == "paragraph"
                and previous.x1 < box_left + (box_right - box_left) * 0.7
                and previous.text[-1:] in ".!?:\"'”’"
            )
        )
        if starts_paragraph:
            flush()
            kind = this_kind
        rows.append(line.text)
        previous = line
    flush()
    return blocks


def _footer_url(running: set[Line]) -> str | None:
    for line in sorted(running, key=lambda line: (line.page, -line.y0)):
        m = _URL.search(line.text)
        if m:
            return m.group().rstrip(".,;)")
    return None


def _title(blocks: list[Block], lines: list[Line], info: dict[str, str], path: Path) -> str:
    from reader.ingest.titles import choose_title

    first_page = [line for line in lines if line.page == 1]
    largest = max((line.size for line in first_page), default=0.0)
    big = [line.text for line in first_page if line.size >= largest - 0.5 and largest > 0]
    candidate = " ".join(big[:3]) if big else None
    own = info.get("Title")
    if own and _PLACEHOLDER_TITLE.match(own.strip()):
        own = None
    chosen = choose_title([candidate] if candidate else [], None, own, None, [])
    return meta_text(chosen) or meta_text(own) or title_from_path(path)


def parse(data: bytes, path: Path) -> list[Article]:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    from reader.ingest.errors import IngestError, NotAnArticle

    try:
        lines, pages, images, info = _layout(data)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise NotAnArticle("encrypted PDF: it needs a password to open") from exc
    except (PDFSyntaxError, PSException) as exc:
        raise IngestError(f"damaged PDF: {exc}") from exc
    chars = sum(len(line.text) for line in lines)
    if pages and chars < SCAN_CHARS_PER_PAGE * pages and (images or not lines):
        raise NotAnArticle("scanned PDF, no text (its pages are images; run OCR on it first)")
    running = running_lines(lines, pages)
    blocks = blocks_from_lines([line for line in lines if line not in running])
    title = _title(blocks, lines, info, path)
    if blocks and fold_key(blocks[0].text) == fold_key(title):
        blocks = blocks[1:]  # the title printed as the first line
    url = _footer_url(running) or meta_text(info.get("URL"))
    site = None
    if url:
        from urllib.parse import urlsplit

        site = urlsplit(url).hostname
    return [
        Article(
            title=title,
            blocks=tuple(blocks),
            format="pdf",
            byline=meta_text(info.get("Author")),
            site=site,
            url=url,
            published=pdf_date(info.get("CreationDate")),
        )
    ]
