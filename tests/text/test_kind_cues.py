"""The kind a text defines a name as ("X is a village", "X, an English band", "the island of X")."""

from __future__ import annotations

import pytest

from reader.model import Block
from reader.text.entities import candidates, find_entities


def _cues(text: str) -> dict[str, tuple[str, ...]]:
    block = Block("paragraph", text)
    return {text[s.start : s.end]: s.cues for s in candidates([block])}


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [
        ("Champdor is a commune in the French département of Ain.", "Champdor", "described_place"),
        ("Aisby is a small village in the county of Lincolnshire.", "Aisby", "described_place"),
        ("Crazyhead are an English punk band from Leicester.", "Crazyhead", "described_org"),
        ("Mesa Boogie is an American company that makes amplifiers.", "Mesa Boogie", "described_org"),
        ("Cowley was the team's sole remaining member.", "Cowley", "described_person"),
        ("They met Tom Ebbe, a retired lawyer from Ohio, at noon.", "Tom Ebbe", "described_person"),
        ("He grew up on the island of Divar, far from any road.", "Divar", "described_place"),
        ("He signed to the independent label Food that year.", "Food", "described_org"),
    ],
)
def test_a_name_the_text_defines_by_a_kind_noun_is_marked_with_that_kind(text: str, name: str, cue: str) -> None:
    assert cue in _cues(text)[name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A comma between a noun and the name: no description of it.
        ("Its disciplinary committee, Anatoly Gorokhovsky, said so.", "Anatoly Gorokhovsky"),
        # After a comma, a clause with a speech verb is no apposition.
        ("Israeli President Ezer Weizman, the ministry said on Friday.", "Ezer Weizman"),
    ],
)
def test_no_kind_is_read_across_a_comma_or_from_a_clause(text: str, name: str) -> None:
    assert not [c for c in _cues(text)[name] if c.startswith("described_")]


def test_the_head_of_a_description_comes_after_a_possessive() -> None:
    cues = _cues("Lee was the club's best striker in years.")["Lee"]
    assert "described_person" in cues and "described_org" not in cues


def test_a_defined_unknown_name_takes_the_kind_it_is_defined_as() -> None:
    block = Block("paragraph", "Champdor is a commune in eastern France. Killing Joke are an English rock band.")
    types = {e.name: e.type for e in find_entities([block])}
    assert types.get("Champdor") == "PLACE"


def test_a_participle_or_an_adverb_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    block = Block("paragraph", "Visiting Russia in March 1890, he conducted concerts. Meanwhile Google said no.")
    assert set(_cues(block.text)) == {"Russia", "Google"}
    # A first name that is a word too opens a person's name ("Billy", "Sterling").
    assert "Billy Ashley" in _cues("Billy Ashley belted a three-run homer.")
