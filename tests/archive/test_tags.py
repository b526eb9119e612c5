"""Tags: kept as typed, matched without regard to case, shown with every hit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_import


@pytest.fixture
def filled(archive, fixtures_dir: Path):  # type: ignore[no-untyped-def]
    run_import(archive, fixtures_dir)
    return archive


def test_tags_keep_the_case_typed_and_match_any_case(filled) -> None:  # type: ignore[no-untyped-def]
    hit = filled.search("sauna").hits[0]
    filled.set_tags(hit.id, ["Europe", "baltic", "europe", " Travel Notes "])
    assert filled.get(hit.id).tags == ("baltic", "Europe", "Travel Notes")
    for query in ("tag:europe", "tag:EUROPE", "tag:Europe", 'tag:"travel notes"'):
        assert [h.id for h in filled.search(query).hits] == [hit.id], query


def test_hits_carry_their_tags(filled) -> None:  # type: ignore[no-untyped-def]
    hit = filled.search("sauna").hits[0]
    filled.set_tags(hit.id, ["Baltic"])
    assert filled.search("sauna").hits[0].tags == ("Baltic",)
    assert next(h for h in filled.search("").hits if h.id == hit.id).tags == ("Baltic",)
    assert next(h for h in filled.search("", collapse=True).hits if h.id == hit.id).tags == ("Baltic",)


def test_add_and_remove_tags(filled) -> None:  # type: ignore[no-untyped-def]
    hit = filled.search("sauna").hits[0]
    assert filled.add_tags(hit.id, ["Europe", "sauna"]) == ("Europe", "sauna")
    # Adding a tag again in another case keeps one, as now typed.
    assert filled.add_tags(hit.id, ["EUROPE"]) == ("EUROPE", "sauna")
    assert filled.remove_tags(hit.id, ["europe", "nothing"]) == ("sauna",)
    assert filled.search("tag:europe").total == 0
