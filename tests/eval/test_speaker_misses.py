"""The dev tool that sorts wrong speakers by cause."""

from __future__ import annotations

from reader.model import Block
from reader.text.entities import find_entities
from reader.text.quotes import find_quotes
from tests.eval.eval_quotes import Miss
from tests.eval.speaker_misses import cause


def _miss(text: str, gold: str) -> Miss:
    blocks = [Block("paragraph", p) for p in text.split("\n")]
    lines: list[str] = []
    quote = [q for q in find_quotes(blocks, find_entities(blocks), explain=lines) if q.kind == "speech"][-1]
    last_quote = max(n for n, line in enumerate(lines) if line.startswith("quote "))
    explained = [line.strip() for line in lines[last_quote + 1 :]]
    return Miss("doc", blocks, quote, [gold], explained)


def test_a_narrators_tagged_quote_is_first_person() -> None:
    assert cause(_miss("“We should leave now,” I say to the driver.", "Robert")) == "first person (I say, I'm like)"


def test_a_right_candidate_beaten_by_another_cue_is_outranked() -> None:
    miss = _miss("Ann Lee met Tom Hardy on Monday. “The pier is closed,” she said.", "Tom Hardy")
    assert cause(miss) == "outranked by after_pronoun"


def test_a_name_the_text_never_gives_is_not_named() -> None:
    assert cause(_miss("“The pier is closed,” Hardy said to the crowd.", "Ann Lee")) == "gold not named in the text"


def test_a_characters_first_name_is_its_own_class_on_litbank() -> None:
    miss = _miss("Rose came in with the tea. “Now take your tea,” said Rose.", "Rose Markham")
    assert cause(miss, character_ids=True) == "the character by first name or part of its ID (strict scorer)"
    assert cause(miss) != cause(miss, character_ids=True)
