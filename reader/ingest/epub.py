"""EPUB (.epub): read-later exports (wallabag, Readeck, newsreader's own, a
calibre news fetch) hold one article per spine document; a book saved as EPUB
(a long read, a report) is one article, its chapters' headings kept.

Which one a file is: a collection when it says so (its title, creator,
publisher or generator names a read-later tool or calls it articles, or
calibre marks it a periodical) or when every document links to its own source
page; otherwise a book. dc:title, dc:creator, dc:date and dc:language are the
book's metadata, and each article's where the document has none of its own.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from reader.ingest.common import meta_text, parse_date, title_from_path
from reader.ingest.decode import DecodeError, decode
from reader.ingest.zipped import open_zip
from reader.model import Article, Block

_COLLECTION_HINT = re.compile(
    r"wallabag|readeck|omnivore|pocket|instapaper|newsreader|\barticles\b|\bexport\b|periodical", re.I
)
# Spine documents that are furniture, not text: covers, title pages, contents.
_FURNITURE = re.compile(r"(?:^|[/_.-])(?:cover|titlepage|title_page|toc|nav|copyright|colophon)(?:[/_.-]|$)", re.I)
_SOURCE_LINK = re.compile(r"\b(?:original|source|read (?:it )?online|url|link|view)\b", re.I)
# Documents with less text than this are title pages and dividers.
MIN_DOC_CHARS = 80


@dataclass(frozen=True)
class Document:
    """One spine document: its path in the zip and its XHTML text."""

    name: str
    html: str


def _xml(data: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    root = etree.fromstring(data, parser)
    if root is None:
        raise ValueError("empty XML")
    return root


def _first(root: etree._Element, name: str) -> str | None:
    found = root.xpath(f"//*[local-name()='metadata']/*[local-name()='{name}']")
    return meta_text(found[0].xpath("string()")) if found else None


def _package(book: zipfile.ZipFile) -> tuple[str, etree._Element]:
    from reader.ingest.errors import IngestError

    try:
        container = _xml(book.read("META-INF/container.xml"))
        opf = container.xpath("//*[local-name()='rootfile']/@full-path")[0]
        return str(opf), _xml(book.read(str(opf)))
    except (KeyError, IndexError, ValueError, etree.XMLSyntaxError) as exc:
        raise IngestError("EPUB without a readable package (META-INF/container.xml or its .opf)") from exc


def _documents(book: zipfile.ZipFile, opf_path: str, package: etree._Element) -> list[Document]:
    base = posixpath.dirname(opf_path)
    manifest = {
        item.get("id"): item
        for item in package.xpath("//*[local-name()='manifest']/*[local-name()='item']")
        if item.get("id")
    }
    documents = []
    for ref in package.xpath("//*[local-name()='spine']/*[local-name()='itemref']"):
        item = manifest.get(ref.get("idref"))
        if item is None or "html" not in (item.get("media-type") or ""):
            continue
        href = unquote(item.get("href") or "")
        if ref.get("linear") == "no" or "nav" in (item.get("properties") or "").split() or _FURNITURE.search(href):
            continue
        name = posixpath.normpath(posixpath.join(base, href))
        try:
            documents.append(Document(name, decode(book.read(name), html=True)))
        except (KeyError, DecodeError):
            continue  # a missing or undecodable chapter does not lose the rest
    return documents


def _source_url(html: str) -> str | None:
    """The document's own source page: a link labelled original/source, or its only web link."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"))
    except (etree.ParserError, ValueError):
        return None
    links = [a for a in tree.iter("a") if (a.get("href") or "").startswith(("http://", "https://"))]
    for a in links:
        around = f"{a.text_content()} {a.getparent().text_content() if a.getparent() is not None else ''}"
        if _SOURCE_LINK.search(around):
            return a.get("href")
    return links[0].get("href") if len(links) == 1 else None


def _is_source_line(text: str, url: str | None) -> bool:
    """'Original: https://…', the line an export adds to name the source, not article text."""
    if not url or url not in text:
        return False
    label = text.replace(url, "").strip(" :-–—()[]")
    return len(label.split()) <= 3 and (not label or _SOURCE_LINK.search(label) is not None)


def _is_collection(package: etree._Element, documents: list[Document]) -> bool:
    if len(documents) < 2:
        return False
    said = " ".join(filter(None, [_first(package, "title"), _first(package, "creator"), _first(package, "publisher")]))
    generators = package.xpath(
        "//*[local-name()='meta'][@name='generator' or @name='calibre:publication_type']/@content"
    )
    if _COLLECTION_HINT.search(" ".join([said, *map(str, generators)])):
        return True
    return all(_source_url(doc.html) for doc in documents)


def _article(doc: Document, path: Path) -> Article | None:
    from reader.ingest.errors import IngestError
    from reader.ingest.webpage import parse_page

    try:
        article = parse_page(doc.html, path, fmt="epub")
    except IngestError:
        return None
    if sum(len(b.text) for b in article.blocks) < MIN_DOC_CHARS:
        return None
    return article


def parse(data: bytes, path: Path) -> list[Article]:
    from reader.ingest.errors import IngestError, NotAnArticle

    with open_zip(data, "EPUB") as book:
        if "META-INF/encryption.xml" in book.namelist() and b"EncryptedData" in book.read("META-INF/encryption.xml"):
            raise NotAnArticle("EPUB is DRM-protected: its text is encrypted")
        opf_path, package = _package(book)
        documents = _documents(book, opf_path, package)
    book_title = _first(package, "title")
    creator = _first(package, "creator")
    date = parse_date(_first(package, "date"))
    language = _first(package, "language")
    publisher = _first(package, "publisher")
    if _is_collection(package, documents):
        articles = []
        for n, doc in enumerate(documents):
            article = _article(doc, path)
            if article is None:
                continue
            url = article.url or _source_url(doc.html)
            articles.append(
                replace(
                    article,
                    blocks=tuple(b for b in article.blocks if not _is_source_line(b.text, url)),
                    url=url,
                    published=article.published or date,
                    language=article.language or language,
                    part=f"{n}:{doc.name}",
                )
            )
        if not articles:
            raise IngestError("the EPUB's documents hold no article text")
        return articles
    chapters = [a for a in (_article(doc, path) for doc in documents) if a is not None]
    if not chapters:
        raise IngestError("the EPUB holds no text")
    blocks: list[Block] = []
    for chapter in chapters:
        first = chapter.blocks[0] if chapter.blocks else None
        if len(chapters) > 1 and chapter.title and (first is None or first.text != chapter.title):
            blocks.append(Block("heading", chapter.title))  # each chapter opens with its name
        blocks.extend(chapter.blocks)
    return [
        Article(
            title=book_title or chapters[0].title or title_from_path(path),
            blocks=tuple(blocks),
            format="epub",
            byline=creator or chapters[0].byline,
            site=publisher,
            url=chapters[0].url,
            published=date or chapters[0].published,
            language=language or chapters[0].language,
        )
    ]
