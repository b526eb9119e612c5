"""reader/ingest/html.py's held(): a page's elements held while it is read, so
lxml.html's Python class lookup makes each element's object once, not once a walk."""

from __future__ import annotations

import lxml.html
import pytest

from reader.ingest import html as htmlmod
from reader.ingest.shown import shown_texts
from tests.ingest.prose import LEAD, SECOND

PAGE = (
    "<html><head><title>Ferry slip to close</title></head><body><nav><a href='/'>Home</a></nav>"
    f"<div class='headline'><h1>Ferry slip to close</h1></div><p>{LEAD}</p>"
    f"<figure><img src='a.jpg'><figcaption>The old slip</figcaption></figure><p>{SECOND}</p>"
    "<h2 class='related'>More news</h2><ul><li>One</li><li>Two</li></ul></body></html>"
)


@pytest.fixture
def lookups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []
    real = lxml.html.HtmlElementClassLookup.lookup

    def counting(self, node_type, document, namespace, name):  # type: ignore[no-untyped-def]
        made.append(name)
        return real(self, node_type, document, namespace, name)

    monkeypatch.setattr(lxml.html.HtmlElementClassLookup, "lookup", counting)
    return made


def _read(tree: object) -> None:
    htmlmod._depth(tree)
    htmlmod._figures(tree)
    shown_texts(tree, LEAD)


def test_each_walk_makes_the_elements_again_unless_they_are_held(lookups: list[str]) -> None:
    tree = lxml.html.document_fromstring(PAGE)
    elements = len(list(tree.iter()))
    lookups.clear()
    _read(tree)
    _read(tree)
    assert len(lookups) > 2 * elements  # every walk made them anew: what held() is for

    tree = lxml.html.document_fromstring(PAGE)
    holding = htmlmod.held(tree)
    lookups.clear()
    _read(tree)
    _read(tree)
    assert lookups == [] and len(holding) == elements


def test_parsing_a_page_holds_its_trees(lookups: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """parse_html_text holds its own tree and trafilatura's while it reads them:
    fewer element objects made than with nothing held, and the same article."""
    htmlmod.parse_html_text(PAGE, None)  # imports and first-use caches
    lookups.clear()
    article = htmlmod.parse_html_text(PAGE, None)
    holding = len(lookups)
    monkeypatch.setattr(htmlmod, "held", lambda tree: [])
    lookups.clear()
    assert htmlmod.parse_html_text(PAGE, None) == article
    assert holding < len(lookups)
