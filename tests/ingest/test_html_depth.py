"""The depth guard of the HTML reader: one walk counts what climbing each
element's ancestors counted, up to the limit."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import html as htmlmod

trees = st.recursive(st.just([]), lambda kids: st.lists(kids, max_size=4), max_leaves=40)


def _markup(children: list) -> str:  # type: ignore[type-arg]
    return "".join(f"<div>x{_markup(child)}</div><!-- c -->" for child in children)


def _climbing(tree: object, limit: int) -> int:
    """The count as it was made before: each element's ancestors, capped."""
    deepest = 0
    for el in tree.iter():  # type: ignore[attr-defined]
        d, parent = 0, el.getparent()
        while parent is not None and d <= limit:
            d, parent = d + 1, parent.getparent()
        deepest = max(deepest, d)
        if deepest > limit:
            break
    return deepest


@settings(max_examples=60, deadline=None)
@given(shape=trees, limit=st.integers(min_value=1, max_value=8))
def test_one_walk_counts_as_climbing_did(shape: list, limit: int) -> None:  # type: ignore[type-arg]
    tree = lxml.html.document_fromstring(f"<html><body>{_markup(shape)}</body></html>")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(htmlmod, "MAX_DEPTH", limit)
        assert htmlmod._depth(tree) == _climbing(tree, limit)  # noqa: SLF001


def test_a_page_nested_past_the_limit_is_refused() -> None:
    page = "<html><body>" + "<div>" * (htmlmod.MAX_DEPTH + 5) + "deep" + "</div>" * (htmlmod.MAX_DEPTH + 5)
    tree = lxml.html.document_fromstring(page + "</body></html>")
    assert htmlmod._depth(tree) == htmlmod.MAX_DEPTH + 1  # noqa: SLF001
