"""The index's own postings format makes exactly the postings Whoosh's would."""

from __future__ import annotations

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
