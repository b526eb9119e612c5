"""The footer is rebuilt when the keys it shows change, not on every bindings
signal. Textual rebuilt it (a widget and its styles per key) on each one: the
entity browser's four times as it opened, the main screen's once behind it,
about a third of the CPU that opening it cost on the real archive."""

from __future__ import annotations

from reader.tui.widgets.key_footer import KeyFooter
from tests.tui.conftest import settle, to_results


def count_builds(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    built: list[str] = []
    compose = KeyFooter.compose

    def counting(self):  # type: ignore[no-untyped-def]
        widgets = list(compose(self))
        if widgets:  # before its bindings are ready Textual's footer makes nothing
            built.append(type(self.screen).__name__)
        return widgets

    monkeypatch.setattr(KeyFooter, "compose", counting)
    return built


async def test_a_bindings_signal_with_the_same_keys_leaves_the_footer(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    built = count_builds(monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        built.clear()
        app.screen.refresh_bindings()
        await settle(pilot)
        assert built == []
        await pilot.press("enter")  # the reader's keys differ ("n" next hit): rebuilt
        await settle(pilot)
        assert built == ["MainScreen"]


async def test_the_entity_browsers_footer_is_built_once_as_it_opens(make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    built = count_builds(monkeypatch)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await to_results(pilot)
        built.clear()
        await pilot.press("E")
        await settle(pilot)
        assert built == ["EntityBrowser"]
