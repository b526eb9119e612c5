"""reader/plural.py: one set of plurals for the command line, the app and the archive."""

from __future__ import annotations

from reader.plural import noun_for, plural


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert plural(1, "article") == "1 article"
    assert plural(0, "article") == "0 articles"
    assert plural(2, "mention") == "2 mentions"
    assert noun_for(1, "paragraph") == "paragraph" and noun_for(3, "paragraph") == "paragraphs"


def test_irregular_plurals_and_grouped_thousands() -> None:
    assert plural(1204, "story") == "1,204 stories"
    assert plural(2, "entity") == "2 entities" and plural(1, "entity") == "1 entity"
    assert plural(3, "person") == "3 people"
    assert plural(12, "dated article") == "12 dated articles"
