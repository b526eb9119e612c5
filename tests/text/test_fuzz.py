"""Arbitrary text, control characters and unbalanced quotes included, through every text stage."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.model import Block
from reader.sanitize import clean_text
from reader.text.analysis import analyze
from reader.text.chrome import clean_scrape
from reader.text.fold import fold, split_glued
from reader.text.pipeline import blocks_from_scrape

QUOTES = "'\"“”‘’«»„"
tricky = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list(QUOTES + "\x1b\x07\x00\r\n\t\u202e\u2066\x9b .,!?:;-")),
    ),
    max_size=400,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tricky)
def test_scrape_pipeline_takes_anything(text: str) -> None:
    scrape = clean_scrape(clean_text(text))
    blocks = blocks_from_scrape(scrape.paragraphs)
    folded = fold(blocks)
    assert sum(b.repeats for b in folded) == len(blocks)
    analyze(folded)


@settings(max_examples=200, deadline=None)
@given(st.lists(tricky, max_size=8))
def test_glue_splitting_and_folding_keep_every_character_of_text(paragraphs: list[str]) -> None:
    paragraphs = [p for p in paragraphs if p.strip()]
    pieces = split_glued(paragraphs)

    def letters(texts: list[str]) -> str:
        return "".join("".join(t.split()) for t in texts)

    assert letters(pieces) == letters(paragraphs)
    fold([Block("paragraph", p) for p in pieces])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list(QUOTES + "ab cd. s,\n")), max_size=120), min_size=1, max_size=6))
def test_unbalanced_quotes_never_break_the_quote_finder(paragraphs: list[str]) -> None:
    blocks = [Block("paragraph", p) for p in paragraphs]
    found = analyze(blocks)
    for q in found["quotes"]:
        first, last = int(q["block"]), int(q.get("end_block", q["block"]))
        assert 0 <= first <= last < len(blocks)
        assert q["kind"] in ("speech", "term")
