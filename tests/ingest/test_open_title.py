"""A page whose <title> is never closed (saved cut short, or `</title` run into
the next bytes) still imports: a title is raw text up to `</title>`, so left
open it swallowed the whole page and the import failed with "no article text"."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import html as htmlmod

_BODY = "".join(
    f"<p>Paragraph {n} of the report says the harbour council met on Tuesday to agree the new ferry timetable.</p>"
    for n in range(8)
)


def _page(head_title: str) -> bytes:
    return f"<html><head>{head_title}<meta charset='utf-8'></head><body><article><h1>Ferry timetable agreed</h1>{_BODY}</article></body></html>".encode()


def test_a_title_never_closed_keeps_the_article() -> None:
    (article,) = htmlmod.parse(_page("<title>Ferry timetable agreed - Harbour News"), Path("cut.html"))
    assert len(article.blocks) >= 8
    assert "harbour council" in article.blocks[-1].text
    assert article.title == "Ferry timetable agreed"


def test_a_close_tag_run_into_the_next_bytes_keeps_the_article() -> None:
    (article,) = htmlmod.parse(_page('<title>Ferry timetable agreed</titlevalue="true" -->'), Path("run.html"))
    assert len(article.blocks) >= 8


titles = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<&"), max_size=80)


@settings(max_examples=80, deadline=None)
@given(title=titles)
def test_a_closed_title_is_left_alone(title: str) -> None:
    page = f"<html><head><title>{title}</title></head><body><p>x</p></body></html>"
    assert htmlmod._closed_title(page) == page  # noqa: SLF001


@settings(max_examples=80, deadline=None)
@given(title=titles)
def test_an_open_title_ends_where_the_first_tag_starts(title: str) -> None:
    page = f"<html><head><title>{title}<meta charset='utf-8'></head><body><p>x</p></body></html>"
    assert htmlmod._closed_title(page) == page.replace("<meta", "</title><meta", 1)  # noqa: SLF001
