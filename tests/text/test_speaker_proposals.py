"""The candidate list the cues add to: how a mention becomes a candidate."""

from __future__ import annotations

from reader.model import Block
from reader.text.entities import find_entities
from reader.text.quotes import find_quotes


def _explain(*paragraphs: str) -> list[str]:
    blocks = [Block("paragraph", p) for p in paragraphs]
    lines: list[str] = []
    find_quotes(blocks, find_entities(blocks), explain=lines)
    return lines


def test_a_name_after_a_preposition_is_a_fair_antecedent_but_no_subject() -> None:
    # "…, a trade professor at Cornell, said …. “…,” he said" gave the quote to
    # Cornell: a name after "at" counted as the subject of the verb after it.
    lines = _explain(
        "Tomas Berg, a trade professor at Cornell, said the harbour deal was weak. "
        '"It will not last the winter," he said.'
    )
    [cornell] = [line for line in lines if "'Cornell'" in line and "after_pronoun" in line]
    assert "prepositional_antecedent" in cornell.split()
    assert "subject" not in cornell.split()
    [berg] = [line for line in lines if "'Tomas Berg'" in line and "after_pronoun" in line]
    assert "subject" in berg.split()
