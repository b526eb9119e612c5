"""The index's own postings format makes exactly the postings Whoosh's would."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import formats

from reader.archive.index.whoosh_schema import (
    VALUE_GAP,
    VALUE_SEP,
    WordPositions,
    build_schema,
    name_analyzer,
    text_analyzer,
)

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
# Any text but the separator of a field's values (which only WordPositions reads).
texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(max_size=8).map(lambda t: t.replace(VALUE_SEP, ""))), max_size=40
).map(lambda parts: " ".join(parts))


def postings(fmt: formats.Format, text: str, analyzer: object) -> list[tuple]:
    return sorted(fmt.word_values(text, analyzer, mode="index"))


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([1.0, 2.0]))
def test_word_positions_match_whooshs_positions(text: str, boost: float) -> None:
    for analyzer in (text_analyzer(), name_analyzer()):
        assert postings(WordPositions(field_boost=boost), text, analyzer) == postings(
            formats.Positions(field_boost=boost), text, analyzer
        )


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=5))
def test_values_keep_their_own_positions_apart(values: list[str]) -> None:
    """Each value of a field of many is numbered as Whoosh numbers it alone,
    and starts at least VALUE_GAP after the last word of the values before."""
    for analyzer in (text_analyzer(), name_analyzer()):
        joined = {
            w: WordPositions().decode_positions(v)
            for w, _, _, v in WordPositions().word_values(VALUE_SEP.join(values), analyzer)
        }
        last, seen = -1, []
        for value in values:
            alone = [(p, w) for w, _, _, v in formats.Positions().word_values(value, analyzer) for p in decode(v)]
            if not alone:
                continue
            alone.sort()
            start = alone[0][0] if last < 0 else last + VALUE_GAP
            shift = start - alone[0][0]
            seen += [(p + shift, w) for p, w in alone]
            last = alone[-1][0] + shift
        assert sorted((p, w) for w, ps in joined.items() for p in ps) == sorted(seen)


def decode(value: bytes) -> list[int]:
    return list(formats.Positions().decode_positions(value))


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


def _indexed(directory: Path, entities: list[tuple[str, str]], speakers: list[str]):  # type: ignore[no-untyped-def]
    """An index of one article naming these (name, type) entities and quoting these speakers."""
    from datetime import datetime

    from reader.archive.index.whoosh_index import document
    from reader.model import Article, Block, StoredArticle
    from tests.archive.segments import index_in_segments

    now = datetime(2024, 1, 1)
    article = Article("Trade talks", (Block("paragraph", "Talks went on."),), "text")
    stored = StoredArticle(
        "a1",
        article,
        "h",
        now,
        now,
        entities=tuple({"name": name, "type": kind, "mentions": []} for name, kind in entities),
        quotes=tuple({"speaker": s, "text": "Yes."} for s in speakers),
    )
    return index_in_segments(directory, [[document(stored)]])


def test_a_phrase_never_matches_across_two_names_of_a_field(tmp_path: Path) -> None:
    """The names of an article's entities (and its speakers) are one field each;
    joined with " | ", which the analyzer drops, "American" then "South Africa"
    matched entity:"American South" (a quoted entity name is now a whole name,
    the speaker's phrase still a phrase). Each name's own words, any of its
    words, and a whole name still match, as the README's queries need."""
    from reader.archive.index import search as searchmod

    ix = _indexed(
        tmp_path / "ix",
        [("American", "GROUP"), ("South Africa", "PLACE"), ("Liz Truss", "PERSON"), ("Alexander Lukashenko", "PERSON")],
        ["Liz Truss", "Maria Zakharova"],
    )
    with ix.searcher() as searcher:

        def found(text: str) -> int:
            return searchmod.run(ix, searcher, text, snippets=False)[1]

        for across in ('entity:"American South"', 'person:"Truss Alexander"', 'speaker:"Truss Maria"'):
            assert found(across) == 0, across
        assert found('entity:"American South"~5') == 0  # a sloppy phrase stays within a name too
        for within in (
            'entity:"South Africa"',
            'entity:"Alexander Lukashenko"',
            "person:Truss",
            "place:africa",
            "group:american",
            "speaker:Zakharova",
            'speaker:"Liz Truss"',
        ):
            assert found(within) == 1, within


def test_a_quoted_entity_name_finds_that_entity_not_longer_names_holding_it(tmp_path: Path) -> None:
    """The entity browser's "9 articles" for Paris listed 18 on Enter:
    entity:"Paris" found "Paris Hilton" too. A quoted name is the whole name
    (as the name analyzer reads it: case and accents aside); words unquoted
    still find any name holding them."""
    from reader.archive.index import search as searchmod

    only_longer = _indexed(tmp_path / "a", [("Paris Hilton", "PERSON"), ("New York Times", "ORG")], [])
    exact = _indexed(tmp_path / "b", [("Paris", "PLACE"), ("New York", "PLACE"), ("Kuźnica", "PLACE")], [])

    def found(ix, text: str) -> int:  # type: ignore[no-untyped-def]
        with ix.searcher() as searcher:
            return searchmod.run(ix, searcher, text, snippets=False)[1]

    for text in ('entity:"Paris"', 'entity:"New York"', 'place:"new york"', 'entity:"york times"'):
        assert found(only_longer, text) == 0, text
    for text in ("entity:paris", "person:hilton", 'entity:"New York Times"', 'org:"new york times"'):
        assert found(only_longer, text) == 1, text
    for text in ('entity:"Paris"', 'place:"PARIS"', 'entity:"New York"', 'entity:"Kuznica"', 'place:"Kuźnica"'):
        assert found(exact, text) == 1, text
    assert found(exact, 'person:"Paris"') == 0  # a place, not a person
