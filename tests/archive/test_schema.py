"""The index's own postings format makes exactly the postings Whoosh's would."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import formats

from reader.archive.index.whoosh_schema import WordPositions, build_schema, name_analyzer, text_analyzer

WORDS = [
    "the",
    "The",
    "a",
    "I",
    "storm",
    "Storms",
    "storming",
    "café",
    "CAFÉ",
    "Kuźnica",
    "naïve",
    "U.S.",
    "x",
    "port",
    "of",
    "authority",
    "3.5",
    "2021",
    "don't",
    "ﬁne",
    "İstanbul",
    "ß",
    "*",
    "well-known",
    "_id",
]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40).map(lambda parts: " ".join(parts))


def postings(fmt: formats.Format, text: str, analyzer: object) -> list[tuple]:
    return sorted(fmt.word_values(text, analyzer, mode="index"))


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([1.0, 2.0]))
def test_word_positions_match_whooshs_positions(text: str, boost: float) -> None:
    for analyzer in (text_analyzer(), name_analyzer()):
        assert postings(WordPositions(field_boost=boost), text, analyzer) == postings(
            formats.Positions(field_boost=boost), text, analyzer
        )


def test_a_leading_stop_word_keeps_its_place_as_whoosh_numbers_it() -> None:
    got = dict(
        (w, WordPositions().decode_positions(v))
        for w, _, _, v in WordPositions().word_values("the storm of the port", text_analyzer())
    )
    assert got == {"storm": [1], "port": [2]}


def test_every_text_field_uses_word_positions() -> None:
    schema = build_schema()
    text_fields = [name for name in schema.names() if type(schema[name]).__name__ == "TEXT"]
    assert text_fields and all(isinstance(schema[name].format, WordPositions) for name in text_fields)


def test_an_index_written_before_the_schema_moved_opens_without_a_rebuild(
    tmp_path: Path, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indexes name WordPositions' module in their pickled schema; until
    index/whoosh_schema.py it was reader.archive.schema."""
    from reader.archive import Archive
    from tests.conftest import run_import
    from tests.test_cli import run_cli

    data = tmp_path / "data"
    with monkeypatch.context() as patched:
        patched.setattr(WordPositions, "__module__", "reader.archive.schema")
        with Archive(data) as archive:
            run_import(archive, fixtures_dir)
    old_name = b"creader.archive.schema\nWordPositions\n"
    assert any(old_name in toc.read_bytes() for toc in (data / "index").glob("*.toc"))

    done = run_cli("--data-dir", str(data), "search", "ferry")  # a new process, as after an upgrade
    assert done.returncode == 0, done.stderr
    assert "ferry" in done.stdout.lower()
    assert any(old_name in toc.read_bytes() for toc in (data / "index").glob("*.toc"))  # not rebuilt


def test_the_schema_read_again_after_a_commit_keeps_the_words_analysed(tmp_path: Path) -> None:
    """Each commit makes a new generation whose writer unpickles the schema
    again: its analyzers are new objects, but the words they already analysed
    are not analysed again (an import's index steps re-stemmed the whole
    vocabulary at each step)."""
    from reader.archive.index import whoosh_index as ixmod
    from reader.archive.index.whoosh_schema import word_terms

    ixmod.create_index(tmp_path / "ix")
    ix = ixmod.open_index(tmp_path / "ix")  # as an archive opens it: the schema read from the index
    analyzers = []
    for text in ("storms over the harbour", "harbour storms"):
        w = ixmod.writer(ix)
        w.add_document(id=text, body=text)
        analyzers.append(w.schema["body"].analyzer)
        w.commit()
    first, second = analyzers
    assert first is not second
    assert word_terms(second).terms("harbour storms") == ["harbour", "storm"]
    assert word_terms(second)._terms is word_terms(first)._terms
