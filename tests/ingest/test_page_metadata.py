"""reader/ingest/page_metadata.py: trafilatura's metadata less the categories,
tags and licence, field for field what trafilatura's own metadata step gives."""

from __future__ import annotations

import copy
import random

import pytest
import trafilatura
from trafilatura.utils import load_html

from reader.ingest.page_metadata import READ_FIELDS, page_metadata
from tests.bench.corpus import article, as_html
from tests.ingest.prose import LEAD, SECOND, THIRD

BODY = f"<p>{LEAD}</p><p>{SECOND}</p><p>{THIRD}</p>"
LINKS = (
    "<div class='post-meta'><a href='/category/harbour/'>Harbour</a></div>"
    "<div class='tags'><a href='/tag/ferries/'>Ferries</a></div>"
    "<p><a rel='license' href='https://creativecommons.org/licenses/by-sa/4.0/'>CC BY-SA</a></p>"
)
JSON_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
    ' "headline": "Ferry slip to close for repairs", "author": {"@type": "Person", "name": "Ann Lee"},'
    ' "datePublished": "2021-03-02", "publisher": {"@type": "Organization", "name": "Island Herald"},'
    ' "articleSection": "Harbour"}</script>'
)
PAGES = {
    "og tags and a canonical address": (
        "<html><head><title>Ferry slip to close | Island Herald</title>"
        "<meta property='og:title' content='Ferry slip to close for repairs'>"
        "<meta property='og:site_name' content='Island Herald'><meta name='author' content='Ann Lee'>"
        "<link rel='canonical' href='https://www.islandherald.example/news/ferry-slip'>"
        f"<meta property='article:published_time' content='2021-03-02T08:00:00Z'></head><body>"
        f"<article><h1>Ferry slip to close for repairs</h1>{BODY}</article>{LINKS}</body></html>"
    ),
    "JSON-LD only": f"<html><head>{JSON_LD}</head><body><article>{BODY}</article>{LINKS}</body></html>",
    "a byline in the page, a relative address": (
        "<html><head><title>Ferry slip to close - islandherald.example</title>"
        "<link rel='canonical' href='/news/ferry-slip'><meta property='og:url' content='https://islandherald.example/x'>"
        "</head><body><h1>Ferry slip to close</h1><p class='byline'>By <span class='author'>Ann Lee</span></p>"
        f"<p class='date'>March 2, 2021</p>{BODY}{LINKS}</body></html>"
    ),
    "a one-word author and a site name in lower case": (
        "<html><head><meta name='author' content='herald'><meta property='og:site_name' content='@islandherald'>"
        f"</head><body>{BODY}</body></html>"
    ),
    "nothing but text": f"<html><body>{BODY}</body></html>",
}


def _trafilaturas(tree: object) -> object:
    """trafilatura's own metadata step, on a copy as bare_extraction runs it."""
    doc = trafilatura.bare_extraction(copy.deepcopy(tree), with_metadata=True, include_comments=False)
    assert doc is not None
    return doc


def _generated_pages() -> list[str]:
    rnd = random.Random(19)
    return [as_html(article(i, rnd)) for i in range(6)]


@pytest.mark.parametrize("html", [*PAGES.values(), *_generated_pages()], ids=[*PAGES, *["generated"] * 6])
def test_the_fields_we_read_are_trafilaturas(html: str) -> None:
    tree = load_html(html)
    ours = page_metadata(copy.deepcopy(tree))
    theirs = _trafilaturas(tree)
    assert {f: getattr(ours, f) for f in READ_FIELDS} == {f: getattr(theirs, f) for f in READ_FIELDS}


def test_the_categories_tags_and_licence_are_not_looked_for() -> None:
    tree = load_html(PAGES["og tags and a canonical address"])
    theirs = _trafilaturas(tree)
    assert theirs.categories and theirs.tags and theirs.license  # the page has them
    ours = page_metadata(copy.deepcopy(tree))
    assert not ours.categories and not ours.tags and not ours.license
    assert ours.author == "Ann Lee" and ours.hostname == "islandherald.example" and ours.date == "2021-03-02"
