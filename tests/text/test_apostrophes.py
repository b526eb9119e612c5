"""Apostrophes are never taken for quote marks, whichever mark the page used.

Property tests: prose made of words, contractions (with ' ’ or a mistyped ‘,
and sometimes a stray space before the mark: "isn ‘t"), elisions ('em, '90s,
'til, o'clock, rock 'n' roll) and plural possessives anywhere in the line,
including its first and last word, holds no quotation; the same prose with one
real quotation in it holds exactly that one.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Block
from reader.text.quotes import find_quotes

MARKS = st.sampled_from(["'", "’", "‘"])
WORDS = st.sampled_from(["the", "automaker", "slowing", "down", "harbour", "Berg", "ferries", "wait", "and", "up"])


@st.composite
def contraction(draw: st.DrawFn) -> str:
    stem, suffix = draw(
        st.sampled_from(
            [
                ("isn", "t"),
                ("it", "s"),
                ("they", "re"),
                ("we", "ll"),
                ("I", "m"),
                ("you", "ve"),
                ("she", "d"),
                ("don", "t"),
                ("Berg", "s"),
            ]
        )
    )
    space = draw(st.sampled_from(["", "", " "]))
    return f"{stem}{space}{draw(MARKS)}{suffix}"


@st.composite
def elision(draw: st.DrawFn) -> str:
    mark = draw(MARKS)
    return draw(
        st.sampled_from(
            [
                f"{mark}em",
                f"{mark}90s",
                f"{mark}til",
                f"o{mark}clock",
                f"rock {mark}n{mark} roll",
                f"{mark}Tis",
                f"{mark}cause",
            ]
        )
    )


@st.composite
def possessive(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(["players", "owners", "Joneses", "dockers"])) + draw(st.sampled_from(["'", "’"]))


PIECE = st.one_of(WORDS, contraction(), elision(), possessive())
PROSE = st.lists(PIECE, min_size=1, max_size=14).map(" ".join)


def _quotes(*paragraphs: str) -> list[str]:
    return [q.text for q in find_quotes([Block("paragraph", p) for p in paragraphs])]


@settings(max_examples=300, deadline=None)
@given(PROSE, st.sampled_from(["", ".", ",", "!"]))
def test_prose_with_apostrophes_holds_no_quotation(prose: str, end: str) -> None:
    assert _quotes(prose + end) == []


@settings(max_examples=300, deadline=None)
@given(PROSE, PROSE)
def test_apostrophes_in_the_next_paragraph_do_not_continue_a_quote(first: str, second: str) -> None:
    assert _quotes(first + ".", second + ".") == []


@settings(max_examples=300, deadline=None)
@given(
    PROSE,
    st.lists(WORDS, min_size=2, max_size=6).map(" ".join),
    PROSE,
    st.sampled_from([("'", "'"), ("‘", "’"), ("“", "”"), ('"', '"')]),
)
def test_one_real_quotation_among_apostrophes_is_found_whole(
    before: str, said: str, after: str, pair: tuple[str, str]
) -> None:
    text = f"{before}, Berg said: {pair[0]}{said.capitalize()} now.{pair[1]} Then {after}."
    assert _quotes(text) == [f"{said.capitalize()} now."]


def test_a_contraction_split_off_its_word_is_not_a_quote() -> None:
    # The junk first row of the quote browser on a real archive.
    assert _quotes("The automaker isn ‘t slowing down on stacking up new models. It is fast.") == []
    assert _quotes("It 's a fine day and they 're happy and we 'll go.") == []
