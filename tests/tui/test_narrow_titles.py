"""At 80 columns every screen's title says all of itself (it wrapped nowhere and was cut off)."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from tests.tui.conftest import settle, to_results


def _shown(label: Label) -> str:
    lines = label.render_lines(label.region.reset_offset)
    return " ".join("".join(segment.text for segment in line).strip() for line in lines)


@pytest.mark.parametrize("key", ["E", "Q", "T", "L", "i"])
async def test_a_screen_title_wraps_at_80_columns(make_app, key) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await to_results(pilot)
        await pilot.press(key)
        await settle(pilot)
        label = app.screen.query(Label).first()
        text = str(label.render())
        assert len(text) > 40
        assert label.region.right <= 80
        words = text.split()
        assert " ".join(_shown(label).split()) == " ".join(words), (key, _shown(label), text)


@pytest.mark.parametrize(("key", "keys"), [("E", "a all · 1 people"), ("T", "d day · w week")])
async def test_a_screens_keys_are_a_line_of_their_own_at_80_columns(make_app, key, keys) -> None:  # type: ignore[no-untyped-def]
    """The keys in brackets after the title wrapped mid-phrase ("(d" / "day · w week")."""
    app = make_app()
    async with app.run_test(size=(80, 30)) as pilot:
        await to_results(pilot)
        await pilot.press(key)
        await settle(pilot)
        label = app.screen.query(Label).first()
        lines = [
            "".join(segment.text for segment in line).strip() for line in label.render_lines(label.region.reset_offset)
        ]
        assert any(line.startswith(keys) for line in lines), lines
