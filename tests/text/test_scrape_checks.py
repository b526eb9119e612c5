"""The pipeline on whole scrapes of the sample's shape: our fixture and the demo articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.demo import articles_dir
from tests.eval.check_scrape import check

SCRAPES = [Path(__file__).parents[1] / "fixtures" / "harbour-scrape.txt", *sorted(articles_dir().rglob("*.txt"))]


@pytest.mark.parametrize("path", SCRAPES, ids=lambda p: p.name)
def test_scrape_is_clean_folded_and_lossless(path: Path) -> None:
    problems, facts = check(path)
    assert problems == []
    assert facts["folded"] >= 2  # every one of these has a teaser or doubled captions


def test_checker_notices_a_lost_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.text import pipeline
    from reader.text.fold import fold

    path = tmp_path / "s.txt"
    path.write_text(SCRAPES[0].read_text())
    monkeypatch.setattr(pipeline, "fold", lambda blocks: fold(blocks)[:-1])  # drop the last block
    problems, _ = check(path)
    assert any("sentence lost" in p for p in problems)


def test_checker_notices_chrome_the_filter_missed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checker's idea of chrome is its own: with the pipeline's chrome
    filter switched off, the menu lines that then survive are reported."""
    from reader.text import chrome

    monkeypatch.setattr(chrome, "is_chrome", lambda line: False)
    monkeypatch.setattr(chrome, "TAIL_HEADING_WORDS", 0)  # and the headings under the article
    problems, _ = check(SCRAPES[0])
    assert any("chrome survived" in p for p in problems)
