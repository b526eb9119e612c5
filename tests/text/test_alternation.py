"""The word-list trie matches what the length-sorted alternation matched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.alternation import longest_first
from reader.text.sentences import _POINT_OUT, _PUT_IT, SPEECH, WORDS_OF
from reader.text.vocab import DIALOGUE_VERBS, SPEECH_PARTICIPLES, SPEECH_VERBS, TITLES

# What followed the group in the patterns that use it: a word end, a letter
# (backtracking into a shorter word), a dot, spaces to the end.
_AFTERS = [r"\b", r"s\b", r"\.?\s+[A-Z]", r"\s+$", ""]


def _sorted_alternation(words: set[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _matches(pattern: str, text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in re.finditer(pattern, text, re.I)]


@settings(max_examples=300, deadline=None)
@given(
    words=st.sets(st.text(alphabet="abcs-.", min_size=1, max_size=5), min_size=1, max_size=12),
    text=st.text(alphabet="abcsAS-. \n", max_size=40),
    after=st.sampled_from(_AFTERS),
)
def test_same_matches_as_the_sorted_alternation(words: set[str], text: str, after: str) -> None:
    old = rf"(?<![\w-])((?:{_sorted_alternation(words)})){after}"
    new = rf"(?<![\w-])((?:{longest_first(words)})){after}"
    assert _matches(new, text) == _matches(old, text)


def test_a_word_that_is_a_prefix_of_another_is_tried_after_it() -> None:
    pattern = re.compile(rf"(?:{longest_first({'add', 'added', 'adds'})})\b")
    assert [m.group() for m in pattern.finditer("adds, added, add, addle")] == ["adds", "added", "add"]
    assert longest_first({"a"}) == "a"
    assert longest_first({"a", "ab", "abc", "ad"}) == "a(?:bc?|d)?"


def test_an_empty_word_is_refused() -> None:
    with pytest.raises(ValueError):
        longest_first({"said", ""})


SENTENCES = [
    "Ann Lee said the harbour would close, adding: the board agrees.",
    "As Lee put it, the plan was late; she put it on the shelf.",
    "In the immortal words of Lee, the Gazette points out that it reads well.",
    "His claims, the reports and Daily Reports: the statement read one way.",
    "They asked, answered, argued and were arguing for the defendants, then told reporters.",
]


def test_speech_verbs_found_as_before() -> None:
    words = SPEECH_VERBS | DIALOGUE_VERBS | SPEECH_PARTICIPLES
    old = "|".join(sorted(words, key=len, reverse=True) + [_PUT_IT, WORDS_OF, _POINT_OUT])
    for after in _AFTERS:
        for text in SENTENCES:
            assert _matches(rf"(?<![\w-])((?:{SPEECH}|reads?)){after}", text) == _matches(
                rf"(?<![\w-])((?:{old}|reads?)){after}", text
            )


def test_titles_found_as_before() -> None:
    text = "Vice-President Ann Lee, the Attorney-General, Governor-General Lee and Prime Minister Lee met Gen. Lee."
    for after in _AFTERS:
        assert _matches(rf"\b((?:{longest_first(TITLES)})){after}", text) == _matches(
            rf"\b((?:{_sorted_alternation(set(TITLES))})){after}", text
        )
