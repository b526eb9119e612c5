"""The judged-list scorer counts right over judged and keeps unjudged names apart."""

from __future__ import annotations

from tests.eval.judge_entities import score

JUDGED = [
    {"name": "Ada Lovelace", "type": "person", "mentions": 9, "verdict": "right"},
    {"name": "Lovelace Street", "type": "org", "mentions": 5, "verdict": "wrong-type"},
    {"name": "Monday", "type": "person", "mentions": 4, "verdict": "not-entity"},
    {"name": "Analytical", "type": "name", "mentions": 3, "verdict": "fragment"},
]


def test_precision_is_right_over_judged() -> None:
    result = score([("Ada Lovelace", "PERSON"), ("Lovelace Street", "ORG"), ("Monday", "PERSON")], JUDGED)
    assert (result.right, result.judged) == (1, 3)
    assert abs(result.precision - 1 / 3) < 1e-9
    assert result.errors == {"wrong-type": 1, "not-entity": 1}


def test_a_new_name_or_a_new_type_is_unjudged_not_wrong() -> None:
    result = score([("Ada Lovelace", "PLACE"), ("Charles Babbage", "PERSON"), ("Analytical", "NAME")], JUDGED)
    assert result.unjudged == [("Ada Lovelace", "PLACE"), ("Charles Babbage", "PERSON")]
    assert (result.right, result.judged) == (0, 1)
    assert result.untyped == 1


def test_nothing_judged_is_zero_not_an_error() -> None:
    assert score([], JUDGED).precision == 0.0
