"""'Did you mean': real words as they stand in the archive, and only a
suggestion that finds something."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import run_import


@pytest.fixture
def filled(archive, fixtures_dir: Path):  # type: ignore[no-untyped-def]
    run_import(archive, fixtures_dir)
    return archive


def suggestion(archive, text: str) -> str | None:  # type: ignore[no-untyped-def]
    result = archive.search(text)
    assert result.total == 0, text
    return result.suggestion  # type: ignore[no-any-return]


def test_suggests_words_as_written_not_stems(filled) -> None:  # type: ignore[no-untyped-def]
    # "ferry" is indexed as the stem "ferri", "trawlers" as "trawler".
    assert suggestion(filled, "fery") == "ferry"
    assert suggestion(filled, "trawlrs") in ("trawlers", "Trawlers")
    assert suggestion(filled, "counsil") == "council"


def test_keeps_the_query_as_typed_around_the_corrected_word(filled) -> None:  # type: ignore[no-untyped-def]
    assert suggestion(filled, "fery AND Kalmar") == "ferry AND Kalmar"
    assert suggestion(filled, '"fery fees"') == '"ferry fees"'
    assert suggestion(filled, "title:fishermen fery") == "title:fishermen ferry"


def test_no_suggestion_that_finds_nothing(filled) -> None:  # type: ignore[no-untyped-def]
    assert suggestion(filled, "fery AND qqqzzzx") is None  # the other word is nowhere
    assert suggestion(filled, "ferry AND sauna") is None  # every word is there: nothing to correct
    assert suggestion(filled, "xylophonics") is None


def test_the_command_offers_it(capsys, tmp_path: Path, fixtures_dir: Path) -> None:  # type: ignore[no-untyped-def]
    data = ["--data-dir", str(tmp_path / "d")]
    assert main([*data, "import", str(fixtures_dir)]) == 0
    capsys.readouterr()
    assert main([*data, "search", "fery", "fees"]) == 0
    assert "Did you mean: ferry fees" in capsys.readouterr().err


def test_spellings_of_a_term_are_found_however_written() -> None:
    """Only words beginning as the term does are analysed; lowercasing and
    accent folding count, so Öland and FERRIES are found."""
    from reader.archive.index.whoosh_schema import text_analyzer
    from reader.archive.index.words import matching_words, spellings

    analyzer = text_analyzer()
    text = "Ferries to Öland: the FERRIES, a ferry, ferrymen and the Oland ferries' quay."
    for term in ("ferri", "oland", "ferrymen", "quai"):
        found = [text[a:b] for a, b in spellings(text, term, analyzer)]
        assert found == [text[a:b] for a, b in matching_words(text, {term}, analyzer)], term
    assert [text[a:b] for a, b in spellings(text, "oland", analyzer)] == ["Öland", "Oland"]


def test_the_lexicon_is_read_only_for_a_word_that_needs_correcting(filled, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Reading the lexicon took 1.6 s at 10,000 articles; a query too short to
    correct ("h", typed first in the app) or whose words the archive has
    must not pay for it."""
    from reader.archive.index import search as searchmod

    read: list[str] = []
    real = searchmod._lexicon  # noqa: SLF001
    monkeypatch.setattr(searchmod, "_lexicon", lambda reader, field: (read.append(field), real(reader, field))[1])
    assert filled.suggestion("h") is None and filled.suggestion("ferry qq") is None
    assert read == []
    assert filled.suggestion("fery") == "ferry"
    assert read == ["body"]
