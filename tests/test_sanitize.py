from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.sanitize import clean_line, clean_text


def test_strips_csi_colour_codes() -> None:
    assert clean_text("a\x1b[31mred\x1b[0m b") == "ared b"


def test_strips_osc8_hyperlink_and_title_change() -> None:
    text = "see \x1b]8;;http://evil.example\x07here\x1b]8;;\x07 and \x1b]0;pwned\x1b\\done"
    assert clean_text(text) == "see here and done"


def test_strips_c1_and_bidi_controls() -> None:
    assert clean_text("a\x9b31mb\u202ec\u2066d") == "abcd"
    assert clean_text("x\u0085y\u202ez") == "xyz"


def test_keeps_newlines_and_tabs_turns_cr_into_newline() -> None:
    assert clean_text("a\tb\r\nc\rd") == "a\tb\nc\nd"


def test_clean_line_squashes_whitespace() -> None:
    assert clean_line("  a\n\n b\t c ") == "a b c"


def test_markup_is_left_as_text() -> None:
    # Markup is the display layer's job (it must not interpret it); we keep the characters.
    assert clean_text("[bold red]x[/] [@click=app.quit]") == "[bold red]x[/] [@click=app.quit]"


@given(st.text())
def test_output_never_contains_control_characters(text: str) -> None:
    out = clean_text(text)
    assert not any(ord(c) < 32 and c not in "\t\n" for c in out)
    assert not any(0x7F <= ord(c) <= 0x9F for c in out)
    assert "\x1b" not in out
