"""The glue count counts an extractor's seams, not words the page writes that way."""

from __future__ import annotations

from tests.eval.glue import glued, source_runs

PAGE = (
    "<html><body><p>Sales of the iPhone rose at McDonald's stores, she said.</p>"
    "<p>Ramage's shop</p><td>Staff and agencies</td><td>Last updated</td>"
    "<p>the pier.<br>Credit</p><script>var x = 'the shopBanner';</script></body></html>"
)


def test_runs_the_page_writes_are_not_glue() -> None:
    assert glued("Sales of the iPhone rose at McDonald's stores", source_runs(PAGE)) == []


def test_runs_across_elements_whitespace_or_breaks_are_glue() -> None:
    text = "she said.Ramage's shop. Staff and agenciesLast updated. the pier.Credit"
    assert glued(text, source_runs(PAGE)) == ["said.Ramage", "agenciesLast", "pier.Credit"]


def test_script_text_does_not_excuse_a_seam() -> None:
    assert glued("the shopBanner", source_runs(PAGE)) == ["shopBanner"]
