"""The glue count counts an extractor's seams, not words the page writes that way."""

from __future__ import annotations

from tests.eval.glue import glued, source_runs, source_words, split_words

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


def test_a_page_declaring_its_encoding_in_an_xml_declaration_still_has_runs() -> None:
    # lxml refuses decoded text that declares an encoding; the page's runs were
    # then empty, so every seam of such a page counted as glue.
    page = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<html><body><p>Visit the IoSblogs page.</p></body></html>'
    assert glued("Visit the IoSblogs page.", source_runs(page)) == []


def test_a_word_split_where_the_page_writes_it_whole_is_counted() -> None:
    page = (
        "<html><body><p>Riders of Mc<b>Leod</b> Travel went to the web<span>site</span> daily.</p>"
        "<p>The harbour</p><p>master said so, and the sea wall held.</p></body></html>"
    )
    words, pairs = source_words(page)
    text = "Riders of Mc Leod Travel went to the web site daily. The harbour master said so, and the sea wall held."
    assert split_words(text, words, pairs) == ["Mc Leod", "web site"]
    assert split_words("Riders of McLeod Travel went to the website daily.", words, pairs) == []
    assert split_words("went to the web\nsite daily", words, pairs) == []  # two blocks
