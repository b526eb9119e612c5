"""The speaker scorers of eval_quotes."""

from __future__ import annotations

from tests.eval.eval_quotes import same_character, same_speaker


def test_a_first_name_or_part_of_a_characters_id_is_that_character() -> None:
    assert same_character("Fergus", "Fergus Markham")
    assert same_character("John Good", "Captain John Good   RN")
    assert same_character("Betsey", "Aunt Betsey Trotwood")
    # The strict scorer does not count them (a shared first name is no match there).
    assert not same_speaker("Fergus", ["Fergus Markham"])
    assert not same_speaker("John Good", ["Captain John Good   RN"])


def test_another_characters_name_is_not_the_character() -> None:
    assert not same_character("Fergus", "Rose Markham")
    assert not same_character(None, "Rose Markham")
    assert not same_character("the visitor", "Aunt Betsey Trotwood")
