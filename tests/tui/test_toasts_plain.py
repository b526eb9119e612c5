"""Toasts show names as typed: a saved search, a tag or a file name with
brackets is text, not Textual markup."""

from __future__ import annotations

from textual.widgets._toast import Toast

from tests.tui.conftest import settle, to_results


async def test_a_search_saved_under_a_bracketed_name_is_said_as_named(make_app) -> None:  # type: ignore[no-untyped-def]
    """Textual reads a toast as markup unless told not to: "Saved as “[/b]”"
    raised a MarkupError where the toast is drawn, and "[red]x" came out as a
    red "x"."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        await pilot.press("ctrl+s", *"[/b]", "enter")
        await settle(pilot)
        await pilot.press("ctrl+s", *"[red]x", "enter")
        await settle(pilot)
        # What each toast draws (the headless app mounts no toast rack to look at).
        shown = [str(Toast(n).render()) for n in app._notifications]  # noqa: SLF001
    assert any("“[/b]”" in said for said in shown)
    assert any("“[red]x”" in said for said in shown)
