"""Code in a saved article keeps its lines: a program run into one paragraph
("odd = lambda x: … for i in range(10): if odd(i): print(i)") cannot be read."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.ingest import read_articles
from reader.model import Block, StoredArticle
from reader.output import Styler, article_text
from reader.text.analysis import analyze
from reader.text.pipeline import finish

CODE = "odd = lambda x: x % 2\nfor i in range(10):\n    if odd(i):\n        print(i)"
PARA = "<p>This article shows how to write a loop in Python, with a short example of what we mean, part {}.</p>"


def test_html_pre_code_is_a_code_block_with_its_lines(tmp_path: Path) -> None:
    page = tmp_path / "loops.html"
    page.write_text(
        f"<html><head><title>Loops</title></head><body><article><h1>Loops</h1>{PARA.format(1)}{PARA.format(2)}"
        f"<pre><code>{CODE}</code></pre>{PARA.format(3)}<p>Inline <code>x = 1</code> stays in its line.</p>"
        "</article></body></html>"
    )
    (article,) = read_articles(page)
    kinds = [(b.kind, b.text) for b in finish(article).blocks]
    assert ("code", CODE) in kinds
    assert ("paragraph", "Inline x = 1 stays in its line.") in kinds


def test_markdown_fenced_code_is_a_code_block(tmp_path: Path) -> None:
    note = tmp_path / "loops.md"
    note.write_text(f"---\ntitle: Loops\n---\n\nA loop in Python, with an example.\n\n```python\n{CODE}\n```\n")
    (article,) = read_articles(note)
    assert Block("code", CODE) in article.blocks


def test_code_names_nothing_and_quotes_no_one() -> None:
    blocks = [Block("paragraph", "Anna Berg wrote this in Paris."), Block("code", 'London = "Paris"\nprint(London)')]
    found = analyze(blocks)
    assert {m["block"] for e in found["entities"] for m in e["mentions"]} == {0}
    assert not found["quotes"]


def test_the_cli_prints_code_line_by_line() -> None:
    now = datetime.now(UTC)
    from reader.model import Article

    article = Article("Loops", (Block("paragraph", "A loop."), Block("code", CODE)), "md")
    stored = StoredArticle("x", article, "h", now, now)
    text = article_text(stored, Styler(io.StringIO()), width=40, state=False)
    assert "\n    for i in range(10):\n        if odd(i):\n" in text


@given(st.lists(st.text(alphabet=" abc=():\t", max_size=12), min_size=1, max_size=6))
def test_a_code_blocks_lines_survive_markdown(tmp_path_factory, lines: list[str]) -> None:  # type: ignore[no-untyped-def]
    code = "\n".join(line.rstrip() for line in lines).strip("\n")
    note = tmp_path_factory.mktemp("md") / "code.md"
    note.write_text(f"---\ntitle: Code\n---\n\nSome words first.\n\n```\n{code}\n```\n")
    (article,) = read_articles(note)
    codes = [b.text for b in article.blocks if b.kind == "code"]
    assert codes == ([code.expandtabs(4)] if code.strip() else [])


def _html_blocks(tmp_path: Path, inner: str) -> list[tuple[str, str]]:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Loops</title></head><body><article><h1>Loops</h1>{PARA.format(1)}{PARA.format(2)}"
        f"{inner}{PARA.format(3)}</article></body></html>"
    )
    (article,) = read_articles(page)
    return [(b.kind, b.text) for b in finish(article).blocks]


def test_a_pre_without_code_is_a_code_block_with_its_lines(tmp_path: Path) -> None:
    # trafilatura made it a quotation and its lines ran into one paragraph.
    shell = "$ rsync -vv localhost::\nopening tcp connection to localhost port 873\nbackups    nightly copies"
    table = "         ERA   GS\nColon   3.38   22\nParker  3.55   19"
    blocks = _html_blocks(tmp_path, f"<pre>{shell}</pre><p>And the pitchers so far:</p><pre>{table}</pre>")
    assert ("code", shell) in blocks
    assert ("code", table) in blocks
    assert not any(kind == "blockquote" for kind, _ in blocks)


_WIRE = (
    "HARBOURTON--(Wire)--The harbour board voted on Tuesday to close the old\n"
    "ferry slip for repairs. The decision leaves the island's commuters without\n"
    "their usual crossing for most of the spring.\n\n"
    "   Board members said the concrete had cracked in two places during the\n"
    "January storms. Divers found the steel piles corroded where the tide\n"
    "rises and falls, and a pontoon will be moored beside the fish market.\n"
)


def test_a_pre_of_wrapped_prose_is_paragraphs(tmp_path: Path) -> None:
    blocks = _html_blocks(tmp_path, f"<pre>{_WIRE}</pre>")
    paragraphs = [text for kind, text in blocks if kind == "paragraph"]
    assert any(
        t.startswith("HARBOURTON--(Wire)--The harbour board voted on Tuesday to close the old ferry")
        for t in paragraphs
    )
    assert any(
        t.startswith("Board members said the concrete had cracked in two places during the January") for t in paragraphs
    )
    assert not any(kind in ("code", "blockquote") for kind, _ in blocks)


@given(st.lists(st.text(alphabet="ab .\n", max_size=40), max_size=8))
def test_a_prose_pre_keeps_every_word(lines: list[str]) -> None:
    from reader.ingest.preformatted import prose_paragraphs

    text = "\n".join(lines)
    assert " ".join(prose_paragraphs(text)).split() == text.split()


def test_code_and_tables_are_not_prose() -> None:
    from reader.ingest.preformatted import is_prose

    assert is_prose(_WIRE)
    assert not is_prose(CODE * 5)
    assert not is_prose("\n".join(f"Player{i}   3.{i}8   2.{i}   {i}2" for i in range(12)))
