"""The lower-case words and web words of a block, found in one pass, are the
ones the two separate scans found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.entity_tokens import LOWER_WORD, case_words, lower_words, web_words

# The two scans as they were: the web tokens tried at every character.
_WEB_TOKEN_BEFORE = re.compile(r"\S*(?:[a-z0-9]\.[a-z]|[@/#])\S*")


def _before(text: str) -> tuple[list[str], list[str]]:
    lower = LOWER_WORD.findall(_WEB_TOKEN_BEFORE.sub(" ", text))
    web = [w for token in _WEB_TOKEN_BEFORE.findall(text) for w in re.findall(r"[a-z][a-z]+", token)]
    return lower, web


PIECES = [
    "www.example.com",
    "news@cnn.com,",
    "and/or",
    "#brexit.",
    "https://a.example.org/x?y=1",
    "U.S.",
    "e.g.",
    "3.5",
    "the",
    "port",
    "Storm",
    ". ",
    "! ",
    "? ",
    "\u00a0",
    "\u2003",
    "\x1c",
    "\x1f",
    "\n",
    "\t",
    " ",
    "",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_one_pass_finds_what_the_two_scans_found(text: str) -> None:
    assert case_words(text) == _before(text)
    assert (lower_words(text), web_words(text)) == _before(text)


def test_every_kind_of_space_ends_a_web_token() -> None:
    """The look-behind that starts a web token only where a run of non-spaces
    starts reads spaces as the pattern's own \\S does, for every character."""
    spaces = [chr(c) for c in range(0x3000 + 1) if re.match(r"\s", chr(c))]
    for space in spaces:
        text = f"see{space}www.example.com{space}or{space}a@b.org"
        assert case_words(text) == _before(text), repr(space)


def test_a_block_of_addresses_and_words() -> None:
    text = "Visit www.example.com or https://news.example.org/a and email desk@example.net, and/or #tag. The end"
    lower, web = case_words(text)
    assert lower == ["or", "and", "email", "end"]
    assert web == "www example com https news example org desk example net and or tag".split()


# The token pattern as it was before the look-ahead and the possessive runs.
_PLAIN_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}(?!\w)"
    r"|(?:Corp|Inc|Ltd|Co|Bros|Jr|Sr)\.(?!\w)"
    r"|\b(?:St|Ste|Mt|Ft|Pt|Dr|Mr|Mrs|Ms|Gen|Sen|Rep|Gov|Lt|Col|Capt|Cmdr|Adm|Sgt|Prof|Rev|Atty|Supt)\.(?= +[A-Z])"
    r"|[A-Z]\.(?=\s+(?!(?:The|A|An|He|She|It|They|We|I|But|And|In|On|At|This|That)\b)[A-Z])"
    r"|[^\W_]+(?:[-'’][^\W_]+)*-(?:[^\W\d_]\.){2,}(?!\w)"
    r"|[^\W_]+(?:[-'’.][^\W_]+)*(?:['’]s?)?"
    r"|&"
    r"|[.!?:;,\"“”‘’()]"
)
_TOKEN_TEXTS = st.lists(
    st.sampled_from([*"aZSUNJrtMs .-'’&,\n", "Mexico", "U.S.", "Corp.", "St. ", "Jr.", "The ", "é", "1"]), max_size=30
).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_TOKEN_TEXTS)
def test_tokens_are_those_of_the_plain_pattern(text: str) -> None:
    from reader.text.entity_tokens import _TOKEN

    assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in _PLAIN_TOKEN.finditer(text)]


def test_dotted_names_and_compounds_tokenise_as_before() -> None:
    from reader.text.entity_tokens import tokens

    text = "Mexico-U.S. talks: NationsBank Corp. and Rep. Nadler met S. Waugh at Main St. in the U.S. The rest."
    assert [t.text for t in tokens(text)] == [
        "Mexico-U.S.", "talks", "NationsBank", "Corp.", "and", "Rep.", "Nadler", "met", "S.", "Waugh",
        "at", "Main", "St", "in", "the", "U.S.", "The", "rest",
    ]  # fmt: skip


def _caps_line_by_characters(text: str) -> bool:
    """is_caps_line as it was: every character asked whether it is upper or lower case."""
    upper = sum(map(str.isupper, text))
    letters = upper + sum(map(str.islower, text))
    return letters >= 12 and upper / letters > 0.7


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(["STORM CLOSES PORT ", "Storm ", "W L PCT ", "ÉTÉ ", "ß", "1-0 ", "\n"]), st.text()),
        max_size=12,
    ).map("".join)
)
def test_a_caps_line_is_told_as_by_its_characters(text: str) -> None:
    from reader.text.entity_tokens import is_caps_line

    assert is_caps_line(text) == _caps_line_by_characters(text)
    assert is_caps_line(text.encode("ascii", "ignore").decode()) == _caps_line_by_characters(
        text.encode("ascii", "ignore").decode()
    )
